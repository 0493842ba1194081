// Package reports builds the summary tables teachers print (汇总报表): the
// same tables on screen, in PDF, Excel and Word, from the command line.
package reports

import (
	"fmt"
	"io"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

// Options are the filters a report is made with.
type Options struct {
	Semester       app.Semester
	On             data.Date // a day instead of the whole semester (换届 history); zero: the semester
	Status         string    // roster status; "" for the report's default
	OrganizationID uint      // 0: every organization
}

// Report is one printable report.
type Report struct {
	Name  string // on the command line
	Title string
	build func(svc *app.Service, o Options) (report.Document, error)
	Text  bool // a text document (Word), not a table
}

// All lists the reports in the order the 报表 screen shows them.
var All = []Report{
	{Name: "scale", Title: "学生会组织规模统计表", build: scale},
	{Name: "roster", Title: "学生骨干名册", build: roster},
	{Name: "assessment", Title: "考核结果汇总表", build: assessment},
	{Name: "selection", Title: "选拔情况表", build: selection},
	{Name: "publicity", Title: "选拔公示名单", build: publicity},
	{Name: "exits", Title: "退出情况表", build: exits},
	{Name: "training", Title: "培训记录汇总表", build: training},
	{Name: "meetings", Title: "会议记录汇总", build: meetings},
	{Name: "ledger", Title: "整改台账", build: ledger},
	{Name: "selfcheck", Title: "改革自评表", build: selfCheck},
	{Name: "coverage", Title: "二级学院学生会工作情况表", build: coverage},
	{Name: "draft", Title: "自评报告（初稿）", build: draft, Text: true},
	{Name: "disclosure", Title: "改革情况公开", build: disclosure},
	{Name: "evidence", Title: "佐证目录", build: evidence},
	{Name: "recommendations", Title: "推优情况表", build: recommendations},
	{Name: "congress-seats", Title: "学代会代表名额分配表", build: congressSeats},
	{Name: "congress-delegates", Title: "学代会代表名册", build: congressDelegates},
	{Name: "congress-eligibility", Title: "学代会代表资格审查报告", build: congressEligibility},
	{Name: "congress-ballot", Title: "学代会选举计票单", build: congressBallot},
	{Name: "congress-elected", Title: "学代会当选名单", build: congressElected},
	{Name: "congress-proposals", Title: "学代会提案汇总表", build: congressProposals},
	{Name: "reviews", Title: "述职评议结果汇总表", build: reviewResults},
	{Name: "review-forms", Title: "述职评议登记表", build: reviewForms},
}

// Make builds the report from one snapshot of the records: made while
// another office imports a roster, it shows the roster before or after.
func (r Report) Make(svc *app.Service, o Options) (report.Document, error) {
	return fromSnapshot(svc, func(snap *app.Service) (report.Document, error) { return r.build(snap, o) })
}

// fromSnapshot runs build on one snapshot of the records, so that what it
// reads is all from before or all from after another office's save.
func fromSnapshot[T any](svc *app.Service, build func(*app.Service) (T, error)) (out T, err error) {
	err = svc.Snapshot(func(snap *app.Service) error {
		out, err = build(snap)
		return err
	})
	return out, err
}

// Find looks a report up by its command-line name or its Chinese title.
func Find(name string) (Report, error) {
	for _, r := range All {
		if r.Name == name || r.Title == name {
			return r, nil
		}
	}
	return Report{}, fmt.Errorf("没有名为“%s”的报表；用 tuanxue export report --list 查看全部报表", name)
}

// subtitle is the line under every report's title.
func subtitle(svc *app.Service, o Options) string {
	period := o.Semester.Label()
	if !o.On.IsZero() {
		period = o.On.String()
	}
	return svc.Subtitle(period)
}

// orgName names the organization filter for a title, or "".
func orgName(svc *app.Service, o Options) string {
	if o.OrganizationID == 0 {
		return ""
	}
	org, err := svc.Store().Organization(o.OrganizationID)
	if err != nil {
		return ""
	}
	return org.Name
}

func keepOrg(o Options, id uint) bool { return o.OrganizationID == 0 || o.OrganizationID == id }

// Formats the reports can be written in.
var Formats = []string{"pdf", "xlsx", "docx", "html"}

// Write writes a document in a format.
func Write(w io.Writer, d report.Document, format string) error {
	switch format {
	case "pdf":
		return report.WritePDF(w, d)
	case "xlsx":
		return report.WriteDocumentXLSX(w, d)
	case "docx":
		return report.WriteDOCX(w, d)
	case "html":
		return report.WriteHTML(w, d)
	}
	return fmt.Errorf("不支持的格式“%s”：应为 pdf、xlsx、docx 或 html", format)
}

// FindOrganization resolves the --org of the command line: a name, or an ID.
func FindOrganization(svc *app.Service, text string) (uint, error) {
	tree, err := svc.OrgTree()
	if err != nil {
		return 0, err
	}
	var found []app.Organization
	tree.Walk(func(o app.Organization, _ int) {
		if o.Name == text || fmt.Sprint(o.ID) == text {
			found = append(found, o)
		}
	})
	switch len(found) {
	case 0:
		return 0, fmt.Errorf("没有名为“%s”的组织", text)
	case 1:
		return found[0].ID, nil
	}
	return 0, fmt.Errorf("有 %d 个组织叫“%s”，请用编号：%d", len(found), text, found[0].ID)
}
