package app

import (
	"fmt"
	"strings"

	"tuanxue/data"
)

// Invented names for the sample cadres; a few rare characters (喆 堃 玥)
// keep the font honest.
var (
	sampleSurnames = []rune("陈林黄张李王吴刘蔡杨郑许谢洪郭邱曾廖赖周徐苏叶庄吕江何萧罗高潘")
	sampleGiven    = []string{"思远", "雅婷", "晓东", "嘉欣", "泽楷", "诗涵", "子涵", "俊杰", "梓轩", "欣怡",
		"浩然", "佳琪", "宇航", "雨桐", "一鸣", "静怡", "博文", "晓彤", "天佑", "可馨", "喆", "堃", "玥", "志强", "美玲"}
	sampleMajors = map[string]string{"机电工程学院": "机电一体化技术", "信息工程学院": "计算机应用技术", "经济管理学院": "电子商务"}
)

// samplePeople staffs the sample unions as the source report describes:
// the school union with 主席团 3 and 6 departments of 2 heads and 6 staff
// (51 seats, above the 40 of reform rule 3), each 二级学院 union with 主席团 2
// and 4 departments of 2 heads and 5 staff (30 seats). The terms began in
// the middle of last semester, after the previous chair's term ended; one
// cadre failed last semester's assessment and one has a failed course.
func (b *sampleBuilder) samplePeople(sem Semester) {
	tree, err := b.s.OrgTree()
	b.fail(err)
	start := termStart(sem.Prev()).String()
	n := 0
	person := func(college string, grade int) Person {
		n++
		name := string(sampleSurnames[(n*7)%len(sampleSurnames)]) + sampleGiven[(n*3)%len(sampleGiven)]
		d := PersonDraft{StudentNo: fmt.Sprintf("%d%02d%04d", grade, collegeCode(college), n), Name: name,
			Gender: []string{data.GenderMale, data.GenderFemale}[n%2], College: college, Major: sampleMajors[college],
			ClassName: fmt.Sprintf("%d级%s%d班", grade%100, string([]rune(sampleMajors[college])[:2]), 1+n%3),
			Grade:     fmt.Sprint(grade), Phone: fmt.Sprintf("139%08d", 20200000+n*37),
			PoliticalStatus: []string{data.PoliticalLeague, data.PoliticalLeague, data.PoliticalActivist, data.PoliticalParty}[n%4],
			RankPercent:     fmt.Sprint(3 + (n*11)%27)}
		if applied := data.NewDate(grade, 9, 20+n%10); n%10 != 0 && !b.s.Today().Before(applied) {
			d.PartyAppliedOn = applied.String()
		}
		if b.err != nil {
			return Person{}
		}
		p, err := b.s.SavePerson(d)
		b.fail(err)
		return p
	}
	appoint := func(p Person, org Organization, dept *uint, post string) Appointment {
		if b.err != nil {
			return Appointment{}
		}
		a, err := b.s.SaveAppointment(AppointmentDraft{PersonID: p.ID, OrganizationID: org.ID, DepartmentID: dept,
			Post: post, StartOn: start, SelectedBy: data.SelectedByCongress})
		b.fail(err)
		return a
	}
	staff := func(org Organization, college string, presidium, perDept int) {
		// Grades as in the term's first semester: heads in their second or
		// third year, staff in their first or second.
		appoint(person(college, sem.StartYear-3), org, nil, PostChair)
		for i := 1; i < presidium; i++ {
			appoint(person(college, sem.StartYear-2), org, nil, PostViceChair)
		}
		depts, err := b.s.Departments(org.ID)
		b.fail(err)
		for _, d := range depts {
			if d.Status != data.StatusActive {
				continue
			}
			appoint(person(college, sem.StartYear-2), org, &d.ID, PostMinister)
			appoint(person(college, sem.StartYear-2), org, &d.ID, PostViceMinister)
			for i := 0; i < perDept; i++ {
				appoint(person(college, sem.StartYear-1), org, &d.ID, PostStaff)
			}
		}
	}
	for _, u := range tree.OfKinds(data.KindSchoolUnion) {
		staff(u, "机电工程学院", 3, 6)
	}
	for _, u := range tree.OfKinds(data.KindCollegeUnion) {
		staff(u, u.Name[:len(u.Name)-len("学生会")], 2, 5)
	}
	b.sampleHistory(tree, sem)
}

