package reports

import (
	"fmt"
	"strings"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/data"
)

// draft is the 自评报告 draft: the factual sections of a report like the
// source college's, with its figures from the data. The teacher edits the
// Word file; nothing here is invented beyond the records.
func draft(svc *app.Service, o Options) (report.Document, error) {
	settings, err := svc.Settings()
	if err != nil {
		return report.Document{}, err
	}
	r, err := compliance.Run(svc, o.Semester)
	if err != nil {
		return report.Document{}, err
	}
	f, err := gatherFigures(svc, o, r)
	if err != nil {
		return report.Document{}, err
	}
	school := settings.SchoolName
	h := func(text string) report.Paragraph { return report.Paragraph{Heading: true, Text: text} }
	p := func(format string, args ...any) report.Paragraph {
		return report.Paragraph{Text: fmt.Sprintf(format, args...)}
	}
	paras := []report.Paragraph{
		h("一、" + school + "学生会组织改革情况"),
		p("%s共有学生会组织 %d 个，其中校级学生会 1 个、二级学院学生会 %d 个，各级学生会组织由同级团委归口指导。", school, f.unions, f.colleges),
		h("二、学生会组织改革"),
		p("（一）“一心双环”团学格局。以团委为核心，以学生会组织为学生主体组织，以学生社团联合会联系和服务学生社团，目前登记在册的学生社团 %d 个。", f.clubs),
		p("（二）学生代表大会。%s", f.congress),
		p("（三）听取二级学院学生会工作报告。%s本学期已听取 %d 个二级学院学生会的工作报告（共 %d 个）。", o.Semester.Label(), f.reported, f.colleges),
		p("（四）机构和人员规模。%s", f.staffing),
		h("三、规范学生骨干的选拔、考核和培养"),
		p("（一）选拔。本学期开展选拔 %d 次，候选人 %d 人，录用 %d 人。", f.rounds, f.candidates, f.admitted),
		p("（二）考核。本学期考核 %d 人，其中优秀 %d 人、良好 %d 人、合格 %d 人、不合格 %d 人。", f.assessed, f.grades[data.GradeExcellent],
			f.grades[data.GradeGood], f.grades[data.GradePass], f.grades[data.GradeFail]),
		p("（三）退出。本学期办理退出 %d 人次%s。", f.exits, f.exitReasons),
		p("（四）培训与学习。本学期开展培训与学习 %d 次，共 %g 学时；学生骨干参加培训 %d 人次，出席率 %s。", f.trainings, f.hours, f.attended, f.rate),
		p("（五）政治理论学习与推优。在任学生骨干 %d 人，递交入党申请书 %d 人，比例 %s；本学期推优记录 %d 条。", f.inPost, f.applied, f.ratio, f.recommendations),
		h("四、存在问题及改进情况"),
		p("对照%s，各学生会共检查 %d 项：达标 %d 项，未达标 %d 项，数据不足 %d 项。%s", r.Set.Name, len(r.Results),
			f.outcomes[compliance.Pass], f.outcomes[compliance.Fail], f.outcomes[compliance.Insufficient], f.breaches),
		p("整改台账登记问题 %d 项：已销号 %d 项，已完成 %d 项，整改中 %d 项，待整改 %d 项，其中逾期 %d 项。", f.items,
			f.itemStatus[data.RectClosed], f.itemStatus[data.RectDone], f.itemStatus[data.RectInProgress], f.itemStatus[data.RectOpen], f.overdue),
	}
	paras = append(paras, f.problems...)
	charts, err := Charts(svc, o)
	if err != nil {
		return report.Document{}, err
	}
	return report.Document{Title: school + "学生会深化改革自评报告（初稿）", Subtitle: subtitle(svc, o), Paragraphs: paras,
		Charts: charts}, nil
}

// figures are the numbers the draft quotes.
type figures struct {
	unions, colleges, clubs, reported             int
	congress, staffing, exitReasons, breaches     string
	rounds, candidates, admitted, assessed, exits int
	grades, outcomes, itemStatus                  map[string]int
	trainings, attended, inPost, applied          int
	hours                                         float64
	rate, ratio                                   string
	recommendations, items, overdue               int
	problems                                      []report.Paragraph
}

