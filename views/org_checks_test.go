package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app/compliance"
	"tuanxue/data"
)

// On a union's 改革指标 tab a teacher records a conclusion of their own on
// an indicator the records cannot prove: without its basis nothing is
// saved; with it, the tab and the check show it as theirs.
func TestManualConclusionOnTheChecksTab(t *testing.T) {
	w, svc := sampleUI(t)
	w.ShowModule("组织机构")
	s := w.orgs
	college := s.orgs.OfKinds(data.KindCollegeUnion)[0]
	s.selectOrg(college.ID)
	s.tabs.SelectIndex(2)
	c := s.checks
	if !c.conclude.Disabled() {
		t.Fatal("人工结论 is offered before an indicator is chosen")
	}
	row := -1
	for i, r := range c.results {
		if strings.HasPrefix(r.Rule.Text, "党组织定期听取") {
			row = i
		}
	}
	if row < 0 || c.results[row].Outcome != compliance.Insufficient {
		t.Fatalf("no 数据不足 item 党组织听取汇报 among %d results", len(c.results))
	}
	c.table.Select(widget.TableCellID{Row: row, Col: 0})
	test.Tap(c.conclude)
	dlg := topDialog(t, w.Win)
	selectsUnder(dlg)[0].SetSelected("达标（是）")
	test.Tap(findButton(t, dlg, "保存"))
	if got, _ := svc.Store().Conclusions("2020-2021"); len(got) != 0 {
		t.Fatalf("a conclusion without its basis was saved: %+v", got)
	}
	entries := entriesUnder(dlg)
	test.Type(entries[0], "2020年10月9日学院党委会听取学生会工作汇报")
	test.Type(entries[1], "黄思远")
	test.Tap(findButton(t, dlg, "保存"))
	got, _ := svc.Store().Conclusions("2020-2021")
	if len(got) != 1 || got[0].OrganizationID != college.ID || got[0].Outcome != compliance.Pass || got[0].RecordedBy != "黄思远" {
		t.Fatalf("stored %+v", got)
	}
	var shown compliance.Result
	for _, r := range c.results {
		if strings.HasPrefix(r.Rule.Text, "党组织定期听取") {
			shown = r
		}
	}
	if !shown.Manual() || !strings.Contains(shown.Sentence, "2020年10月9日学院党委会听取学生会工作汇报（黄思远，") {
		t.Fatalf("the tab shows %s %q", shown.Outcome, shown.Sentence)
	}
}
