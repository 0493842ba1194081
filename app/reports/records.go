package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

// exits is 退出情况表: the semester's exits by reason, and each of them;
// with --org, those who left a post in that organization only.
func exits(svc *app.Service, o Options) (report.Document, error) {
	all, err := svc.Store().ExitsBetween(o.Semester.Start(), o.Semester.End())
	if err != nil {
		return report.Document{}, err
	}
	var rows []data.ExitRow
	for _, r := range all {
		if o.OrganizationID != 0 {
			a, err := svc.Store().Appointment(r.AppointmentID)
			if err != nil {
				return report.Document{}, err
			}
			if a.OrganizationID != o.OrganizationID {
				continue
			}
		}
		rows = append(rows, r)
	}
	byReason := map[string]int{}
	list := report.Section{Caption: "退出名单", Columns: []report.Column{{Title: "日期"}, {Title: "学号"},
		{Title: "姓名"}, {Title: "组织"}, {Title: "职务"}, {Title: "原因"}, {Title: "说明", Width: 8}}}
	for _, r := range rows {
		byReason[r.Reason]++
		list.Rows = append(list.Rows, []string{r.ExitOn.String(), r.StudentNo, r.Name, r.OrgName, r.Post,
			app.TextOf(app.ExitReasons, r.Reason), r.Notes})
	}
	sum := report.Section{Caption: "按原因统计", Columns: []report.Column{{Title: "退出原因", Width: 10}, {Title: "人次", Width: 4}}}
	for _, l := range app.ExitReasons {
		sum.Rows = append(sum.Rows, []string{l.Text, strconv.Itoa(byReason[l.Code])})
	}
	sum.Rows = append(sum.Rows, []string{"合计", strconv.Itoa(len(rows))})
	title := "退出情况表"
	if name := orgName(svc, o); name != "" {
		title = name + title
	}
	return report.Document{Title: title, Subtitle: subtitle(svc, o), Sections: []report.Section{sum, list}}, nil
}

// meetingColumns: what a record of the meetings shows an inspection: who
// came, and the problems, measures and next tasks the minutes record.
var meetingColumns = []report.Column{{Title: "日期"}, {Title: "会议"}, {Title: "类别"}, {Title: "组织"},
	{Title: "出席"}, {Title: "记录人"}, {Title: "要点"}, {Title: "上期问题", Width: 6}, {Title: "整改措施", Width: 6}, {Title: "下期工作", Width: 6}}

// meetings is 会议记录汇总: the congress, the reports heard, the study
// meetings and the rest of the semester, oldest first, with attendance and
// what the minutes say of problems, measures and next tasks.
func meetings(svc *app.Service, o Options) (report.Document, error) {
	ms, err := svc.Meetings(data.SessionFilter{Semester: o.Semester.String(), OrganizationID: o.OrganizationID})
	if err != nil {
		return report.Document{}, err
	}
	slices.Reverse(ms)
	cells, err := svc.MeetingCells(ms)
	if err != nil {
		return report.Document{}, err
	}
	s := report.Section{Columns: meetingColumns}
	for i, m := range ms {
		came, err := attendance(svc, m)
		if err != nil {
			return report.Document{}, err
		}
		c := cells[i] // 日期, 会议, 类别, 组织, 要点
		s.Rows = append(s.Rows, []string{c[0], c[1], c[2], c[3], came, m.Recorder, meetingPoint(m, c[4]),
			strings.TrimSpace(m.Problems), strings.TrimSpace(m.Measures), strings.TrimSpace(m.NextTasks)})
	}
	return report.Document{Title: "会议记录汇总", Subtitle: subtitle(svc, o), Sections: []report.Section{s}}, nil
}

// meetingPoint is what a meeting decided or heard, beside its attendance
// and its next tasks rather than repeating them: the 主席团 elected, the
// union that reported, or the first line of the minutes.
func meetingPoint(m app.Meeting, gist string) string {
	switch m.Kind {
	case data.MeetingCongress:
		if m.PresidiumElected {
			return "选举产生主席团"
		}
		return ""
	case data.MeetingReport:
		return gist
	}
	line, _, _ := strings.Cut(strings.TrimSpace(m.Minutes), "\n")
	return line
}

// attendance says who came to a meeting: the congress's delegates, or the
// roll call's marks.
func attendance(svc *app.Service, m app.Meeting) (string, error) {
	if m.Kind == data.MeetingCongress && m.DelegatesElected != nil {
		text := fmt.Sprintf("代表 %d 人", *m.DelegatesElected)
		if m.DelegatesPresent != nil {
			text += fmt.Sprintf("，实到 %d 人", *m.DelegatesPresent)
		}
		return text, nil
	}
	marks, err := svc.Store().AttendanceOf(nil, &m.ID)
	if err != nil {
		return "", err
	}
	if len(marks) == 0 {
		return "未点名", nil
	}
	n := map[string]int{}
	for _, a := range marks {
		n[a.Status]++
	}
	text := fmt.Sprintf("出席 %d 人", n[data.AttendPresent])
	if n[data.AttendLeave] > 0 {
		text += fmt.Sprintf("，请假 %d 人", n[data.AttendLeave])
	}
	if n[data.AttendAbsent] > 0 {
		text += fmt.Sprintf("，缺席 %d 人", n[data.AttendAbsent])
	}
	return text, nil
}

// ledgerColumns: the ledger as an inspection reads it, from the problem
// to its 验收 and 销号.
var ledgerColumns = []report.Column{{Title: "发现日期"}, {Title: "问题", Width: 8}, {Title: "来源"}, {Title: "责任组织"},
	{Title: "责任人"}, {Title: "整改措施", Width: 8}, {Title: "整改期限"}, {Title: "完成日期"}, {Title: "状态"},
	{Title: "验收 / 销号"}, {Title: "提示"}}

// ledger is 整改台账 of the academic year, overdue items in red.
func ledger(svc *app.Service, o Options) (report.Document, error) {
	items, err := svc.Ledger(app.RectFilter{Semester: o.Semester, OrganizationID: o.OrganizationID})
	if err != nil {
		return report.Document{}, err
	}
	cells, err := svc.LedgerCells(items, o.Semester.Year())
	if err != nil {
		return report.Document{}, err
	}
	s := report.Section{Columns: ledgerColumns, Empty: "本学年无整改事项"}
	for i, item := range items {
		c := cells[i] // 发现日期, 问题, 来源, 责任组织, 责任人, 整改期限, 状态, 提示
		measures := strings.TrimSpace(item.Measures)
		if taken := strings.TrimSpace(item.MeasureTaken); taken != "" {
			measures = strings.TrimSpace(measures + "\n落实：" + taken)
		}
		verified := ""
		if !item.VerifiedOn.IsZero() {
			verified = strings.TrimSpace(item.Verifier + " " + item.VerifiedOn.String())
		}
		s.Rows = append(s.Rows, []string{c[0], c[1], c[2], c[3], c[4], measures, c[5], item.CompletedOn.String(),
			c[6], verified, c[7]})
		s.Alerts = append(s.Alerts, svc.Overdue(item))
	}
	return report.Document{Title: "整改台账", Subtitle: svc.Subtitle(o.Semester.Year() + "学年"), Sections: []report.Section{s},
		Charts: []report.Chart{ledgerChart(svc, items)}}, nil
}
