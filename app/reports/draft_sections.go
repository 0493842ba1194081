package reports

import (
	"fmt"
	"slices"
	"strings"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/data"
)

// The sections of the draft, in the order of the source report: the
// reform (plan, study, key projects), the union's reform (一心双环, the
// congress, reports heard, staffing), the cadres (selection, assessment,
// exit, training, party applications and 推优), problems.

func (f *draftFacts) reform(w *draftWriter) {
	w.heading(1, f.unitName()+"组织改革情况")
	w.heading(2, "改革方案落实情况")
	var studied []string
	for _, t := range f.trainings {
		if t.Kind == data.TrainingCadre && strings.Contains(t.Summary, "改革") {
			studied = append(studied, "“"+t.Title+"”")
		}
	}
	reform := ""
	if len(studied) > 0 {
		reform = fmt.Sprintf("本学期在%s中组织学生骨干学习改革文件。", strings.Join(studied, "、"))
	}
	w.para(ask("学校党委印发学生会改革实施方案的名称、时间和主要内容"), reform)

	w.heading(2, "学习贯彻情况")
	w.para(f.studySentence())

	w.heading(2, "改革重点项目推进情况")
	classes, branches := 0, 0
	f.tree.Walk(func(o app.Organization, _ int) {
		switch {
		case o.Status != data.StatusActive:
		case o.Kind == data.KindClassCommittee:
			classes++
		case o.Kind == data.KindLeagueBranch:
			branches++
		}
	})
	counted := ""
	if classes+branches > 0 {
		counted = fmt.Sprintf("系统中登记班委会 %d 个、团支部 %d 个。", classes, branches)
	}
	w.para(counted, ask("推进“第二课堂成绩单”制度、学生会组织和班委会一体化运行机制、“青年之声”平台学生权益服务等改革重点项目的做法和成效"))
}

// studySentence counts this semester's political study: theory sessions,
// weekly study (as trainings or as meetings with minutes) and lectures.
func (f *draftFacts) studySentence() string {
	var parts, titles []string
	for _, kind := range []string{data.TrainingTheory, data.TrainingWeekly, data.TrainingLecture} {
		n := 0
		for _, t := range f.trainings {
			if t.Kind == kind {
				n++
				titles = append(titles, "“"+t.Title+"”")
			}
		}
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 次", app.TextOf(app.TrainingKinds, kind), n))
		}
	}
	studies := f.semesterMeetings(data.MeetingStudy)
	if len(studies) > 0 {
		minutes := 0
		for _, m := range studies {
			if strings.TrimSpace(m.Minutes) != "" {
				minutes++
			}
			titles = append(titles, "“"+m.Title+"”")
		}
		parts = append(parts, fmt.Sprintf("学习会 %d 次（%d 次有会议记录）", len(studies), minutes))
	}
	if len(parts) == 0 {
		return ask("组织学生骨干学习贯彻习近平总书记重要讲话精神和全国学联会议精神的情况（系统中尚无本学期的学习记录）")
	}
	examples := strings.Join(titles[:min(3, len(titles))], "、")
	if len(titles) > 3 {
		examples += "等"
	}
	return fmt.Sprintf("本学期，学生会组织开展%s，如%s。", strings.Join(parts, "、"), examples) +
		ask("学习的主要内容和形式")
}

func (f *draftFacts) structure(w *draftWriter) {
	w.heading(1, "学生会组织改革")
	w.heading(2, "打造“一心双环”团学格局")
	w.para(f.ringsSentence())
	w.heading(2, "学生代表大会制度")
	w.para(f.congressSentence())
	w.heading(2, "听取二级学院学生会工作报告")
	w.para(f.reportsSentence())
	w.heading(2, "精简机构和人员")
	if f.school != nil {
		w.heading(3, "校级学生会")
		w.para(f.staffingOf(*f.school))
	}
	if len(f.colleges) > 0 {
		w.heading(3, "二级学院学生会")
		var each []string
		for _, c := range f.colleges {
			each = append(each, f.collegeStaffing(c))
		}
		w.para(strings.Join(each, "；") + "。")
	}
	w.heading(3, "工作人员条件和秘书长")
	w.para(f.conditionsSentence())
}

