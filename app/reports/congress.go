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

// congressKit is what the 学代会 documents print: the latest congress held
// by the end of the semester (of the organization chosen, else the school
// union's, else any), its kit and its 资格审查 under the rules in force.
type congressKit struct {
	m     app.Meeting
	org   app.Organization
	kit   app.CongressKit
	check compliance.Eligibility
	rules app.CongressRules
	set   string
}

// noCongress is said by a document when there is no congress to print.
const noCongress = "本学期及以前没有学生代表大会记录"

func loadCongress(svc *app.Service, o Options) (*congressKit, error) {
	ms, err := svc.Meetings(data.SessionFilter{Kind: data.MeetingCongress, OrganizationID: o.OrganizationID})
	if err != nil {
		return nil, err
	}
	tree, err := svc.OrgTree()
	if err != nil {
		return nil, err
	}
	var pick *app.Meeting
	for i, m := range ms { // newest first
		if o.Semester.End().Before(m.HeldOn) {
			continue
		}
		org, _ := tree.Get(m.OrganizationID)
		if pick == nil || (org.Kind == data.KindSchoolUnion && o.OrganizationID == 0) {
			pick = &ms[i]
			if org.Kind == data.KindSchoolUnion || o.OrganizationID != 0 {
				break
			}
		}
	}
	if pick == nil {
		return nil, nil
	}
	c := &congressKit{m: *pick}
	c.org, _ = tree.Get(pick.OrganizationID)
	set, err := compliance.InForce(svc, app.SemesterAt(pick.HeldOn.Time()))
	if err != nil {
		return nil, err
	}
	c.set, c.rules = set.Name, compliance.CongressRulesOf(set, c.org)
	if c.kit, err = svc.Kit(pick.ID); err != nil {
		return nil, err
	}
	c.check, err = compliance.CheckCongress(svc, pick.ID, c.rules)
	return c, err
}

// congressDoc builds one of the documents, or an empty one that says there
// is no congress.
func congressDoc(title string, fill func(c *congressKit) []report.Section) func(*app.Service, Options) (report.Document, error) {
	return func(svc *app.Service, o Options) (report.Document, error) {
		c, err := loadCongress(svc, o)
		if err != nil {
			return report.Document{}, err
		}
		d := report.Document{Title: title, Subtitle: subtitle(svc, o)}
		if c == nil {
			d.Sections = []report.Section{{Columns: []report.Column{{Title: "说明", Width: 30}}, Empty: noCongress}}
			return d, nil
		}
		d.Header = []report.Field{{Label: "大会", Value: c.m.Title}, {Label: "召开组织", Value: c.org.Name},
			{Label: "召开日期", Value: c.m.HeldOn.String()}}
		d.Sections = fill(c)
		return d, nil
	}
}

var (
	congressSeats       = congressDoc("学生代表大会代表名额分配表", seatsSections)
	congressDelegates   = congressDoc("学生代表大会代表名册", delegateSections)
	congressEligibility = congressDoc("学生代表大会代表资格审查报告", eligibilitySections)
	congressBallot      = congressDoc("学生代表大会选举计票单", ballotSections)
	congressElected     = congressDoc("学生代表大会当选名单", electedSections)
	congressProposals   = congressDoc("学生代表大会提案汇总表", proposalSections)
)

func seatsSections(c *congressKit) []report.Section {
	s := report.Section{Columns: []report.Column{{Title: "学院", Width: 10}, {Title: "学生人数", Width: 4}, {Title: "比例", Width: 3},
		{Title: "分配名额", Width: 4}, {Title: "已登记代表", Width: 4}, {Title: "差数", Width: 3}}, Empty: "尚未分配代表名额"}
	count := map[uint]int{}
	for _, r := range c.check.Rows {
		if r.OrganizationID != nil {
			count[*r.OrganizationID]++
		}
	}
	var students, seats, delegates int
	for _, q := range c.kit.Quotas {
		n := count[q.OrganizationID]
		s.Rows = append(s.Rows, []string{collegeName(c, q.OrganizationID), strconv.Itoa(q.Students), pctText(c.rules.DelegateShare),
			strconv.Itoa(q.Seats), strconv.Itoa(n), signed(n - q.Seats)})
		s.Alerts = append(s.Alerts, n != q.Seats)
		students, seats, delegates = students+q.Students, seats+q.Seats, delegates+n
	}
	if len(s.Rows) > 0 {
		s.Rows = append(s.Rows, []string{"合计", strconv.Itoa(students), pctText(c.rules.DelegateShare), strconv.Itoa(seats), strconv.Itoa(delegates), signed(delegates - seats)})
	}
	s.Notes = []string{fmt.Sprintf("分配办法：各学院名额按学生人数的 %s 计算，不足 1 名的进为 1 名（依据：%s）。全校学生 %s 人，代表不少于 %d 人。",
		pctText(c.rules.DelegateShare), c.set, studentsText(c.check.Students), app.SeatsFor(c.check.Students, c.rules.DelegateShare))}
	return []report.Section{s}
}

