package reports

import (
	"fmt"
	"strings"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/data"
)

func (f *draftFacts) cadres(w *draftWriter) {
	w.heading(1, "规范学生骨干的选拔、考核和培养")
	w.heading(2, "选拔")
	w.para(f.selectionSentence())
	w.heading(2, "考核")
	w.para(f.assessmentSentence())
	w.heading(2, "退出")
	w.para(f.exitSentence())
	w.heading(2, "培训")
	w.para(f.trainingSentence())
	w.heading(2, "递交入党申请书和推优")
	w.para(f.partySentence(), f.recommendationSentence())
}

func (f *draftFacts) selectionSentence() string {
	if len(f.rounds) == 0 {
		return ask("本学期学生骨干选拔的次数、方式和结果（系统中尚无本学期的选拔记录）")
	}
	var each []string
	for _, r := range f.rounds {
		n := map[string]int{}
		for _, c := range f.cands[r.ID] {
			n[c.Result]++
		}
		s := fmt.Sprintf("%s（%s，%s）报名 %d 人", r.Title, app.TextOf(app.RoundKinds, r.Kind), chineseDate(r.HeldOn), len(f.cands[r.ID]))
		for _, l := range app.CandidateResults {
			if n[l.Code] > 0 {
				s += fmt.Sprintf("，%s %d 人", l.Text, n[l.Code])
			}
		}
		each = append(each, s)
	}
	return fmt.Sprintf("本学期开展学生骨干选拔 %d 次：%s。", len(f.rounds), strings.Join(each, "；")) +
		ask("选拔制度的名称和主要程序")
}

func (f *draftFacts) assessmentSentence() string {
	n := total(f.grades)
	if n == 0 {
		return ask("学生骨干考核的办法和结果（系统中尚无考核记录）")
	}
	when := "本学期"
	if f.gradesOf != f.o.Semester {
		when = f.gradesOf.Label()
	}
	var parts []string
	for _, l := range app.Grades {
		if f.grades[l.Code] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 人", l.Text, f.grades[l.Code]))
		}
	}
	return fmt.Sprintf("%s考核学生骨干 %d 人，其中%s。", when, n, strings.Join(parts, "、")) + ask("评价考核制度的主要内容")
}

func (f *draftFacts) exitSentence() string {
	flagged := ""
	for _, u := range f.unions() {
		if res, ok := f.result(u.ID, "grades"); ok && res.Outcome == compliance.Fail {
			flagged += u.Name + res.Plain() + "，"
		}
	}
	if flagged != "" {
		flagged = "经核对，" + flagged + "应按退出机制处理。" + ask("处理情况")
	}
	if len(f.exits) == 0 {
		return "本学期没有学生骨干退出的记录。" + flagged
	}
	by := map[string]int{}
	for _, e := range f.exits {
		by[e.Reason]++
	}
	var parts []string
	for _, l := range app.ExitReasons {
		if by[l.Code] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 人", l.Text, by[l.Code]))
		}
	}
	return fmt.Sprintf("本学期学生骨干退出 %d 人次，其中%s。", len(f.exits), strings.Join(parts, "、")) + flagged
}

func (f *draftFacts) trainingSentence() string {
	var cadre []string
	var hours float64
	var marked, present int
	for _, t := range f.trainings {
		if t.Kind != data.TrainingCadre {
			continue
		}
		c := f.attended[t.ID]
		cadre = append(cadre, fmt.Sprintf("“%s”（%s，%g 学时，出席 %s）", t.Title, chineseDate(t.HeldOn), t.Hours, app.Rate(c)))
		hours += t.Hours
		marked += c.Marked
		present += c.Present
	}
	if len(cadre) == 0 {
		return ask("本学期学生骨干培训的次数、内容和参加人数（系统中尚无本学期的骨干培训记录）")
	}
	people := f.inPost()
	trained := 0
	for id := range people {
		if f.byPerson[id].Cadre > 0 {
			trained++
		}
	}
	s := fmt.Sprintf("本学期举办学生骨干培训 %d 次，共 %g 学时：%s。", len(cadre), hours, strings.Join(cadre, "、"))
	if len(people) > 0 {
		s += fmt.Sprintf("各学生会在任工作人员 %d 人中，本学期参加骨干培训的 %d 人（%.0f%%）。", len(people), trained,
			100*float64(trained)/float64(len(people)))
	}
	return s + ask("培训的主要内容和成效")
}

