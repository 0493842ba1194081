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

// records are the year's records the evidence is read from, loaded once
// for every union.
type records struct {
	year       string // 2023-2024
	meetings   []app.Meeting
	trainings  []app.Training
	attendance map[uint]data.AttendanceCount
	rounds     []app.SelectionRound
}

func loadRecords(svc *app.Service, sem app.Semester) (*records, error) {
	r := &records{year: sem.Year(), attendance: map[uint]data.AttendanceCount{}}
	var err error
	if r.meetings, err = svc.Meetings(data.SessionFilter{}); err != nil {
		return nil, err
	}
	for _, s := range []app.Semester{{StartYear: sem.StartYear, Term: 1}, {StartYear: sem.StartYear, Term: 2}} {
		ts, err := svc.Trainings(data.SessionFilter{Semester: s.String()})
		if err != nil {
			return nil, err
		}
		r.trainings = append(r.trainings, ts...)
		counts, err := svc.Store().TrainingAttendance(s.String())
		if err != nil {
			return nil, err
		}
		for id, c := range counts {
			r.attendance[id] = c
		}
		rounds, err := svc.Rounds(s.String())
		if err != nil {
			return nil, err
		}
		r.rounds = append(r.rounds, rounds...)
	}
	return r, nil
}

// inYear says whether a record of a semester belongs to the year.
func (r *records) inYear(semester string) bool { return strings.HasPrefix(semester, r.year+"-") }

// union gathers one union's evidence, indicator by indicator.
func (r *records) union(svc *app.Service, form compliance.Report, org app.Organization, name string) (*unionEvidence, error) {
	u := &unionEvidence{org: org, name: name, lists: map[string]report.Document{}}
	b := &unionBuilder{svc: svc, r: r, u: u, day: form.Day, staff: form.Staff[org.ID], deptName: map[uint]string{}}
	if err := b.load(); err != nil {
		return nil, err
	}
	for _, res := range form.For(org.ID) {
		ie := indicatorEvidence{res: res, short: shortTitle(res.Rule), number: fmt.Sprintf("%02s", res.Rule.Number)}
		ie.pieces = b.pieces(res)
		if c := res.Conclusion; res.Manual() {
			ie.pieces = append(ie.pieces, piece{title: "人工结论（" + app.TextOf(compliance.Outcomes, c.Outcome) + "）：" + c.Note,
				source: "人工结论，确认人 " + c.RecordedBy, date: c.UpdatedAt.Local().Format("2006-01-02")})
		}
		ie.pieces = append(ie.pieces, b.attached(res)...)
		ie.pieces = append(ie.pieces, b.rectifications(res)...)
		if len(ie.pieces) == 0 {
			ie.pieces = []piece{{title: "人工确认的结论及其依据（此项没有可核对的记录）", missing: true}}
		}
		u.items = append(u.items, ie)
	}
	b.otherRectifications()
	return u, nil
}

// unionBuilder reads one union's records.
type unionBuilder struct {
	svc      *app.Service
	r        *records
	u        *unionEvidence
	day      data.Date
	staff    []data.StaffRow
	depts    []app.Department
	deptName map[uint]string
	rects    []app.Rectification
	used     map[uint]bool              // rectification items placed under an indicator
	files    map[string][]data.Evidence // attached by a teacher, by indicator
}

func (b *unionBuilder) load() error {
	depts, err := b.svc.Departments(b.u.org.ID)
	if err != nil {
		return err
	}
	for _, d := range depts {
		b.deptName[d.ID] = d.Name
		if d.Status == data.StatusActive {
			b.depts = append(b.depts, d)
		}
	}
	if b.files, err = b.svc.IndicatorEvidence(b.u.org.ID, b.r.year); err != nil {
		return err
	}
	all, err := b.svc.Ledger(app.RectFilter{Semester: app.Semester{StartYear: b.r.startYear(), Term: 1}, OrganizationID: b.u.org.ID})
	b.rects, b.used = all, map[uint]bool{}
	return err
}

func (r *records) startYear() int {
	y, _ := strconv.Atoi(r.year[:4])
	return y
}

