package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/data"
)

// scaleColumns: each count with its cap beside it, the political make-up,
// and the breaches in words.
var scaleColumns = []report.Column{{Title: "组织", Width: 8}, {Title: "主席团"}, {Title: "主席团上限"},
	{Title: "工作部门"}, {Title: "部门上限"}, {Title: "部门负责人"}, {Title: "干事"}, {Title: "合计"},
	{Title: "人数上限"}, {Title: "群众"}, {Title: "递交入党申请书"}, {Title: "比例"}, {Title: "情况"}}

// scale is 学生会组织规模统计表: each union's 主席团, departments, heads and
// staff against the limits, its 群众 and its share of cadres who have
// applied to join the Party, with the breaches in words: over a cap, or a
// title the reform does not allow (counted in 合计, not as 干事).
func scale(svc *app.Service, o Options) (report.Document, error) {
	r, err := compliance.Run(svc, o.Semester)
	if err != nil {
		return report.Document{}, err
	}
	tree, err := svc.OrgTree()
	if err != nil {
		return report.Document{}, err
	}
	s := report.Section{Columns: scaleColumns}
	charts := newStaffingCharts()
	for _, org := range tree.OfKinds(data.KindSchoolUnion, data.KindCollegeUnion) {
		if org.Status != data.StatusActive || !keepOrg(o, org.ID) {
			continue
		}
		depts, err := svc.Departments(org.ID)
		if err != nil {
			return report.Document{}, err
		}
		c := countStaff(r.Staff[org.ID])
		limits, notes := capNotes(r, org)
		breach := len(notes) > 0
		if len(c.odd) > 0 {
			notes, breach = append(notes, oddPosts(c.odd)), true
		}
		if len(notes) == 0 {
			notes = []string{"符合"}
		}
		ndepts := app.CountActive(depts)
		s.Rows = append(s.Rows, []string{org.Name, strconv.Itoa(c.presidium), limitText(limits["presidium_cap"]),
			strconv.Itoa(ndepts), limitText(limits["dept_cap"]), strconv.Itoa(c.heads), strconv.Itoa(c.staffers),
			strconv.Itoa(c.total), limitText(limits["staff_cap"]), strconv.Itoa(c.masses), strconv.Itoa(c.applied),
			percent(c.applied, c.total), strings.Join(notes, "；")})
		s.Alerts = append(s.Alerts, breach)
		addStaffingBars(charts, org, c.total, c.presidium, ndepts, limits)
	}
	s.Empty = "没有在用的学生会组织"
	return report.Document{Title: "学生会组织规模统计表", Subtitle: subtitle(svc, o), Sections: []report.Section{s},
		Charts: charts}, nil
}

// staffCount is a union's people in post, by place and standing.
type staffCount struct {
	presidium, heads, staffers, total int
	masses, applied                   int
	odd                               []data.StaffRow // titles the reform does not allow
}

func countStaff(rows []data.StaffRow) staffCount {
	var c staffCount
	for _, row := range rows {
		c.total++
		switch {
		case !app.IsAllowedPost(row.Post):
			c.odd = append(c.odd, row)
		case row.DepartmentID == nil:
			c.presidium++
		case row.Post == app.PostMinister || row.Post == app.PostViceMinister:
			c.heads++
		default:
			c.staffers++
		}
		if row.PoliticalStatus == data.PoliticalMasses {
			c.masses++
		}
		if appliedToParty(row) {
			c.applied++
		}
	}
	return c
}

// appliedToParty: a party application on record, or a standing that
// presumes one (积极分子 and after), as the reform check counts them.
func appliedToParty(row data.StaffRow) bool {
	switch row.PoliticalStatus {
	case data.PoliticalActivist, data.PoliticalCandidate, data.PoliticalProbationary, data.PoliticalParty:
		return true
	}
	return !row.PartyAppliedOn.IsZero()
}

// capNotes gives the caps the rules in force set for a union, and the
// breaches of them in words, without the union's name the row already has.
func capNotes(r compliance.Report, org app.Organization) (map[string]int, []string) {
	limits := map[string]int{}
	var notes []string
	for _, res := range r.For(org.ID) {
		switch res.Rule.CheckKey {
		case "staff_cap", "presidium_cap", "dept_cap":
			limits[res.Rule.CheckKey] = compliance.LimitFor(res.Rule, org)
			if res.Outcome == compliance.Fail {
				notes = append(notes, strings.TrimPrefix(res.Sentence, org.Name))
			}
		}
	}
	return limits, notes
}

// oddPosts names the titles the reform does not allow, and who holds them.
func oddPosts(rows []data.StaffRow) string {
	var posts []string
	for _, row := range rows {
		if !slices.Contains(posts, row.Post) {
			posts = append(posts, row.Post)
		}
	}
	return fmt.Sprintf("设有规定以外的职务“%s”%d 人（%s），未计入干事", strings.Join(posts, "”“"), len(rows), nameList(rows, 5))
}

// nameList names the first most people: "王雨欣、李明等 37 人".
func nameList(rows []data.StaffRow, most int) string {
	var names []string
	for _, r := range rows[:min(most, len(rows))] {
		names = append(names, r.Name)
	}
	text := strings.Join(names, "、")
	if len(rows) > most {
		text += fmt.Sprintf("等 %d 人", len(rows))
	}
	return text
}

func limitText(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// percent writes a share to one decimal, as the forms print it: "90.2%".
func percent(part, whole int) string {
	if whole == 0 {
		return ""
	}
	return strconv.FormatFloat(float64(part)*100/float64(whole), 'f', 1, 64) + "%"
}