func (f *draftFacts) partySentence() string {
	var each []string
	for _, u := range f.unions() {
		if a, n := f.partyRatio(u.ID); n > 0 {
			each = append(each, fmt.Sprintf("%s %d/%d（%.1f%%）", u.Name, a, n, 100*float64(a)/float64(n)))
		}
	}
	people := f.inPost()
	if len(people) == 0 {
		return ask("学生骨干递交入党申请书的比例")
	}
	applied := 0
	for _, row := range people {
		if compliance.Applied(row) {
			applied++
		}
	}
	return fmt.Sprintf("各学生会在任工作人员 %d 人中，已递交入党申请书的 %d 人，比例为 %.1f%%；其中%s。",
		len(people), applied, 100*float64(applied)/float64(len(people)), strings.Join(each, "、"))
}

func (f *draftFacts) recommendationSentence() string {
	tuanSan := 0
	for _, t := range f.trainings {
		if t.Kind == data.TrainingTuanSan {
			tuanSan++
		}
	}
	s := ""
	if tuanSan > 0 {
		s = fmt.Sprintf("本学期召开“团三优”工作培训会 %d 次。", tuanSan)
	}
	if f.recs == 0 {
		return s + ask("本学期“团三优”推优工作情况（系统中尚无本学期的推优记录）")
	}
	return s + fmt.Sprintf("本学期登记推优记录 %d 条。", f.recs) + ask("推优流程和规范各班推优工作的做法")
}

func (f *draftFacts) problems(w *draftWriter) {
	w.heading(1, "存在问题及整改情况")
	n := map[string]int{}
	for _, r := range f.check.Results {
		n[r.Outcome]++
	}
	s := fmt.Sprintf("对照%s，%d 个学生会组织共核对指标 %d 项：达标 %d 项，未达标 %d 项", f.basis(), len(f.unions()),
		len(f.check.Results), n[compliance.Pass], n[compliance.Fail])
	if n[compliance.Insufficient] > 0 {
		s += fmt.Sprintf("，另有 %d 项因缺少记录尚待人工核对", n[compliance.Insufficient])
	}
	w.para(s+"。", ask("对存在问题的总体认识"))
	for i, item := range f.items {
		w.para(f.itemSentence(i+1, item))
	}
	if left := f.breachesNotInLedger(); len(left) > 0 {
		w.para(fmt.Sprintf("%d. 自查中发现、尚未列入整改台账的问题：%s。", len(f.items)+1, strings.Join(left, "；")) +
			ask("整改措施和期限"))
	}
}

// itemSentence is one ledger item: the problem, the measures, and where it
// stands.
func (f *draftFacts) itemSentence(n int, item app.Rectification) string {
	s := fmt.Sprintf("%d. %s", n, strings.TrimSuffix(item.Problem, "。")+"。")
	if item.Measures != "" {
		s += "整改措施：" + strings.TrimSuffix(item.Measures, "。") + "。"
	}
	switch item.Status {
	case data.RectClosed:
		s += "已完成整改并销号"
	case data.RectDone:
		s += "已完成整改"
	default:
		s += "正在整改"
		if !item.Deadline.IsZero() {
			s += "，整改期限为" + chineseDate(item.Deadline)
		}
	}
	if !item.CompletedOn.IsZero() && (item.Status == data.RectDone || item.Status == data.RectClosed) {
		s += "（" + chineseDate(item.CompletedOn) + "）"
	}
	if f.svc.Overdue(item) {
		s += "，已逾期"
	}
	return s + "。"
}

// breachesNotInLedger are the check's 未达标 items no ledger item takes up.
func (f *draftFacts) breachesNotInLedger() []string {
	var out []string
	for _, r := range f.check.Breaches() {
		if r.Outcome != compliance.Fail {
			continue
		}
		ruleText := fmt.Sprintf("指标 %s：%s", r.Rule.Number, r.Rule.Text)
		taken := false
		for _, item := range f.items {
			if item.RuleText == ruleText && item.OrganizationID != nil && *item.OrganizationID == r.Org.ID {
				taken = true
			}
		}
		if !taken {
			out = append(out, r.Org.Name+r.Plain())
		}
	}
	return out
}
