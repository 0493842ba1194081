package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuanxue/data"
)

// dialogEntries lists the entries of the open dialog, top to bottom.
func dialogEntries(t *testing.T, w fyne.Window) []*widget.Entry {
	t.Helper()
	return entriesUnder(topDialog(t, w))
}

func TestDepartmentAddEditMerge(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.refreshAll()
	w.ShowModule("组织机构")
	s := w.orgs
	if err := s.selectKind(data.KindCollegeUnion); err != nil {
		t.Fatal(err)
	}
	union := s.selected
	p := s.depts
	before := len(p.depts)

	// Add: a duplicate name is refused inside the dialog, which stays open.
	test.Tap(p.add)
	entries := dialogEntries(t, w.Win) // name, duties, order, status date, notes
	test.Type(entries[0], "学习部")
	test.Tap(findButton(t, topDialog(t, w.Win), "保存"))
	if !strings.Contains(strings.Join(labelsUnder(topDialog(t, w.Win)), ""), "本组织已有“学习部”") {
		t.Fatal("duplicate department not explained in the dialog")
	}
	entries[0].SetText("实践部")
	test.Type(entries[1], "社会实践、志愿服务")
	entries[2].SetText("5")
	test.Tap(findButton(t, topDialog(t, w.Win), "保存"))
	if w.Win.Canvas().Overlays().Top() != nil {
		t.Fatal("dialog still open after a valid save")
	}
	ds, _ := svc.Departments(union)
	if len(ds) != before+1 || len(p.depts) != before+1 {
		t.Fatalf("%d departments stored, %d listed, want %d", len(ds), len(p.depts), before+1)
	}

	// Merge 文体部 into 学习部 (illustrative): pick it, then the target.
	row := -1
	for i, d := range p.depts {
		if d.Name == "文体部" {
			row = i
		}
	}
	p.table.Select(widget.TableCellID{Row: row, Col: 1})
	test.Tap(p.merge)
	for _, o := range test.LaidOutObjects(topDialog(t, w.Win)) {
		if sel, ok := o.(*widget.Select); ok {
			sel.SetSelected("学习部")
		}
	}
	entries = dialogEntries(t, w.Win) // date, duties
	if entries[0].Text != "2020-10-15" || !strings.Contains(entries[1].Text, "文艺体育活动") {
		t.Fatalf("merge dialog prefilled %q / %q", entries[0].Text, entries[1].Text)
	}
	test.Tap(findButton(t, topDialog(t, w.Win), "合并"))
	merged, _ := svc.Store().Department(p.depts[len(p.depts)-1].ID)
	if merged.Name != "文体部" || merged.Status != data.StatusMerged {
		t.Fatalf("last row after merge: %+v", merged)
	}
	if got := p.cell(widget.TableCellID{Row: len(p.depts) - 1, Col: 3}); got != "已合并入 学习部（2020-10-15）" {
		t.Fatalf("status cell %q", got)
	}
}

func TestDepartmentsOnlyForUnions(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.refreshAll()
	w.ShowModule("组织机构")
	if err := w.orgs.selectKind(data.KindClub); err != nil {
		t.Fatal(err)
	}
	if !w.orgs.depts.add.Disabled() || !strings.Contains(w.orgs.depts.hint.Text, "不设工作部门") {
		t.Fatalf("a club offers departments: %q", w.orgs.depts.hint.Text)
	}
}
