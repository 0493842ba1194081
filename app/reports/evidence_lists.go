package reports

import (
	"encoding/json"
	"fmt"
	"strings"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

// The lists the evidence refers to, one document each, made once per
// union: the binder prints them (PDF and Excel) in the indicators' folders.
// They are for the inspection team, not the public: names and posts, but
// no 学号 and no phone, which no indicator needs.

// listNames are the lists' file names in the binder.
var listNames = map[string]string{
	"staff": "工作人员名单", "presidium": "主席团成员名单", "structure": "机构设置", "ranking": "学业排名名单",
	"selection": "选拔审批记录", "congress": "学生代表大会记录", "trainings": "培训记录", "studies": "政治业务学习记录",
	"reports": "听取二级学院学生会工作报告记录", "rect": "整改台账",
}

func (b *unionBuilder) list(key string, s report.Section) {
	if _, done := b.u.lists[key]; done {
		return
	}
	b.u.lists[key] = report.Document{Title: b.u.name + listNames[key], Subtitle: b.svc.Subtitle("截至" + b.day.String()),
		Sections: []report.Section{s}}
}

func (b *unionBuilder) dept(r data.StaffRow) string {
	if r.DepartmentID == nil {
		return "主席团"
	}
	return b.deptName[*r.DepartmentID]
}

func grade(g int) string {
	if g == 0 {
		return ""
	}
	return fmt.Sprintf("%d级", g)
}

func (b *unionBuilder) staffList() {
	if _, done := b.u.lists["staff"]; done {
		return
	}
	s := report.Section{Columns: []report.Column{{Title: "序号", Width: 4}, {Title: "姓名"}, {Title: "部门"}, {Title: "职务"},
		{Title: "年级"}, {Title: "政治面貌"}, {Title: "递交入党申请书"}}}
	for i, r := range b.staff {
		applied := ""
		if !r.PartyAppliedOn.IsZero() {
			applied = r.PartyAppliedOn.String()
		}
		s.Rows = append(s.Rows, []string{fmt.Sprint(i + 1), r.Name, b.dept(r), r.Post, grade(r.Grade),
			app.TextOf(app.PoliticalStatuses, r.PoliticalStatus), applied})
	}
	b.list("staff", s)
}

func (b *unionBuilder) presidiumList() int {
	s := report.Section{Columns: []report.Column{{Title: "序号", Width: 4}, {Title: "姓名"}, {Title: "职务"}, {Title: "年级"},
		{Title: "政治面貌"}}}
	for _, r := range b.staff {
		if r.DepartmentID == nil {
			s.Rows = append(s.Rows, []string{fmt.Sprint(len(s.Rows) + 1), r.Name, r.Post, grade(r.Grade),
				app.TextOf(app.PoliticalStatuses, r.PoliticalStatus)})
		}
	}
	if len(s.Rows) > 0 {
		b.list("presidium", s)
	}
	return len(s.Rows)
}

func (b *unionBuilder) structureList() {
	in := map[string]int{}
	for _, r := range b.staff {
		in[b.dept(r)]++
	}
	s := report.Section{Columns: []report.Column{{Title: "机构"}, {Title: "职责", Width: 30}, {Title: "在任人数", Width: 6}}}
	s.Rows = append(s.Rows, []string{"主席团", "", fmt.Sprint(in["主席团"])})
	for _, d := range b.depts {
		s.Rows = append(s.Rows, []string{d.Name, d.Duties, fmt.Sprint(in[d.Name])})
	}
	b.list("structure", s)
}

// ruleWindow is the ranking window a grades rule's parameters name.
func ruleWindow(params string) string {
	var p struct{ Window string }
	if json.Unmarshal([]byte(params), &p) != nil {
		return ""
	}
	return p.Window
}

func (b *unionBuilder) rankingList(window string) {
	s := report.Section{Caption: "排名窗口：" + window, Columns: []report.Column{{Title: "序号", Width: 4}, {Title: "姓名"},
		{Title: "部门"}, {Title: "职务"}, {Title: "年级"}, {Title: "专业排名（前%）"}, {Title: "不及格门数"}}}
	for i, r := range b.staff {
		rank := "无记录"
		if r.RankPercent != nil {
			rank = strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", *r.RankPercent), "0"), ".") + "%"
		}
		s.Rows = append(s.Rows, []string{fmt.Sprint(i + 1), r.Name, b.dept(r), r.Post, grade(r.Grade), rank, fmt.Sprint(r.FailedCourses)})
		s.Alerts = append(s.Alerts, r.RankPercent == nil || r.FailedCourses > 0)
	}
	b.list("ranking", s)
}

func (b *unionBuilder) selectionList() {
	steps := app.ApprovalSteps
	s := report.Section{Columns: []report.Column{{Title: "选拔"}, {Title: "姓名"}, {Title: "拟任职务"}, {Title: "结果"},
		{Title: steps[0]}, {Title: steps[1]}, {Title: steps[2]}, {Title: steps[3]}, {Title: "缺少的步骤", Width: 12}}}
	date := func(d data.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.String()
	}
	for _, round := range b.r.rounds {
		if round.OrganizationID != b.u.org.ID {
			continue
		}
		cs, err := b.svc.Candidates(round.ID)
		if err != nil {
			continue
		}
		for _, c := range cs {
			name := ""
			if p, err := b.svc.Store().Person(c.PersonID); err == nil {
				name = p.Name
			}
			result := map[string]string{data.ResultAdmitted: "录用", data.ResultRejected: "未录用"}[c.Result]
			lacking := strings.Join(app.MissingSteps(c), "、")
			s.Rows = append(s.Rows, []string{round.Title, name, c.Post, result, date(c.RecommendedOn), date(c.PartyAgreedOn),
				date(c.ReviewedOn), date(c.DecidedOn), lacking})
			s.Alerts = append(s.Alerts, c.Result == data.ResultAdmitted && lacking != "")
		}
	}
	b.list("selection", s)
}

func (b *unionBuilder) congressList(m app.Meeting) {
	n := func(p *int) string {
		if p == nil {
			return "无记录"
		}
		return fmt.Sprint(*p)
	}
	elected := "否"
	if m.PresidiumElected {
		elected = "是"
	}
	s := report.Section{Columns: []report.Column{{Title: "项目", Width: 10}, {Title: "内容", Width: 40}},
		Rows: [][]string{{"会议", m.Title}, {"日期", m.HeldOn.String()}, {"地点", m.Place}, {"代表名额", n(m.DelegatesElected)},
			{"出席代表", n(m.DelegatesPresent)}, {"所代表的学生数", n(m.StudentsRepresented)}, {"非学生会工作人员代表", n(m.NonCadreDelegates)},
			{"选举产生主席团", elected}, {"记录人", m.Recorder}, {"会议记录", m.Minutes}}}
	b.list("congress", s)
}

func (b *unionBuilder) trainingList() {
	s := report.Section{Columns: []report.Column{{Title: "日期"}, {Title: "培训", Width: 16}, {Title: "学时", Width: 4},
		{Title: "地点"}, {Title: "主讲"}, {Title: "应到", Width: 4}, {Title: "出席", Width: 4}}}
	for i := len(b.r.trainings) - 1; i >= 0; i-- {
		t := b.r.trainings[i]
		if t.OrganizerID == nil || *t.OrganizerID != b.u.org.ID || t.Kind != data.TrainingCadre {
			continue
		}
		c := b.r.attendance[t.ID]
		s.Rows = append(s.Rows, []string{t.HeldOn.String(), t.Title, fmt.Sprint(t.Hours), t.Place, t.Speaker,
			fmt.Sprint(c.Marked), fmt.Sprint(c.Present)})
	}
	b.list("trainings", s)
}

func (b *unionBuilder) meetingList(key, _ string, ms []app.Meeting) {
	s := report.Section{Columns: []report.Column{{Title: "日期"}, {Title: "会议", Width: 14}, {Title: "记录人"},
		{Title: "会议记录", Width: 30}}}
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		s.Rows = append(s.Rows, []string{m.HeldOn.String(), m.Title, m.Recorder, m.Minutes})
	}
	b.list(key, s)
}

func (b *unionBuilder) rectList() {
	if _, done := b.u.lists["rect"]; done {
		return
	}
	cells, err := b.svc.LedgerCells(b.rects, b.r.year)
	if err != nil {
		return
	}
	b.list("rect", report.Section{Columns: app.LedgerColumns, Rows: cells})
}
