package reports

import (
	"strconv"
	"strings"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/data"
)

// recommendations is 推优情况表: each 推优 record still valid in the semester with the
// rules of the set in force checked (年龄, 团龄, 入党申请, the branch's
// quota, attendance and votes of its meeting) and its 有效期至.
func recommendations(svc *app.Service, o Options) (report.Document, error) {
	set, err := compliance.InForce(svc, o.Semester)
	if err != nil {
		return report.Document{}, err
	}
	rules := compliance.RecommendRulesOf(set)
	all, err := compliance.CheckRecommendations(svc, rules, data.Date{}, o.Semester.End())
	if err != nil {
		return report.Document{}, err
	}
	var cs []compliance.RecommendCheck // those still valid in the semester
	for _, c := range all {
		if !c.ValidUntil.Before(o.Semester.Start()) {
			cs = append(cs, c)
		}
	}
	list := report.Section{Caption: "推优名单", Columns: []report.Column{{Title: "日期"}, {Title: "团支部", Width: 6},
		{Title: "学号"}, {Title: "姓名"}, {Title: "环节"}, {Title: "结果"}, {Title: "年龄"}, {Title: "团龄"},
		{Title: "入党申请"}, {Title: "名额"}, {Title: "到会"}, {Title: "表决"}, {Title: "有效期至"}, {Title: "问题", Width: 10}}}
	counts := map[string]int{}
	for _, c := range cs {
		row := []string{c.Rec.HeldOn.String(), c.Rec.Branch, c.Person.StudentNo, c.Person.Name, c.Rec.Stage, c.Rec.Result}
		for _, it := range c.Items {
			row = append(row, outcomeText(it.Outcome))
		}
		row = append(row, c.ValidUntil.String(), strings.Join(c.Problems(), "；"))
		list.Rows = append(list.Rows, row)
		counts[c.Outcome()]++
	}
	sum := report.Section{Caption: "核对结果", Columns: []report.Column{{Title: "核对结果", Width: 10}, {Title: "条数", Width: 4}}}
	for _, l := range compliance.Outcomes {
		sum.Rows = append(sum.Rows, []string{l.Text, strconv.Itoa(counts[l.Code])})
	}
	sum.Rows = append(sum.Rows, []string{"合计", strconv.Itoa(len(cs))})
	source := "程序默认值：" + set.Name + "中没有推优一项"
	for _, r := range set.Rules {
		if r.CheckKey == "recommendations" && r.Enabled {
			source = set.Name
		}
	}
	note := report.Section{Caption: "依据", Rows: [][]string{{"推优时年满 " + strconv.Itoa(rules.MinAge) + " 周岁、入团满 " +
		strconv.Itoa(rules.LeagueYears) + " 年、递交入党申请书满 " + strconv.Itoa(rules.AppliedMonths) + " 个月；每次推优不超过团支部团员人数的 " +
		strconv.Itoa(rules.Quota) + "%；推优有效期 " + strconv.Itoa(rules.ValidYears) + " 年；推优大会到会、赞成票均须超过应到人数半数。"}},
		Columns: []report.Column{{Title: "规则（" + source + "）", Width: 30}}}
	return report.Document{Title: "推优情况表", Subtitle: subtitle(svc, o), Sections: []report.Section{sum, list, note}}, nil
}

// outcomeText labels an item's outcome; a rule that does not apply to the
// step shows a dash.
func outcomeText(outcome string) string {
	if outcome == "" {
		return "—"
	}
	return app.TextOf(compliance.Outcomes, outcome)
}
