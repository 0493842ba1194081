package app

import (
	"strings"
	"testing"

	"tuanxue/data"
)

// cadreFixture is the sample college with one person in it.
func cadreFixture(t *testing.T) (*Service, Person, Organization, Department) {
	t.Helper()
	s := newTestService(t)
	if b := s.loadSampleOrgs(); b.err != nil {
		t.Fatal(b.err)
	}
	tree, _ := s.OrgTree()
	union := tree.OfKinds(data.KindSchoolUnion)[0]
	depts, _ := s.Departments(union.ID)
	p, err := s.SavePerson(PersonDraft{StudentNo: " 0020200101 ", Name: " 陈思远 ", Gender: data.GenderMale,
		Grade: "2020级", PoliticalStatus: data.PoliticalLeague, RankPercent: "12.5%", PartyAppliedOn: "2020年10月8日"})
	if err != nil {
		t.Fatal(err)
	}
	return s, p, union, depts[2] // 宣传部
}

func TestPersonRules(t *testing.T) {
	s, p, _, _ := cadreFixture(t)
	if p.StudentNo != "0020200101" || p.Name != "陈思远" || p.Grade != 2020 || *p.RankPercent != 12.5 ||
		p.PartyAppliedOn.String() != "2020-10-08" {
		t.Fatalf("saved %+v", p)
	}
	cases := []struct {
		d           PersonDraft
		field, want string
	}{
		{PersonDraft{StudentNo: "0020200101", Name: "李四"}, "StudentNo", "已属于 陈思远"},
		{PersonDraft{StudentNo: "", Name: "李四"}, "StudentNo", "请填写学号"},
		{PersonDraft{StudentNo: "2.02401E+11", Name: "李四"}, "StudentNo", "科学计数法"},
		{PersonDraft{StudentNo: "2020-01", Name: "李四"}, "StudentNo", "4–20 位数字或字母"},
		{PersonDraft{StudentNo: "2020002", Name: strings.Repeat("李", 51)}, "Name", "最多 50 个字"},
		{PersonDraft{StudentNo: "2020002", Name: "李四", Phone: "0663"}, "Phone", "11 位手机号"},
		{PersonDraft{StudentNo: "2020002", Name: "李四", Grade: "去年"}, "Grade", "2020级"},
		{PersonDraft{StudentNo: "2020002", Name: "李四", RankPercent: "120"}, "RankPercent", "0–100"},
		{PersonDraft{StudentNo: "2020002", Name: "李四", FailedCourses: "两门"}, "FailedCourses", "0–99"},
		{PersonDraft{StudentNo: "2020002", Name: "李四", PartyAppliedOn: "2021-01-01"}, "PartyAppliedOn", "不能晚于今天"},
	}
	for _, c := range cases {
		if _, err := s.SavePerson(c.d); !strings.Contains(errFor(err, c.field), c.want) {
			t.Errorf("%+v: %v, want %q on %s", c.d, err, c.want, c.field)
		}
	}
	if got, _ := s.SearchPeople("思远"); len(got) != 1 {
		t.Fatalf("search by part of the name: %d", len(got))
	}
	if got, _ := s.SearchPeople("_"); len(got) != 0 {
		t.Fatalf("LIKE wildcard not escaped: %d", len(got))
	}
}

func TestAppointmentRules(t *testing.T) {
	s, p, union, pub := cadreFixture(t)
	tree, _ := s.OrgTree()
	club := tree.OfKinds(data.KindClub)[0]
	other := tree.OfKinds(data.KindCollegeUnion)[0]
	otherDepts, _ := s.Departments(other.ID)
	base := AppointmentDraft{PersonID: p.ID, OrganizationID: union.ID, DepartmentID: &pub.ID, Post: PostStaff, StartOn: "2020-09-10"}
	with := func(edit func(*AppointmentDraft)) AppointmentDraft {
		d := base
		edit(&d)
		return d
	}
	bad := []struct {
		d           AppointmentDraft
		field, want string
	}{
		{with(func(d *AppointmentDraft) { d.Post = " " }), "Post", "请填写职务"},
		{with(func(d *AppointmentDraft) { d.StartOn = "" }), "StartOn", "请填写任职开始日期"},
		{with(func(d *AppointmentDraft) { d.EndOn = "2020-09-01" }), "EndOn", "不能早于开始日期"},
		{with(func(d *AppointmentDraft) { d.Post = PostChair }), "DepartmentID", "属于主席团"},
		{with(func(d *AppointmentDraft) { d.DepartmentID = nil }), "DepartmentID", "须选择所在部门"},
		{with(func(d *AppointmentDraft) { d.DepartmentID = &otherDepts[0].ID }), "DepartmentID", "不属于校学生会"},
	}
	for _, c := range bad {
		if _, err := s.SaveAppointment(c.d); !strings.Contains(errFor(err, c.field), c.want) {
			t.Errorf("%+v: %v, want %q", c.d, err, c.want)
		}
	}
	first, err := s.SaveAppointment(base)
	if err != nil {
		t.Fatal(err)
	}
	if first.PostRank != PostRank(PostStaff) || first.SelectedBy != data.SelectedByOther {
		t.Fatalf("saved %+v", first)
	}
	// One post per organization at a time; another organization is fine.
	second := with(func(d *AppointmentDraft) { d.Post, d.DepartmentID, d.StartOn = PostViceChair, nil, "2021-03-01" })
	if _, err := s.SaveAppointment(second); !strings.Contains(errFor(err, "OrganizationID"), "同一组织同一时间只能担任一个职务") {
		t.Fatalf("second post in the union: %v", err)
	}
	if _, err := s.SaveAppointment(AppointmentDraft{PersonID: p.ID, OrganizationID: club.ID, Post: "会长", StartOn: "2020-09-10"}); err != nil {
		t.Fatalf("a post in a club besides the union: %v", err)
	}
	// An earlier, finished term does not overlap.
	past := with(func(d *AppointmentDraft) { d.StartOn, d.EndOn = "2019-09-01", "2020-06-30" })
	if _, err := s.SaveAppointment(past); err != nil {
		t.Fatalf("a past term: %v", err)
	}
}

