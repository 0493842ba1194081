package reports

import (
	"fmt"
	"strings"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/data"
)

// The evidence behind every indicator (佐证材料): for each union of the
// school year and each indicator of its form, what the records can show
// an inspection — a list the program prints, a dated record, a teacher's
// conclusion, a file attached to a rectification — and what is missing.
// The 佐证目录 prints it; the binder (binder.go) puts the lists and files
// in one folder per indicator.

// piece is one item of evidence, or one that is missing.
type piece struct {
	title   string // "工作人员名单（51人，含职务、政治面貌）"; for a missing one, what is missing
	source  string // where it comes from: 任职记录, 会议记录, 整改台账…
	date    string // its date, "" when it has none
	missing bool
	list    string         // a list the binder prints for it: a key of unionEvidence.lists
	file    *data.Evidence // a file attached to a rectification
}

// indicatorEvidence is one indicator of a union's form with its evidence.
type indicatorEvidence struct {
	res    compliance.Result
	number string // "03"
	short  string // "工作人员人数"
	pieces []piece
}

// folder names the indicator's folder in the binder: "03 工作人员人数".
func (ie indicatorEvidence) folder() string { return ie.number + " " + ie.short }

// unionEvidence is a union's indicators, the lists they refer to, and the
// rectification items of the union that concern no one indicator.
type unionEvidence struct {
	org        app.Organization
	name       string // as papers outside the school name it
	items      []indicatorEvidence
	lists      map[string]report.Document
	rectFiles  []piece // files of the union's other rectification items
	rectPieces []piece // those items themselves
}

// yearEvidence is the whole evidence of a school year.
type yearEvidence struct {
	sem    app.Semester
	year   string // 2023—2024
	form   compliance.Report
	unions []*unionEvidence
}

// shortTitles name an indicator in a few characters, by its check: the
// binder's folder names and the index's first column.
var shortTitles = map[string]string{
	"no_admin_duties": "主责主业", "structure": "机构架构", "staff_cap": "工作人员人数", "presidium_cap": "主席团人数",
	"dept_cap": "工作部门数量", "allowed_posts": "职务设置", "political": "政治面貌", "grades": "学业成绩",
	"approval_chain": "推荐审批", "elected_by_congress": "主席团选举", "congress_held": "学代会召开",
	"secretary_general": "秘书长", "staff_training": "全员培训", "trainings_per_cadre": "骨干培训",
	"weekly_study": "政治业务学习", "college_reports": "听取二级汇报", "party_ratio": "入党申请",
}

func shortTitle(r compliance.Rule) string {
	if s, ok := shortTitles[r.CheckKey]; ok {
		return s
	}
	switch { // the items only a teacher can confirm
	case strings.Contains(r.Text, "评奖评优"):
		return "评奖评优"
	case strings.Contains(r.Text, "听取"):
		return "党组织听取汇报"
	}
	return "人工确认"
}

// gatherEvidence reads the evidence of the year of o.Semester for every
// union of the form (or those under o.OrganizationID).
func gatherEvidence(svc *app.Service, o Options) (*yearEvidence, error) {
	form, _, err := compliance.RunForm(svc, o.Semester)
	if err != nil {
		return nil, err
	}
	tree, err := svc.OrgTree()
	if err != nil {
		return nil, err
	}
	settings, err := svc.Settings()
	if err != nil {
		return nil, err
	}
	y := &yearEvidence{sem: o.Semester, year: formYear(o.Semester), form: form}
	rec, err := loadRecords(svc, o.Semester)
	if err != nil {
		return nil, err
	}
	for _, org := range tree.OfKinds(data.KindSchoolUnion, data.KindCollegeUnion) {
		if org.Status != data.StatusActive || !inSubtree(tree, org, o.OrganizationID) {
			continue
		}
		u, err := rec.union(svc, form, org, fullName(settings, org))
		if err != nil {
			return nil, err
		}
		y.unions = append(y.unions, u)
	}
	return y, nil
}

// conclusionText is the conclusion of a result as the index prints it.
func conclusionText(res compliance.Result) string {
	text := map[string]string{compliance.Pass: "是", compliance.Fail: "否"}[res.Outcome]
	if text == "" {
		text = "数据不足"
	}
	if res.Manual() {
		text += "（人工结论）"
	}
	return text
}

// evidence is the 佐证目录: per union, each indicator with its conclusion
// and each piece of evidence with its source and date; what is missing
// stands out and says 缺少：….
func evidence(svc *app.Service, o Options) (report.Document, error) {
	y, err := gatherEvidence(svc, o)
	if err != nil {
		return report.Document{}, err
	}
	return y.index(svc), nil
}

// evidenceColumns are the index's columns.
var evidenceColumns = []report.Column{{Title: "指标", Width: 12}, {Title: "结论", Width: 7}, {Title: "佐证材料", Width: 30},
	{Title: "来源", Width: 8}, {Title: "日期", Width: 8}}

// index prints the evidence as the 佐证目录.
func (y *yearEvidence) index(svc *app.Service) report.Document {
	d := report.Document{Title: y.year + "学年改革指标佐证目录", Subtitle: svc.Subtitle(y.sem.Label())}
	for i, u := range y.unions {
		s := report.Section{Caption: u.name, Columns: evidenceColumns, NewPage: i > 0, Empty: "没有可列的指标"}
		for _, ie := range u.items {
			head := []string{strings.TrimLeft(ie.number, "0") + " " + ie.short, conclusionText(ie.res)}
			for j, p := range ie.pieces {
				cells := []string{"", ""}
				if j == 0 {
					cells = head
				}
				title := p.title
				if p.missing && !strings.HasPrefix(title, "缺少") {
					title = "缺少：" + title
				}
				s.Rows = append(s.Rows, append(cells, title, p.source, p.date))
				s.Alerts = append(s.Alerts, p.missing)
			}
		}
		for j, p := range append(u.rectPieces, u.rectFiles...) {
			first := ""
			if j == 0 {
				first = "其他整改事项"
			}
			title := p.title
			if p.missing {
				title = "缺少：" + title
			}
			s.Rows = append(s.Rows, []string{first, "", title, p.source, p.date})
			s.Alerts = append(s.Alerts, p.missing)
		}
		d.Sections = append(d.Sections, s)
	}
	if len(d.Sections) == 0 {
		d.Sections = []report.Section{{Columns: evidenceColumns, Empty: "没有登记校级或二级学院学生会"}}
	}
	return d
}

// count is "51人" or "没有".
func count(n int, unit string) string { return fmt.Sprintf("%d%s", n, unit) }
