package reports

import (
	"fmt"
	"strings"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/data"
)

// selfCheck is the official 改革自评表 of the school year, in the version
// issued for it (form_versions.go): the school union's form, then one form
// per 二级学院 union, each on a page of its own with its own header and
// signature block. The answers come from the records or from a teacher's
// conclusion; a check without the data it needs leaves the answer blank and
// says 数据不足 under the form's own 备注 prompt.
func selfCheck(svc *app.Service, o Options) (report.Document, error) {
	r, key, err := compliance.RunForm(svc, o.Semester)
	if err != nil {
		return report.Document{}, err
	}
	tree, err := svc.OrgTree()
	if err != nil {
		return report.Document{}, err
	}
	settings, err := svc.Settings()
	if err != nil {
		return report.Document{}, err
	}
	v := formVersions[key]
	d := report.Document{Title: v.title, Subtitle: "截至" + chineseDate(r.Day)}
	for _, org := range tree.OfKinds(data.KindSchoolUnion, data.KindCollegeUnion) {
		if org.Status != data.StatusActive || !inSubtree(tree, org, o.OrganizationID) {
			continue
		}
		t := v.college
		if org.Kind == data.KindSchoolUnion {
			t = v.school
		}
		s := formSection(t, r.For(org.ID))
		s.NewPage = len(d.Sections) > 0
		s.Header, s.Signature = formHeader(svc, settings, org, key)
		if org.Kind == data.KindSchoolUnion && v.legend != nil {
			s.Notes = []string{v.legend(formYear(o.Semester))}
		}
		d.Sections = append(d.Sections, s)
	}
	if len(d.Sections) == 0 && o.OrganizationID != 0 {
		return d, app.ValidationError{{Field: "", Message: "改革自评表按学生会填写：请选择校级或二级学院学生会（或其所在学院的团委）"}}
	}
	return d, nil
}

// formSection is one union's table: its items in form order, with the
// rows the version adds around them.
func formSection(t formTable, results []compliance.Result) report.Section {
	s := report.Section{Caption: t.caption, Columns: t.columns}
	// No row is an alert: the official forms print in black, a breach
	// being its ticked 否 and its figure.
	add := func(cells []string, span bool) {
		s.Rows = append(s.Rows, cells)
		s.Spans = append(s.Spans, span)
	}
	if t.linkRow {
		add([]string{"自评公开链接", "", ""}, false)
	}
	if t.section != "" {
		add([]string{t.section, "", ""}, true)
	}
	grouped := map[string]bool{}
	for _, res := range results {
		item := itemNumber(res.Rule, t.unmarked) + res.Rule.Text
		if heading, ok := t.groups[res.Rule.Number]; ok {
			if !grouped[res.Rule.Number] {
				grouped[res.Rule.Number] = true
				add([]string{res.Rule.Number + "." + heading, "", ""}, false)
			}
			item = res.Rule.Text // the rows under a heading carry no number
		}
		add([]string{item, t.answer(res.Outcome), formNote(res)}, false)
	}
	if t.closing != "" {
		add([]string{t.closing, "", ""}, false)
	}
	return s
}

// formNote is the 备注 cell: the form's prompt with its blank filled from
// the records ("实有51人", "召开日期为：2020年9月10日"), then the teacher's
// basis for a conclusion of their own, or why the records cannot decide.
// A breach needs no more than the figure where the form asks for one;
// otherwise the reason, without the names of the people concerned.
func formNote(res compliance.Result) string {
	prompt := fillPrompt(res.Rule.Remark, res.Value)
	switch {
	case res.Manual():
		return joinLines(prompt, res.Conclusion.Note)
	case res.Outcome == compliance.Insufficient:
		return joinLines(prompt, "数据不足："+res.Plain())
	case res.Outcome == compliance.Fail && res.Value == "":
		return joinLines(prompt, res.Plain())
	}
	return prompt
}

// fillPrompt writes value into the prompt's blank: "实有__人" → "实有51人",
// "实有 __ 人" → "实有 51 人", "召开日期为：" → "召开日期为：2020年9月10日".
// Without a value the prompt prints as on the form, for the pen.
func fillPrompt(prompt, value string) string {
	if value == "" {
		return prompt
	}
	if d, err := data.ParseDate(value); err == nil {
		value = chineseDate(d)
	}
	if strings.Contains(prompt, "__") {
		return strings.Replace(prompt, "__", value, 1)
	}
	if strings.HasSuffix(prompt, "：") {
		return prompt + value
	}
	return prompt
}