func gatherFigures(svc *app.Service, o Options, r compliance.Report) (figures, error) {
	f := figures{outcomes: r.Count(), itemStatus: map[string]int{}}
	st := svc.Store()
	tree, err := svc.OrgTree()
	if err != nil {
		return f, err
	}
	for _, org := range tree.OfKinds(data.KindSchoolUnion, data.KindCollegeUnion, data.KindClub) {
		if org.Status != data.StatusActive {
			continue
		}
		switch org.Kind {
		case data.KindClub:
			f.clubs++
		case data.KindCollegeUnion:
			f.colleges++
			f.unions++
		default:
			f.unions++
		}
	}
	f.congress, f.staffing = "尚未登记校级学生代表大会。", ""
	for _, res := range r.Results {
		switch {
		case res.Org.Kind != data.KindSchoolUnion:
		case res.Rule.CheckKey == "congress_held" && res.Outcome != compliance.Insufficient:
			f.congress = res.Sentence + "。"
		case res.Rule.CheckKey == "staff_cap" || res.Rule.CheckKey == "presidium_cap" || res.Rule.CheckKey == "dept_cap":
			f.staffing += res.Sentence + "。"
		}
	}
	var fails []string
	for _, res := range r.Breaches() {
		if res.Outcome == compliance.Fail {
			fails = append(fails, res.Sentence)
		}
	}
	if len(fails) > 0 {
		f.breaches = "未达标的有：" + strings.Join(fails, "；") + "。"
	}
	ms, err := svc.Meetings(data.SessionFilter{Semester: o.Semester.String(), Kind: data.MeetingReport})
	if err != nil {
		return f, err
	}
	seen := map[uint]bool{}
	for _, m := range ms {
		if m.ReportingOrgID != nil && !seen[*m.ReportingOrgID] {
			seen[*m.ReportingOrgID] = true
			f.reported++
		}
	}
	rounds, err := svc.Rounds(o.Semester.String())
	if err != nil {
		return f, err
	}
	f.rounds = len(rounds)
	for _, round := range rounds {
		cs, _ := svc.Candidates(round.ID)
		f.candidates += len(cs)
		for _, c := range cs {
			if c.Result == data.ResultAdmitted {
				f.admitted++
			}
		}
	}
	if f.grades, err = st.GradeCounts(o.Semester.String()); err != nil {
		return f, err
	}
	for _, n := range f.grades {
		f.assessed += n
	}
	exits, err := st.ExitsBetween(o.Semester.Start(), o.Semester.End())
	if err != nil {
		return f, err
	}
	f.exits = len(exits)
	byReason := map[string]int{}
	for _, e := range exits {
		byReason[e.Reason]++
	}
	var parts []string
	for _, l := range app.ExitReasons {
		if n := byReason[l.Code]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 人次", l.Text, n))
		}
	}
	if len(parts) > 0 {
		f.exitReasons = "，其中" + strings.Join(parts, "、")
	}
	ts, err := svc.Trainings(data.SessionFilter{Semester: o.Semester.String()})
	if err != nil {
		return f, err
	}
	counts, err := st.TrainingAttendance(o.Semester.String())
	if err != nil {
		return f, err
	}
	var marked int
	for _, t := range ts {
		f.hours += t.Hours
		marked += counts[t.ID].Marked
		f.attended += counts[t.ID].Present
	}
	f.trainings = len(ts)
	f.rate = app.Rate(data.AttendanceCount{Marked: marked, Present: f.attended})
	h, err := st.HeadcountOn(r.Day)
	if err != nil {
		return f, err
	}
	f.inPost, f.applied, f.ratio = h.InPost, h.Applied, "—"
	if h.InPost > 0 {
		f.ratio = fmt.Sprintf("%.0f%%", 100*float64(h.Applied)/float64(h.InPost))
	}
	if f.recommendations, err = st.CountRecommendations(o.Semester.Start(), o.Semester.End()); err != nil {
		return f, err
	}
	items, err := svc.Ledger(app.RectFilter{Semester: o.Semester})
	if err != nil {
		return f, err
	}
	f.items = len(items)
	for i, item := range items {
		f.itemStatus[item.Status]++
		if svc.Overdue(item) {
			f.overdue++
		}
		text := fmt.Sprintf("%d. %s", i+1, item.Problem)
		if item.Measures != "" {
			text += "整改措施：" + item.Measures
		}
		f.problems = append(f.problems, report.Paragraph{Text: text + "（" + app.TextOf(app.RectStatuses, item.Status) + "）"})
	}
	return f, nil
}
