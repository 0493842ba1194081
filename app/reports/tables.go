package reports

import (
	"slices"
	"strconv"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/data"
)

// scale is 学生会组织规模统计表: each union's 主席团, departments, heads and
// staff against the limits, with the breaches in words.
func scale(svc *app.Service, o Options) (report.Document, error) {
	r, err := compliance.Run(svc, o.Semester)
	if err != nil {
		return report.Document{}, err
	}
	tree, err := svc.OrgTree()
	if err != nil {
		return report.Document{}, err
	}
	s := report.Section{Columns: []report.Column{{Title: "组织", Width: 14}, {Title: "主席团", Width: 4},
		{Title: "工作部门", Width: 4}, {Title: "部门负责人", Width: 5}, {Title: "干事", Width: 4}, {Title: "合计", Width: 4},
		{Title: "人数上限", Width: 4}, {Title: "情况", Width: 30}}}
	staff := report.Chart{Title: "各学生会工作人员数与上限", ValueLabel: "工作人员数", Unit: "人", MarkLegend: "超出上限"}
	presidents := report.Chart{Title: "各学生会主席团人数与上限", ValueLabel: "主席团人数", Unit: "人", MarkLegend: "超出上限"}
	departments := report.Chart{Title: "各学生会工作部门数与上限", ValueLabel: "工作部门数", Unit: "个", MarkLegend: "超出上限"}
	for _, org := range tree.OfKinds(data.KindSchoolUnion, data.KindCollegeUnion) {
		if org.Status != data.StatusActive || !keepOrg(o, org.ID) {
			continue
		}
		depts, _ := svc.Departments(org.ID)
		var presidium, heads, staffers int
		for _, row := range r.Staff[org.ID] {
			switch {
			case row.DepartmentID == nil:
				presidium++
			case row.Post == app.PostMinister || row.Post == app.PostViceMinister:
				heads++
			default:
				staffers++
			}
		}
		limits, notes, breach := map[string]int{}, "", false
		for _, res := range r.For(org.ID) {
			switch res.Rule.CheckKey {
			case "staff_cap", "presidium_cap", "dept_cap":
				limits[res.Rule.CheckKey] = compliance.LimitFor(res.Rule, org)
				if res.Outcome == compliance.Fail {
					notes, breach = joinNote(notes, res.Sentence), true
				}
			}
		}
		limit := limits["staff_cap"]
		if notes == "" {
			notes = "符合"
		}
		total, limitText := presidium+heads+staffers, ""
		if limit > 0 {
			limitText = strconv.Itoa(limit)
		}
		s.Rows = append(s.Rows, []string{org.Name, strconv.Itoa(presidium), strconv.Itoa(app.CountActive(depts)),
			strconv.Itoa(heads), strconv.Itoa(staffers), strconv.Itoa(total), limitText, notes})
		s.Alerts = append(s.Alerts, breach)
		key := strconv.FormatUint(uint64(org.ID), 10)
		staff.Bars = append(staff.Bars, report.Bar{Label: org.Name, Value: total, Limit: limit, Key: key})
		presidents.Bars = append(presidents.Bars, report.Bar{Label: org.Name, Value: presidium,
			Limit: limits["presidium_cap"], Key: key})
		departments.Bars = append(departments.Bars, report.Bar{Label: org.Name, Value: app.CountActive(depts),
			Limit: limits["dept_cap"], Key: key})
	}
	return report.Document{Title: "学生会组织规模统计表", Subtitle: subtitle(svc, o), Sections: []report.Section{s},
		Charts: []report.Chart{staff, presidents, departments}}, nil
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "；" + b
}

// roster is 学生骨干名册 of a semester, or of a day (换届 history).
func roster(svc *app.Service, o Options) (report.Document, error) {
	f := app.RosterFilter{Status: o.Status, Semester: o.Semester.String(), From: o.Semester.Start(), To: o.Semester.End(),
		OrganizationID: o.OrganizationID}
	if f.Status == "" {
		f.Status = data.RosterInPost
	}
	if !o.On.IsZero() {
		f.From, f.To, f.Semester = o.On, o.On, app.SemesterAt(o.On.Time()).String()
	}
	t, err := svc.RosterTable(f, subtitle(svc, o))
	if err != nil {
		return report.Document{}, err
	}
	if name := orgName(svc, o); name != "" {
		t.Title = name + t.Title
	}
	d := report.DocumentOf(t)
	for _, row := range t.Rows {
		d.Sections[0].Alerts = append(d.Sections[0].Alerts, row[len(row)-1] != "")
	}
	return d, nil
}