// ringsSentence: the League committees at the centre, the unions and the
// club federation around them, and who guides each union.
func (f *draftFacts) ringsSentence() string {
	count := map[string]int{}
	f.tree.Walk(func(o app.Organization, _ int) {
		if o.Status == data.StatusActive {
			count[o.Kind]++
		}
	})
	s := fmt.Sprintf("全校以团委为核心，现有团委 %d 个；以学生会组织为学生主体组织，现有校级学生会 %d 个、二级学院学生会 %d 个",
		count[data.KindLeague], count[data.KindSchoolUnion], count[data.KindCollegeUnion])
	if count[data.KindClubFederation] > 0 {
		s += fmt.Sprintf("；以学生社团为外围延伸手臂，成立学生社团联合会，联系学生社团 %d 个", count[data.KindClub])
	}
	s += "。"
	var unguided []string
	for _, u := range f.unions() {
		if _, ok := f.guide(u); !ok {
			unguided = append(unguided, u.Name)
		}
	}
	if len(unguided) == 0 {
		return s + "各级学生会组织均由同级团委归口指导。"
	}
	return s + strings.Join(unguided, "、") + "尚未登记归口指导的团委。"
}

func (f *draftFacts) unions() []app.Organization {
	var out []app.Organization
	if f.school != nil {
		out = append(out, *f.school)
	}
	return append(out, f.colleges...)
}

// guide is the League committee that guides a union: the one recorded, or
// the one it sits under.
func (f *draftFacts) guide(u app.Organization) (app.Organization, bool) {
	id := u.GuideLeagueID
	if id == nil {
		id = u.ParentID
	}
	if id == nil {
		return app.Organization{}, false
	}
	g, ok := f.tree.Get(*id)
	return g, ok && g.Kind == data.KindLeague
}

func (f *draftFacts) congressSentence() string {
	var s string
	if f.school == nil {
		return ask("校级学生代表大会召开情况")
	}
	c, ok := f.congressOf(f.school.ID)
	if !ok {
		s = ask("校级学生代表大会召开情况（系统中尚无记录）")
	} else {
		s = fmt.Sprintf("%s于%s召开%s", f.school.Name, chineseDate(c.HeldOn), c.Title)
		if c.DelegatesElected != nil {
			s += fmt.Sprintf("，应到代表 %d 人", *c.DelegatesElected)
			if c.DelegatesPresent != nil {
				s += fmt.Sprintf("、实到 %d 人", *c.DelegatesPresent)
			}
			if c.StudentsRepresented != nil && *c.StudentsRepresented > 0 {
				s += fmt.Sprintf("，占所代表的 %d 名学生的 %.1f%%", *c.StudentsRepresented,
					100*float64(*c.DelegatesElected)/float64(*c.StudentsRepresented))
			}
			if c.NonCadreDelegates != nil && *c.DelegatesElected > 0 {
				s += fmt.Sprintf("，其中非学生会干部代表 %d 人，占 %.1f%%", *c.NonCadreDelegates,
					100*float64(*c.NonCadreDelegates)/float64(*c.DelegatesElected))
			}
		}
		if c.PresidiumElected {
			s += "，大会选举产生了主席团"
		}
		s += "。"
	}
	var held, missing []string
	for _, u := range f.colleges {
		if c, ok := f.congressOf(u.ID); ok {
			held = append(held, fmt.Sprintf("%s（%s）", u.Name, chineseDate(c.HeldOn)))
		} else {
			missing = append(missing, u.Name)
		}
	}
	if len(held) > 0 {
		s += "二级学院学生会中，" + strings.Join(held, "、") + "已召开学生代表大会或全体学生大会。"
	}
	if len(missing) > 0 {
		s += strings.Join(missing, "、") + "尚无学生代表大会或全体学生大会的记录。" +
			ask("二级学院学生代表大会的召开情况或计划")
	}
	return s
}

func (f *draftFacts) reportsSentence() string {
	if len(f.colleges) == 0 {
		return "学校未设二级学院学生会。"
	}
	heard := map[uint]app.Meeting{}
	for _, m := range f.semesterMeetings(data.MeetingReport) {
		if m.ReportingOrgID != nil {
			if _, seen := heard[*m.ReportingOrgID]; !seen {
				heard[*m.ReportingOrgID] = m
			}
		}
	}
	var done, missing []string
	for _, u := range f.colleges {
		if m, ok := heard[u.ID]; ok {
			done = append(done, fmt.Sprintf("%s（%s，%s）", u.Name, chineseDate(m.HeldOn), app.TextOf(app.ReportForms, m.ReportForm)))
		} else {
			missing = append(missing, u.Name)
		}
	}
	if len(done) == 0 {
		return f.semesterName() + "，系统中尚无听取二级学院学生会工作报告的记录。" +
			ask("通过集中会议或书面形式听取二级学院学生会工作报告的安排")
	}
	s := fmt.Sprintf("%s，校学生会通过集中会议或书面形式听取二级学院学生会工作报告，已听取 %d 个二级学院学生会中 %d 个的报告：%s。",
		f.semesterName(), len(f.colleges), len(done), strings.Join(done, "、"))
	if len(missing) > 0 {
		s += strings.Join(missing, "、") + "本学期尚未汇报。"
	}
	return s
}

