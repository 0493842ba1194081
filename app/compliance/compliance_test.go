package compliance

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/app/apptest"
	"tuanxue/data"
)

var (
	sampleService = apptest.Sample
	fall2020      = apptest.Fall2020
)

// outcome finds the result of a check for the union named org.
func outcome(t *testing.T, r Report, org, check string) Result {
	t.Helper()
	for _, res := range r.Results {
		if res.Org.Name == org && res.Rule.CheckKey == check {
			return res
		}
	}
	t.Fatalf("no result for %s / %s", org, check)
	return Result{}
}

func TestSampleCollegeAgainstTheNationalSet(t *testing.T) {
	svc := sampleService(t)
	r, err := Run(svc, fall2020)
	if err != nil {
		t.Fatal(err)
	}
	if r.Set.BuiltinKey == nil || *r.Set.BuiltinKey != "national-2020" {
		t.Fatalf("set in force for 2020-2021: %s", r.Set.Name)
	}
	const school, college = "校学生会", "机电工程学院学生会"
	want := []struct {
		org, check, outcome, sentence string
	}{
		{school, "no_admin_duties", Pass, "6 个工作部门的职责中没有宿舍管理、纠察、安全保卫等行政职能"},
		{school, "structure", Pass, "“主席团+工作部门”结构"},
		{school, "staff_cap", Fail, "校学生会实有工作人员 51 人，超过 40 人且未登记扩编理由"},
		{school, "presidium_cap", Pass, "主席团 3 人，不超过 5 人"},
		{school, "dept_cap", Pass, "工作部门 6 个"},
		{school, "allowed_posts", Pass, "只设主席"},
		{school, "political", Pass, "均为党员或团员"},
		{school, "grades", Fail, "有 1 名工作人员专业排名不在前 30% 或有课程不及格"},
		{school, "approval_chain", Insufficient, "51 人的任职没有关联选拔记录"},
		{school, "elected_by_congress", Pass, "主席团由第十二次学生代表大会"},
		{school, "congress_held", Pass, "召开第十二次学生代表大会"},
		{college, "staff_cap", Pass, "实有工作人员 30 人，不超过 30 人"},
		{college, "presidium_cap", Pass, "主席团 2 人，不超过 3 人"},
		{college, "congress_held", Insufficient, "没有学生代表大会记录"},
		{college, "secretary_general", Insufficient, "未登记秘书长"},
		{college, "manual", Insufficient, "须人工确认"},
		{college, "staff_training", Fail, "没有开展工作人员全员培训"},
	}
	for _, w := range want {
		res := outcome(t, r, w.org, w.check)
		if res.Outcome != w.outcome || !strings.Contains(res.Sentence, w.sentence) {
			t.Errorf("%s %s: %s %q\n want %s %q", w.org, w.check, res.Outcome, res.Sentence, w.outcome, w.sentence)
		}
	}
	if res := outcome(t, r, school, "staff_cap"); res.Figure != "实有 51 人" {
		t.Errorf("figure for the form %q", res.Figure)
	}
	if res := outcome(t, r, school, "congress_held"); !strings.HasPrefix(res.Figure, "召开日期为：2020-") {
		t.Errorf("congress figure %q", res.Figure)
	}
	for _, res := range r.For(outcome(t, r, school, "staff_cap").Org.ID) {
		if res.Rule.CheckKey == "secretary_general" {
			t.Errorf("the national 2020 form checks the college's own commitment: %s. %s", res.Rule.Number, res.Rule.Text)
		}
	}
	breaches := r.Breaches()
	if len(breaches) == 0 || breaches[0].Outcome != Fail || breaches[len(breaches)-1].Outcome != Insufficient {
		t.Fatalf("breaches not ordered 未达标 first: %v", breaches)
	}
}