// pieces is what the records show for a result's indicator.
func (b *unionBuilder) pieces(res compliance.Result) []piece {
	day := b.day.String()
	staff := func(what string) piece {
		if len(b.staff) == 0 {
			return piece{title: "在任工作人员名单", missing: true}
		}
		b.staffList()
		return piece{title: fmt.Sprintf("工作人员名单（%d人，%s）", len(b.staff), what), source: "任职记录", date: day, list: "staff"}
	}
	switch res.Rule.CheckKey {
	case "no_admin_duties", "structure", "dept_cap":
		b.structureList()
		if len(b.depts) == 0 && res.Rule.CheckKey != "no_admin_duties" {
			return []piece{{title: "工作部门设置", missing: true}}
		}
		return []piece{{title: fmt.Sprintf("机构设置：主席团+%d个工作部门，含各部门职责", len(b.depts)), source: "组织机构记录", date: day, list: "structure"}}
	case "staff_cap", "allowed_posts":
		return []piece{staff("含部门、职务")}
	case "presidium_cap":
		n := b.presidiumList()
		if n == 0 {
			return []piece{{title: "主席团成员名单", missing: true}}
		}
		return []piece{{title: fmt.Sprintf("主席团成员名单（%d人）", n), source: "任职记录", date: day, list: "presidium"}}
	case "political":
		return []piece{staff("含政治面貌")}
	case "party_ratio":
		p := staff("含政治面貌和递交入党申请书日期")
		return []piece{p}
	case "grades":
		return b.ranking(res)
	case "approval_chain":
		return b.selection()
	case "elected_by_congress", "congress_held":
		return b.congress(res.Rule.CheckKey == "elected_by_congress")
	case "staff_training", "trainings_per_cadre":
		return b.trainings()
	case "weekly_study":
		return b.studies()
	case "college_reports":
		return b.reports()
	case "secretary_general":
		if b.u.org.SecretaryGeneral == "" {
			return []piece{{title: "秘书长的聘任记录", missing: true}}
		}
		return []piece{{title: "秘书长：" + b.u.org.SecretaryGeneral, source: "组织机构记录"}}
	}
	return nil
}

// ranking is the ranking list with the window the rule uses, and who has
// no ranking on record.
func (b *unionBuilder) ranking(res compliance.Result) []piece {
	if len(b.staff) == 0 {
		return []piece{{title: "在任工作人员的学业排名", missing: true}}
	}
	window := "最近1学年"
	if w := ruleWindow(res.Rule.Params); w != "" {
		window = w
	}
	b.rankingList(window)
	out := []piece{{title: fmt.Sprintf("学业排名名单（%d人，排名窗口：%s，含不及格门数）", len(b.staff), window),
		source: "学生档案", date: b.day.String(), list: "ranking"}}
	missing := 0
	for _, s := range b.staff {
		if s.RankPercent == nil && s.Grade > 0 {
			missing++
		}
	}
	if missing > 0 {
		out = append(out, piece{title: fmt.Sprintf("%d人的学业排名", missing), missing: true})
	}
	return out
}

// selection is the year's selection rounds with their dated approval
// steps (推荐 → 党组织同意 → 审核 → 决定).
func (b *unionBuilder) selection() []piece {
	var out []piece
	for _, round := range b.r.rounds {
		if round.OrganizationID != b.u.org.ID {
			continue
		}
		cs, err := b.svc.Candidates(round.ID)
		if err != nil {
			continue
		}
		admitted, lacking := 0, 0
		for _, c := range cs {
			if c.Result == data.ResultAdmitted {
				admitted++
				if len(app.MissingSteps(c)) > 0 {
					lacking++
				}
			}
		}
		out = append(out, piece{title: fmt.Sprintf("选拔：%s（候选人%d人，录用%d人，含各步审批日期）", round.Title, len(cs), admitted),
			source: "选拔记录", date: round.HeldOn.String(), list: "selection"})
		if lacking > 0 {
			out = append(out, piece{title: fmt.Sprintf("%s：%d名录用人员的审批日期（推荐、同意、审核或决定）", round.Title, lacking), missing: true})
		}
	}
	if len(out) == 0 {
		return []piece{{title: "本学年的选拔及审批记录", missing: true}}
	}
	b.selectionList()
	return out
}

// congress is the latest congress on or before the day: date, delegates,
// minutes; for the election, whether it elected the 主席团.
func (b *unionBuilder) congress(election bool) []piece {
	var m *app.Meeting
	for i, c := range b.r.meetings { // newest first
		if c.Kind == data.MeetingCongress && c.OrganizationID == b.u.org.ID && !b.day.Before(c.HeldOn) {
			m = &b.r.meetings[i]
			break
		}
	}
	if m == nil {
		return []piece{{title: "学生代表大会记录", missing: true}}
	}
	b.congressList(*m)
	title := m.Title
	if m.DelegatesElected != nil {
		title += fmt.Sprintf("，代表%d人", *m.DelegatesElected)
		if m.DelegatesPresent != nil {
			title += fmt.Sprintf("，出席%d人", *m.DelegatesPresent)
		}
	}
	out := []piece{{title: "学生代表大会：" + title + "，会议记录", source: "会议记录", date: m.HeldOn.String(), list: "congress"}}
	if strings.TrimSpace(m.Minutes) == "" {
		out = append(out, piece{title: "学代会会议记录", missing: true})
	}
	if m.DelegatesElected == nil {
		out = append(out, piece{title: "学代会代表名额", missing: true})
	}
	if election && !m.PresidiumElected {
		out = append(out, piece{title: "学代会选举产生主席团的记录", missing: true})
	}
	return out
}

