package compliance

import (
	"cmp"
	"slices"
	"strings"

	"tuanxue/app"
	"tuanxue/data"
)

// Outcomes of a rule for a union.
const (
	Pass         = "pass"
	Fail         = "fail"
	Insufficient = "insufficient" // the data needed is missing: never a silent pass
)

// Outcomes labels the outcomes.
var Outcomes = []app.Label{{Code: Pass, Text: "达标"}, {Code: Fail, Text: "未达标"}, {Code: Insufficient, Text: "数据不足"}}

// Link points at a record behind a result.
type Link struct {
	Kind  string // "person", "department", "meeting", "organization"
	ID    uint
	Label string
}

// Result is one rule checked for one union.
type Result struct {
	Rule     Rule
	Org      app.Organization
	Outcome  string
	Figure   string // "实有 51 人", "召开日期为：2020-10-15"
	Value    string // what fills the blank of the form's 备注 prompt: "51", "2020-10-15"; "" when unknown
	Sentence string // a sentence a teacher can paste
	Links    []Link
	brief    string // Sentence without the people named in it

	// A teacher's conclusion on the indicator, when one was recorded; when
	// it decides (Manual), the records' verdict is kept here:
	Conclusion      *Conclusion
	Checked         string // the outcome the records gave
	CheckedSentence string
}

// Plain is the sentence as the union's own form prints it in 备注: without
// the union's name in front (the form is the union's) and without the names
// of the people concerned (the form goes to the federation and the website).
func (r Result) Plain() string {
	s := r.Sentence
	if r.brief != "" {
		s = r.brief
	}
	if rest, ok := strings.CutPrefix(s, r.Org.Name); ok && rest != "" {
		s = strings.TrimLeft(rest, " ：")
	}
	return s
}

// Report is the whole check of one semester.
type Report struct {
	Set      RuleSet
	Semester app.Semester
	Day      data.Date
	Results  []Result
	Staff    map[uint][]data.StaffRow // each union's people in post on Day, for reports
}

// Run checks every active student union against the set in force for the
// semester's academic year.
func Run(svc *app.Service, sem app.Semester) (Report, error) {
	set, err := InForce(svc, sem)
	if err != nil {
		return Report{}, err
	}
	return RunSet(svc, sem, set)
}

// RunSet checks against a given set.
func RunSet(svc *app.Service, sem app.Semester, set RuleSet) (Report, error) {
	f, err := loadFacts(svc, sem)
	if err != nil {
		return Report{}, err
	}
	r := Report{Set: set, Semester: sem, Day: f.day, Staff: map[uint][]data.StaffRow{}}
	for _, u := range f.unions {
		r.Staff[u.org.ID] = u.staff
		for _, rule := range set.Rules {
			if !rule.Enabled || rule.Scope != u.scope {
				continue
			}
			res := Result{Rule: rule, Org: u.org}
			check, ok := checks[rule.CheckKey]
			if !ok {
				check = manual
			}
			check(f, u, parseParams(rule.Params), &res)
			c, ok := f.conclusions[u.org.ID][IndicatorOf(rule)]
			res.apply(c, ok)
			r.Results = append(r.Results, res)
		}
	}
	return r, nil
}

// Breaches lists the results that are not 达标: 未达标 first, then 数据不足,
// each in form order.
func (r Report) Breaches() []Result {
	var out []Result
	for _, res := range r.Results {
		if res.Outcome != Pass {
			out = append(out, res)
		}
	}
	slices.SortStableFunc(out, func(a, b Result) int {
		return cmp.Compare(rank(a.Outcome), rank(b.Outcome))
	})
	return out
}

func rank(outcome string) int {
	if outcome == Fail {
		return 0
	}
	return 1
}

// For lists the results of one union.
func (r Report) For(orgID uint) []Result {
	var out []Result
	for _, res := range r.Results {
		if res.Org.ID == orgID {
			out = append(out, res)
		}
	}
	return out
}

// Count tallies the outcomes.
func (r Report) Count() map[string]int {
	n := map[string]int{}
	for _, res := range r.Results {
		n[res.Outcome]++
	}
	return n
}