// editable copies the set in force and returns a function that sets the
// parameters of one check in the copy.
func editable(t *testing.T, svc *app.Service) (func(check, params string), func() Report) {
	t.Helper()
	base, err := InForce(svc, fall2020)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := SetParams(svc, base, base.Rules[0], `{}`); err == nil {
		t.Fatal("a shipped set was edited")
	}
	set, err := Copy(svc, base, "本校指标")
	if err != nil {
		t.Fatal(err)
	}
	if err := UseForYear(svc, fall2020, set); err != nil {
		t.Fatal(err)
	}
	set, _ = svc.Store().RuleSet(set.ID)
	edit := func(check, params string) {
		t.Helper()
		for _, rule := range set.Rules {
			if rule.CheckKey == check && rule.Scope == data.ScopeSchool {
				if _, err := SetParams(svc, set, rule, params); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	run := func() Report {
		t.Helper()
		r, err := Run(svc, fall2020)
		if err != nil {
			t.Fatal(err)
		}
		if r.Set.ID != set.ID {
			t.Fatalf("the copy is not in force: %s", r.Set.Name)
		}
		return r
	}
	return edit, run
}

func TestStaffCapBoundaryAndReason(t *testing.T) {
	svc := sampleService(t)
	edit, run := editable(t, svc)
	edit("staff_cap", `{"limit":51,"extended":60}`)
	if res := outcome(t, run(), "校学生会", "staff_cap"); res.Outcome != Pass {
		t.Fatalf("51 staff against a limit of 51: %s %q", res.Outcome, res.Sentence)
	}
	edit("staff_cap", `{"limit":50,"extended":60}`)
	if res := outcome(t, run(), "校学生会", "staff_cap"); res.Outcome != Fail {
		t.Fatalf("51 staff against 50: %s", res.Outcome)
	}
	// The reason recorded on the union lets 51 pass under 60, not over it.
	tree, _ := svc.OrgTree()
	union := tree.OfKinds(data.KindSchoolUnion)[0]
	d := app.DraftOf(union)
	d.StaffCapReason = "全日制在校生 2 万余人，有 3 个校区"
	if _, err := svc.SaveOrganization(d); err != nil {
		t.Fatal(err)
	}
	edit("staff_cap", `{"limit":40,"extended":60}`)
	if res := outcome(t, run(), "校学生会", "staff_cap"); res.Outcome != Pass || !strings.Contains(res.Sentence, "已登记扩编理由") {
		t.Fatalf("51 with a reason: %s %q", res.Outcome, res.Sentence)
	}
	edit("staff_cap", `{"limit":40,"extended":50}`)
	if res := outcome(t, run(), "校学生会", "staff_cap"); res.Outcome != Fail || !strings.Contains(res.Sentence, "超过 50 人的上限") {
		t.Fatalf("51 over the extended cap: %s %q", res.Outcome, res.Sentence)
	}
}

func TestGradesBoundary(t *testing.T) {
	svc := sampleService(t)
	edit, run := editable(t, svc)
	// The sample's rankings go up to 29 %; one cadre has a failed course.
	edit("grades", `{"top":29}`)
	if res := outcome(t, run(), "校学生会", "grades"); res.Outcome != Fail {
		t.Fatal("a limit of 29 % should still fail only the failed course")
	}
	edit("grades", `{"top":28}`)
	res := outcome(t, run(), "校学生会", "grades")
	if res.Outcome != Fail || !strings.Contains(res.Sentence, "前 28%") || len(res.Links) < 2 {
		t.Fatalf("a limit of 28 %%: %s %q %d people", res.Outcome, res.Sentence, len(res.Links))
	}
}

func TestCongressTwelveMonthBoundary(t *testing.T) {
	svc := sampleService(t)
	tree, _ := svc.OrgTree()
	college := tree.OfKinds(data.KindCollegeUnion)[0]
	save := func(day string) {
		t.Helper()
		if _, err := svc.SaveMeeting(app.MeetingDraft{Kind: data.MeetingCongress, Title: "学生代表大会", HeldOn: day,
			OrganizationID: college.ID, DelegatesElected: "60", StudentsRepresented: "3000", NonCadreDelegates: "40",
			PresidiumElected: true}); err != nil {
			t.Fatal(err)
		}
	}
	save("2019-10-15") // exactly 12 months before the check
	r, _ := Run(svc, fall2020)
	if res := outcome(t, r, college.Name, "congress_held"); res.Outcome != Pass {
		t.Fatalf("12 months: %s %q", res.Outcome, res.Sentence)
	}
	st, _ := svc.Store().Meetings(data.SessionFilter{Kind: data.MeetingCongress, OrganizationID: college.ID})
	m := app.MeetingDraftOf(st[0])
	m.HeldOn = "2019-09-14"
	if _, err := svc.SaveMeeting(m); err != nil {
		t.Fatal(err)
	}
	r, _ = Run(svc, fall2020)
	if res := outcome(t, r, college.Name, "congress_held"); res.Outcome != Fail || !strings.Contains(res.Sentence, "学代会已 13 个月未召开") {
		t.Fatalf("13 months: %s %q", res.Outcome, res.Sentence)
	}
}

func TestSourceCollegeTargets(t *testing.T) {
	svc := sampleService(t)
	if err := EnsureBuiltins(svc); err != nil {
		t.Fatal(err)
	}
	if err := UseBuiltinForYear(svc, fall2020, "chaoshan"); err != nil {
		t.Fatal(err)
	}
	r, err := Run(svc, fall2020)
	if err != nil {
		t.Fatal(err)
	}
	const school = "校学生会"
	checks := []struct{ check, outcome, sentence string }{
		{"presidium_cap", Pass, "主席团 3 人，不超过 3 人"},
		{"dept_cap", Pass, "工作部门 6 个，不超过 6 个"},
		{"trainings_per_cadre", Fail, "名骨干参加骨干培训少于 1 次"},
		{"weekly_study", Fail, "只有 2 次有记录的学习会"},
		{"college_reports", Fail, "尚未听取信息工程学院学生会、经济管理学院学生会的工作报告"},
		{"party_ratio", Pass, "递交入党申请书比例"},
	}
	for _, c := range checks {
		res := outcome(t, r, school, c.check)
		if res.Outcome != c.outcome || !strings.Contains(res.Sentence, c.sentence) {
			t.Errorf("%s: %s %q, want %s %q", c.check, res.Outcome, res.Sentence, c.outcome, c.sentence)
		}
	}
}

func TestDepartmentStaffLimitOfTheSourceDesign(t *testing.T) {
	svc := sampleService(t)
	if err := UseBuiltinForYear(svc, fall2020, "chaoshan"); err != nil {
		t.Fatal(err)
	}
	tree, _ := svc.OrgTree()
	union := tree.OfKinds(data.KindSchoolUnion)[0]
	depts, _ := svc.Departments(union.ID)
	var pub app.Department
	for _, d := range depts {
		if d.Name == "宣传部" {
			pub = d
		}
	}
	for i := 0; i < 2; i++ {
		p, err := svc.SavePerson(app.PersonDraft{StudentNo: "20209900" + string(rune('1'+i)), Name: "新干事", PoliticalStatus: data.PoliticalLeague})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SaveAppointment(app.AppointmentDraft{PersonID: p.ID, OrganizationID: union.ID, DepartmentID: &pub.ID,
			Post: app.PostStaff, StartOn: "2020-10-01"}); err != nil {
			t.Fatal(err)
		}
	}
	r, _ := Run(svc, fall2020)
	res := outcome(t, r, "校学生会", "dept_cap")
	if res.Outcome != Fail || !strings.Contains(res.Sentence, "宣传部工作人员 8 人，超过上限 6 人") || res.Links[0].Label != "宣传部" {
		t.Fatalf("%s %q %v", res.Outcome, res.Sentence, res.Links)
	}
}

func TestOverviewFigures(t *testing.T) {
	svc := sampleService(t)
	o, err := MakeOverview(svc, fall2020)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range o.Figures {
		got[f.Label] = f.Value
	}
	if got["在任学生骨干"] != "141 人" || got["学生会组织"] != "4 个" || got["本学期培训"] != "1 次" ||
		!strings.HasPrefix(got["最近一次校级学代会"], "2020-") || !strings.Contains(got["递交入党申请书"], "/141）") ||
		got["整改事项"] != "未完成 3 项 · 逾期 1 项" {
		t.Fatalf("figures %v", got)
	}
}

func TestParamFieldsRoundTrip(t *testing.T) {
	svc := sampleService(t)
	base, _ := InForce(svc, fall2020)
	set, err := Copy(svc, base, "本校指标")
	if err != nil {
		t.Fatal(err)
	}
	var cap, duties Rule
	for _, r := range set.Rules {
		if r.Scope == data.ScopeSchool && r.CheckKey == "staff_cap" {
			cap = r
		}
		if r.Scope == data.ScopeSchool && r.CheckKey == "no_admin_duties" {
			duties = r
		}
	}
	if got := ParamFields(cap); len(got) != 2 || got[0] != [2]string{"extended", "60"} || got[1] != [2]string{"limit", "40"} {
		t.Fatalf("fields %v", got)
	}
	if _, err := SetParamFields(svc, set, cap, map[string]string{"limit": "四十"}); err == nil {
		t.Fatal("a word accepted as a number")
	}
	if _, err := SetParamFields(svc, set, cap, map[string]string{"limit": "45"}); err != nil {
		t.Fatal(err)
	}
	if _, err := SetParamFields(svc, set, duties, map[string]string{"words": "宿舍管理、纠察、安全保卫、门禁"}); err != nil {
		t.Fatal(err)
	}
	saved, _ := svc.Store().RuleSet(set.ID)
	for _, r := range saved.Rules {
		if r.ID == cap.ID && !strings.Contains(r.Params, `"limit":45`) {
			t.Fatalf("params %s", r.Params)
		}
		if r.ID == duties.ID && !strings.Contains(r.Params, `"门禁"`) {
			t.Fatalf("params %s", r.Params)
		}
	}
}

func TestBreachBecomesALedgerItemOnce(t *testing.T) {
	svc := sampleService(t)
	r, _ := Run(svc, fall2020)
	res := outcome(t, r, "校学生会", "staff_cap")
	item, err := Rectify(svc, res)
	if err != nil {
		t.Fatal(err)
	}
	if item.Problem != res.Sentence || !strings.HasPrefix(item.RuleText, "指标 3：") || *item.OrganizationID != res.Org.ID ||
		item.Deadline.String() != "2020-11-15" || item.Category != "改革指标" {
		t.Fatalf("item %+v", item)
	}
	if _, err := Rectify(svc, res); err == nil || !strings.Contains(app.Message(err), "已有整改事项") {
		t.Fatalf("second click: %v", err)
	}
	if _, err := Rectify(svc, outcome(t, r, "校学生会", "presidium_cap")); err == nil {
		t.Fatal("a passing rule became an item")
	}
}

// The 秘书长 commitment is the source college's own (its report, 一、4.（2））:
// on no national form, in the college's set only.
func TestSecretaryGeneralIsTheCollegesOwnCommitment(t *testing.T) {
	for _, b := range builtins {
		for _, d := range b.rules {
			national := strings.HasPrefix(b.key, "national-")
			if d.scope == school && strings.Contains(d.text, "校团委专职副书记") && national {
				t.Errorf("%s item %s: %s", b.key, d.number, d.text)
			}
		}
	}
	own := shipped("chaoshan")
	if !slices.ContainsFunc(own.Rules, func(r Rule) bool { return r.Text == textSecretary }) {
		t.Error("the college's own set lost its 秘书长 commitment")
	}
}

// A data file written by an older program holds the shipped sets as they
// were then: the next start brings them to today's wording, and leaves the
// teacher's copies alone.
func TestStoredBuiltinsAreBroughtUpToDate(t *testing.T) {
	svc := apptest.Service(t)
	if err := EnsureBuiltins(svc); err != nil {
		t.Fatal(err)
	}
	sets, _ := svc.Store().RuleSets()
	var old RuleSet
	for _, s := range sets {
		if s.BuiltinKey != nil && *s.BuiltinKey == "national-2021" {
			old = s
		}
	}
	old.Rules = append(old.Rules, Rule{Scope: school, Number: "12", Text: textSecretary, CheckKey: "secretary_general",
		Params: `{}`, SortOrder: 99, Enabled: true})
	if err := svc.Store().SaveRuleSet(&old); err != nil {
		t.Fatal(err)
	}
	mine, err := Copy(svc, old, "本校指标")
	if err != nil {
		t.Fatal(err)
	}
	if err := EnsureBuiltins(svc); err != nil {
		t.Fatal(err)
	}
	now, _ := svc.Store().RuleSet(old.ID)
	if !sameSet(now, shipped("national-2021")) {
		t.Fatalf("the stored set was not brought up to date: %d rules", len(now.Rules))
	}
	copied, _ := svc.Store().RuleSet(mine.ID)
	if len(copied.Rules) != len(old.Rules) {
		t.Fatalf("the teacher's copy changed: %d rules, had %d", len(copied.Rules), len(old.Rules))
	}
	sets, _ = svc.Store().RuleSets()
	if len(sets) != len(builtins)+1 {
		t.Fatalf("%d sets after the update", len(sets))
	}
}

// Item 1 is never ticked 是 for departments whose duties nobody recorded.
func TestDutiesUnrecordedAreNotAPass(t *testing.T) {
	svc := sampleService(t)
	tree, _ := svc.OrgTree()
	college := tree.OfKinds(data.KindCollegeUnion)[0]
	depts, _ := svc.Departments(college.ID)
	clear := func(d app.Department) {
		t.Helper()
		draft := app.DeptDraftOf(d)
		draft.Duties = ""
		if _, err := svc.SaveDepartment(draft); err != nil {
			t.Fatal(err)
		}
	}
	clear(depts[0])
	r, _ := Run(svc, fall2020)
	if res := outcome(t, r, college.Name, "no_admin_duties"); res.Outcome != Insufficient ||
		!strings.Contains(res.Sentence, depts[0].Name+"未登记职责") {
		t.Fatalf("one department without duties: %s %q", res.Outcome, res.Sentence)
	}
	for _, d := range depts[1:] {
		d, _ := svc.Store().Department(d.ID)
		clear(d)
	}
	r, _ = Run(svc, fall2020)
	if res := outcome(t, r, college.Name, "no_admin_duties"); res.Outcome != Insufficient ||
		res.Plain() != "各工作部门均未登记职责，无法核对是否承担行政职能" {
		t.Fatalf("no duties recorded: %s %q", res.Outcome, res.Plain())
	}
}

func TestNamesAndPlainSentence(t *testing.T) {
	rows := make([]data.StaffRow, 37)
	for i := range rows {
		rows[i].Name = fmt.Sprintf("人%02d", i)
	}
	if got := names(rows, 5); got != "人00、人01、人02、人03、人04等 37 人" {
		t.Errorf("names %q", got)
	}
	if got := names(rows[:2], 5); got != "人00、人01" {
		t.Errorf("two names %q", got)
	}
	r := Result{Org: app.Organization{Name: "校学生会"}}
	r.setNamed(Fail, "校学生会有 37 名工作人员是群众", rows)
	if r.Sentence != "校学生会有 37 名工作人员是群众（人00、人01、人02、人03、人04等 37 人）" || r.Plain() != "有 37 名工作人员是群众" {
		t.Errorf("sentence %q, plain %q", r.Sentence, r.Plain())
	}
	manual(nil, &union{org: r.Org}, nil, &r)
	if r.Plain() != "此项没有可核对的记录，须人工确认" {
		t.Errorf("manual %q", r.Plain())
	}
}
