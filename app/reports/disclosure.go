package reports

import (
	"regexp"
	"strings"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

// disclosure is the year's public disclosure (改革情况公开), as colleges
// post it on the League committee's website: the fixed preamble, then the
// 改革自评表 of the year — the school union's form and every 二级 form, as
// the selfcheck report makes them, in text tables — with the version's
// legend, then the unit and the date. It goes to the public: the filler's
// name and phone and the pen's signature lines are left out, and any
// number that could be a 学号 or a phone is masked, wherever it was typed
// (a teacher's note, a union's name). The forms' 备注 already name no one
// (compliance.Result.Plain) and give no ranking or failed course of a
// person, only counts.
func disclosure(svc *app.Service, o Options) (report.Document, error) {
	form, err := selfCheck(svc, o)
	if err != nil {
		return report.Document{}, err
	}
	settings, err := svc.Settings()
	if err != nil {
		return report.Document{}, err
	}
	tree, err := svc.OrgTree()
	if err != nil {
		return report.Document{}, err
	}
	year := formYear(o.Semester)
	d := report.Document{Title: redact(settings.SchoolName + year + "学年学生会（研究生会）改革情况公开"),
		Subtitle: form.Subtitle}
	for i, s := range form.Sections {
		s.Signature = nil
		var header []report.Field
		for _, f := range s.Header {
			if f.Label == "组织名称" || f.Label == "填报单位" {
				header = append(header, report.Field{Label: f.Label, Value: redact(f.Value)})
			}
		}
		s.Header = header
		// (the package's tests name a helper make: no builtin make here)
		var rows [][]string
		for _, cells := range s.Rows {
			var out []string
			for _, cell := range cells {
				out = append(out, redact(cell))
			}
			rows = append(rows, out)
		}
		s.Rows = rows
		for n := range s.Notes {
			s.Notes[n] = redact(s.Notes[n])
		}
		if i == 0 {
			// The preamble heads the page, before the first table's caption:
			// the writers print a section's notes after its caption, so the
			// caption goes down among them.
			notes := []string{preamble(year), "一、" + form.Title}
			if s.Caption != "" {
				notes = append(notes, s.Caption)
			}
			s.Notes = append(notes, s.Notes...)
			s.Caption = ""
			s.NewPage = false
		}
		d.Sections = append(d.Sections, s)
	}
	if len(d.Sections) == 0 {
		d.Paragraphs = append(d.Paragraphs, report.Paragraph{Text: preamble(year)},
			report.Paragraph{Text: "系统中尚未登记校级或二级学院学生会，没有可公开的改革自评表。"})
	}
	d.Paragraphs = append(d.Paragraphs,
		report.Paragraph{Text: redact(publisher(settings, tree)), Align: report.AlignRight},
		report.Paragraph{Text: chineseDate(svc.Today()), Align: report.AlignRight})
	return d, nil
}

// preamble is the fixed opening of the disclosure. Its wording is the
// issue's (#19: "为落实……现将我校20XX—20XX学年学生会（研究生会）改革情况公开
// 如下"); the reference has no copy of a disclosure's opening. What the
// issue elides with "……" is filled with the national notice the yearly
// self-assessment answers, as the reference names it (§1,
// 《关于巩固高校学生会（研究生会）改革成果的若干措施》), with no other
// words of our own.
func preamble(year string) string {
	return "为落实《关于巩固高校学生会（研究生会）改革成果的若干措施》有关要求，现将我校" + year +
		"学年学生会（研究生会）改革情况公开如下："
}

// publisher is the unit that publishes the disclosure: the school's 团委
// (the League committee the school union sits under), named with the
// school ("校团委" of 潮汕职业技术学院 → 潮汕职业技术学院团委); without one,
// the school union.
func publisher(settings app.Settings, tree app.OrgTree) string {
	var league, union *app.Organization
	for _, o := range tree.OfKinds(data.KindSchoolUnion) {
		if o.Status != data.StatusActive {
			continue
		}
		u := o
		union = &u
		if o.ParentID != nil {
			if p, ok := tree.Get(*o.ParentID); ok && p.Kind == data.KindLeague {
				league = &p
			}
		}
		break
	}
	school := settings.SchoolName
	switch {
	case league != nil:
		name := league.Name
		if school != "" && !strings.HasPrefix(name, school) {
			name = school + strings.TrimPrefix(name, "校")
		}
		return name
	case union != nil:
		return fullName(settings, *union)
	case school != "":
		return school + "团委"
	}
	return "校团委"
}

// Numbers that could identify a person: a run of 7 or more digits (a
// 学号, a mobile or a landline), or a phone written in groups (138 1234
// 5678, 0754-8888 8888, +86 138-1234-5678).
var (
	longNumber   = regexp.MustCompile(`[0-9０-９]{7,}`)
	groupedPhone = regexp.MustCompile(`(\+?86[\s-]?)?(1[3-9][0-9][\s-]?[0-9]{4}[\s-]?[0-9]{4}|0[0-9]{2,3}[\s-]?[0-9]{3,4}[\s-]?[0-9]{4})`)
)

// redact masks what could be a 学号 or a phone number in text meant for
// the public.
func redact(s string) string {
	mask := func(m string) string { return strings.Repeat("＊", len([]rune(m))) }
	s = groupedPhone.ReplaceAllStringFunc(s, mask)
	return longNumber.ReplaceAllStringFunc(s, mask)
}
