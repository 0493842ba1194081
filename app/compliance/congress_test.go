package compliance

import (
	"errors"
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/app/apptest"
	"tuanxue/data"
)

// congressCollege is a school of 500 students in two 二级学院 (300 and 200),
// seven students on the roster, one of them 经济管理学院学生会主席 (a cadre),
// and the school union's congress on the tests' day.
type congressCollege struct {
	svc              *app.Service
	school, info, ec app.Organization
	meeting          app.Meeting
	nos              []string
}

func newCongressCollege(t *testing.T) *congressCollege {
	t.Helper()
	c := &congressCollege{svc: apptest.Service(t)}
	org := func(name, kind, students string, parent *uint) app.Organization {
		o, err := c.svc.SaveOrganization(app.OrgDraft{Name: name, Kind: kind, ParentID: parent, Status: data.StatusActive, Students: students})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	league := org("校团委", data.KindLeague, "", nil)
	c.school = org("校学生会", data.KindSchoolUnion, "500", &league.ID)
	c.info = org("信息工程学院学生会", data.KindCollegeUnion, "300", &c.school.ID)
	c.ec = org("经济管理学院学生会", data.KindCollegeUnion, "200", &c.school.ID)
	people := []struct{ no, name, college, class string }{
		{"2019001", "陈思远", "信息工程学院", "计算机1901"}, {"2019002", "林晓", "信息工程学院", "计算机1901"},
		{"2019003", "黄嘉怡", "信息工程学院", "软件1902"}, {"2019004", "郑浩", "经济管理学院", "会计1901"},
		{"2019005", "吴雨萱", "经济管理学院", "会计1902"}, {"2019006", "蔡明轩", "信息工程学院", "软件1902"},
		{"2019007", "许佳琪", "经济管理学院", "会计1901"},
	}
	for _, p := range people {
		if _, err := c.svc.SavePerson(app.PersonDraft{StudentNo: p.no, Name: p.name, College: p.college, ClassName: p.class}); err != nil {
			t.Fatal(err)
		}
		c.nos = append(c.nos, p.no)
	}
	cadre, _ := c.svc.Store().PersonByStudentNo("2019004")
	if _, err := c.svc.SaveAppointment(app.AppointmentDraft{PersonID: cadre.ID, OrganizationID: c.ec.ID, Post: "主席", StartOn: "2020-09-01"}); err != nil {
		t.Fatal(err)
	}
	m, err := c.svc.SaveMeeting(app.MeetingDraft{Kind: data.MeetingCongress, Title: "第十二次学生代表大会", HeldOn: "2020-10-15",
		OrganizationID: c.school.ID, DelegatesElected: "5"})
	if err != nil {
		t.Fatal(err)
	}
	c.meeting = m
	return c
}

// delegates registers the first five students, the first present ones
// marked 出席 and the others 缺席.
func (c *congressCollege) delegates(t *testing.T, present int) {
	t.Helper()
	var rows []app.DelegateDraft
	k, _ := c.svc.Kit(c.meeting.ID)
	for i, no := range c.nos[:5] {
		d := app.DelegateDraft{StudentNo: no, Attendance: data.AttendAbsent}
		if i < len(k.Delegates) {
			d.ID, d.Version = k.Delegates[i].ID, k.Delegates[i].Version
		}
		if i < present {
			d.Attendance = data.AttendPresent
		}
		rows = append(rows, d)
	}
	if err := c.svc.SaveDelegates(c.meeting.ID, rows); err != nil {
		t.Fatal(err)
	}
}

func kitSize(t *testing.T, svc *app.Service, id uint) (int, int, int) {
	t.Helper()
	k, err := svc.Kit(id)
	if err != nil {
		t.Fatal(err)
	}
	return len(k.Delegates), len(k.Nominees), len(k.Quotas)
}

// Seats follow each college's students and the share; a college without
// its number of students is named and nothing is written.
func TestSeatsFollowStudentsAndShare(t *testing.T) {
	c := newCongressCollege(t)
	qs, err := c.svc.AllocateSeats(c.meeting.ID, app.DefaultCongressRules)
	if err != nil || len(qs) != 2 || qs[0].Seats != 3 || qs[1].Seats != 2 {
		t.Fatalf("1%% of 300 and 200: %+v %v", qs, err)
	}
	rules := app.DefaultCongressRules
	rules.DelegateShare = 1.5 // a college may set another ratio
	if qs, _ = c.svc.AllocateSeats(c.meeting.ID, rules); qs[0].Seats != 5 || qs[1].Seats != 3 {
		t.Fatalf("1.5%% of 300 and 200: %+v", qs)
	}
	d := app.DraftOf(c.ec)
	d.Students = ""
	if _, err := c.svc.SaveOrganization(d); err != nil {
		t.Fatal(err)
	}
	_, err = c.svc.AllocateSeats(c.meeting.ID, app.DefaultCongressRules)
	if msg := app.Message(err); !strings.Contains(msg, "经济管理学院学生会未填学生人数") {
		t.Fatalf("college without students: %q", msg)
	}
	if _, _, n := kitSize(t, c.svc, c.meeting.ID); n != 2 {
		t.Fatalf("the refused allocation changed the old one: %d lines", n)
	}
}

// A delegate who is not on the roster refuses the whole grid, by row.
func TestDelegateNotOnTheRosterRefusesTheGrid(t *testing.T) {
	c := newCongressCollege(t)
	err := c.svc.SaveDelegates(c.meeting.ID, []app.DelegateDraft{{StudentNo: "2019001"}, {StudentNo: "2099999"}, {StudentNo: "2019001"}})
	var bad app.BatchError
	if !errors.As(err, &bad) || len(bad) != 2 || bad[0].Row != 1 ||
		!strings.Contains(bad[0].For("StudentNo"), "学号 2099999 不在人员名册中") || !strings.Contains(bad[1].For("StudentNo"), "与第 1 行重复") {
		t.Fatalf("bad rows: %v", err)
	}
	if n, _, _ := kitSize(t, c.svc, c.meeting.ID); n != 0 {
		t.Fatalf("%d delegates saved from a refused grid", n)
	}
	c.delegates(t, 0)
	k, _ := c.svc.Kit(c.meeting.ID)
	if len(k.Delegates) != 5 || *k.Delegates[0].OrganizationID == 0 || k.Delegates[0].ClassName == "" {
		t.Fatalf("college and class from the roster: %+v", k.Delegates)
	}
}

func item(t *testing.T, e Eligibility, name string) Item {
	t.Helper()
	for _, it := range e.Items {
		if it.Name == name {
			return it
		}
	}
	t.Fatalf("no item %s in %+v", name, e.Items)
	return Item{}
}

// 资格审查: the share of students, the non-cadres (posts on the day), the
// seats, the quorum — each number the rule set's.
func TestEligibilityAgainstTheRules(t *testing.T) {
	c := newCongressCollege(t)
	if _, err := c.svc.AllocateSeats(c.meeting.ID, app.DefaultCongressRules); err != nil {
		t.Fatal(err)
	}
	c.delegates(t, 4)
	e, err := CheckCongress(c.svc, c.meeting.ID, app.DefaultCongressRules)
	if err != nil {
		t.Fatal(err)
	}
	if e.NonCadre != 4 || e.Outcome() != Pass {
		t.Fatalf("5 of 500, 4 non-cadres, 4 of 5 present: %d %s %+v", e.NonCadre, e.Outcome(), e.Items)
	}
	strict := app.DefaultCongressRules
	strict.NonCadreShare, strict.DelegateShare = 90, 2
	e, _ = CheckCongress(c.svc, c.meeting.ID, strict)
	if it := item(t, e, "非干部代表"); it.Outcome != Fail || it.Text != "非学生会干部代表 4 人，占 80%，低于 90%" {
		t.Errorf("non-cadres: %+v", it)
	}
	if it := item(t, e, "代表人数"); it.Outcome != Fail || !strings.Contains(it.Text, "不足所代表 500 名学生的 2%（应不少于 10 人）") {
		t.Errorf("share: %+v", it)
	}
	c.delegates(t, 3) // 3 of 5 is not more than 2/3
	e, _ = CheckCongress(c.svc, c.meeting.ID, app.DefaultCongressRules)
	if it := item(t, e, "到会"); it.Outcome != Fail || !strings.Contains(it.Text, "到会代表 3 人，未超过代表总数 5 人的 2/3") {
		t.Errorf("quorum: %+v", it)
	}
}

func (c *congressCollege) election(t *testing.T, seats string, nos []string, rules app.CongressRules) (app.Election, error) {
	t.Helper()
	d := app.ElectionDraft{MeetingID: c.meeting.ID, Title: "主席团成员选举", Seats: seats}
	for i, no := range nos {
		post := app.PostViceChair
		if i == 0 {
			post = app.PostChair
		}
		d.Candidates = append(d.Candidates, app.NomineeDraft{StudentNo: no, Post: post})
	}
	return c.svc.SaveElection(d, rules)
}

// As many candidates as seats is refused where 差额 is required, allowed
// where the rules say otherwise, and then a finding if the rules change.
func TestCompetitiveElection(t *testing.T) {
	c := newCongressCollege(t)
	_, err := c.election(t, "2", []string{"2019001", "2019002"}, app.DefaultCongressRules)
	if got := app.Message(err); got != "候选人 2 人、应选 2 名：须差额选举，候选人应多于应选名额" {
		t.Fatalf("等额 under 差额 rules: %q", got)
	}
	if _, n, _ := kitSize(t, c.svc, c.meeting.ID); n != 0 {
		t.Fatal("a refused election left candidates")
	}
	if _, err := c.election(t, "2", []string{"2019001", "2099999", "2019002"}, app.DefaultCongressRules); !strings.Contains(app.Message(err), "候选人学号 2099999 不在人员名册中") {
		t.Fatalf("candidate not on the roster: %v", err)
	}
	equal := app.DefaultCongressRules
	equal.Competitive = false
	if _, err := c.election(t, "2", []string{"2019001", "2019002"}, equal); err != nil {
		t.Fatalf("等额 allowed by the union's rules: %v", err)
	}
	e, _ := CheckCongress(c.svc, c.meeting.ID, app.DefaultCongressRules)
	if it := item(t, e, "差额选举"); it.Outcome != Fail || it.Text != "主席团成员选举候选人 2 人、应选 2 名，未实行差额选举" {
		t.Fatalf("等额 under 差额 rules, found: %+v", it)
	}
}

func (c *congressCollege) count(t *testing.T, e app.Election, voters string, votes ...string) ([]app.Ranked, error) {
	t.Helper()
	k, _ := c.svc.Kit(c.meeting.ID)
	d := app.CountDraft{ElectionID: e.ID, Voters: voters, Votes: map[uint]string{}}
	i := 0
	for _, n := range k.Nominees {
		if n.ElectionID == e.ID {
			d.Votes[n.ID] = votes[i]
			i++
		}
	}
	return c.svc.CountVotes(d, app.DefaultCongressRules)
}

// The count: no quorum, or more votes than delegates present, is refused
// and nothing is saved; otherwise the elected (more than half of the votes
// of those present, up to the seats) hold 主席团 posts from the congress.
func TestCountElectsThePresidium(t *testing.T) {
	c := newCongressCollege(t)
	c.delegates(t, 3)
	e, err := c.election(t, "2", []string{"2019001", "2019002", "2019003"}, app.DefaultCongressRules)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.count(t, e, "", "3", "3", "1")
	if got := app.Message(err); got != "实到代表 3 人，未超过代表总数 5 人的 2/3（至少须 4 人），大会不能进行选举" {
		t.Fatalf("quorum: %q", got)
	}
	c.delegates(t, 4)
	_, err = c.count(t, e, "", "5", "3", "1")
	var v app.ValidationError
	if !errors.As(err, &v) || !strings.Contains(v.Error(), "陈思远得票 5，多于实到代表 4 人") {
		t.Fatalf("votes over those present: %v", err)
	}
	if _, err := c.count(t, e, "6", "4", "3", "1"); !strings.Contains(app.Message(err), "实到代表（6）不能多于代表总数（5）") {
		t.Fatalf("voters over delegates: %v", err)
	}
	k, _ := c.svc.Kit(c.meeting.ID)
	if k.Nominees[0].Votes != nil || k.Elections[0].Status != "" {
		t.Fatal("a refused count was saved")
	}
	ranked, err := c.count(t, e, "", "4", "3", "2") // 2 of 4 is not more than half
	if err != nil {
		t.Fatal(err)
	}
	var elected []string
	for _, r := range ranked {
		if r.Result == data.ResultElected {
			elected = append(elected, r.Person.Name)
		}
	}
	if strings.Join(elected, "、") != "陈思远、林晓" || ranked[2].Why != "得票未超过实到代表 4 人的 1/2" {
		t.Fatalf("elected %v, third: %q", elected, ranked[2].Why)
	}
	chair, _ := c.svc.Store().PersonByStudentNo("2019001")
	as, _ := c.svc.Appointments(chair.ID)
	if len(as) != 1 || as[0].Post != "主席" || as[0].MeetingID == nil || *as[0].MeetingID != c.meeting.ID ||
		as[0].SelectedBy != data.SelectedByCongress || as[0].StartOn.String() != "2020-10-15" {
		t.Fatalf("the chair's term: %+v", as)
	}
	if m, _ := c.svc.Congress(c.meeting.ID); !m.PresidiumElected {
		t.Fatal("the congress is not marked as having elected the 主席团")
	}
	if _, err := c.count(t, e, "", "4", "3", "2"); !strings.Contains(app.Message(err), "不能重复计票") {
		t.Fatalf("second count: %v", err)
	}
	// Indicators 10 and 11 read the kit.
	if err := UseBuiltinForYear(c.svc, fall2020, "chaoshan"); err != nil {
		t.Fatal(err)
	}
	r, err := Run(c.svc, fall2020)
	if err != nil {
		t.Fatal(err)
	}
	if res := outcome(t, r, "校学生会", "elected_by_congress"); res.Outcome != Pass || !strings.Contains(res.Sentence, "当选 陈思远、林晓") {
		t.Errorf("indicator 10: %s %q", res.Outcome, res.Sentence)
	}
	if res := outcome(t, r, "校学生会", "congress_held"); res.Outcome != Insufficient || !strings.Contains(res.Sentence, "尚未分配代表名额") {
		t.Errorf("indicator 11 without seats allocated: %s %q", res.Outcome, res.Sentence)
	}
	if _, err := c.svc.AllocateSeats(c.meeting.ID, app.DefaultCongressRules); err != nil {
		t.Fatal(err)
	}
	r, _ = Run(c.svc, fall2020)
	if res := outcome(t, r, "校学生会", "congress_held"); res.Outcome != Pass {
		t.Errorf("indicator 11 with the kit complete: %s %q", res.Outcome, res.Sentence)
	}
	// A 主席团 member appointed otherwise breaks indicator 10.
	other, _ := c.svc.Store().PersonByStudentNo("2019006")
	if _, err := c.svc.SaveAppointment(app.AppointmentDraft{PersonID: other.ID, OrganizationID: c.school.ID, Post: "副主席", StartOn: "2020-10-15"}); err != nil {
		t.Fatal(err)
	}
	r, _ = Run(c.svc, fall2020)
	if res := outcome(t, r, "校学生会", "elected_by_congress"); res.Outcome != Fail || !strings.Contains(res.Sentence, "主席团在任 3 人中有 1 人不是由学代会选举产生（蔡明轩）") {
		t.Errorf("indicator 10 with an appointed member: %s %q", res.Outcome, res.Sentence)
	}
}

// Level at the last seat elects neither.
func TestTieForTheLastSeat(t *testing.T) {
	c := newCongressCollege(t)
	c.delegates(t, 5)
	e, _ := c.election(t, "2", []string{"2019001", "2019002", "2019003"}, app.DefaultCongressRules)
	ranked, err := c.count(t, e, "", "5", "4", "4")
	if err != nil {
		t.Fatal(err)
	}
	if ranked[0].Result != data.ResultElected || ranked[1].Result == data.ResultElected || !ranked[2].Tied {
		t.Fatalf("tie: %+v", ranked)
	}
}

// Proposals: from a delegate, a refusal with its reason, an answer only to
// an accepted one and from someone.
func TestProposalsRegister(t *testing.T) {
	c := newCongressCollege(t)
	c.delegates(t, 5)
	save := func(d app.ProposalDraft) error {
		d.MeetingID = c.meeting.ID
		_, err := c.svc.SaveProposal(d)
		return err
	}
	cases := []struct {
		d     app.ProposalDraft
		field string
		want  string
	}{
		{app.ProposalDraft{Title: "增设自习室", ProposerNo: "2019007"}, "ProposerNo", "许佳琪不是本次大会的代表：提案须由代表提出"},
		{app.ProposalDraft{Title: "增设自习室", ProposerNo: "2099999"}, "ProposerNo", "学号 2099999 不在人员名册中"},
		{app.ProposalDraft{Title: "增设自习室", ProposerNo: "2019001", Decision: data.ProposalRejected}, "Reason", "不予立案须写明理由"},
		{app.ProposalDraft{Title: "增设自习室", ProposerNo: "2019001", Answer: "已办"}, "Answer", "提案立案后才能登记答复"},
		{app.ProposalDraft{Title: "增设自习室", ProposerNo: "2019001", Decision: data.ProposalAccepted, Answer: "已办"}, "AnsweredBy", "请填写答复单位或答复人"},
		{app.ProposalDraft{Title: "增设自习室", ProposerNo: "2019001", Decision: data.ProposalAccepted, Answer: "已办", AnsweredBy: "后勤处", AnsweredOn: "2020-10-01"}, "AnsweredOn", "答复日期不能早于大会日期 2020-10-15"},
	}
	for _, tc := range cases {
		var v app.ValidationError
		if err := save(tc.d); !errors.As(err, &v) || v.For(tc.field) != tc.want {
			t.Errorf("%+v: %v", tc.d, err)
		}
	}
	if err := save(app.ProposalDraft{Title: "增设自习室", ProposerNo: "2019001", Seconders: "林晓、黄嘉怡", Decision: data.ProposalAccepted,
		Answer: "图书馆三楼已开放", AnsweredBy: "校团委", AnsweredOn: "2020-10-15"}); err != nil {
		t.Fatal(err)
	}
	if err := save(app.ProposalDraft{Title: "调整作息时间", ProposerNo: "2019002", Decision: data.ProposalRejected, Reason: "不属于学生会职责范围"}); err != nil {
		t.Fatal(err)
	}
	k, _ := c.svc.Kit(c.meeting.ID)
	if len(k.Proposals) != 2 || k.Proposals[0].Number != 1 || k.Proposals[1].Number != 2 {
		t.Fatalf("proposals: %+v", k.Proposals)
	}
}

// The sample's congress has its whole kit, and it keeps the rules.
func TestSampleCongressKit(t *testing.T) {
	svc := sampleService(t)
	ms, _ := svc.Meetings(data.SessionFilter{Kind: data.MeetingCongress})
	e, err := CheckCongress(svc, ms[0].ID, app.DefaultCongressRules)
	if err != nil {
		t.Fatal(err)
	}
	k, _ := svc.Kit(ms[0].ID)
	if len(k.Quotas) != 3 || e.Seats != 99 || len(e.Rows) != 99 || e.NonCadre < 60 || e.Present != 96 || len(k.Proposals) != 3 {
		t.Fatalf("kit: %d quotas, %d seats, %d delegates, %d non-cadres, %d present, %d proposals",
			len(k.Quotas), e.Seats, len(e.Rows), e.NonCadre, e.Present, len(k.Proposals))
	}
	if e.Outcome() != Pass {
		t.Fatalf("the sample's congress: %+v", e.Items)
	}
	if len(e.Elections) != 1 || e.Elections[0].Status != data.ElectionCounted || len(e.Elections[0].Candidates) != 4 {
		t.Fatalf("election: %+v", e.Elections)
	}
	r, _ := Run(svc, fall2020)
	for _, check := range []string{"elected_by_congress", "congress_held"} {
		if res := outcome(t, r, "校学生会", check); res.Outcome != Pass {
			t.Errorf("%s: %s %q", check, res.Outcome, res.Sentence)
		}
	}
}

// The congress numbers are parameters of a teacher's copy of the set: a
// share must be a fraction, and the kit reads the changed numbers.
func TestCongressParametersInACopiedSet(t *testing.T) {
	svc := sampleService(t)
	if err := UseBuiltinForYear(svc, fall2020, "chaoshan"); err != nil {
		t.Fatal(err)
	}
	base, _ := InForce(svc, fall2020)
	set, err := Copy(svc, base, "本校指标")
	if err != nil {
		t.Fatal(err)
	}
	var held, elected Rule
	for _, r := range set.Rules {
		if r.Scope == data.ScopeSchool && r.CheckKey == "congress_held" {
			held = r
		}
		if r.Scope == data.ScopeSchool && r.CheckKey == "elected_by_congress" {
			elected = r
		}
	}
	_, err = SetParamFields(svc, set, held, map[string]string{"quorum": "三分之二"})
	if got := app.Message(err); got != "到会代表须超过总数的（分数）请写成分数，如 2/3" {
		t.Fatalf("a word as the quorum: %q", got)
	}
	if _, err := SetParamFields(svc, set, held, map[string]string{"quorum": "3/4", "assembly_below": "300"}); err != nil {
		t.Fatal(err)
	}
	if _, err := SetParamFields(svc, set, elected, map[string]string{"competitive": "0"}); err != nil {
		t.Fatal(err)
	}
	saved, _ := svc.Store().RuleSet(set.ID)
	tree, _ := svc.OrgTree()
	rules := CongressRulesOf(saved, tree.OfKinds(data.KindSchoolUnion)[0])
	if rules.Quorum != (app.Fraction{Num: 3, Den: 4}) || rules.AssemblyBelow != 300 || rules.Competitive || rules.DelegateShare != 1 {
		t.Fatalf("rules of the copy: %+v", rules)
	}
}

// Once a congress has a delegates register, its numbers are the congress's
// everywhere: the meeting list, the meeting form and a save of that form
// carry the register's counts, not what was typed before the kit.
func TestRegisterNumbersReplaceTypedOnes(t *testing.T) {
	c := newCongressCollege(t)
	typed := app.MeetingDraftOf(c.meeting)
	typed.DelegatesElected, typed.DelegatesPresent, typed.NonCadreDelegates, typed.StudentsRepresented = "128", "121", "85", "9860"
	if _, err := c.svc.SaveMeeting(typed); err != nil {
		t.Fatal(err)
	}
	c.delegates(t, 4) // 5 delegates, 4 present, 4 of them not cadres, of 500 students
	want := func(where string, m app.Meeting) {
		t.Helper()
		n := func(p *int) int {
			if p == nil {
				return -1
			}
			return *p
		}
		if !m.FromKit || n(m.DelegatesElected) != 5 || n(m.DelegatesPresent) != 4 || n(m.NonCadreDelegates) != 4 || n(m.StudentsRepresented) != 500 {
			t.Errorf("%s: from kit %v, %d delegates, %d present, %d non-cadres, %d students", where, m.FromKit,
				n(m.DelegatesElected), n(m.DelegatesPresent), n(m.NonCadreDelegates), n(m.StudentsRepresented))
		}
	}
	ms, err := c.svc.Meetings(data.SessionFilter{Kind: data.MeetingCongress})
	if err != nil || len(ms) != 1 {
		t.Fatal(ms, err)
	}
	want("list", ms[0])
	if cells, _ := c.svc.MeetingCells(ms); !strings.HasPrefix(cells[0][4], "代表 5 人，实到 4 人") {
		t.Errorf("list gist: %q", cells[0][4])
	}
	one, _ := c.svc.Meeting(c.meeting.ID)
	want("form", one)
	d := app.MeetingDraftOf(one)
	d.DelegatesElected = "9" // a stale form cannot type over the register
	saved, err := c.svc.SaveMeeting(d)
	if err != nil {
		t.Fatal(err)
	}
	want("saved", saved)
	stored, _ := c.svc.Store().Meeting(c.meeting.ID)
	if *stored.DelegatesElected != 5 || *stored.NonCadreDelegates != 4 {
		t.Errorf("stored: %d delegates, %d non-cadres", *stored.DelegatesElected, *stored.NonCadreDelegates)
	}
}

// A 全体学生大会 is chosen on the meeting form and kept; without a register
// it is checked against the union's size: under 400 students it passes,
// from 400 it is a finding.
func TestAssemblyChosenOnTheForm(t *testing.T) {
	c := newCongressCollege(t)
	d := app.MeetingDraftOf(c.meeting)
	d.CongressForm = data.CongressAssembly
	if _, err := c.svc.SaveMeeting(d); err != nil {
		t.Fatal(err)
	}
	m, _ := c.svc.Meeting(c.meeting.ID)
	if m.CongressForm != data.CongressAssembly {
		t.Fatalf("form not kept: %q", m.CongressForm)
	}
	d = app.MeetingDraftOf(m)
	d.CongressForm = "rally"
	if _, err := c.svc.SaveMeeting(d); err == nil || app.Message(err) != "请选择大会形式" {
		t.Errorf("unknown form: %v", err)
	}
	r, _ := Run(c.svc, fall2020)
	if res := outcome(t, r, "校学生会", "congress_held"); res.Outcome != Fail || !strings.Contains(res.Sentence, "有学生 500 人，不少于 400 人，应召开学生代表大会") {
		t.Errorf("500 students in an assembly: %s %q", res.Outcome, res.Sentence)
	}
	small := app.DraftOf(c.school)
	small.Students = "350"
	if _, err := c.svc.SaveOrganization(small); err != nil {
		t.Fatal(err)
	}
	r, _ = Run(c.svc, fall2020)
	if res := outcome(t, r, "校学生会", "congress_held"); res.Outcome == Fail {
		t.Errorf("350 students may hold an assembly: %s %q", res.Outcome, res.Sentence)
	}
}