func TestExitEndsTheTermAndKeepsTheRecord(t *testing.T) {
	s, p, union, pub := cadreFixture(t)
	a, err := s.SaveAppointment(AppointmentDraft{PersonID: p.ID, OrganizationID: union.ID, DepartmentID: &pub.ID, Post: PostStaff, StartOn: "2020-09-10"})
	if err != nil {
		t.Fatal(err)
	}
	bad := []struct {
		d    ExitDraft
		want string
	}{
		{ExitDraft{PersonID: p.ID, AppointmentIDs: []uint{a.ID}, On: "2020-09-01", Reason: data.ExitResigned}, "不能早于任职开始日期"},
		{ExitDraft{PersonID: p.ID, AppointmentIDs: []uint{a.ID}, On: "2020-10-01"}, "请选择退出原因"},
		{ExitDraft{PersonID: p.ID, On: "2020-10-01", Reason: data.ExitResigned}, "请选择要退出的职务"},
		{ExitDraft{PersonID: p.ID, AppointmentIDs: []uint{a.ID}, On: "2020-12-01", Reason: data.ExitResigned}, "不能晚于今天"},
	}
	for _, c := range bad {
		if err := s.RecordExit(c.d); !strings.Contains(Message(err), c.want) {
			t.Errorf("%+v: %v, want %q", c.d, err, c.want)
		}
	}
	if err := s.RecordExit(ExitDraft{PersonID: p.ID, AppointmentIDs: []uint{a.ID}, On: "2020-10-01", Reason: data.ExitFailed, Notes: "本学期考核不合格"}); err != nil {
		t.Fatal(err)
	}
	as, _ := s.Appointments(p.ID)
	if as[0].EndOn.String() != "2020-09-30" { // the day before the exit
		t.Fatalf("term not ended: %+v", as[0])
	}
	exits, _ := s.Exits(p.ID)
	if len(exits) != 1 || exits[0].Reason != data.ExitFailed || exits[0].AppointmentID != a.ID {
		t.Fatalf("exit record %+v", exits)
	}
	if err := s.RecordExit(ExitDraft{PersonID: p.ID, AppointmentIDs: []uint{a.ID}, On: "2020-10-02", Reason: data.ExitOther}); !strings.Contains(Message(err), "已于 2020-09-30 结束") {
		t.Fatalf("exiting twice: %v", err)
	}
	// The post is free again in the union.
	if _, err := s.SaveAppointment(AppointmentDraft{PersonID: p.ID, OrganizationID: union.ID, DepartmentID: &pub.ID, Post: PostMinister, StartOn: "2020-10-10"}); err != nil {
		t.Fatalf("new post after the exit: %v", err)
	}
}

func TestAssessmentsAndExitFlags(t *testing.T) {
	s, p, union, _ := cadreFixture(t)
	w, _ := s.AssessmentWeights()
	if w != DefaultWeights {
		t.Fatalf("weights %v", w)
	}
	if err := s.SaveAssessmentWeights(Weights{10, 30, 30, 20}); err == nil || !strings.Contains(Message(err), "之和应为 100") {
		t.Fatalf("weights not adding to 100: %v", err)
	}
	rows := []AssessmentDraft{
		{PersonID: p.ID, Name: p.Name, OrganizationID: &union.ID, Scores: [4]string{"90", "50", "55", "50"}},
	}
	if err := s.SaveAssessments("2020-2021-1", []AssessmentDraft{{PersonID: p.ID, Name: p.Name, Scores: [4]string{"120"}}}); !strings.Contains(Message(err), "第 1 行") || !strings.Contains(Message(err), "0–100") {
		t.Fatalf("score out of range: %v", err)
	}
	if err := s.SaveAssessments("2020-2021-1", rows); err != nil {
		t.Fatal(err)
	}
	as, _ := s.Assessments(p.ID)
	if len(as) != 1 || *as[0].Total != 55.5 || as[0].Grade != data.GradeFail {
		t.Fatalf("assessment %+v total %v", as, *as[0].Total)
	}
	// Saving again from the grid read after the first save replaces, with
	// a chosen grade.
	rows[0].Grade, rows[0].Version = data.GradePass, as[0].Version
	if err := s.SaveAssessments("2020-2021-1", rows); err != nil {
		t.Fatal(err)
	}
	if as, _ = s.Assessments(p.ID); len(as) != 1 || as[0].Grade != data.GradePass {
		t.Fatalf("replaced assessment %+v", as)
	}

	p.FailedCourses = 2
	rank := 45.0
	p.RankPercent = &rank
	reasons := ExitReasonsFor(p, data.GradeFail, "2020-2021-1", DefaultRankLimit)
	want := "2020-2021学年第一学期考核不合格；有 2 门课程不及格；专业排名前 45%，未达到前 30% 的要求"
	if got := strings.Join(reasons, "；"); got != want {
		t.Fatalf("reasons %q\nwant    %q", got, want)
	}
	p.FailedCourses, p.RankPercent = 0, nil
	if r := ExitReasonsFor(p, data.GradeGood, "2020-2021-1", DefaultRankLimit); len(r) != 0 {
		t.Fatalf("unflagged person has reasons %v", r)
	}
}
