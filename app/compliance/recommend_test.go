package compliance

import (
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/app/apptest"
	"tuanxue/data"
)

// The sample's 推优 round of last semester: the first branch recommends 5
// of its 20 members, over the quota of 4; the second keeps every rule.
func TestSampleRecommendationsChecked(t *testing.T) {
	svc := sampleService(t)
	spring := fall2020.Prev()
	cs, err := CheckRecommendations(svc, RecommendRulesOf(RuleSet{}), spring.Start(), spring.End())
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 7 {
		t.Fatalf("%d sample 推优 records, want 7", len(cs))
	}
	fails := 0
	for _, c := range cs {
		if c.ValidUntil != data.DateOf(c.Rec.HeldOn.Time().AddDate(2, 0, -1)) {
			t.Errorf("有效期至 %s for %s", c.ValidUntil, c.Rec.HeldOn)
		}
		if c.Outcome() == Fail {
			fails++
			if got := strings.Join(c.Problems(), "；"); !strings.Contains(got, "团支部本次推优 5 人，超过团员人数的 20%（4 人）") {
				t.Errorf("quota finding: %q", got)
			}
		} else if c.Outcome() != Pass {
			t.Errorf("%s: %s %v", c.Person.Name, c.Outcome(), c.Problems())
		}
	}
	if fails != 5 {
		t.Errorf("%d records over the quota, want 5", fails)
	}
	// One person's records, as the person form shows them, count the quota
	// over the whole branch meeting, not over this person alone.
	for _, c := range cs {
		mine, err := CheckPersonRecommendations(svc, RecommendRulesOf(RuleSet{}), c.Person.ID)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range mine {
			if m.Person.ID != c.Person.ID {
				t.Errorf("%s's records include %s's", c.Person.Name, m.Person.Name)
			}
			if m.Rec.ID == c.Rec.ID {
				found = true
				if m.Outcome() != c.Outcome() || strings.Join(m.Problems(), "；") != strings.Join(c.Problems(), "；") {
					t.Errorf("%s alone: %s %v, in the round: %s %v", c.Person.Name, m.Outcome(), m.Problems(), c.Outcome(), c.Problems())
				}
			}
		}
		if !found {
			t.Errorf("%s: the record of %s is not among theirs", c.Person.Name, c.Rec.HeldOn)
		}
	}
	// The college's own set carries the rule into the compliance check.
	if err := UseBuiltinForYear(svc, spring, "chaoshan"); err != nil {
		t.Fatal(err)
	}
	r, err := Run(svc, spring)
	if err != nil {
		t.Fatal(err)
	}
	res := outcome(t, r, "校学生会", "recommendations")
	if res.Outcome != Fail || strings.Count(res.Sentence, "超过团员人数的 20%（4 人）") != 1 {
		t.Errorf("compliance: %s %q", res.Outcome, res.Sentence)
	}
}

// Old records without the dates and numbers say 数据不足, item by item;
// a meeting's numbers are checked against the members who should attend.
func TestRecommendationRulesWithAndWithoutData(t *testing.T) {
	svc := apptest.Service(t)
	p, err := svc.SavePerson(app.PersonDraft{StudentNo: "20190001", Name: "陈思远"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveRecommendation(app.RecommendationDraft{PersonID: p.ID, Branch: "机电1班团支部", HeldOn: "2020-10-10",
		Stage: app.StageBranchMeeting, Result: "通过"}); err != nil {
		t.Fatal(err)
	}
	cs, err := CheckRecommendations(svc, RecommendRulesOf(RuleSet{}), data.Date{}, data.Date{})
	if err != nil || len(cs) != 1 {
		t.Fatalf("%v %v", cs, err)
	}
	for _, it := range cs[0].Items {
		if it.Outcome != Insufficient {
			t.Errorf("%s without data: %s %q", it.Name, it.Outcome, it.Text)
		}
	}
	d := app.PersonDraftOf(p)
	d.BornOn, d.JoinedLeagueOn, d.PartyAppliedOn = "2002-10-11", "2020-01-01", "2020-06-01"
	if _, err := svc.SavePerson(d); err != nil {
		t.Fatal(err)
	}
	members, present, votes := 30, 15, 15
	r := cs[0].Rec
	r.BranchMembers, r.Present, r.VotesFor = &members, &present, &votes
	if err := svc.Store().SaveRecommendation(&r); err != nil {
		t.Fatal(err)
	}
	rules := RecommendRulesOf(RuleSet{Rules: []Rule{{CheckKey: "recommendations", Enabled: true, Params: `{"applied_months":3}`}}})
	cs, _ = CheckRecommendations(svc, rules, data.Date{}, data.Date{})
	want := map[string]string{"年龄": Fail, "团龄": Fail, "入党申请": Pass, "名额": Pass, "到会": Fail, "表决": Fail}
	for _, it := range cs[0].Items {
		if it.Outcome != want[it.Name] {
			t.Errorf("%s: %s %q, want %s", it.Name, it.Outcome, it.Text, want[it.Name])
		}
	}
}