func collegeName(c *congressKit, id uint) string {
	for _, r := range c.check.Rows {
		if r.OrganizationID != nil && *r.OrganizationID == id {
			return r.College
		}
	}
	return c.check.CollegeName(id)
}

func delegateSections(c *congressKit) []report.Section {
	s := report.Section{Columns: []report.Column{{Title: "序号", Width: 2}, {Title: "学院", Width: 8}, {Title: "班级", Width: 6},
		{Title: "姓名", Width: 4}, {Title: "学号", Width: 5}, {Title: "政治面貌", Width: 4}, {Title: "大会当日学生会职务", Width: 9},
		{Title: "产生方式", Width: 5}, {Title: "出席", Width: 3}}, Empty: "尚未登记代表"}
	for i, r := range c.check.Rows {
		cadre := r.Cadre
		if cadre == "" {
			cadre = "无"
		}
		s.Rows = append(s.Rows, []string{strconv.Itoa(i + 1), r.College, r.ClassName, r.Person.Name, r.Person.StudentNo,
			app.TextOf(app.PoliticalStatuses, r.Person.PoliticalStatus), cadre, app.TextOf(app.DelegateWays, r.ElectedBy),
			attendanceText(r.Attendance)})
	}
	sum := fmt.Sprintf("代表共 %d 人，其中非学生会干部 %d 人，出席 %d 人。", len(c.check.Rows), c.check.NonCadre, c.check.Present)
	s.Notes = []string{sum} // a note, not a signature: a signed table prints as a one-page form
	return []report.Section{s}
}

func attendanceText(code string) string {
	if code == "" {
		return "未登记"
	}
	return app.TextOf(app.AttendanceMarks, code)
}

func eligibilitySections(c *congressKit) []report.Section {
	items := report.Section{Caption: "审查结论", Columns: []report.Column{{Title: "审查项目", Width: 5}, {Title: "结论", Width: 4},
		{Title: "情况", Width: 24}}}
	for _, it := range c.check.Items {
		items.Rows = append(items.Rows, []string{it.Name, app.TextOf(compliance.Outcomes, it.Outcome), it.Text})
		items.Alerts = append(items.Alerts, it.Outcome == compliance.Fail)
	}
	verdict := "经审查，本次大会代表的产生及构成符合规定，代表资格有效。"
	if c.check.Outcome() == compliance.Fail {
		verdict = "经审查，以下各项不符合规定，须整改或作出说明：" + strings.Join(failures(c.check.Items), "；") + "。"
	} else if c.check.Outcome() == compliance.Insufficient {
		verdict = "部分项目缺少记录，尚不能作出结论，请补齐后重新审查。"
	}
	cadres := report.Section{Caption: "担任学生会职务的代表", Columns: []report.Column{{Title: "学院", Width: 8}, {Title: "姓名", Width: 4},
		{Title: "学号", Width: 5}, {Title: "大会当日职务", Width: 14}}, Empty: "无"}
	for _, r := range c.check.Rows {
		if r.Cadre != "" {
			cadres.Rows = append(cadres.Rows, []string{r.College, r.Person.Name, r.Person.StudentNo, r.Cadre})
		}
	}
	rules := report.Section{Caption: "审查依据（" + c.set + "）", Columns: []report.Column{{Title: "规则", Width: 30}},
		Rows: [][]string{{fmt.Sprintf("代表不少于所代表学生的 %s；非学生会干部代表不少于 %s（以大会当日所任职务为准）；学生不足 %d 人的院系可召开全体学生大会；到会代表须超过代表总数的 %s；候选人得票须超过实到代表的 %s；%s。",
			pctText(c.rules.DelegateShare), pctText(c.rules.NonCadreShare), c.rules.AssemblyBelow, c.rules.Quorum, c.rules.Majority, competitiveText(c.rules))}}}
	items.Signature = []string{verdict, "代表资格审查委员会（签字）：", "年    月    日"}
	return []report.Section{items, rules, cadres}
}

func failures(items []compliance.Item) []string {
	var out []string
	for _, it := range items {
		if it.Outcome == compliance.Fail {
			out = append(out, it.Text)
		}
	}
	return out
}

func competitiveText(r app.CongressRules) string {
	if r.Competitive {
		return "实行差额选举，候选人多于应选名额"
	}
	return "本组织规则允许等额选举"
}

