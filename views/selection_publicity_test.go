package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuanxue/app"
	"tuanxue/data"
)

// The 公示 of the sample round from its dialog: wrong dates and an empty
// 异议 refused in Chinese with nothing stored, the end shown in working
// days, an objection registered, and appointing warns while the period
// runs. Today is 2020-10-15.
func TestSelectionPublicityDialog(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.ShowModule("选拔")
	s := w.selections
	s.list.Select(0)
	round := s.round.ID
	p := s.openPublicity()
	if p == nil {
		t.Fatal("no 公示 dialog")
	}

	test.Type(p.start, "x") // 2020-10-15x
	if !strings.Contains(p.end.Text, "请先改正") {
		t.Fatalf("end with a wrong start: %q", p.end.Text)
	}
	p.start.SetText("2020-10-12")
	p.workdays.SetText("2020-10-14")
	test.Tap(findButton(t, topDialog(t, w.Win), "保存公示"))
	if text := strings.Join(labelsUnder(topDialog(t, w.Win)), "|"); !strings.Contains(text, "调休上班日应是周六或周日：2020-10-14 是周三") {
		t.Fatalf("a weekday as 调休上班日 not explained: %s", text)
	}
	if got, _ := svc.PublicityOf(round); got.ID != 0 {
		t.Fatalf("a refused 公示 stored: %+v", got)
	}
	p.workdays.SetText("")
	if !strings.Contains(p.end.Text, "2020年10月12日至2020年10月16日（5个工作日）") {
		t.Fatalf("end shown %q", p.end.Text)
	}
	test.Tap(findButton(t, topDialog(t, w.Win), "保存公示"))
	if got, _ := svc.PublicityOf(round); got.ID == 0 || got.StartOn.String() != "2020-10-12" || got.Days != 5 {
		t.Fatalf("公示 stored %+v", got)
	}
	test.Tap(findButton(t, topDialog(t, w.Win), "确定")) // 已保存

	// An empty 异议 is refused; a filled one is listed, open.
	test.Tap(findButton(t, topDialog(t, w.Win), "登记异议"))
	test.Tap(findButton(t, topDialog(t, w.Win), "保存"))
	if text := strings.Join(labelsUnder(topDialog(t, w.Win)), "|"); !strings.Contains(text, "请填写异议人") || !strings.Contains(text, "请填写异议内容") {
		t.Fatalf("empty objection not explained: %s", text)
	}
	if os, _ := svc.Objections(round); len(os) != 0 {
		t.Fatalf("empty objection stored: %+v", os)
	}
	test.Tap(findButton(t, topDialog(t, w.Win), "取消"))
	p.openObjection(app.ObjectionDraft{RoundID: round, ReceivedOn: "2020-10-13", RaisedBy: "匿名来信", Content: "该生曾受处分"})
	test.Tap(findButton(t, topDialog(t, w.Win), "保存"))
	if len(p.objections) != 1 || p.cells[0][3] != "（未处理）" {
		t.Fatalf("register %v", p.cells)
	}
	test.Tap(findButton(t, topDialog(t, w.Win), "关闭"))

	// Appointing the first candidate (approvals complete) warns first.
	s.row = 0
	s.updateButtons()
	test.Tap(s.buttons[3])
	if text := strings.Join(labelsUnder(topDialog(t, w.Win)), "|"); !strings.Contains(text, "尚未结束") || !strings.Contains(text, "1 件异议尚未处理") {
		t.Fatalf("no warning before appointing: %s", text)
	}
	test.Tap(findButton(t, topDialog(t, w.Win), "仍要录用"))
	test.Tap(findButton(t, topDialog(t, w.Win), "录用并任职"))
	if c, _ := svc.Store().Candidate(s.cands[0].ID); c.Result != data.ResultAdmitted || c.AppointmentID == nil {
		t.Fatalf("candidate after admission %+v", c)
	}
}
