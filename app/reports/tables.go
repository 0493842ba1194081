package reports

import (
	"slices"
	"strconv"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

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
		{Title: "组织", Width: 12}, {Title: "部门", Width: 6}, {Title: "职务", Width: 4}, {Title: "建议", Width: 16}},
		Empty: "本学期无不合格人员"}
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