// trainings are the year's cadre trainings the union organized, with
// attendance; autumn and spring each.
func (b *unionBuilder) trainings() []piece {
	var out []piece
	terms := map[int]bool{}
	for _, t := range b.r.trainings {
		if t.OrganizerID == nil || *t.OrganizerID != b.u.org.ID || t.Kind != data.TrainingCadre {
			continue
		}
		sem, _ := app.ParseSemester(t.Semester)
		terms[sem.Term] = true
		c := b.r.attendance[t.ID]
		out = append(out, piece{title: fmt.Sprintf("培训：%s（出席%d人，应到%d人）", t.Title, c.Present, c.Marked),
			source: "培训记录", date: t.HeldOn.String(), list: "trainings"})
	}
	if len(out) > 0 {
		b.trainingList()
	}
	for i, name := range []string{"秋季", "春季"} { // in order: a map's would change from run to run
		if !terms[i+1] {
			out = append(out, piece{title: name + "学期学生会工作人员培训记录", missing: true})
		}
	}
	return out
}

// meetingPieces lists the union's meetings of a kind in the year.
func (b *unionBuilder) meetingPieces(keep func(app.Meeting) bool, what, list string) []piece {
	var ms []app.Meeting
	for _, m := range b.r.meetings {
		if b.r.inYear(m.Semester) && keep(m) {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return []piece{{title: "本学年的" + what + "记录", missing: true}}
	}
	b.meetingList(list, what+"记录", ms)
	var out []piece
	for i := len(ms) - 1; i >= 0; i-- { // oldest first
		m := ms[i]
		title := what + "：" + m.Title
		if strings.TrimSpace(m.Minutes) == "" {
			title += "（无会议记录）"
		}
		out = append(out, piece{title: title, source: "会议记录", date: m.HeldOn.String(), list: list})
	}
	return out
}

func (b *unionBuilder) studies() []piece {
	return b.meetingPieces(func(m app.Meeting) bool {
		return m.Kind == data.MeetingStudy && m.OrganizationID == b.u.org.ID
	}, "政治业务学习", "studies")
}

// reports are the 二级 reports the school union heard in the year.
func (b *unionBuilder) reports() []piece {
	return b.meetingPieces(func(m app.Meeting) bool {
		return m.Kind == data.MeetingReport && m.OrganizationID == b.u.org.ID
	}, "听取二级学院学生会工作报告", "reports")
}

// attached are the files a teacher attached to the indicator for the year.
func (b *unionBuilder) attached(res compliance.Result) []piece {
	var out []piece
	for _, f := range b.files[compliance.IndicatorOf(res.Rule)] {
		out = append(out, piece{title: "佐证文件：" + f.Name, source: "教师上传", date: f.AddedOn.String(), file: &f})
	}
	return out
}

// rectifications are the union's ledger items on the indicator (made from
// the check: "指标 3：工作人员不超过40人…") and their files.
func (b *unionBuilder) rectifications(res compliance.Result) []piece {
	var out []piece
	for _, item := range b.rects {
		if item.RuleText == "" || !strings.HasSuffix(item.RuleText, res.Rule.Text) || b.used[item.ID] {
			continue
		}
		b.used[item.ID] = true
		out = append(out, b.rectPieces(item)...)
	}
	return out
}

// otherRectifications are the union's items on no indicator of the form.
func (b *unionBuilder) otherRectifications() {
	for _, item := range b.rects {
		if b.used[item.ID] {
			continue
		}
		for _, p := range b.rectPieces(item) {
			if p.file != nil {
				b.u.rectFiles = append(b.u.rectFiles, p)
			} else {
				b.u.rectPieces = append(b.u.rectPieces, p)
			}
		}
	}
}

func (b *unionBuilder) rectPieces(item app.Rectification) []piece {
	b.rectList()
	out := []piece{{title: fmt.Sprintf("整改事项：%s（%s）", item.Problem, app.TextOf(app.RectStatuses, item.Status)),
		source: "整改台账", date: item.FoundOn.String(), list: "rect"}}
	files, err := b.svc.Store().EvidenceOf(item.ID)
	if err != nil {
		return out
	}
	for i := range files {
		f := files[i]
		out = append(out, piece{title: "佐证文件：" + f.Name, source: "整改台账", date: f.AddedOn.String(), file: &f})
	}
	return out
}
