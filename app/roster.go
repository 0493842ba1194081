package app

import (
	"fmt"
	"strings"

	"tuanxue/app/report"
	"tuanxue/data"
)

// RosterFilter selects roster rows; RosterRow is one of them.
type (
	RosterFilter = data.RosterFilter
	RosterRow    = data.RosterRow
)

// RosterStatuses are the choices of the roster's status filter.
var RosterStatuses = []Label{
	{data.RosterInPost, "在任"},
	{data.RosterFlagged, "建议退出"},
	{data.RosterLeft, "已离任"},
	{data.RosterAll, "全部"},
}

// ParseRosterStatus reads a status as the command line gives it: the code
// (in_post, flagged, left), all, or the Chinese label.
func ParseRosterStatus(text string) (string, bool) {
	switch text {
	case "", "all", "全部":
		return data.RosterAll, true
	}
	if code := ParseLabel(RosterStatuses, text); code != "" {
		return code, true
	}
	return "", false
}

// RosterColumns are the roster's columns, on screen and in Excel.
// The post comes first, the person's details after it.
var RosterColumns = []report.Column{
	{Title: "学号", Width: 7}, {Title: "姓名", Width: 4}, {Title: "组织", Width: 9},
	{Title: "部门", Width: 5}, {Title: "职务", Width: 4}, {Title: "政治面貌", Width: 6},
	{Title: "班级", Width: 6}, {Title: "二级学院", Width: 6}, {Title: "性别", Width: 2},
	{Title: "任职起止", Width: 12}, {Title: "考核", Width: 3}, {Title: "建议退出原因", Width: 18},
}

// RosterIDs lists the appointments a filter selects, in roster order.
func (s *Service) RosterIDs(f RosterFilter) ([]uint, error) {
	return s.store.RosterIDs(s.asOfToday(f))
}

// asOfToday reads a period that includes today as the state of today:
// 在任 and 建议退出 are those in post today (or starting later in the
// period), 已离任 those whose term ended before today. Someone who left
// today, or whose term is planned to end later, is then in one list only.
// A past period still lists everyone who served in it.
func (s *Service) asOfToday(f RosterFilter) RosterFilter {
	if f.RankLimit == 0 {
		f.RankLimit = DefaultRankLimit
	}
	today := s.Today()
	if f.From.IsZero() || f.To.IsZero() || today.Before(f.From) || f.To.Before(today) {
		return f
	}
	switch f.Status {
	case data.RosterInPost, data.RosterFlagged:
		f.From = today
	case data.RosterLeft:
		f.To = data.DateOf(today.Time().AddDate(0, 0, -1))
	}
	return f
}

// RosterRows reads rows for the given appointments.
func (s *Service) RosterRows(ids []uint, semester string) ([]RosterRow, error) {
	return s.store.RosterRows(ids, semester)
}

// RosterCells is a row as the roster shows it.
func RosterCells(r RosterRow, semester string) []string {
	dept := Presidium
	if r.DeptName != nil {
		dept = *r.DeptName
	}
	term := Term(Appointment{StartOn: r.StartOn, EndOn: r.EndOn})
	grade := ""
	if r.AssessmentGrade != nil {
		grade = TextOf(Grades, *r.AssessmentGrade)
	}
	p := Person{FailedCourses: r.FailedCourses, RankPercent: r.RankPercent}
	flags := ""
	if r.EndOn.IsZero() {
		g := ""
		if r.AssessmentGrade != nil {
			g = *r.AssessmentGrade
		}
		reasons := ExitReasonsFor(p, g, semester, DefaultRankLimit)
		if r.ReviewFailed {
			reasons = append(reasons, reviewExitReason(semester))
		}
		flags = strings.Join(reasons, "；")
	}
	return []string{r.StudentNo, r.Name, r.OrgName, dept, r.Post, TextOf(PoliticalStatuses, r.PoliticalStatus),
		r.ClassName, r.College, TextOf(Genders, r.Gender), term, grade, flags}
}

// RosterAll reads every row of a filter, for reports.
func (s *Service) RosterAll(f RosterFilter) ([]RosterRow, error) {
	return s.store.RosterAll(s.asOfToday(f))
}

// RosterTable is the whole filtered roster as a table, for Excel.
func (s *Service) RosterTable(f RosterFilter, subtitle string) (report.Table, error) {
	rows, err := s.RosterAll(f)
	if err != nil {
		return report.Table{}, err
	}
	t := report.Table{Title: "学生骨干名册", Subtitle: subtitle, Columns: RosterColumns, Rows: make([][]string, len(rows))}
	for i, r := range rows {
		t.Rows[i] = RosterCells(r, f.Semester)
	}
	return t, nil
}

// Subtitle is the line under a table's title: school, period, when made.
func (s *Service) Subtitle(period string) string {
	st, _ := s.Settings()
	line := fmt.Sprintf("%s · 制表日期 %s", period, s.Today())
	if st.SchoolName != "" {
		line = st.SchoolName + " · " + line
	}
	return line
}