// termStart is two weeks into a semester, when the sample's terms begin.
func termStart(s Semester) data.Date { return data.DateOf(s.Start().Time().AddDate(0, 0, 14)) }

// SampleHistoryDay is a day in the sample's previous term, when last
// year's chair was still in post: for the 换届 picture.
func SampleHistoryDay(now Semester) data.Date { return termStart(now.Prev().Prev()) }

func collegeCode(college string) int {
	for i, c := range sampleColleges {
		if c == college {
			return i + 1
		}
	}
	return 0
}

// sampleHistory adds last year's chair of the school union, who left at the
// end of the term, and last semester's assessments with one 不合格.
func (b *sampleBuilder) sampleHistory(tree OrgTree, sem Semester) {
	if b.err != nil {
		return
	}
	union := tree.OfKinds(data.KindSchoolUnion)[0]
	old, err := b.s.SavePerson(PersonDraft{StudentNo: fmt.Sprintf("%d019999", sem.StartYear-3), Name: "许嘉堃",
		Gender: data.GenderMale, College: "信息工程学院", Grade: fmt.Sprint(sem.StartYear - 3),
		PoliticalStatus: data.PoliticalParty, PartyAppliedOn: fmt.Sprintf("%d-10-10", sem.StartYear-3)})
	b.fail(err)
	if b.err != nil {
		return
	}
	a, err := b.s.SaveAppointment(AppointmentDraft{PersonID: old.ID, OrganizationID: union.ID, Post: PostChair,
		StartOn: termStart(sem.Prev().Prev().Prev()).String(), SelectedBy: data.SelectedByCongress})
	b.fail(err)
	if b.err == nil {
		end := data.DateOf(termStart(sem.Prev()).Time().AddDate(0, 0, -1))
		b.fail(b.s.RecordExit(ExitDraft{PersonID: old.ID, AppointmentIDs: []uint{a.ID},
			On: end.String(), Reason: data.ExitTermEnd, Notes: "任期届满，毕业离校"}))
	}

	ids, err := b.s.RosterIDs(RosterFilter{OrganizationID: union.ID, Status: data.RosterInPost})
	b.fail(err)
	rows, err := b.s.RosterRows(ids, "")
	b.fail(err)
	last := sem.Prev()
	drafts := make([]AssessmentDraft, len(rows))
	for i, r := range rows {
		sc := fmt.Sprint(72 + (i*13)%27)
		drafts[i] = AssessmentDraft{PersonID: r.PersonID, Name: r.Name, OrganizationID: &union.ID, Scores: [4]string{sc, sc, sc, sc}}
	}
	if len(drafts) > 12 {
		drafts[11].Scores = [4]string{"70", "52", "55", "50"}
		drafts[11].Comments = "多次无故缺席部门例会"
		p, err := b.s.Person(rows[7].PersonID)
		b.fail(err)
		d := PersonDraftOf(p)
		d.FailedCourses = "1"
		_, err = b.s.SavePerson(d)
		b.fail(err)
	}
	if b.err == nil {
		b.fail(b.s.SaveAssessments(last.String(), drafts))
	}
}

