package compliance

import (
	"fmt"

	"tuanxue/app"
	"tuanxue/data"
)

// Figure is one key figure of the dashboard.
type Figure struct {
	Label, Value string
}

// Overview is the 概览 dashboard: key figures of the semester and the
// check's breaches.
type Overview struct {
	Semester app.Semester
	Figures  []Figure
	Report   Report
}

// MakeOverview gathers the dashboard of a semester.
func MakeOverview(svc *app.Service, sem app.Semester) (Overview, error) {
	r, err := Run(svc, sem)
	if err != nil {
		return Overview{}, err
	}
	o := Overview{Semester: sem, Report: r}
	h, err := svc.Store().HeadcountOn(r.Day)
	if err != nil {
		return o, err
	}
	tree, err := svc.OrgTree()
	if err != nil {
		return o, err
	}
	unions := 0
	for _, org := range tree.OfKinds(data.KindSchoolUnion, data.KindCollegeUnion) {
		if org.Status == data.StatusActive {
			unions++
		}
	}
	trainings, err := svc.Trainings(data.SessionFilter{Semester: sem.String()})
	if err != nil {
		return o, err
	}
	ratio := "—"
	if h.InPost > 0 {
		ratio = fmt.Sprintf("%.0f%%（%d/%d）", 100*float64(h.Applied)/float64(h.InPost), h.Applied, h.InPost)
	}
	congress := "未召开"
	congresses, err := svc.Meetings(data.SessionFilter{Kind: data.MeetingCongress})
	if err != nil {
		return o, err
	}
	for _, m := range congresses {
		if org, _ := tree.Get(m.OrganizationID); org.Kind == data.KindSchoolUnion && !r.Day.Before(m.HeldOn) {
			congress = m.HeldOn.String()
			break
		}
	}
	items, err := svc.Ledger(app.RectFilter{Semester: sem})
	if err != nil {
		return o, err
	}
	open, overdue := 0, 0
	for _, item := range items {
		if item.Status == data.RectOpen || item.Status == data.RectInProgress {
			open++
		}
		if svc.Overdue(item) {
			overdue++
		}
	}
	n := r.Count()
	o.Figures = []Figure{
		{"在任学生骨干", fmt.Sprintf("%d 人", h.InPost)},
		{"学生会组织", fmt.Sprintf("%d 个", unions)},
		{"本学期培训", fmt.Sprintf("%d 次", len(trainings))},
		{"递交入党申请书", ratio},
		{"最近一次校级学代会", congress},
		{"改革指标", fmt.Sprintf("达标 %d · 未达标 %d · 数据不足 %d", n[Pass], n[Fail], n[Insufficient])},
		{"整改事项", fmt.Sprintf("未完成 %d 项 · 逾期 %d 项", open, overdue)},
	}
	return o, nil
}
