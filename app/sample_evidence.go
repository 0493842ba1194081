package app

import (
	"bytes"
	"fmt"

	"tuanxue/app/report"
	"tuanxue/data"
)

// sampleCongressFiles are the sample congress's delegates by college:
// 应到 and 实到, adding up to its 128 and 121.
var sampleCongressFiles = []struct {
	college           string
	elected, attended int
}{{"机电工程学院", 45, 43}, {"信息工程学院", 44, 41}, {"经济管理学院", 39, 37}}

// sampleEvidence attaches two small files to the school union's 学代会
// indicator for the year, as a teacher would scan them: the congress's
// sign-in summary (a PDF) and the delegates' allocation (a picture), so
// that the 改革指标 tab, the 佐证目录 and the binder have files to show.
func (b *sampleBuilder) sampleEvidence(sem Semester) {
	if b.err != nil {
		return
	}
	tree, _ := b.s.OrgTree()
	union := tree.OfKinds(data.KindSchoolUnion)[0]
	// compliance.IndicatorOf of the congress rule, which app cannot import.
	ref := IndicatorRef{OrganizationID: union.ID, Year: sem.Year(), Indicator: data.ScopeSchool + "/congress_held"}
	sheet := report.Section{Columns: []report.Column{{Title: "学院", Width: 20}, {Title: "应到代表", Width: 8}, {Title: "实到代表", Width: 8}}}
	chart := report.Chart{Title: "第十二次学生代表大会代表名额分配", ValueLabel: "代表人数", Unit: "人"}
	for _, c := range sampleCongressFiles {
		sheet.Rows = append(sheet.Rows, []string{c.college, fmt.Sprint(c.elected), fmt.Sprint(c.attended)})
		chart.Bars = append(chart.Bars, report.Bar{Label: c.college, Value: c.elected, Note: fmt.Sprintf("实到 %d 人", c.attended)})
	}
	sheet.Rows = append(sheet.Rows, []string{"合计", "128", "121"})
	var pdf, png bytes.Buffer
	b.fail(report.WritePDF(&pdf, report.Document{Title: "第十二次学生代表大会签到汇总", Subtitle: union.Name, Sections: []report.Section{sheet}}))
	b.fail(report.WriteChartPNG(&png, chart))
	if b.err != nil {
		return
	}
	_, err := b.s.AddIndicatorEvidence(ref, "第十二次学代会 签到汇总.pdf", &pdf)
	b.fail(err)
	_, err = b.s.AddIndicatorEvidence(ref, "学代会代表名额分配.png", &png)
	b.fail(err)
}