// sampleRound is this semester's recruitment (招新) of the school union,
// with first-year candidates scored and partly approved, none appointed.
func (b *sampleBuilder) sampleRound(sem Semester) {
	if b.err != nil {
		return
	}
	tree, _ := b.s.OrgTree()
	union := tree.OfKinds(data.KindSchoolUnion)[0]
	league := tree.OfKinds(data.KindLeague)[0]
	held := data.DateOf(sem.Start().Time().AddDate(0, 0, 45))
	if b.s.Today().Before(held) {
		held = b.s.Today()
	}
	r, err := b.s.SaveRound(RoundDraft{OrganizationID: union.ID, Semester: sem.String(), Kind: data.RoundRecruitment,
		Title: fmt.Sprintf("%d年秋季校学生会招新", sem.StartYear), HeldOn: held.String(), ApproverLeagueID: &league.ID,
		ScoreItems: DefaultScoreItems})
	b.fail(err)
	depts, _ := b.s.Departments(union.ID)
	names := []string{"方思琪", "梁宇轩", "袁梦瑶", "彭子墨"}
	for i, name := range names {
		if b.err != nil {
			return
		}
		p, err := b.s.SavePerson(PersonDraft{StudentNo: fmt.Sprintf("%d01%04d", sem.StartYear, 9000+i), Name: name,
			College: "信息工程学院", Grade: fmt.Sprint(sem.StartYear), PoliticalStatus: data.PoliticalLeague})
		b.fail(err)
		d := CandidateDraft{RoundID: r.ID, PersonID: p.ID, DepartmentID: &depts[1+i%3].ID, Post: PostStaff,
			Scores: map[string]string{"笔试": fmt.Sprint(78 + i*5), "面试": fmt.Sprint(85 - i*3), "民主测评": fmt.Sprint(80 + i)}}
		if i < 2 {
			d.RecommendedOn, d.ReviewedOn = held.String(), held.String()
		}
		_, err = b.s.SaveCandidate(d)
		b.fail(err)
	}
}

// sampleSessions records this semester's training of the school union's
// cadres with attendance, two weekly study meetings with minutes, the
// congress and one 二级学院 union's report.
func (b *sampleBuilder) sampleSessions(sem Semester) {
	if b.err != nil {
		return
	}
	tree, _ := b.s.OrgTree()
	union := tree.OfKinds(data.KindSchoolUnion)[0]
	college := tree.OfKinds(data.KindCollegeUnion)[0]
	day := func(offset int) string {
		d := data.DateOf(sem.Start().Time().AddDate(0, 0, offset))
		if b.s.Today().Before(d) {
			d = b.s.Today()
		}
		return d.String()
	}
	tr, err := b.s.SaveTraining(TrainingDraft{Title: fmt.Sprintf("%d年秋季学生骨干培训班", sem.StartYear), Kind: data.TrainingCadre,
		HeldOn: day(60), Hours: "3", Place: "图书馆报告厅", OrganizerID: &union.ID, Speaker: "林振华",
		Summary: "学习《关于推动高校学生会（研究生会）深化改革的若干意见》，讲解学生会工作规范。"})
	b.fail(err)
	if b.err == nil {
		marks, err := b.s.PeopleInPost(union.ID, nil, false, tr.HeldOn)
		b.fail(err)
		for i := range marks {
			switch i % 17 {
			case 5:
				marks[i].Status = data.AttendLeave
			case 11:
				marks[i].Status = data.AttendAbsent
			}
		}
		b.fail(b.s.SetAttendance(Session{TrainingID: &tr.ID}, marks))
	}
	for i, week := range []int{6, 7} {
		_, err := b.s.SaveMeeting(MeetingDraft{Kind: data.MeetingStudy, Title: fmt.Sprintf("第%d周政治业务学习暨委员会会议", week),
			HeldOn: day(35 + 7*i), OrganizationID: union.ID, Place: "学生活动中心 201", Recorder: "陈思远",
			Minutes:   "学习全国学联二十七大精神；各部门汇报上周工作。",
			Problems:  []string{"部分干事例会迟到", "宣传稿件审核不及时"}[i],
			Measures:  []string{"例会实行签到，迟到三次约谈", "宣传稿件实行部长、主席两级审核"}[i],
			NextTasks: []string{"筹备校园歌手大赛初赛", "完成招新总结并报团委"}[i]})
		b.fail(err)
	}
	// The numbers typed before the kit was filled in: the same as the
	// register's (sample_congress.go), which replaces them once it exists.
	elected, present := 99, 96
	_, err = b.s.SaveMeeting(MeetingDraft{Kind: data.MeetingCongress, Title: "第十二次学生代表大会", HeldOn: day(40),
		OrganizationID: union.ID, Place: "大礼堂", DelegatesElected: fmt.Sprint(elected), DelegatesPresent: fmt.Sprint(present),
		StudentsRepresented: "9860", NonCadreDelegates: "67", PresidiumElected: true,
		Minutes: "审议学生会工作报告，选举产生新一届主席团。"})
	b.fail(err)
	_, err = b.s.SaveMeeting(MeetingDraft{Kind: data.MeetingReport, Title: "二级学院学生会工作汇报", HeldOn: day(50),
		OrganizationID: union.ID, ReportingOrgID: &college.ID, ReportForm: "meeting",
		Minutes: college.Name + "汇报本学期工作计划与招新情况。"})
	b.fail(err)
}

