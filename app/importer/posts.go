package importer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"tuanxue/app"
	"tuanxue/data"
)

// fileTerm is a term a good row of the file gives.
type fileTerm struct {
	line       int
	post, dept string
	start, end data.Date
}

// pendingPost is a row's term, kept among the file's once the row is good.
type pendingPost struct {
	slot string // the person and the organization
	term fileTerm
}

// maxPostLen is the appointment form's limit.
const maxPostLen = 20

// appointment plans the post a row names, if any.
func (p *planner) appointment(pr *PlannedRow, v *rowCells, stored *app.Person) *pendingPost {
	orgName, deptName, post, termCell := v.v[ColOrg], v.v[ColDept], postKey(v.v[ColPost]), v.v[ColStartOn]
	if orgName == "" && deptName == "" && post == "" {
		return nil
	}
	before := len(pr.Problems)
	if orgName == "" && !v.bad[ColOrg] {
		pr.problem(ColOrg, "填写了职务或部门，但没有填写所属组织")
	}
	switch n := utf8.RuneCountInString(post); {
	case n == 0 && !v.bad[ColPost]:
		pr.problem(ColPost, "请填写职务，如 部长、干事")
	case n > maxPostLen:
		pr.problem(ColPost, fmt.Sprintf("职务最多 %d 个字，现在有 %d 个字", maxPostLen, n))
	}
	termCell, endProblem := withEnd(termCell, v.v[ColEndOn])
	if endProblem != "" && !v.bad[ColEndOn] && !v.bad[ColStartOn] {
		pr.problem(ColEndOn, endProblem)
	}
	var start, end data.Date
	if !v.bad[ColStartOn] && !v.bad[ColEndOn] {
		var problems []string
		start, end, problems = parseTerm(termCell, p.today)
		for _, msg := range problems {
			pr.problem(ColStartOn, msg)
		}
	}
	dated := termCell != ""
	if !dated {
		start = p.today
	}
	if len(pr.Problems) > before || v.bad[ColOrg] || v.bad[ColDept] || v.bad[ColPost] || v.bad[ColStartOn] || v.bad[ColEndOn] {
		return nil
	}
	org, reason := p.orgs.find(pr.Line, orgName, v.v[ColOrgKind])
	if reason != "" {
		pr.problem(ColOrg, reason)
		return nil
	}
	pr.OrgName = org.Name
	running := end.IsZero() || p.today.Before(end)
	if org.Status != data.StatusActive && running {
		pr.problem(ColOrg, fmt.Sprintf("%s%s，不能新任职务", Quote(org.Name), app.TextOf(app.Statuses, org.Status)))
		return nil
	}
	a := &app.Appointment{OrganizationID: org.ID, Post: post, PostRank: app.PostRank(post),
		StartOn: start, EndOn: end, SelectedBy: data.SelectedByImport}
	if !p.department(pr, org, deptName, a, running) {
		return nil
	}
	if (org.Kind == data.KindSchoolUnion || org.Kind == data.KindCollegeUnion) && !app.IsAllowedPost(post) {
		pr.warn(ColPost, fmt.Sprintf("%s不是改革允许的职务（%s）：照原样导入，但自评时指标 6（职务设置）将不通过",
			Quote(post), strings.Join(app.Posts, "、")))
	}
	pending := &pendingPost{slot: pr.key + "|" + orgSlot(org), term: fileTerm{pr.Line, post, orgKey(pr.DeptName), start, end}}
	if pr.key != "" && !p.notInFile(pr, org, pending) {
		return nil
	}
	if stored != nil && org.ID != 0 {
		recorded, ok := p.onRecord(pr, stored.ID, org, a, dated)
		if !ok {
			return nil
		}
		if recorded {
			a = nil
		}
	}
	pr.Appointment = a
	return pending
}

func orgSlot(org orgRef) string {
	if org.ID != 0 {
		return fmt.Sprint(org.ID)
	}
	return "new:" + orgKey(org.Name)
}

func deptSlot(orgID uint, orgName, dept string) string {
	return orgSlot(orgRef{ID: orgID, Name: orgName}) + "|" + orgKey(dept)
}

