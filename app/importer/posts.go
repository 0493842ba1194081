package importer

import (
	"fmt"
	"strings"

	"tuanxue/app"
	"tuanxue/data"
)

// appointment plans the post a row names, if any.
func (p *planner) appointment(pr *PlannedRow, r Row) {
	t := p.t
	orgName, deptName, post := t.Get(r, ColOrg), t.Get(r, ColDept), t.Get(r, ColPost)
	if orgName == "" && deptName == "" && post == "" {
		return
	}
	before := len(pr.Problems)
	if orgName == "" {
		pr.problem(ColOrg, "填写了职务或部门，但没有填写所属组织")
	}
	if post == "" {
		pr.problem(ColPost, "请填写职务，如 部长、干事")
	}
	start := p.today
	// "2020-09-10 至 今" from the program's own roster export: the start.
	startText, _, _ := strings.Cut(t.Get(r, ColStartOn), "至")
	if text := dateText(strings.TrimSpace(startText)); text != "" {
		d, msg := app.ParseDate("任职开始日期", text)
		if msg != "" {
			pr.problem(ColStartOn, msg)
		}
		start = d
	}
	if len(pr.Problems) > before {
		return
	}
	org, reason := p.orgs.find(orgName, t.Get(r, ColOrgKind), p.opts.CreateMissing)
	if reason != "" {
		pr.problem(ColOrg, reason)
		return
	}
	pr.OrgName = orgName
	a := &app.Appointment{OrganizationID: org.ID, Post: post, PostRank: app.PostRank(post),
		StartOn: start, SelectedBy: data.SelectedByImport}
	if !p.department(pr, org, deptName, a) {
		return
	}
	if !p.isNewPost(pr, org, a) {
		return
	}
	pr.Appointment = a
}

// department resolves the row's department; false when the row is refused.
func (p *planner) department(pr *PlannedRow, org app.Organization, name string, a *app.Appointment) bool {
	if name == app.Presidium {
		name = ""
	}
	switch {
	case app.IsPresidiumPost(a.Post) && name != "":
		pr.problem(ColDept, fmt.Sprintf("%s属于主席团，部门请留空或填“主席团”", a.Post))
		return false
	case name == "" && !app.IsPresidiumPost(a.Post) && app.HasDepartments(org.Kind):
		pr.problem(ColDept, fmt.Sprintf("%s须填写所在部门", a.Post))
		return false
	case name == "":
		return true
	case !app.HasDepartments(org.Kind):
		pr.problem(ColDept, fmt.Sprintf("%s不设工作部门", app.TextOf(app.OrgKinds, org.Kind)))
		return false
	}
	pr.DeptName = name
	if d, ok := p.orgs.dept(org, name); ok {
		a.DepartmentID = &d.ID
		return true
	}
	if !p.opts.CreateMissing {
		pr.problem(ColDept, fmt.Sprintf("“%s”还没有部门“%s”（用 --create-missing 自动创建）", org.Name, name))
		return false
	}
	if p.newDepts[org.Name] == nil {
		p.newDepts[org.Name] = map[string]bool{}
	}
	p.newDepts[org.Name][name] = true
	return true
}

// isNewPost checks the one-post-per-organization rule against the record
// and the rows above. A post already on record is not an error: importing
// the same roster twice changes nothing.
func (p *planner) isNewPost(pr *PlannedRow, org app.Organization, a *app.Appointment) bool {
	key := pr.Person.StudentNo + "|" + org.Name
	if line, seen := p.seenPost[key]; seen {
		pr.problem(ColOrg, fmt.Sprintf("第 %d 行已是此人在“%s”的任职，同一组织只能担任一个职务", line, org.Name))
		return false
	}
	p.seenPost[key] = pr.Line
	if !pr.Existing || org.ID == 0 {
		return true
	}
	for _, open := range p.open[pr.Person.ID] {
		if open.OrganizationID != org.ID {
			continue
		}
		if open.Post == a.Post && sameDept(open.DepartmentID, a.DepartmentID) {
			return false // already recorded
		}
		pr.problem(ColOrg, fmt.Sprintf("已在“%s”任%s（%s 起），同一组织只能担任一个职务；请先办理退出", org.Name, open.Post, open.StartOn))
		return false
	}
	return true
}

func sameDept(a, b *uint) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}
