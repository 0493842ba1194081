package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuanxue/app"
	"tuanxue/data"
)

func TestLedgerWorksAProblemThrough(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
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

func TestBreachToLedgerInOneClick(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	w.refreshAll()
	d := w.dashboard
	d.table.Select(widgetCell(0))
	test.Tap(findButton(t, d.links, "转为整改事项"))
	if lastRect == nil || !strings.Contains(lastRect.problem.Text, "实有工作人员 51 人") || !strings.HasPrefix(lastRect.rule.Text, "指标 3：") {
		t.Fatalf("item dialog shows %q / %q", lastRect.problem.Text, lastRect.rule.Text)
	}
	items, _ := svc.Ledger(app.RectFilter{Semester: app.SemesterAt(testNow())})
	if len(items) != 6 {
		t.Fatalf("ledger has %d items after the click", len(items))
	}
}
