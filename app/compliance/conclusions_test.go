package compliance

import (
	"errors"
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/app/apptest"
	"tuanxue/data"
)

// manualItem finds the 二级 item "党组织定期听取学生会组织工作汇报" of a union:
// no record can prove it, so the records say 数据不足.
func manualItem(t *testing.T, r Report, org string) Result {
	t.Helper()
	for _, res := range r.Results {
		if res.Org.Name == org && strings.HasPrefix(res.Rule.Text, "党组织定期听取") {
			return res
		}
	}
	t.Fatalf("no 党组织听取汇报 item for %s", org)
	return Result{}
}

func TestAManualConclusionDecidesAndCanBeWithdrawn(t *testing.T) {
	svc := sampleService(t)
	const college = "机电工程学院学生会"
	r, _ := Run(svc, fall2020)
	item := manualItem(t, r, college)
	if item.Outcome != Insufficient || item.Manual() {
		t.Fatalf("before: %s", item.Outcome)
	}
	draft := ConclusionDraft{OrganizationID: item.Org.ID, Semester: fall2020, Rule: item.Rule, Outcome: Pass}
	_, err := SaveConclusion(svc, draft)
	var v app.ValidationError
	if !errors.As(err, &v) || v.For("Note") == "" || v.For("RecordedBy") == "" {
		t.Fatalf("a conclusion without its basis or its author: %v", err)
	}
	draft.Note, draft.RecordedBy = "2020年10月9日学院党委会听取学生会工作汇报", "林振华"
	withdraw := draft
	withdraw.Outcome = ""
	if _, err := SaveConclusion(svc, withdraw); !errors.As(err, &v) || v.For("Outcome") == "" {
		t.Fatalf("withdrawing a conclusion never made: %v", err)
	}
	c, err := SaveConclusion(svc, draft)
	if err != nil {
		t.Fatal(err)
	}
	if c.Year != "2020-2021" || c.Indicator != "college/manual/12" || c.Version != 1 {
		t.Fatalf("stored %+v", c)
	}

	r, _ = Run(svc, fall2020)
	item = manualItem(t, r, college)
	if item.Outcome != Pass || !item.Manual() || item.Checked != Insufficient ||
		!strings.Contains(item.Sentence, "人工结论为达标：2020年10月9日学院党委会听取学生会工作汇报（林振华，2020-10-15 10:00）") {
		t.Fatalf("after: %s %q (records: %s)", item.Outcome, item.Sentence, item.Checked)
	}
	if other := manualItem(t, r, "信息工程学院学生会"); other.Outcome != Insufficient {
		t.Fatal("the conclusion of one union decided another's")
	}
	spring := app.Semester{StartYear: 2020, Term: 2}
	later, _ := Run(svc, spring)
	if manualItem(t, later, college).Outcome != Pass {
		t.Fatal("the conclusion does not hold for the whole school year")
	}

	draft.ID, draft.Version, draft.Outcome = c.ID, c.Version, ""
	if _, err := SaveConclusion(svc, draft); err != nil {
		t.Fatal(err)
	}
	r, _ = Run(svc, fall2020)
	if item = manualItem(t, r, college); item.Outcome != Insufficient || item.Manual() || item.Conclusion == nil {
		t.Fatalf("withdrawn: %s, manual %v", item.Outcome, item.Manual())
	}
}

// Two offices open the same indicator: the second save, over a conclusion
// recorded or changed since it was read, is refused and the first stays.
func TestAStaleConclusionIsRefused(t *testing.T) {
	cfg := apptest.Config(t)
	a := apptest.Open(t, cfg)
	if err := a.LoadSample(); err != nil {
		t.Fatal(err)
	}
	b := apptest.Open(t, cfg)
	r, _ := Run(a, fall2020)
	item := outcome(t, r, "校学生会", "approval_chain")
	draft := func(outcome, note string) ConclusionDraft {
		return ConclusionDraft{OrganizationID: item.Org.ID, Semester: fall2020, Rule: item.Rule, Outcome: outcome,
			Note: note, RecordedBy: "林振华"}
	}
	first, err := SaveConclusion(a, draft(Pass, "审批表已归档"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := SaveConclusion(b, draft(Fail, "缺少党委审批")); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("a second new conclusion on the same indicator: %v", err)
	}
	update := draft(Fail, "两名部长缺少审核记录")
	update.ID, update.Version = first.ID, first.Version
	stale := update
	stale.Note = "审批表已全部补齐"
	if _, err := SaveConclusion(a, update); err != nil {
		t.Fatal(err)
	}
	if _, err := SaveConclusion(b, stale); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("save over a newer conclusion: %v", err)
	}
	r, _ = Run(b, fall2020)
	if res := outcome(t, r, "校学生会", "approval_chain"); res.Outcome != Fail || !strings.Contains(res.Sentence, "两名部长缺少审核记录") {
		t.Fatalf("kept: %s %q", res.Outcome, res.Sentence)
	}
}