// sampleProblems enters the five problems of the source report's section
// 三 as ledger items at different stages; the last is closed with evidence.
func (b *sampleBuilder) sampleProblems(sem Semester) {
	if b.err != nil {
		return
	}
	tree, _ := b.s.OrgTree()
	union := tree.OfKinds(data.KindSchoolUnion)[0]
	found := data.DateOf(sem.Start().Time().AddDate(0, 0, 20))
	if b.s.Today().Before(found) {
		found = b.s.Today()
	}
	day := func(days int) string { return data.DateOf(found.Time().AddDate(0, 0, days)).String() }
	problems := []struct {
		problem, category, measures, responsible string
		deadline                                 int
	}{
		{"改革方案落实步伐需持续推进，学生会组织规章制度尚不健全。", "制度建设", "做好校学生会、二级学院学生会和班委会的工作规划，健全班委会工作制度。", "陈晓敏", 90},
		{"缺少增强学生会骨干先锋模范作用的规章制度，制度未上墙。", "制度建设", "制定骨干行为规范，做到制度上墙、严格遵守。", "刘嘉欣", 10},
		{"委员会成员自身建设不足，政治业务学习和委员会会议记录不详细。", "自身建设", "每周定期开展政治业务学习，召开委员会会议并详细记录。", "郭子涵", 60},
		{"学生会骨干的选拔、考核和培养工作需进一步规范。", "骨干队伍", "完善选拔、考核、退出制度，按学期开展考核。", "苏欣怡", 75},
		{"青年之声、i志愿、“1+100”、智慧团建、“到梦空间”等平台运用不足。", "网络平台", "明确平台管理责任人，及时发布活动信息。", "罗宇航", 20},
	}
	var ids []uint
	for _, p := range problems {
		r, err := b.s.SaveRect(RectDraft{FoundOn: found.String(), Problem: p.problem, Source: "self_check", Category: p.category,
			Measures: p.measures, OrganizationID: &union.ID, Responsible: p.responsible, Deadline: day(p.deadline)})
		b.fail(err)
		ids = append(ids, r.ID)
	}
	if b.err != nil {
		return
	}
	done := func(days int) string {
		d := data.DateOf(found.Time().AddDate(0, 0, days))
		if b.s.Today().Before(d) {
			d = b.s.Today()
		}
		return d.String()
	}
	_, err := b.s.AdvanceRect(ids[0], Advance{To: data.RectInProgress, Note: "已起草《学生会工作规划》"})
	b.fail(err)
	_, err = b.s.AdvanceRect(ids[2], Advance{To: data.RectDone, MeasureTaken: "建立每周学习会制度，会议记录按周归档。", CompletedOn: done(14)})
	b.fail(err)
	_, err = b.s.AdvanceRect(ids[3], Advance{To: data.RectInProgress})
	b.fail(err)
	_, err = b.s.AdvanceRect(ids[4], Advance{To: data.RectDone, MeasureTaken: "指定宣传部负责平台运营，每周更新。", CompletedOn: done(12)})
	b.fail(err)
	_, err = b.s.AdvanceRect(ids[4], Advance{To: data.RectClosed, Verifier: "林振华", VerifiedOn: done(15)})
	b.fail(err)
	if b.err == nil {
		_, err = b.s.AddEvidence(ids[4], "平台运营 整改说明.txt",
			strings.NewReader("宣传部已指定专人负责青年之声、i志愿、智慧团建等平台，每周更新活动信息。"))
		b.fail(err)
	}
}
