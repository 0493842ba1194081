package compliance

import (
	"fmt"
	"strings"

	"tuanxue/app"
	"tuanxue/data"
)

// paramsRecommend are the 推优 rules' numbers as colleges publish them:
// age on the meeting day, League years, months since the Party application
// (some colleges 3), the per-round quota of a branch in percent, and the
// years a recommendation stays valid.
const paramsRecommend = `{"min_age":18,"league_years":1,"applied_months":6,"quota":20,"valid_years":2}`

// RecommendRules are the numbers of the 推优 rules in force.
type RecommendRules struct {
	MinAge, LeagueYears, AppliedMonths, Quota, ValidYears int
}

// RecommendRulesOf reads the 推优 rule of a set; a set without one (the
// national forms have none) gets the defaults.
func RecommendRulesOf(set RuleSet) RecommendRules {
	p := params{}
	for _, r := range set.Rules {
		if r.CheckKey == "recommendations" && r.Enabled {
			p = parseParams(r.Params)
		}
	}
	return recommendRules(p)
}

// recommendRules reads a rule's parameters, each missing one at its default.
func recommendRules(p params) RecommendRules {
	return RecommendRules{MinAge: int(p.num("min_age", 18)), LeagueYears: int(p.num("league_years", 1)),
		AppliedMonths: int(p.num("applied_months", 6)), Quota: int(p.num("quota", 20)), ValidYears: int(p.num("valid_years", 2))}
}

// Item is one rule checked for one 推优 record.
type Item struct {
	Name    string // 年龄, 团龄, 入党申请, 名额, 到会, 表决
	Outcome string // Pass, Fail, Insufficient, or "" when the rule does not apply to the step
	Text    string
}

// RecommendCheck is one 推优 record with the rules checked.
type RecommendCheck struct {
	Rec        app.Recommendation
	Person     app.Person
	ValidUntil data.Date // 有效期至
	Items      []Item
}

// Outcome is the worst of the items.
func (c RecommendCheck) Outcome() string {
	out := Pass
	for _, it := range c.Items {
		switch {
		case it.Outcome == Fail:
			return Fail
		case it.Outcome == Insufficient:
			out = Insufficient
		}
	}
	return out
}

// Problems are the items not 达标, in words.
func (c RecommendCheck) Problems() []string {
	var out []string
	for _, it := range c.Items {
		if it.Outcome == Fail || it.Outcome == Insufficient {
			out = append(out, it.Text)
		}
	}
	return out
}

// CheckRecommendations checks every 推优 record dated from..to (zero dates:
// no bound) against the rules.
func CheckRecommendations(svc *app.Service, rules RecommendRules, from, to data.Date) ([]RecommendCheck, error) {
	return checkRecommendRecords(svc, rules, func(r app.Recommendation) bool {
		return (from.IsZero() || !r.HeldOn.Before(from)) && (to.IsZero() || !to.Before(r.HeldOn))
	})
}

// CheckPersonRecommendations checks one person's 推优 records, the quota
// of each branch meeting counted over everyone it recommended.
func CheckPersonRecommendations(svc *app.Service, rules RecommendRules, personID uint) ([]RecommendCheck, error) {
	return checkRecommendRecords(svc, rules, func(r app.Recommendation) bool { return r.PersonID == personID })
}

// checkRecommendRecords checks the records keep takes.
func checkRecommendRecords(svc *app.Service, rules RecommendRules, keep func(app.Recommendation) bool) ([]RecommendCheck, error) {
	recs, err := svc.Recommendations()
	if err != nil {
		return nil, err
	}
	rounds := map[string][]app.Recommendation{} // branch meeting → its records
	var out []RecommendCheck
	for _, r := range recs {
		if r.Stage == app.StageBranchMeeting {
			rounds[roundKey(r)] = append(rounds[roundKey(r)], r)
		}
		if !keep(r) {
			continue
		}
		p, err := svc.Person(r.PersonID)
		if err != nil {
			return nil, err
		}
		c := RecommendCheck{Rec: r, Person: p, ValidUntil: data.DateOf(r.HeldOn.Time().AddDate(rules.ValidYears, 0, -1))}
		c.Items = personItems(rules, p, r.HeldOn)
		out = append(out, c)
	}
	for i := range out {
		r := out[i].Rec
		if r.Stage != app.StageBranchMeeting {
			out[i].Items = append(out[i].Items, Item{Name: "名额"}, Item{Name: "到会"}, Item{Name: "表决"})
			continue
		}
		out[i].Items = append(out[i].Items, quotaItem(rules, r, rounds[roundKey(r)]), presentItem(r), votesItem(r))
	}
	return out, nil
}

func roundKey(r app.Recommendation) string { return r.Branch + "|" + r.HeldOn.String() }

