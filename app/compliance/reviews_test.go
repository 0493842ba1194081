package compliance

import (
	"strings"
	"testing"

	"tuanxue/app"
)

// Last semester's sample reviews: the school union's keeps every rule and
// names its results; the last 二级学院 union's panel is half teachers.
func TestSampleReviewsChecked(t *testing.T) {
	svc := sampleService(t)
	spring := fall2020.Prev()
	if err := UseBuiltinForYear(svc, spring, "chaoshan"); err != nil {
		t.Fatal(err)
	}
	r, err := Run(svc, spring)
	if err != nil {
		t.Fatal(err)
	}
	school := outcome(t, r, "校学生会", "reviews")
	if school.Outcome != Pass || !strings.Contains(school.Sentence, "述职评议 15 人：") ||
		!strings.Contains(school.Sentence, "不合格 1 人") || !strings.Contains(school.Sentence, "评议小组 7 人，其中学生 5 人") {
		t.Errorf("school union: %s %q", school.Outcome, school.Sentence)
	}
	last := outcome(t, r, "经济管理学院学生会", "reviews")
	if last.Outcome != Fail || !strings.Contains(last.Sentence, "评议小组 4 人中学生 2 人，未超过半数") {
		t.Errorf("half-teacher panel: %s %q", last.Outcome, last.Sentence)
	}
	// This semester's review is not due yet in October.
	if err := UseBuiltinForYear(svc, fall2020, "chaoshan"); err != nil {
		t.Fatal(err)
	}
	now, err := Run(svc, fall2020)
	if err != nil {
		t.Fatal(err)
	}
	if res := outcome(t, now, "校学生会", "reviews"); res.Outcome != Pass || !strings.Contains(res.Sentence, "尚未到期") {
		t.Errorf("not due: %s %q", res.Outcome, res.Sentence)
	}
}

// The 二级 indicator "依据评议结果" reads the reviews: a union with results
// passes, one whose panel is not mostly students fails, one without any
// review fails; a head left out of a review is named.
func TestAwardsFollowReviewResults(t *testing.T) {
	svc := sampleService(t)
	r, err := Run(svc, fall2020) // the national set: 二级 item 11
	if err != nil {
		t.Fatal(err)
	}
	good := outcome(t, r, "机电工程学院学生会", "review_awards")
	if good.Outcome != Pass || !strings.Contains(good.Sentence, "评奖评优可依据其述职评议结果") || good.Value == "" {
		t.Errorf("with results: %s %q", good.Outcome, good.Sentence)
	}
	bad := outcome(t, r, "经济管理学院学生会", "review_awards")
	if bad.Outcome != Fail || !strings.Contains(bad.Sentence, "未超过半数") {
		t.Errorf("half-teacher panel: %s %q", bad.Outcome, bad.Sentence)
	}
	// Without the review, and with a head left out of it.
	tree, _ := svc.OrgTree()
	var orgID uint
	for _, o := range tree.OfKinds("college_union") {
		if o.Name == "信息工程学院学生会" {
			orgID = o.ID
		}
	}
	rec, ok, err := svc.ReviewOf(orgID, fall2020.Prev().String())
	if err != nil || !ok {
		t.Fatalf("sample review: %v %v", ok, err)
	}
	d := app.ReviewDraft{ID: rec.ID, Version: rec.Version, OrganizationID: orgID, Semester: rec.Semester, HeldOn: rec.HeldOn.String(),
		Aspects: app.DefaultReviewParams.Aspects}
	for _, p := range rec.Panel {
		d.Panel = append(d.Panel, app.PanelistDraft{Name: p.Name, Student: p.Student, Role: p.Role})
	}
	for _, rep := range rec.Reporters[1:] {
		row := app.ReporterDraft{PersonID: rep.PersonID}
		for _, a := range d.Aspects {
			row.Scores = append(row.Scores, app.ScoreOf(rep, a))
		}
		d.Reporters = append(d.Reporters, row)
	}
	if _, err := svc.SaveReview(d); err != nil {
		t.Fatal(err)
	}
	if err := UseBuiltinForYear(svc, fall2020.Prev(), "chaoshan"); err != nil {
		t.Fatal(err)
	}
	spring, _ := Run(svc, fall2020.Prev())
	if res := outcome(t, spring, "信息工程学院学生会", "reviews"); res.Outcome != Fail || !strings.Contains(res.Sentence, "缺 1 人未述职（主席") {
		t.Errorf("a head left out: %s %q", res.Outcome, res.Sentence)
	}
	if err := svc.DeleteReview(rec.ID); err != nil {
		t.Fatal(err)
	}
	r, _ = Run(svc, fall2020)
	if res := outcome(t, r, "信息工程学院学生会", "review_awards"); res.Outcome != Fail || !strings.Contains(res.Sentence, "均未开展述职评议") {
		t.Errorf("no review: %s %q", res.Outcome, res.Sentence)
	}
}
