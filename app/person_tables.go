package app

import (
	"strconv"

	"tuanxue/app/report"
	"tuanxue/data"
)

// The tables of the person form.
var (
	AppointmentColumns = []report.Column{{Title: "组织", Width: 14}, {Title: "部门", Width: 8},
		{Title: "职务", Width: 8}, {Title: "任职起止", Width: 20}, {Title: "产生方式", Width: 8}}
	AssessmentColumns = []report.Column{{Title: "学期", Width: 16}, {Title: ComponentNames[0], Width: 4},
		{Title: ComponentNames[1], Width: 5}, {Title: ComponentNames[2], Width: 6}, {Title: ComponentNames[3], Width: 5},
		{Title: "述职评议", Width: 5}, {Title: "总分", Width: 4}, {Title: "等次", Width: 4}, {Title: "评语", Width: 16}}
	ExitColumns = []report.Column{{Title: "退出日期", Width: 8}, {Title: "职务", Width: 20},
		{Title: "原因", Width: 8}, {Title: "说明", Width: 20}}
	RecommendationColumns = []report.Column{{Title: "日期", Width: 8}, {Title: "团支部", Width: 12},
		{Title: "环节", Width: 10}, {Title: "结果", Width: 5}, {Title: "备注", Width: 16}}
	ReviewColumns = []report.Column{{Title: "学期", Width: 12}, {Title: "评议日期", Width: 8}, {Title: "述职职务", Width: 10},
		{Title: "总分", Width: 4}, {Title: "结果", Width: 6}, {Title: "评语", Width: 16}}
)

// AppointmentCells describes a person's terms for the person form.
func (s *Service) AppointmentCells(as []Appointment) ([][]string, error) {
	tree, err := s.OrgTree()
	if err != nil {
		return nil, err
	}
	out := make([][]string, len(as))
	for i, a := range as {
		org, _ := tree.Get(a.OrganizationID)
		out[i] = []string{org.Name, s.deptName(a.DepartmentID), a.Post, Term(a), TextOf(SelectedBy, a.SelectedBy)}
	}
	return out, nil
}

// PostName describes one term in a few words: "校学生会 宣传部 干事".
func (s *Service) PostName(a Appointment) string {
	org, err := s.store.Organization(a.OrganizationID)
	if err != nil {
		return a.Post
	}
	return org.Name + " " + s.deptName(a.DepartmentID) + " " + a.Post
}

func (s *Service) deptName(id *uint) string {
	if id == nil {
		return Presidium
	}
	if d, err := s.store.Department(*id); err == nil {
		return d.Name
	}
	return ""
}

// Term writes a term as "2020-09-10 至 今".
func Term(a Appointment) string {
	end := "今"
	if !a.EndOn.IsZero() {
		end = a.EndOn.String()
	}
	return a.StartOn.String() + " 至 " + end
}

// AssessmentCells describes assessments for the person form.
func AssessmentCells(as []Assessment) [][]string {
	out := make([][]string, len(as))
	for i, a := range as {
		out[i] = []string{semesterLabel(a.Semester), score(a.SelfScore), score(a.DepartmentScore),
			score(a.PresidiumScore), score(a.LeagueScore), score(a.ReviewScore), score(a.Total), TextOf(Grades, a.Grade), a.Comments}
	}
	return out
}

func score(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// ExitCells describes exits, naming the post each one ended.
func (s *Service) ExitCells(es []Exit, as []Appointment) [][]string {
	posts := map[uint]Appointment{}
	for _, a := range as {
		posts[a.ID] = a
	}
	out := make([][]string, len(es))
	for i, e := range es {
		out[i] = []string{e.ExitOn.String(), s.PostName(posts[e.AppointmentID]), TextOf(ExitReasons, e.Reason), e.Notes}
	}
	return out
}

// RecommendationCells describes 推优 records.
func RecommendationCells(rs []Recommendation) [][]string {
	out := make([][]string, len(rs))
	for i, r := range rs {
		out[i] = []string{r.HeldOn.String(), r.Branch, r.Stage, r.Result, r.Notes}
	}
	return out
}

// ReviewCells describes a person's 述职评议 results.
func ReviewCells(rs []data.ReviewedRow) [][]string {
	out := make([][]string, len(rs))
	for i, r := range rs {
		out[i] = []string{semesterLabel(r.Semester), r.HeldOn.String(), r.Post, score(r.Total),
			TextOf(ReviewResults, r.Result), r.Comments}
	}
	return out
}