func ballotSections(c *congressKit) []report.Section {
	if len(c.check.Elections) == 0 {
		return []report.Section{{Columns: []report.Column{{Title: "说明", Width: 30}}, Empty: "本次大会没有选举记录"}}
	}
	var out []report.Section
	for _, e := range c.check.Elections {
		s := report.Section{Caption: e.Title, Columns: []report.Column{{Title: "序号", Width: 2}, {Title: "候选人", Width: 4},
			{Title: "学号", Width: 5}, {Title: "候选职务", Width: 5}, {Title: "得票", Width: 3}, {Title: "占实到代表", Width: 4},
			{Title: "结果", Width: 4}}}
		s.Notes = []string{electionLine(e)}
		for i, n := range e.Candidates {
			s.Rows = append(s.Rows, []string{strconv.Itoa(i + 1), n.Person.Name, n.Person.StudentNo, n.Post, votesText(n.Votes),
				shareText(n.Votes, e.Voters), resultText(n.Result)})
		}
		s.Signature = []string{"监票人：            计票人：            总监票人：", "年    月    日"}
		out = append(out, s)
	}
	return out
}

func electionLine(e app.ElectionResult) string {
	kind := "等额选举"
	if len(e.Candidates) > e.Seats {
		kind = "差额选举"
	}
	line := fmt.Sprintf("应选 %d 名，候选人 %d 人（%s）", e.Seats, len(e.Candidates), kind)
	if e.Voters != nil {
		line += fmt.Sprintf("；实到代表 %d 人", *e.Voters)
	}
	if e.Ballots != nil {
		line += fmt.Sprintf("；收回选票 %d 张", *e.Ballots)
	}
	if e.Status != data.ElectionCounted {
		line += "；尚未计票"
	}
	return line
}

func votesText(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

func shareText(v, of *int) string {
	if v == nil || of == nil || *of == 0 {
		return ""
	}
	return strconv.FormatFloat(float64(*v)*100/float64(*of), 'f', 1, 64) + "%"
}

func resultText(code string) string {
	switch code {
	case data.ResultElected:
		return "当选"
	case data.ResultNotElected:
		return "未当选"
	}
	return "未计票"
}

func electedSections(c *congressKit) []report.Section {
	s := report.Section{Columns: []report.Column{{Title: "选举", Width: 6}, {Title: "姓名", Width: 4}, {Title: "学号", Width: 5},
		{Title: "学院", Width: 8}, {Title: "班级", Width: 6}, {Title: "当选职务", Width: 4}, {Title: "得票", Width: 3}}, Empty: "尚无当选人"}
	for _, e := range c.check.Elections {
		for _, n := range e.Candidates {
			if n.Result == data.ResultElected {
				s.Rows = append(s.Rows, []string{e.Title, n.Person.Name, n.Person.StudentNo, n.Person.College, n.Person.ClassName,
					n.Post, votesText(n.Votes)})
			}
		}
	}
	s.Signature = []string{c.m.Title + "主席团", c.m.HeldOn.String()}
	return []report.Section{s}
}

func proposalSections(c *congressKit) []report.Section {
	s := report.Section{Columns: []report.Column{{Title: "编号", Width: 2}, {Title: "提案题目", Width: 7}, {Title: "提案人", Width: 4},
		{Title: "附议人", Width: 5}, {Title: "审查结果", Width: 4}, {Title: "审查意见", Width: 6}, {Title: "答复", Width: 9},
		{Title: "答复单位", Width: 4}, {Title: "答复日期", Width: 5}}, Empty: "本次大会没有提案"}
	names := map[uint]string{}
	for _, r := range c.check.Rows {
		names[r.PersonID] = r.Person.Name
	}
	accepted, answered := 0, 0
	for _, p := range c.kit.Proposals {
		s.Rows = append(s.Rows, []string{strconv.Itoa(p.Number), p.Title, names[p.ProposerID], p.Seconders,
			app.TextOf(app.ProposalDecisions, p.Decision), p.Reason, p.Answer, p.AnsweredBy, p.AnsweredOn.String()})
		open := p.Decision == "" || (p.Decision == data.ProposalAccepted && p.Answer == "")
		s.Alerts = append(s.Alerts, open)
		if p.Decision == data.ProposalAccepted {
			accepted++
			if p.Answer != "" {
				answered++
			}
		}
	}
	s.Notes = []string{fmt.Sprintf("共收到提案 %d 件，立案 %d 件，已答复 %d 件。", len(c.kit.Proposals), accepted, answered)}
	return []report.Section{s}
}

func pctText(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) + "%" }

func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func studentsText(n int) string {
	if n == 0 {
		return "（未填）"
	}
	return strconv.Itoa(n)
}
