package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestDeleteRestoreAndLog(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.ShowModule("学生骨干")
	w.roster.debounce = 0
	before := len(w.roster.ids)
	w.roster.table.Select(widgetCell(0))
	p := lastPerson
	name := p.file.Person.Name
	test.Tap(p.deleteButton)
	test.Tap(findButton(t, topDialog(t, w.Win), "删除"))
	settle()
	if len(w.roster.ids) != before-1 {
		t.Fatalf("roster %d rows after deleting, was %d", len(w.roster.ids), before)
	}

	w.ShowModule("回收站")
	b := w.bin
	if len(b.entries) != 1 || !strings.HasPrefix(b.cells[0][2], name) {
		t.Fatalf("bin %q", b.cells)
	}
	b.table.Select(widgetCell(0))
	test.Tap(b.restore)
	settle()
	if len(b.entries) != 0 {
		t.Fatal("restored record still in the bin")
	}
	w.ShowModule("学生骨干")
	if len(w.roster.ids) != before {
		t.Fatalf("roster %d rows after restoring, want %d", len(w.roster.ids), before)
	}

	w.ShowModule("操作日志")
	var actions []string
	for _, c := range w.log.cells[:3] {
		actions = append(actions, c[2]+c[3])
	}
	if got := strings.Join(actions, ","); !strings.HasPrefix(got, "恢复人员,删除人员") {
		t.Fatalf("latest log lines %q", got)
	}
	w.log.action.SetSelected("删除")
	for _, c := range w.log.cells {
		if c[2] != "删除" {
			t.Fatalf("filter kept %q", c)
		}
	}
}
