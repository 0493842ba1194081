package reports

import (
	"fmt"
	"strconv"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/data"
)

// Chart keys say what a bar stands for, so that the window can open the
// records behind it: an organization's ID, a grade, a semester, a status.
const (
	ChartStaff       = "各学生会工作人员数与上限"
	ChartPresidium   = "各学生会主席团人数与上限"
	ChartDepartments = "各学生会工作部门数与上限"
	ChartGrades      = "考核等次分布"
	ChartTrainings   = "近四个学期的培训次数与出勤率"
	ChartLedger      = "整改事项状态"
)

// Charts are the figures the 概览 dashboard draws, the same the printed
// reports carry: staffing against the limits, the semester's grades, the
// last four semesters' trainings, and the rectification items.
func Charts(svc *app.Service, o Options) ([]report.Chart, error) {
	return fromSnapshot(svc, func(snap *app.Service) ([]report.Chart, error) { return makeCharts(snap, o) })
}

// makeCharts computes the charts from SQL aggregates: the counts per union
// and per grade, not the 规模统计表 and 考核结果汇总表 whose charts they are
// (those read and check every cadre; at 20,000 that was half a second).
func makeCharts(svc *app.Service, o Options) ([]report.Chart, error) {
	sizes, err := staffingCharts(svc, o)
	if err != nil {
		return nil, err
	}
	// the rows of 考核结果汇总表 (inPostRows), counted by grade
	grades, err := svc.RosterGradeCounts(app.RosterFilter{Status: data.RosterInPost, From: o.Semester.Start(),
		To: o.Semester.End(), Semester: o.Semester.String(), OrganizationID: o.OrganizationID})
	if err != nil {
		return nil, err
	}
	trainings, err := trainingChart(svc, o)
	if err != nil {
		return nil, err
	}
	items, err := svc.Ledger(app.RectFilter{Semester: o.Semester, OrganizationID: o.OrganizationID})
	if err != nil {
		return nil, err
	}
	return append(sizes, gradeChart(grades), trainings, ledgerChart(svc, items)), nil
}

// staffingCharts are the 规模统计表's three charts, from the count of each
// union's people in post on the check's day and the caps of the set in force.
func staffingCharts(svc *app.Service, o Options) ([]report.Chart, error) {
	set, err := compliance.InForce(svc, o.Semester)
	if err != nil {
		return nil, err
	}
	counts, err := svc.StaffCountsOn(compliance.Day(svc, o.Semester), data.KindSchoolUnion, data.KindCollegeUnion)
	if err != nil {
		return nil, err
	}
	tree, err := svc.OrgTree()
	if err != nil {
		return nil, err
	}
	charts := newStaffingCharts()
	for _, org := range tree.OfKinds(data.KindSchoolUnion, data.KindCollegeUnion) {
		if org.Status != data.StatusActive || !keepOrg(o, org.ID) {
			continue
		}
		depts, err := svc.Departments(org.ID)
		if err != nil {
			return nil, err
		}
		c := counts[org.ID]
		addStaffingBars(charts, org, c.Total, c.Presidium, app.CountActive(depts), compliance.Caps(set, org))
	}
	return charts, nil
}

// newStaffingCharts are the staff, 主席团 and department charts, empty.
func newStaffingCharts() []report.Chart {
	return []report.Chart{
		{Title: ChartStaff, ValueLabel: "工作人员数", Unit: "人", MarkLegend: "超出上限"},
		{Title: ChartPresidium, ValueLabel: "主席团人数", Unit: "人", MarkLegend: "超出上限"},
		{Title: ChartDepartments, ValueLabel: "工作部门数", Unit: "个", MarkLegend: "超出上限"},
	}
}

// addStaffingBars adds a union's bars to the three staffing charts.
func addStaffingBars(charts []report.Chart, org app.Organization, staff, presidium, depts int, caps map[string]int) {
	key := strconv.FormatUint(uint64(org.ID), 10)
	charts[0].Bars = append(charts[0].Bars, report.Bar{Label: org.Name, Value: staff, Limit: caps["staff_cap"], Key: key})
	charts[1].Bars = append(charts[1].Bars, report.Bar{Label: org.Name, Value: presidium, Limit: caps["presidium_cap"], Key: key})
	charts[2].Bars = append(charts[2].Bars, report.Bar{Label: org.Name, Value: depts, Limit: caps["dept_cap"], Key: key})
}

// gradeChart counts the in-post cadres of each grade; 不合格 is marked.
func gradeChart(counts map[string]int) report.Chart {
	c := report.Chart{Title: ChartGrades, ValueLabel: "人数", Unit: "人", MarkLegend: "不合格"}
	for _, g := range append(app.Grades, app.Label{Code: "", Text: "未考核"}) {
		c.Bars = append(c.Bars, report.Bar{Label: g.Text, Value: counts[g.Code],
			Alert: g.Code == data.GradeFail && counts[g.Code] > 0, Key: g.Code})
	}
	return c
}

// trainingChart counts the trainings of the semester and the three before
// it, each with the attendance rate over its roll calls.
func trainingChart(svc *app.Service, o Options) (report.Chart, error) {
	c := report.Chart{Title: ChartTrainings, ValueLabel: "培训次数", Unit: "次", Empty: "近四个学期无培训记录"}
	sems := []app.Semester{o.Semester.Prev().Prev().Prev(), o.Semester.Prev().Prev(), o.Semester.Prev(), o.Semester}
	for _, sem := range sems {
		ts, err := svc.Trainings(data.SessionFilter{Semester: sem.String(), OrganizationID: o.OrganizationID})
		if err != nil {
			return c, err
		}
		counts, err := svc.Store().TrainingAttendance(sem.String())
		if err != nil {
			return c, err
		}
		var sum data.AttendanceCount
		for _, t := range ts {
			sum.Present += counts[t.ID].Present
			sum.Marked += counts[t.ID].Marked
		}
		note := "未点名"
		if sum.Marked > 0 {
			note = fmt.Sprintf("出勤率 %.0f%%", 100*float64(sum.Present)/float64(sum.Marked))
		}
		c.Bars = append(c.Bars, report.Bar{Label: sem.Label(), Value: len(ts), Note: note, Key: sem.String()})
	}
	return c, nil
}

// ledgerChart counts the year's rectification items by status; a status
// with overdue items is marked and says how many.
func ledgerChart(svc *app.Service, items []app.Rectification) report.Chart {
	c := report.Chart{Title: ChartLedger, ValueLabel: "事项数", Unit: "项", MarkLegend: "有逾期", Empty: "本学年无整改事项"}
	count, overdue := map[string]int{}, map[string]int{}
	for _, item := range items {
		count[item.Status]++
		if svc.Overdue(item) {
			overdue[item.Status]++
		}
	}
	for _, s := range app.RectStatuses {
		b := report.Bar{Label: s.Text, Value: count[s.Code], Alert: overdue[s.Code] > 0, Key: s.Code}
		if b.Alert {
			b.Note = fmt.Sprintf("逾期 %d 项", overdue[s.Code])
		}
		c.Bars = append(c.Bars, b)
	}
	return c
}