func joinLines(lines ...string) string {
	var out []string
	for _, l := range lines {
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// chineseDate writes a date as official papers do: 2020年9月10日.
func chineseDate(d data.Date) string {
	y, m, day := d.Time().Date()
	return fmt.Sprintf("%d年%d月%d日", y, m, day)
}

// formHeader is a union's header lines and signature block. The school
// form's header is the filler's block (填报单位, 填表人, 联系电话, 填报日期),
// after the 2020 备案表's own "组织名称 □学生会/□研究生会" line; a 二级
// form names its union (its 自评公开链接 is the table's first row, as on
// S3). No copy shows the foot of a form: the signature and seal lines are
// the office's own, left for the pen, as are the phone and the date.
func formHeader(svc *app.Service, settings app.Settings, org app.Organization, key string) ([]report.Field, []string) {
	name := fullName(settings, org)
	if org.Kind == data.KindCollegeUnion {
		return []report.Field{{Label: "组织名称", Value: name}},
			[]string{"学院团委负责人（签字）：＿＿＿＿＿＿＿＿　（盖章）", "年　　月　　日"}
	}
	var fields []report.Field
	if key == compliance.Form2020 {
		fields = append(fields, report.Field{Label: "组织名称", Value: name + "　☑学生会/□研究生会"})
	} else {
		fields = append(fields, report.Field{Label: "填报单位", Value: name})
	}
	fields = append(fields, report.Field{Label: "填表人", Value: svc.Operator()}, report.Field{Label: "联系电话", Value: ""},
		report.Field{Label: "填报日期", Value: "　　　　年　　月　　日"})
	return fields, []string{"校团委负责人（签字）：＿＿＿＿＿＿＿＿　（盖章）"}
}

// fullName is a union's name as a paper outside the school needs it: with
// the school's name in front ("潮汕职业技术学院学生会" for the 校学生会).
func fullName(settings app.Settings, org app.Organization) string {
	school := settings.SchoolName
	switch {
	case school == "" || strings.HasPrefix(org.Name, school):
		return org.Name
	case org.Kind == data.KindSchoolUnion:
		return school + "学生会"
	}
	return school + org.Name
}

// inSubtree keeps the organizations of the --org filter: the organization
// itself or any under it (a college's 团委 gives its 学生会).
func inSubtree(tree app.OrgTree, org app.Organization, root uint) bool {
	for seen := 0; root != 0 && seen < 64; seen++ {
		if org.ID == root {
			return true
		}
		if org.ParentID == nil {
			return false
		}
		parent, ok := tree.Get(*org.ParentID)
		if !ok {
			return false
		}
		org = parent
	}
	return root == 0
}

// noRecord is a cell of the 二级学院 grid with nothing on record.
const noRecord = "无记录"

// coverage is the 二级学院 grid: each college union's staff against its
// cap, its last congress, the last report heard and this semester's
// trainings; what is late says so.
func coverage(svc *app.Service, o Options) (report.Document, error) {
	r, err := compliance.Run(svc, o.Semester)
	if err != nil {
		return report.Document{}, err
	}
	tree, _ := svc.OrgTree()
	meetings, err := svc.Meetings(data.SessionFilter{})
	if err != nil {
		return report.Document{}, err
	}
	trainings, err := svc.Trainings(data.SessionFilter{Semester: o.Semester.String()})
	if err != nil {
		return report.Document{}, err
	}
	s := report.Section{Columns: []report.Column{{Title: "二级学院学生会", Width: 14}, {Title: "工作人员", Width: 8},
		{Title: "最近学代会", Width: 10}, {Title: "本学期工作报告", Width: 10}, {Title: "本学期培训", Width: 6}}}
	for _, org := range tree.OfKinds(data.KindCollegeUnion) {
		if org.Status != data.StatusActive || !keepOrg(o, org.ID) {
			continue
		}
		// What is not recorded says 无记录: the program cannot know that a
		// congress was not held, only that none is on record. A late or
		// missing item makes the row stand out.
		late := false
		staff, congress := "", noRecord
		for _, res := range r.For(org.ID) {
			switch res.Rule.CheckKey {
			case "staff_cap":
				staff = fmt.Sprintf("%s / 上限 %d", res.Figure, compliance.Limit(res.Rule))
				if res.Outcome == compliance.Fail {
					staff, late = staff+"（超出）", true
				}
			case "congress_held":
				if res.Figure != "" {
					congress = res.Figure[len("召开日期为："):]
				}
				if res.Outcome != compliance.Pass {
					late = true
					if res.Figure != "" {
						congress += "（未按期）"
					}
				}
			}
		}
		reported := noRecord
		for _, m := range meetings {
			if m.Kind == data.MeetingReport && m.Semester == o.Semester.String() && m.ReportingOrgID != nil && *m.ReportingOrgID == org.ID {
				reported = m.HeldOn.String()
				break
			}
		}
		held := 0
		for _, t := range trainings {
			if t.OrganizerID != nil && *t.OrganizerID == org.ID {
				held++
			}
		}
		trained := fmt.Sprintf("%d 次", held)
		if held == 0 {
			trained = noRecord
		}
		late = late || reported == noRecord || held == 0
		s.Rows = append(s.Rows, []string{org.Name, staff, congress, reported, trained})
		s.Alerts = append(s.Alerts, late)
	}
	return report.Document{Title: "二级学院学生会工作情况表", Subtitle: subtitle(svc, o), Sections: []report.Section{s}}, nil
}