// inPostRows lists everyone in post at some time of the semester.
func inPostRows(svc *app.Service, o Options) ([]app.RosterRow, error) {
	return svc.RosterAll(app.RosterFilter{Status: data.RosterInPost, From: o.Semester.Start(), To: o.Semester.End(),
		Semester: o.Semester.String(), OrganizationID: o.OrganizationID})
}

// assessment is 考核结果汇总表: grades per organization and the 不合格 list.
func assessment(svc *app.Service, o Options) (report.Document, error) {
	rows, err := inPostRows(svc, o)
	if err != nil {
		return report.Document{}, err
	}
	type tally struct{ grades map[string]int }
	var orgs []string
	by := map[string]*tally{}
	var fails []app.RosterRow
	for _, r := range rows {
		t, ok := by[r.OrgName]
		if !ok {
			t = &tally{grades: map[string]int{}}
			by[r.OrgName] = t
			orgs = append(orgs, r.OrgName)
		}
		grade := ""
		if r.AssessmentGrade != nil {
			grade = *r.AssessmentGrade
		}
		t.grades[grade]++
		if grade == data.GradeFail {
			fails = append(fails, r)
		}
	}
	dist := report.Section{Caption: "等次分布", Columns: []report.Column{{Title: "组织", Width: 14}, {Title: "优秀", Width: 4},
		{Title: "良好", Width: 4}, {Title: "合格", Width: 4}, {Title: "不合格", Width: 4}, {Title: "未考核", Width: 4},
		{Title: "合计", Width: 4}}}
	total := map[string]int{}
	codes := []string{data.GradeExcellent, data.GradeGood, data.GradePass, data.GradeFail, ""}
	for _, name := range orgs {
		row, sum := []string{name}, 0
		for _, g := range codes {
			n := by[name].grades[g]
			row, sum, total[g] = append(row, strconv.Itoa(n)), sum+n, total[g]+n
		}
		dist.Rows = append(dist.Rows, append(row, strconv.Itoa(sum)))
		dist.Alerts = append(dist.Alerts, by[name].grades[data.GradeFail] > 0)
	}
	row, sum := []string{"合计"}, 0
	for _, g := range codes {
		row, sum = append(row, strconv.Itoa(total[g])), sum+total[g]
	}
	dist.Rows = append(dist.Rows, append(row, strconv.Itoa(sum)))
	failed := report.Section{Caption: "不合格名单", Columns: []report.Column{{Title: "学号", Width: 7}, {Title: "姓名", Width: 4},
		{Title: "组织", Width: 12}, {Title: "部门", Width: 6}, {Title: "职务", Width: 4}, {Title: "建议", Width: 16}}}
	for _, r := range fails {
		dept := app.Presidium
		if r.DeptName != nil {
			dept = *r.DeptName
		}
		failed.Rows = append(failed.Rows, []string{r.StudentNo, r.Name, r.OrgName, dept, r.Post, "按退出机制办理或诫勉谈话"})
		failed.Alerts = append(failed.Alerts, true)
	}
	return report.Document{Title: "考核结果汇总表", Subtitle: subtitle(svc, o), Sections: []report.Section{dist, failed},
		Charts: []report.Chart{gradeChart(total)}}, nil
}

// selection is 选拔情况表: the rounds of the semester and their outcome.
func selection(svc *app.Service, o Options) (report.Document, error) {
	rounds, err := svc.Rounds(o.Semester.String())
	if err != nil {
		return report.Document{}, err
	}
	tree, _ := svc.OrgTree()
	s := report.Section{Columns: []report.Column{{Title: "选拔", Width: 16}, {Title: "组织", Width: 10}, {Title: "类型", Width: 5},
		{Title: "日期", Width: 6}, {Title: "候选人", Width: 4}, {Title: "录用", Width: 4}, {Title: "未录用", Width: 4},
		{Title: "待定", Width: 4}}}
	for _, r := range rounds {
		if !keepOrg(o, r.OrganizationID) {
			continue
		}
		cs, _ := svc.Candidates(r.ID)
		n := map[string]int{}
		for _, c := range cs {
			n[c.Result]++
		}
		org, _ := tree.Get(r.OrganizationID)
		s.Rows = append(s.Rows, []string{r.Title, org.Name, app.TextOf(app.RoundKinds, r.Kind), r.HeldOn.String(),
			strconv.Itoa(len(cs)), strconv.Itoa(n[data.ResultAdmitted]), strconv.Itoa(n[data.ResultRejected]),
			strconv.Itoa(n[data.ResultPending])})
	}
	return report.Document{Title: "选拔情况表", Subtitle: subtitle(svc, o), Sections: []report.Section{s}}, nil
}

