package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

func TestLedgerWorksAProblemThrough(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.ShowModule("整改台账")
	s := w.ledger
	if len(s.items) != 5 || !strings.Contains(s.count.Text, "逾期 1 项") {
		t.Fatalf("sample ledger: %d items, %q", len(s.items), s.count.Text)
	}
	overdueRows := 0
	for r := range s.cells {
		if text, alert := s.cells[r][7], strings.Contains(s.cells[r][7], "逾期"); alert {
			overdueRows++
			if !strings.HasPrefix(text, "！逾期") {
				t.Fatalf("overdue marked by colour only: %q", text)
			}
		}
	}
	if overdueRows != 1 {
		t.Fatalf("%d overdue rows", overdueRows)
	}
	s.overdue.SetChecked(true)
	if len(s.items) != 1 {
		t.Fatalf("overdue filter kept %d", len(s.items))
	}
	s.overdue.SetChecked(false)

	// A new problem, then through to 已销号.
	test.Tap(findButton(t, s.root, "新增问题"))
	d := lastRect
	test.Type(d.problem, "宿舍文化节安全预案缺失")
	d.deadline.SetText("2020-01-01")
	test.Tap(findButton(t, topDialog(t, w.Win), "保存"))
	if !strings.Contains(fieldMessage(d.form, "Deadline"), "不能早于发现日期") {
		t.Fatalf("deadline before found: %q", fieldMessage(d.form, "Deadline"))
	}
	d.deadline.SetText("2020-12-31")
	test.Tap(findButton(t, topDialog(t, w.Win), "保存"))
	settle()
	if d.file.Item.ID == 0 || len(s.items) != 6 {
		t.Fatalf("new item not saved: %d items", len(s.items))
	}
	id := d.file.Item.ID
	test.Tap(d.advance)
	adv := topDialog(t, w.Win)
	selectsUnder(adv)[0].SetSelected("已完成")
	test.Tap(findButton(t, adv, "确定"))
	if !strings.Contains(strings.Join(labelsUnder(topDialog(t, w.Win)), ""), "请填写已采取的整改措施") {
		t.Fatal("completing without a measure not explained")
	}
	test.Tap(findButton(t, topDialog(t, w.Win), "取消"))
	if _, err := svc.AdvanceRect(id, app.Advance{To: data.RectDone, MeasureTaken: "已补充预案", CompletedOn: "2020-10-15"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddEvidence(id, "安全 预案.txt", strings.NewReader("预案全文")); err != nil {
		t.Fatal(err)
	}
	d.load(id)
	if len(d.evRows) != 1 || d.evRows[0][0] != "安全 预案.txt" || len(d.logRows) != 2 {
		t.Fatalf("evidence %v log %v", d.evRows, d.logRows)
	}
}

// TestBreachToLedgerOnlyOnSave: 转为整改事项 opens a new item filled in
// from the breach, stored only on 保存; afterwards the breach offers the
// item it has instead of a second one.
func TestBreachToLedgerOnlyOnSave(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	settle()
	d := w.dashboard
	count := func() int {
		items, _ := svc.Ledger(app.RectFilter{Semester: app.SemesterAt(testNow())})
		return len(items)
	}
	before := count()
	d.table.Select(widgetCell(0))
	test.Tap(findButton(t, d.links, "转为整改事项"))
	if lastRect == nil || !strings.Contains(lastRect.problem.Text, "实有工作人员 51 人") || !strings.HasPrefix(lastRect.rule.Text, "指标 3：") {
		t.Fatalf("item dialog shows %q / %q", lastRect.problem.Text, lastRect.rule.Text)
	}
	if n := count(); n != before {
		t.Fatalf("opening the dialog stored an item: %d, was %d", n, before)
	}
	test.Tap(findButton(t, topDialog(t, w.Win), "关闭"))
	settle()
	test.Tap(findButton(t, d.links, "转为整改事项"))
	test.Tap(findButton(t, topDialog(t, w.Win), "关闭"))
	if n := count(); n != before {
		t.Fatalf("two clicks and 关闭 left %d items, was %d", n, before)
	}

	test.Tap(findButton(t, d.links, "转为整改事项"))
	test.Tap(findButton(t, topDialog(t, w.Win), "保存"))
	saved := lastRect.file.Item.ID
	if n := count(); n != before+1 || saved == 0 {
		t.Fatalf("保存 left %d items, want %d", n, before+1)
	}
	test.Tap(findButton(t, topDialog(t, w.Win), "保存")) // again: the same item
	test.Tap(findButton(t, topDialog(t, w.Win), "关闭"))
	settle()
	if n := count(); n != before+1 {
		t.Fatalf("a second 保存 made %d items, want %d", n, before+1)
	}
	// The breach on view now names its item and opens it.
	open := findButton(t, d.links, "已有整改事项：待整改，2020-10-15 登记")
	for _, o := range d.links.Objects {
		if isButton(o, "转为整改事项") {
			t.Fatal("a breach with an open item still offers a new one")
		}
	}
	test.Tap(open)
	if lastRect.file.Item.ID != saved {
		t.Fatalf("opened item %d, want %d", lastRect.file.Item.ID, saved)
	}
}

func isButton(o fyne.CanvasObject, text string) bool {
	b, ok := o.(*widget.Button)
	return ok && b.Text == text
}
