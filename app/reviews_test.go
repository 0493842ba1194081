package app

import (
	"errors"
	"strings"
	"testing"

	"tuanxue/data"
)

// reviewFixture: the school union with a chair, a 宣传部 minister and a
// 宣传部 干事 in post since September, and someone holding no post.
type reviewFixture struct {
	s                      *Service
	union                  Organization
	chair, head, staff, no Person
}

func newReviewFixture(t *testing.T) reviewFixture {
	t.Helper()
	s, chair, union, dept := cadreFixture(t)
	f := reviewFixture{s: s, union: union, chair: chair}
	person := func(no, name string) Person {
		p, err := s.SavePerson(PersonDraft{StudentNo: no, Name: name})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	f.head, f.staff, f.no = person("2020002", "林晓"), person("2020003", "黄志强"), person("2020004", "郑雅")
	for _, a := range []AppointmentDraft{
		{PersonID: chair.ID, OrganizationID: union.ID, Post: PostChair},
		{PersonID: f.head.ID, OrganizationID: union.ID, DepartmentID: &dept.ID, Post: PostMinister},
		{PersonID: f.staff.ID, OrganizationID: union.ID, DepartmentID: &dept.ID, Post: PostStaff},
	} {
		a.StartOn, a.SelectedBy = "2020-09-10", data.SelectedByOther
		if _, err := s.SaveAppointment(a); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func (f reviewFixture) draft() ReviewDraft {
	return ReviewDraft{OrganizationID: f.union.ID, Semester: "2020-2021-1", HeldOn: "2020-10-12", Place: "学生活动中心 201",
		Panel:   []PanelistDraft{{Name: "王老师", Role: "组长"}, {Name: "学生代表甲", Student: true}, {Name: "学生代表乙", Student: true}},
		Aspects: DefaultReviewParams.Aspects,
		Reporters: []ReporterDraft{
			{PersonID: f.chair.ID, Scores: []string{"19", "18", "18", "19", "18"}},
			{PersonID: f.head.ID, Scores: []string{"10", "11", "12", "10", "9"}},
		}}
}

func TestReviewSavedWithTotalsAndResults(t *testing.T) {
	f := newReviewFixture(t)
	rec, err := f.s.SaveReview(f.draft())
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.s.ReviewRecord(rec.ID)
	if err != nil || len(got.Panel) != 3 || len(got.Reporters) != 2 {
		t.Fatalf("stored %+v %v", got, err)
	}
	chair, head := got.Reporters[0], got.Reporters[1]
	if *chair.Total != 92 || chair.Result != data.ReviewExcellent || chair.Post != PostChair {
		t.Errorf("chair %+v", chair)
	}
	if *head.Total != 52 || head.Result != data.ReviewFail || head.Post != "宣传部部长" || ScoreOf(head, "学习情况") != "12" {
		t.Errorf("head %+v", head)
	}
	if PanelProblem(got.Panel) != "" {
		t.Errorf("2 students of 3 is a majority: %s", PanelProblem(got.Panel))
	}
	// A result entered by hand is kept over the thresholds'.
	d := f.draft()
	d.ID, d.Version = got.ID, got.Version
	d.Reporters[1].Result = data.ReviewBasic
	if _, err := f.s.SaveReview(d); err != nil {
		t.Fatal(err)
	}
	if again, _ := f.s.ReviewRecord(rec.ID); again.Reporters[1].Result != data.ReviewBasic {
		t.Fatalf("entered result %+v", again.Reporters[1])
	}
}

func TestReviewBadInputSavesNothing(t *testing.T) {
	f := newReviewFixture(t)
	cases := []struct {
		name, field, want string
		edit              func(d *ReviewDraft)
	}{
		{"not on roster", "Reporter1", "不在名册中", func(d *ReviewDraft) { d.Reporters[1].PersonID = 9999 }},
		{"no post", "Reporter1", "未在本学生会任职", func(d *ReviewDraft) { d.Reporters[1].PersonID = f.no.ID }},
		{"a 干事", "Reporter1", "只有主席团成员和部门负责人", func(d *ReviewDraft) { d.Reporters[1].PersonID = f.staff.ID }},
		{"twice", "Reporter1", "重复", func(d *ReviewDraft) { d.Reporters[1].PersonID = f.chair.ID }},
		{"over full marks", "Reporter0", "应为 0–20 的分数", func(d *ReviewDraft) { d.Reporters[0].Scores[2] = "21" }},
		{"negative", "Reporter0", "应为 0–20 的分数", func(d *ReviewDraft) { d.Reporters[0].Scores[2] = "-1" }},
		{"not a number", "Reporter0", "应为 0–20 的分数", func(d *ReviewDraft) { d.Reporters[0].Scores[2] = "优" }},
		{"half scored", "Reporter0", "还有 2 项未评分", func(d *ReviewDraft) { d.Reporters[0].Scores[3], d.Reporters[0].Scores[4] = "", "" }},
		{"no panel", "Panel", "请填写评议小组成员", func(d *ReviewDraft) { d.Panel = nil }},
		{"panelist without name", "Panel", "第 2 行请填写姓名", func(d *ReviewDraft) { d.Panel[1].Name = ""; d.Panel[1].Role = "记分" }},
		{"no date", "HeldOn", "请填写评议日期", func(d *ReviewDraft) { d.HeldOn = "" }},
		{"future", "HeldOn", "", func(d *ReviewDraft) { d.HeldOn = "2020-12-30" }},
		{"other semester", "HeldOn", "应在2020-2021学年第一学期内", func(d *ReviewDraft) { d.HeldOn = "2020-06-30" }},
		{"no union", "OrganizationID", "请选择", func(d *ReviewDraft) { d.OrganizationID = 0 }},
	}
	for _, c := range cases {
		d := f.draft()
		d.Reporters = append([]ReporterDraft(nil), d.Reporters...)
		for i := range d.Reporters {
			d.Reporters[i].Scores = append([]string(nil), d.Reporters[i].Scores...)
		}
		d.Panel = append([]PanelistDraft(nil), d.Panel...)
		c.edit(&d)
		_, err := f.s.SaveReview(d)
		var v ValidationError
		if !errors.As(err, &v) || !strings.Contains(v.For(c.field), c.want) {
			t.Errorf("%s: %v (field %s: %q)", c.name, err, c.field, v.For(c.field))
		}
	}
	if rs, _ := f.s.Reviews(""); len(rs) != 0 {
		t.Fatalf("refused sessions saved: %+v", rs)
	}
}

func TestReviewPanelMostlyStudents(t *testing.T) {
	if got := PanelProblem([]ReviewPanelist{{Name: "王老师"}, {Name: "甲", Student: true}}); !strings.Contains(got, "2 人中学生 1 人，未超过半数") {
		t.Fatalf("half is not a majority: %q", got)
	}
	// Saving is allowed (members may still be added); the problem is said.
	f := newReviewFixture(t)
	d := f.draft()
	d.Panel[1].Student = false
	if _, err := f.s.SaveReview(d); err != nil {
		t.Fatal(err)
	}
}

func TestFailedReviewFlagsForExit(t *testing.T) {
	f := newReviewFixture(t)
	if _, err := f.s.SaveReview(f.draft()); err != nil {
		t.Fatal(err)
	}
	file, err := f.s.PersonFile(f.head.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(file.ExitReasons, "；"), "2020-2021学年第一学期述职评议不合格") {
		t.Fatalf("exit reasons %v", file.ExitReasons)
	}
	if cells := ReviewCells(file.Reviews); len(cells) != 1 || cells[0][2] != "宣传部部长" || cells[0][4] != "不合格" {
		t.Fatalf("person form's 述职评议 tab %v", cells)
	}
	if file, _ := f.s.PersonFile(f.chair.ID); len(file.ExitReasons) != 0 {
		t.Fatalf("an excellent review flags: %v", file.ExitReasons)
	}
	flt := RosterFilter{OrganizationID: f.union.ID, Status: data.RosterFlagged, Semester: "2020-2021-1"}
	rows, err := f.s.RosterAll(flt)
	if err != nil || len(rows) != 1 || rows[0].PersonID != f.head.ID {
		t.Fatalf("flagged %+v %v", rows, err)
	}
	cells := RosterCells(rows[0], "2020-2021-1")
	if !strings.Contains(cells[len(cells)-1], "述职评议不合格") {
		t.Fatalf("roster reason %q", cells[len(cells)-1])
	}
	ids, _ := f.s.RosterIDs(flt)
	paged, err := f.s.RosterRows(ids, "2020-2021-1")
	if err != nil || len(paged) != 1 || !paged[0].ReviewFailed {
		t.Fatalf("paged rows %+v %v", paged, err)
	}
	// The assessment grid shows the review result.
	sheet, err := f.s.AssessmentSheet(f.union.ID, nil, Semester{StartYear: 2020, Term: 1})
	if err != nil || len(sheet) != 1 || sheet[0].Review != "优秀（92 分）" {
		t.Fatalf("sheet %+v %v", sheet, err)
	}
}

func TestReviewParamsEditable(t *testing.T) {
	s := newTestService(t)
	p, err := s.ReviewParams()
	if err != nil || len(p.Aspects) != 5 || p.Aspects[0] != "政治态度" {
		t.Fatalf("defaults %+v %v", p, err)
	}
	if _, err := s.SaveReviewParamsText("政治态度、工作成效", "50", "90", "70", "60", ""); err != nil {
		t.Fatal(err)
	}
	p, _ = s.ReviewParams()
	if len(p.Aspects) != 2 || p.AspectMax != 50 || p.ResultFor(65, p.FullMarks(2)) != data.ReviewBasic {
		t.Fatalf("stored %+v", p)
	}
	for _, bad := range [][6]string{{"", "20", "90", "75", "60"}, {"甲、甲", "20", "90", "75", "60"},
		{"甲", "0", "90", "75", "60"}, {"甲", "20", "60", "75", "90"}, {"甲", "二十", "90", "75", "60"},
		{"甲", "20", "90", "75", "60", "120"}, {"甲", "20", "90", "75", "60", "-5"}, {"甲", "20", "90", "75", "60", "两成"}} {
		if _, err := s.SaveReviewParamsText(bad[0], bad[1], bad[2], bad[3], bad[4], bad[5]); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}

// With a share of the total, the review is one component of the semester
// assessment: a reporter's total weighs it in, a 干事 who gave no report is
// assessed on the four scores, and a review saved, changed or deleted after
// the grid brings the totals it feeds up to date — a grade chosen by hand
// stays.
func TestReviewWeighedIntoTheAssessment(t *testing.T) {
	f := newReviewFixture(t)
	if _, err := f.s.SaveReviewParamsText(strings.Join(DefaultReviewParams.Aspects, "、"), "20", "90", "75", "60", "20"); err != nil {
		t.Fatal(err)
	}
	rec, err := f.s.SaveReview(f.draft()) // chair 92 of 100, head 52
	if err != nil {
		t.Fatal(err)
	}
	all := [4]string{"80", "80", "80", "80"}
	err = f.s.SaveAssessments("2020-2021-1", []AssessmentDraft{{PersonID: f.chair.ID, Name: "陈思远", Scores: all},
		{PersonID: f.head.ID, Name: "林晓", Scores: all, Grade: data.GradeExcellent}, {PersonID: f.staff.ID, Name: "黄志强", Scores: all}})
	if err != nil {
		t.Fatal(err)
	}
	check := func(when string, p Person, total float64, review float64, grade string) {
		t.Helper()
		as, _ := f.s.Assessments(p.ID)
		if len(as) != 1 || as[0].Total == nil || *as[0].Total != total || as[0].Grade != grade {
			t.Errorf("%s: %s %+v", when, p.Name, as)
			return
		}
		if got := as[0].ReviewScore; review < 0 && got != nil || review >= 0 && (got == nil || *got != review) {
			t.Errorf("%s: %s review score %v, want %v", when, p.Name, got, review)
		}
	}
	check("saved", f.chair, 82.4, 92, data.GradeGood)     // 80×80% + 92×20%
	check("saved", f.head, 74.4, 52, data.GradeExcellent) // 80×80% + 52×20%, the grade chosen kept
	check("saved", f.staff, 80, -1, data.GradeGood)       // no report: the four alone
	sheet, err := f.s.AssessmentSheet(f.union.ID, nil, Semester{StartYear: 2020, Term: 1})
	if err != nil || len(sheet) != 1 || sheet[0].ReviewScore == nil || *sheet[0].ReviewScore != 92 {
		t.Fatalf("the grid's review score: %+v %v", sheet, err)
	}

	d := f.draft()
	d.ID, d.Version = rec.ID, rec.Version
	d.Reporters = d.Reporters[:1]
	d.Reporters[0].Scores = []string{"20", "20", "20", "20", "20"}
	if _, err := f.s.SaveReview(d); err != nil {
		t.Fatal(err)
	}
	check("review changed", f.chair, 84, 100, data.GradeGood)
	check("review changed", f.head, 80, -1, data.GradeExcellent) // no longer a reporter
	if err := f.s.DeleteReview(rec.ID); err != nil {
		t.Fatal(err)
	}
	check("review deleted", f.chair, 80, -1, data.GradeGood)
	if err := f.s.RestoreFromBin(data.BinEntry{Entity: "reviews", ID: rec.ID}); err != nil {
		t.Fatal(err)
	}
	check("review restored", f.chair, 84, 100, data.GradeGood)
}