// department resolves the row's department; false when the row is refused.
// A title the rules do not allow (秘书长) needs no department: the row is
// kept, with a warning.
func (p *planner) department(pr *PlannedRow, org orgRef, name string, a *app.Appointment, running bool) bool {
	if orgKey(name) == app.Presidium {
		name = ""
	}
	switch {
	case app.IsPresidiumPost(a.Post) && name != "":
		pr.problem(ColDept, fmt.Sprintf("%s属于主席团，部门请留空或填“主席团”", a.Post))
		return false
	case name == "" && app.IsAllowedPost(a.Post) && !app.IsPresidiumPost(a.Post) && app.HasDepartments(org.Kind):
		pr.problem(ColDept, fmt.Sprintf("%s须填写所在部门", a.Post))
		return false
	case name == "":
		return true
	case !app.HasDepartments(org.Kind):
		pr.problem(ColDept, fmt.Sprintf("%s不设工作部门", app.TextOf(app.OrgKinds, org.Kind)))
		return false
	}
	if org.ID != 0 {
		if d, ok := p.orgs.dept(org.ID, orgKey(name)); ok {
			if d.Status != data.StatusActive && running {
				pr.problem(ColDept, fmt.Sprintf("部门%s%s，不能新任职务", Quote(d.Name), app.TextOf(app.Statuses, d.Status)))
				return false
			}
			id := d.ID // not &d.ID, which keeps the whole department per row
			pr.DeptName, a.DepartmentID = d.Name, &id
			return true
		}
	}
	if !p.opts.CreateMissing {
		pr.problem(ColDept, fmt.Sprintf("%s还没有部门%s（用 --create-missing 自动创建）", Quote(org.Name), Quote(name)))
		return false
	}
	if n := utf8.RuneCountInString(name); n > maxDeptLen {
		pr.problem(ColDept, fmt.Sprintf("新建部门%s：部门名称最多 %d 个字，现在有 %d 个字", Quote(name), maxDeptLen, n))
		return false
	}
	slot := deptSlot(org.ID, org.Name, name)
	nd, ok := p.newDepts[slot]
	if !ok {
		nd = &NewDept{Org: org.Name, OrgID: org.ID, Name: name}
		p.newDepts[slot] = nd
	}
	pr.DeptName = nd.Name
	return true
}

// maxDeptLen is the department form's limit.
const maxDeptLen = 30

// notInFile refuses a second term of the same person in the same
// organization at the same time in the file. Rows without a usable 学号
// are never compared.
func (p *planner) notInFile(pr *PlannedRow, org orgRef, pending *pendingPost) bool {
	t := pending.term
	for _, e := range p.fileTerms[pending.slot] {
		if !overlaps(e.start, e.end, t.start, t.end) {
			continue
		}
		if e.post == t.post && e.dept == t.dept {
			pr.problem(ColStudentNo, fmt.Sprintf("与第 %d 行重复：同一人在%s的同一任职", e.line, Quote(org.Name)))
		} else {
			pr.problem(ColOrg, fmt.Sprintf("第 %d 行已是此人在%s的任职（%s），同一组织同一时间只能担任一个职务", e.line, Quote(org.Name), e.post))
		}
		return false
	}
	return true
}

// onRecord compares a row's term with the person's terms in the
// organization on record. recorded: the record holds it already and
// nothing is written; ok false: the row is refused. An ended term is never
// reopened, and importing any roster the program exported changes nothing.
func (p *planner) onRecord(pr *PlannedRow, personID uint, org orgRef, a *app.Appointment, dated bool) (recorded, ok bool) {
	var inOrg []app.Appointment
	for _, e := range p.terms[personID] {
		if e.OrganizationID == org.ID {
			inOrg = append(inOrg, e)
		}
	}
	for _, e := range inOrg {
		if e.Post != a.Post || !sameDept(e.DepartmentID, a.DepartmentID) {
			continue
		}
		switch {
		case sameDay(e.StartOn, a.StartOn) && sameDay(e.EndOn, a.EndOn):
			return true, true
		case e.EndOn.IsZero() && a.EndOn.IsZero():
			if dated {
				pr.warn(ColStartOn, fmt.Sprintf("记录中此任职从 %s 开始，名册写的是 %s；没有改动", e.StartOn, a.StartOn))
			}
			return true, true
		case !sameDay(e.StartOn, a.StartOn) || !dated:
			continue
		case a.EndOn.IsZero():
			pr.warn(ColStartOn, fmt.Sprintf("此任职已于 %s 结束，导入不会重新开始它", e.EndOn))
			return true, true
		case e.EndOn.IsZero():
			pr.problem(ColStartOn, fmt.Sprintf("记录中此任职（%s 起）仍在任，名册写的结束日期 %s 不由导入写入：请在人员页面办理退出", e.StartOn, a.EndOn))
			return false, false
		default:
			pr.problem(ColStartOn, fmt.Sprintf("记录中此任职于 %s 结束，名册写的是 %s", e.EndOn, a.EndOn))
			return false, false
		}
	}
	for _, e := range inOrg {
		if overlaps(e.StartOn, e.EndOn, a.StartOn, a.EndOn) {
			pr.problem(ColOrg, fmt.Sprintf("已在%s任%s（%s），同一组织同一时间只能担任一个职务；请先办理退出",
				Quote(org.Name), e.Post, termText(e.StartOn, e.EndOn)))
			return false, false
		}
	}
	if !dated {
		for _, e := range inOrg {
			if e.Post == a.Post {
				pr.warn(ColStartOn, fmt.Sprintf("此人曾在%s任%s（%s）；名册没有写任职日期，将从今天（%s）起新任",
					Quote(org.Name), e.Post, termText(e.StartOn, e.EndOn), a.StartOn))
				break
			}
		}
	}
	return false, true
}

// overlaps: two terms share a day; a zero end runs on.
func overlaps(aStart, aEnd, bStart, bEnd data.Date) bool {
	aEndsBeforeB := !aEnd.IsZero() && aEnd.Before(bStart)
	bEndsBeforeA := !bEnd.IsZero() && bEnd.Before(aStart)
	return !aEndsBeforeB && !bEndsBeforeA
}

func sameDept(a, b *uint) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}
