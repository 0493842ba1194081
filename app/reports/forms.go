package reports

import (
	"fmt"
	"strconv"
	"strings"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/data"
)

// selfCheck is the official 改革自评表: one table for the school union and
// one per 二级学院 union, 指标 / 结论 / 备注, with the form's header and a
// signature line. A 数据不足 result is left unticked and says why.
func selfCheck(svc *app.Service, o Options) (report.Document, error) {
	r, err := compliance.Run(svc, o.Semester)
	if err != nil {
		return report.Document{}, err
	}
	tree, err := svc.OrgTree()
	if err != nil {
		return report.Document{}, err
	}
	colleges := 0
	for _, org := range tree.OfKinds(data.KindCollegeUnion) {
		if org.Status == data.StatusActive {
			colleges++
		}
	}
	settings, _ := svc.Settings()
	union := settings.SchoolName + "学生会"
	if schools := tree.OfKinds(data.KindSchoolUnion); len(schools) > 0 && settings.SchoolName == "" {
		union = schools[0].Name
	}
	d := report.Document{Title: "高校学生会组织改革自评表", Subtitle: strings.TrimPrefix(fmt.Sprintf("%s · %s学年 · 依据%s",
		settings.SchoolName, o.Semester.Year(), r.Set.Name), " · "), Signature: true,
		Header: []report.Field{
			{Label: "组织名称", Value: union + "　☑学生会 □研究生会"},
			{Label: "二级学生会组织（含二级院系、书院、分校区等学生会、研究生会）数量", Value: strconv.Itoa(colleges)},
			{Label: "是否已由省级团委、学联核查（复评）", Value: "□是 □否"},
			{Label: "自评公开链接", Value: ""},
		}}
	for _, org := range tree.OfKinds(data.KindSchoolUnion, data.KindCollegeUnion) {
		if org.Status != data.StatusActive || !keepOrg(o, org.ID) {
			continue
		}
		caption := "校级学生会组织情况：" + org.Name
		if org.Kind == data.KindCollegeUnion {
			caption = "二级学生会组织情况：" + org.Name
		}
		s := report.Section{Caption: caption, Columns: []report.Column{{Title: "指标", Width: 46},
			{Title: "结论", Width: 9}, {Title: "备注", Width: 20}}}
		for _, res := range r.For(org.ID) {
			answer, note := "☑是 □否", res.Figure
			switch res.Outcome {
			case compliance.Fail:
				answer, note = "□是 ☑否", joinNote(res.Figure, res.Sentence)
			case compliance.Insufficient:
				answer, note = "□是 □否", "数据不足："+res.Sentence
			}
			s.Rows = append(s.Rows, []string{numbered(res.Rule) + " " + res.Rule.Text, answer, note})
			s.Alerts = append(s.Alerts, res.Outcome == compliance.Fail)
		}
		d.Sections = append(d.Sections, s)
	}
	return d, nil
}

// numbered writes "1★." as the forms print a core item.
func numbered(r compliance.Rule) string {
	switch r.Mark {
	case data.MarkCore:
		return r.Number + "★."
	case data.MarkObserved:
		return r.Number + "▲."
	}
	return r.Number + "."
}

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
		late := false
		staff, congress := "", "未召开"
		for _, res := range r.For(org.ID) {
			switch res.Rule.CheckKey {
			case "staff_cap":
				staff = fmt.Sprintf("%s / 上限 %d", res.Figure, compliance.Limit(res.Rule))
				if res.Outcome == compliance.Fail {
					staff, late = "！"+staff, true
				}
			case "congress_held":
				if res.Figure != "" {
					congress = res.Figure[len("召开日期为："):]
				}
				if res.Outcome != compliance.Pass {
					congress, late = "！"+congress, true
				}
			}
		}
		reported := "！未汇报"
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
			trained = "！0 次"
		}
		late = late || reported == "！未汇报" || held == 0
		s.Rows = append(s.Rows, []string{org.Name, staff, congress, reported, trained})
		s.Alerts = append(s.Alerts, late)
	}
	return report.Document{Title: "二级学院学生会工作情况表", Subtitle: subtitle(svc, o), Sections: []report.Section{s}}, nil
}