// semesterName is "本学期" with the semester named: "2020-2021学年第一学期".
func (f *draftFacts) semesterName() string { return f.o.Semester.Label() }

func (f *draftFacts) staffingOf(u app.Organization) string {
	rows := f.check.Staff[u.ID]
	depts, _ := f.svc.Departments(u.ID)
	var active, merged []string
	for _, d := range depts {
		switch d.Status {
		case data.StatusActive:
			active = append(active, d.Name)
		case data.StatusMerged:
			if into := deptName(depts, d.MergedIntoID); into != "" && !d.StatusOn.IsZero() {
				merged = append(merged, fmt.Sprintf("%s将%s并入%s", chineseDate(d.StatusOn), d.Name, into))
			}
		}
	}
	presidium, heads := 0, 0
	for _, r := range rows {
		switch {
		case r.DepartmentID == nil:
			presidium++
		case r.Post == app.PostMinister || r.Post == app.PostViceMinister:
			heads++
		}
	}
	s := fmt.Sprintf("%s设主席团 %d 人，工作部门 %d 个（%s），部门负责人 %d 人，现有工作人员共 %d 人。",
		u.Name, presidium, len(active), strings.Join(active, "、"), heads, len(rows))
	if len(merged) > 0 {
		s += "按照职责相近的部门合并的要求，" + strings.Join(merged, "，") + "。"
	}
	for _, check := range []string{"staff_cap", "presidium_cap", "dept_cap", "allowed_posts"} {
		if res, ok := f.result(u.ID, check); ok && res.Outcome == compliance.Fail {
			s += "经核对，" + res.Plain() + "。"
		}
	}
	if u.StaffCapReason != "" {
		s += "超过 40 人的理由：" + u.StaffCapReason + "。"
	}
	return s
}

func deptName(ds []app.Department, id *uint) string {
	for _, d := range ds {
		if id != nil && d.ID == *id {
			return d.Name
		}
	}
	return ""
}

func (f *draftFacts) collegeStaffing(u app.Organization) string {
	rows := f.check.Staff[u.ID]
	presidium := 0
	for _, r := range rows {
		if r.DepartmentID == nil {
			presidium++
		}
	}
	s := fmt.Sprintf("%s现有工作人员 %d 人，其中主席团 %d 人", u.Name, len(rows), presidium)
	for _, check := range []string{"staff_cap", "presidium_cap"} {
		if res, ok := f.result(u.ID, check); ok && res.Outcome == compliance.Fail {
			s += "，" + res.Plain()
		}
	}
	return s
}

// conditionsSentence: political status and grades of the staff, and the
// 秘书长 of each union (the college's own commitment).
func (f *draftFacts) conditionsSentence() string {
	var ok, fails []string
	for _, u := range f.unions() {
		for _, check := range []string{"political", "grades"} {
			res, found := f.result(u.ID, check)
			switch {
			case !found:
			case res.Outcome == compliance.Pass:
				if !slices.Contains(ok, check) {
					ok = append(ok, check)
				}
			case res.Outcome == compliance.Fail:
				fails = append(fails, u.Name+res.Plain())
			}
		}
	}
	s := ""
	if slices.Contains(ok, "political") && len(fails) == 0 {
		s = "各学生会工作人员均为中共党员或共青团员，非一年级工作人员学习成绩均符合要求。"
	} else if len(fails) > 0 {
		s = "经核对工作人员的政治面貌和学习成绩，" + strings.Join(fails, "；") + "。"
	}
	var named, missing []string
	for _, u := range f.unions() {
		if u.SecretaryGeneral != "" {
			named = append(named, u.Name+"秘书长由"+u.SecretaryGeneral+"担任")
		} else {
			missing = append(missing, u.Name)
		}
	}
	if len(named) > 0 {
		s += strings.Join(named, "，") + "。"
	}
	if len(missing) > 0 {
		s += strings.Join(missing, "、") + "尚未登记秘书长。" + ask("各二级学院学生会秘书长的聘任情况")
	}
	return s
}
