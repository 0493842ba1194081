package reports

import (
	"fmt"
	"strings"

	"tuanxue/app"
	"tuanxue/app/report"
)

func columnsOf(titles []string, widths ...float64) []report.Column {
	var cols []report.Column // not make: the tests of this package name a function so
	for i, t := range titles {
		c := report.Column{Title: t}
		if i < len(widths) {
			c.Width = widths[i]
		}
		cols = append(cols, c)
	}
	return cols
}

// publicity is 选拔公示名单: for each round of the semester with admitted
// candidates, its 公示期 and the public roster: 姓名, 学院, 年级, 职务
// only, never a 学号, a phone or a score.
func publicity(svc *app.Service, o Options) (report.Document, error) {
	rounds, err := svc.Rounds(o.Semester.String())
	if err != nil {
		return report.Document{}, err
	}
	var sections []report.Section
	for _, r := range rounds {
		if !keepOrg(o, r.OrganizationID) {
			continue
		}
		rows, err := svc.PublicRows(r.ID)
		if err != nil {
			return report.Document{}, err
		}
		if len(rows) == 0 {
			continue
		}
		p, err := svc.PublicityOf(r.ID)
		if err != nil {
			return report.Document{}, err
		}
		period := "公示期：未安排"
		if !p.StartOn.IsZero() {
			period = "公示期：" + app.PublicityPeriod(p)
		}
		sections = append(sections, report.Section{Caption: r.Title, Notes: []string{period},
			Columns: columnsOf([]string{"姓名", "学院", "年级", "职务"}, 5, 10, 5, 8), Rows: rows})
	}
	if len(sections) == 0 {
		sections = []report.Section{{Columns: columnsOf([]string{"姓名", "学院", "年级", "职务"}, 5, 10, 5, 8),
			Empty: "本学期没有录用人员的选拔"}}
	}
	title := "选拔公示名单"
	if name := orgName(svc, o); name != "" {
		title = name + title
	}
	return report.Document{Title: title, Subtitle: subtitle(svc, o), Sections: sections}, nil
}

// Notice is the 公示 of one round as it is posted: who is to take which
// post (public fields only), the 公示期, where to object, then the closing
// note once there is one, and the unit and date.
func Notice(svc *app.Service, roundID uint) (report.Document, error) {
	return fromSnapshot(svc, func(snap *app.Service) (report.Document, error) { return notice(snap, roundID) })
}

func notice(svc *app.Service, roundID uint) (report.Document, error) {
	r, err := svc.Store().Round(roundID)
	if err != nil {
		return report.Document{}, err
	}
	p, err := svc.PublicityOf(roundID)
	if err != nil {
		return report.Document{}, err
	}
	if p.StartOn.IsZero() {
		return report.Document{}, app.ValidationError{{Field: "StartOn", Message: "请先填写公示开始日期并保存"}}
	}
	rows, err := svc.PublicRows(roundID)
	if err != nil {
		return report.Document{}, err
	}
	org, _ := svc.Organization(r.OrganizationID)
	unit := org.Name
	if r.ApproverLeagueID != nil {
		if l, err := svc.Organization(*r.ApproverLeagueID); err == nil {
			unit = l.Name
		}
	}
	kind := app.TextOf(app.RoundKinds, r.Kind)
	sec := report.Section{
		Notes: []string{
			fmt.Sprintf("根据%s%s工作安排，经报名、考察和审批，拟任用以下%d名同学，现予以公示。", org.Name, kind, len(rows)),
			"公示期：" + app.PublicityPeriod(p) + "。",
			fmt.Sprintf("公示期间，如对公示对象有异议，请以书面或当面方式向%s反映。反映情况应实事求是，并写明反映人姓名和联系方式。", unit),
		},
		Columns: columnsOf(app.PublicColumns, 5, 10, 5, 8), Rows: rows, Empty: "暂无录用人员",
	}
	var paras []report.Paragraph
	if note := strings.TrimSpace(p.ClosingNote); note != "" {
		paras = append(paras, report.Paragraph{Heading: true, Text: "公示结果"})
		for _, line := range strings.Split(note, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				paras = append(paras, report.Paragraph{Text: line})
			}
		}
	}
	paras = append(paras, report.Paragraph{Text: unit, Align: report.AlignRight},
		report.Paragraph{Text: app.ChineseDate(p.StartOn), Align: report.AlignRight})
	return report.Document{Title: "关于" + r.Title + "拟任人选的公示", Sections: []report.Section{sec}, Paragraphs: paras}, nil
}

// InternalRoster is a round's internal roster for the office: the admitted
// with 学号, class, phone and approvals, the 公示期 and the 异议 register.
// It is not for posting.
func InternalRoster(svc *app.Service, roundID uint) (report.Document, error) {
	return fromSnapshot(svc, func(snap *app.Service) (report.Document, error) { return internalRoster(snap, roundID) })
}

func internalRoster(svc *app.Service, roundID uint) (report.Document, error) {
	r, err := svc.Store().Round(roundID)
	if err != nil {
		return report.Document{}, err
	}
	p, err := svc.PublicityOf(roundID)
	if err != nil {
		return report.Document{}, err
	}
	rows, err := svc.InternalRows(roundID)
	if err != nil {
		return report.Document{}, err
	}
	os, err := svc.Objections(roundID)
	if err != nil {
		return report.Document{}, err
	}
	period := "公示期：未安排"
	if !p.StartOn.IsZero() {
		period = "公示期：" + app.PublicityPeriod(p)
	}
	people := report.Section{Caption: "录用名单（内部）", Notes: []string{period, "本名册含个人信息，仅供内部存档，不得公开张贴。"},
		Columns: columnsOf(app.InternalColumns, 4, 6, 8, 4, 8, 6, 5, 6, 8, 4), Rows: rows, Empty: "暂无录用人员"}
	objections := report.Section{Caption: "异议登记", Columns: columnsOf(app.ObjectionColumns, 5, 5, 12, 12, 5),
		Rows: app.ObjectionCells(os), Empty: "公示期间未收到异议"}
	sections := []report.Section{people, objections}
	if note := strings.TrimSpace(p.ClosingNote); note != "" {
		sections = append(sections, report.Section{Caption: "公示结果", Columns: columnsOf([]string{"说明"}, 40),
			Rows: [][]string{{note}}})
	}
	return report.Document{Title: r.Title + "录用名册（内部）", Subtitle: svc.Subtitle(r.HeldOn.String()), Sections: sections}, nil
}