// exits is 退出情况表: the semester's exits by reason, and each of them.
func exits(svc *app.Service, o Options) (report.Document, error) {
	rows, err := svc.Store().ExitsBetween(o.Semester.Start(), o.Semester.End())
	if err != nil {
		return report.Document{}, err
	}
	byReason := map[string]int{}
	list := report.Section{Caption: "退出名单", Columns: []report.Column{{Title: "日期", Width: 6}, {Title: "学号", Width: 7},
		{Title: "姓名", Width: 4}, {Title: "组织", Width: 12}, {Title: "职务", Width: 4}, {Title: "原因", Width: 6}, {Title: "说明", Width: 16}}}
	for _, r := range rows {
		byReason[r.Reason]++
		list.Rows = append(list.Rows, []string{r.ExitOn.String(), r.StudentNo, r.Name, r.OrgName, r.Post,
			app.TextOf(app.ExitReasons, r.Reason), r.Notes})
	}
	sum := report.Section{Caption: "按原因统计", Columns: []report.Column{{Title: "退出原因", Width: 10}, {Title: "人次", Width: 4}}}
	for _, l := range app.ExitReasons {
		sum.Rows = append(sum.Rows, []string{l.Text, strconv.Itoa(byReason[l.Code])})
	}
	sum.Rows = append(sum.Rows, []string{"合计", strconv.Itoa(len(rows))})
	return report.Document{Title: "退出情况表", Subtitle: subtitle(svc, o), Sections: []report.Section{sum, list}}, nil
}

// training is 培训记录汇总表: each session with its attendance rate, and
// each cadre's sessions and hours.
func training(svc *app.Service, o Options) (report.Document, error) {
	ts, err := svc.Trainings(data.SessionFilter{Semester: o.Semester.String(), OrganizationID: o.OrganizationID})
	if err != nil {
		return report.Document{}, err
	}
	slices.Reverse(ts) // oldest first, as a record is read
	cells, err := svc.TrainingCells(ts)
	if err != nil {
		return report.Document{}, err
	}
	sessions := report.Section{Caption: "按培训", Columns: app.TrainingColumns, Rows: cells}
	rows, err := inPostRows(svc, o)
	if err != nil {
		return report.Document{}, err
	}
	sums, err := svc.TrainingByPerson(o.Semester)
	if err != nil {
		return report.Document{}, err
	}
	people := report.Section{Caption: "按人员", Columns: []report.Column{{Title: "学号", Width: 7}, {Title: "姓名", Width: 4},
		{Title: "组织", Width: 12}, {Title: "职务", Width: 4}, {Title: "参加培训（次）", Width: 6}, {Title: "其中骨干培训", Width: 6},
		{Title: "学时", Width: 4}}}
	for _, r := range rows {
		s := sums[r.PersonID]
		people.Rows = append(people.Rows, []string{r.StudentNo, r.Name, r.OrgName, r.Post, strconv.Itoa(s.Sessions),
			strconv.Itoa(s.Cadre), strconv.FormatFloat(s.Hours, 'f', -1, 64)})
		people.Alerts = append(people.Alerts, s.Cadre == 0)
	}
	chart, err := trainingChart(svc, o)
	if err != nil {
		return report.Document{}, err
	}
	return report.Document{Title: "培训记录汇总表", Subtitle: subtitle(svc, o), Sections: []report.Section{sessions, people},
		Charts: []report.Chart{chart}}, nil
}

// meetings is 会议记录汇总: the congress, the reports heard, the study
// meetings and the rest of the semester, oldest first.
func meetings(svc *app.Service, o Options) (report.Document, error) {
	ms, err := svc.Meetings(data.SessionFilter{Semester: o.Semester.String(), OrganizationID: o.OrganizationID})
	if err != nil {
		return report.Document{}, err
	}
	slices.Reverse(ms)
	cells, err := svc.MeetingCells(ms)
	if err != nil {
		return report.Document{}, err
	}
	return report.Document{Title: "会议记录汇总", Subtitle: subtitle(svc, o),
		Sections: []report.Section{{Columns: app.MeetingColumns, Rows: cells}}}, nil
}

// ledger is 整改台账 of the academic year, overdue items in red.
func ledger(svc *app.Service, o Options) (report.Document, error) {
	items, err := svc.Ledger(app.RectFilter{Semester: o.Semester, OrganizationID: o.OrganizationID})
	if err != nil {
		return report.Document{}, err
	}
	cells, err := svc.LedgerCells(items, o.Semester.Year())
	if err != nil {
		return report.Document{}, err
	}
	s := report.Section{Columns: app.LedgerColumns, Rows: cells}
	for _, item := range items {
		s.Alerts = append(s.Alerts, svc.Overdue(item))
	}
	return report.Document{Title: "整改台账", Subtitle: svc.Subtitle(o.Semester.Year() + "学年"), Sections: []report.Section{s},
		Charts: []report.Chart{ledgerChart(svc, items)}}, nil
}