// personItems checks the person's age, League years and Party application
// on the meeting day.
func personItems(rules RecommendRules, p app.Person, on data.Date) []Item {
	age := Item{Name: "年龄", Outcome: Insufficient, Text: p.Name + "未填出生日期，无法核对年龄"}
	if !p.BornOn.IsZero() {
		n := app.AgeOn(p.BornOn, on)
		age.Outcome, age.Text = Pass, fmt.Sprintf("推优时 %d 周岁", n)
		if n < rules.MinAge {
			age.Outcome, age.Text = Fail, fmt.Sprintf("%s推优时 %d 周岁，未满 %d 周岁", p.Name, n, rules.MinAge)
		}
	}
	league := Item{Name: "团龄", Outcome: Insufficient, Text: p.Name + "未填入团日期，无法核对团龄"}
	if !p.JoinedLeagueOn.IsZero() {
		league.Outcome, league.Text = Pass, fmt.Sprintf("%s 入团", p.JoinedLeagueOn)
		if on.Before(data.DateOf(p.JoinedLeagueOn.Time().AddDate(rules.LeagueYears, 0, 0))) {
			league.Outcome, league.Text = Fail, fmt.Sprintf("%s于 %s 入团，推优时团龄不满 %d 年", p.Name, p.JoinedLeagueOn, rules.LeagueYears)
		}
	}
	applied := Item{Name: "入党申请", Outcome: Insufficient, Text: p.Name + "未填递交入党申请书日期，无法核对"}
	if !p.PartyAppliedOn.IsZero() {
		applied.Outcome, applied.Text = Pass, fmt.Sprintf("%s 递交入党申请书", p.PartyAppliedOn)
		if on.Before(data.DateOf(p.PartyAppliedOn.Time().AddDate(0, rules.AppliedMonths, 0))) {
			applied.Outcome, applied.Text = Fail, fmt.Sprintf("%s于 %s 递交入党申请书，推优时不满 %d 个月", p.Name, p.PartyAppliedOn, rules.AppliedMonths)
		}
	}
	return []Item{age, league, applied}
}

// quotaItem checks the branch meeting's number of recommendations against
// its quota of the branch's members.
func quotaItem(rules RecommendRules, r app.Recommendation, round []app.Recommendation) Item {
	people := map[uint]bool{}
	var members *int
	for _, o := range round {
		people[o.PersonID] = true
		if o.BranchMembers != nil {
			members = o.BranchMembers
		}
	}
	it := Item{Name: "名额", Outcome: Insufficient, Text: r.Branch + "未填团员人数，无法核对推优名额"}
	if members == nil {
		return it
	}
	limit := *members * rules.Quota / 100
	it.Outcome, it.Text = Pass, fmt.Sprintf("本次推优 %d 人，不超过 %d 人", len(people), limit)
	if len(people) > limit {
		it.Outcome = Fail
		it.Text = fmt.Sprintf("%s本次推优 %d 人，超过团员人数的 %d%%（%d 人）", r.Branch, len(people), rules.Quota, limit)
	}
	return it
}

// presentItem: more than half of the members at the meeting.
func presentItem(r app.Recommendation) Item {
	if r.BranchMembers == nil || r.Present == nil {
		return Item{Name: "到会", Outcome: Insufficient, Text: r.Branch + "推优会未填团员人数或实到人数"}
	}
	m, n := *r.BranchMembers, *r.Present
	if 2*n > m {
		return Item{Name: "到会", Outcome: Pass, Text: fmt.Sprintf("应到 %d 人，实到 %d 人", m, n)}
	}
	return Item{Name: "到会", Outcome: Fail, Text: fmt.Sprintf("%s推优会应到 %d 人，实到 %d 人，未超过半数", r.Branch, m, n)}
}

// votesItem: approved by more than half of those who should attend, not of
// those present.
func votesItem(r app.Recommendation) Item {
	if r.BranchMembers == nil || r.VotesFor == nil {
		return Item{Name: "表决", Outcome: Insufficient, Text: r.Branch + "推优会未填团员人数或赞成票"}
	}
	m, n := *r.BranchMembers, *r.VotesFor
	if 2*n > m {
		return Item{Name: "表决", Outcome: Pass, Text: fmt.Sprintf("赞成 %d 票，超过应到人数 %d 的半数", n, m)}
	}
	return Item{Name: "表决", Outcome: Fail, Text: fmt.Sprintf("%s推优会赞成 %d 票，未超过应到人数 %d 的半数", r.Branch, n, m)}
}

func init() { checks["recommendations"] = checkRecommendations }

// checkRecommendations puts the semester's 推优 findings on the school
// union's list (推优 is the League's, not one union's).
func checkRecommendations(f *facts, u *union, p params, r *Result) {
	cs, err := CheckRecommendations(f.svc, recommendRules(p), f.sem.Start(), f.sem.End())
	if err != nil {
		r.set(Insufficient, "读取推优记录失败："+err.Error())
		return
	}
	if len(cs) == 0 {
		r.set(Pass, "本学期没有推优记录")
		return
	}
	var fails, missing []string
	seen := map[string]bool{}
	for _, c := range cs {
		for _, it := range c.Items {
			if seen[it.Text] {
				continue // a branch's quota is said once, not per person
			}
			seen[it.Text] = true
			switch it.Outcome {
			case Fail:
				fails = append(fails, it.Text)
			case Insufficient:
				missing = append(missing, it.Text)
			}
		}
	}
	r.Figure = fmt.Sprintf("本学期推优记录 %d 条", len(cs))
	switch {
	case len(fails) > 0:
		r.set(Fail, strings.Join(fails, "；"))
	case len(missing) > 0:
		r.set(Insufficient, "数据不足："+strings.Join(missing, "；"))
	default:
		r.set(Pass, fmt.Sprintf("本学期推优记录 %d 条，各项均符合规定", len(cs)))
	}
}
