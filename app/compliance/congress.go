package compliance

import (
	"fmt"
	"math"

	"tuanxue/app"
	"tuanxue/data"
)

// paramsElected are the election's numbers: elected with more than this
// share of the votes of the delegates present, and 差额 required (1) or not
// (0).
const paramsElected = `{"majority":"1/2","competitive":1}`

// CongressRulesOf reads the congress rules of a set for a union: the
// congress_held and elected_by_congress items of its scope, each number
// missing at the 全国学联 default.
func CongressRulesOf(set RuleSet, org app.Organization) app.CongressRules {
	p := params{}
	for _, r := range set.Rules {
		if r.Enabled && r.Scope == scopeOf(org) && (r.CheckKey == "congress_held" || r.CheckKey == "elected_by_congress") {
			for k, v := range parseParams(r.Params) {
				p[k] = v
			}
		}
	}
	return congressRules(p)
}

func congressRules(p params) app.CongressRules {
	d := app.DefaultCongressRules
	return app.CongressRules{DelegateShare: p.num("delegate_share", d.DelegateShare), NonCadreShare: p.num("non_cadre_share", d.NonCadreShare),
		AssemblyBelow: int(p.num("assembly_below", float64(d.AssemblyBelow))), Quorum: app.ParseFraction(p.str("quorum", ""), d.Quorum),
		Majority: app.ParseFraction(p.str("majority", ""), d.Majority), Competitive: p.num("competitive", 1) != 0}
}

// Eligibility is the 资格审查 of a congress: its delegates against the
// rules, item by item.
type Eligibility struct {
	Meeting   app.Meeting
	Org       app.Organization
	Rules     app.CongressRules
	Students  int // represented; 0 unknown
	Seats     int // allocated
	Rows      []app.DelegateRow
	NonCadre  int
	Present   int
	Items     []Item
	Elections []app.ElectionResult
	names     map[uint]string // of the colleges given seats
}

// Outcome is the worst of the items.
func (e Eligibility) Outcome() string { return RecommendCheck{Items: e.Items}.Outcome() }

// CheckCongress examines a congress's kit against the rules: the share of
// students, the non-cadres, the seats of each college, the 全体学生大会
// threshold, the quorum and the 差额 of every election.
func CheckCongress(svc *app.Service, meetingID uint, rules app.CongressRules) (Eligibility, error) {
	m, err := svc.Congress(meetingID)
	if err != nil {
		return Eligibility{}, err
	}
	k, err := svc.Kit(m.ID)
	if err != nil {
		return Eligibility{}, err
	}
	org, err := svc.Organization(m.OrganizationID)
	if err != nil {
		return Eligibility{}, err
	}
	e := Eligibility{Meeting: m, Org: org, Rules: rules, names: map[uint]string{}}
	tree, err := svc.OrgTree()
	if err != nil {
		return e, err
	}
	for _, q := range k.Quotas {
		o, _ := tree.Get(q.OrganizationID)
		e.names[q.OrganizationID] = o.Name
	}
	if e.Rows, err = svc.DelegateSheet(m, k.Delegates); err != nil {
		return e, err
	}
	if e.Elections, err = svc.ElectionResults(k); err != nil {
		return e, err
	}
	e.examine(k, svc.Today())
	return e, nil
}

func (e *Eligibility) examine(k app.CongressKit, today data.Date) {
	for _, q := range k.Quotas {
		e.Seats += q.Seats
		if e.Org.Students == nil {
			e.Students += q.Students
		}
	}
	if e.Org.Students != nil {
		e.Students = *e.Org.Students
	}
	for _, r := range e.Rows {
		if r.Cadre == "" {
			e.NonCadre++
		}
	}
	e.Present = app.PresentCount(k.Delegates)
	if e.Meeting.CongressForm == data.CongressAssembly {
		e.Items = append(e.Items, e.assemblyItem())
	} else {
		e.Items = append(e.Items, e.shareItem(), e.nonCadreItem())
		e.Items = append(e.Items, e.seatItems(k)...)
	}
	if !today.Before(e.Meeting.HeldOn) {
		e.Items = append(e.Items, e.quorumItem(k))
	}
	e.Items = append(e.Items, e.competitiveItems()...)
}

// CollegeName names a college given seats.
func (e Eligibility) CollegeName(id uint) string { return e.names[id] }

func (e *Eligibility) assemblyItem() Item {
	it := Item{Name: "全体学生大会", Outcome: Insufficient, Text: e.Org.Name + "未填学生人数，无法核对能否以全体学生大会代替代表大会"}
	switch {
	case e.Students == 0:
	case e.Students >= e.Rules.AssemblyBelow:
		it.Outcome, it.Text = Fail, fmt.Sprintf("%s有学生 %d 人，不少于 %d 人，应召开学生代表大会，不能以全体学生大会代替", e.Org.Name, e.Students, e.Rules.AssemblyBelow)
	default:
		it.Outcome, it.Text = Pass, fmt.Sprintf("学生 %d 人，不足 %d 人，可召开全体学生大会", e.Students, e.Rules.AssemblyBelow)
	}
	return it
}

func (e *Eligibility) shareItem() Item {
	n := len(e.Rows)
	need := app.SeatsFor(e.Students, e.Rules.DelegateShare)
	switch {
	case e.Students == 0:
		return Item{Name: "代表人数", Outcome: Insufficient, Text: e.Org.Name + "未填学生人数，也没有名额分配，无法核对代表是否达到学生数的 " + pct(e.Rules.DelegateShare)}
	case n < need:
		return Item{Name: "代表人数", Outcome: Fail, Text: fmt.Sprintf("代表 %d 人，不足所代表 %d 名学生的 %s（应不少于 %d 人）", n, e.Students, pct(e.Rules.DelegateShare), need)}
	}
	return Item{Name: "代表人数", Outcome: Pass, Text: fmt.Sprintf("代表 %d 人，不少于所代表 %d 名学生的 %s（%d 人）", n, e.Students, pct(e.Rules.DelegateShare), need)}
}

func (e *Eligibility) nonCadreItem() Item {
	n := len(e.Rows)
	if n == 0 {
		return Item{Name: "非干部代表", Outcome: Insufficient, Text: "尚未登记代表"}
	}
	share := math.Round(float64(e.NonCadre)*1000/float64(n)) / 10
	if float64(e.NonCadre)*100 < e.Rules.NonCadreShare*float64(n) {
		return Item{Name: "非干部代表", Outcome: Fail, Text: fmt.Sprintf("非学生会干部代表 %d 人，占 %g%%，低于 %s", e.NonCadre, share, pct(e.Rules.NonCadreShare))}
	}
	return Item{Name: "非干部代表", Outcome: Pass, Text: fmt.Sprintf("非学生会干部代表 %d 人，占 %g%%，不低于 %s", e.NonCadre, share, pct(e.Rules.NonCadreShare))}
}

// seatItems compare each college's delegates with its seats.
func (e *Eligibility) seatItems(k app.CongressKit) []Item {
	if len(k.Quotas) == 0 {
		return []Item{{Name: "名额分配", Outcome: Insufficient, Text: "尚未分配代表名额"}}
	}
	count := map[uint]int{}
	for _, r := range e.Rows {
		if r.OrganizationID != nil {
			count[*r.OrganizationID]++
		}
	}
	var out []Item
	for _, q := range k.Quotas {
		n := count[q.OrganizationID]
		name := e.names[q.OrganizationID]
		if n > q.Seats {
			out = append(out, Item{Name: "名额分配", Outcome: Fail, Text: fmt.Sprintf("%s代表 %d 人，超过分配名额 %d 名", name, n, q.Seats)})
		} else if n < q.Seats {
			out = append(out, Item{Name: "名额分配", Outcome: Fail, Text: fmt.Sprintf("%s代表 %d 人，少于分配名额 %d 名", name, n, q.Seats)})
		}
	}
	if len(out) == 0 {
		out = append(out, Item{Name: "名额分配", Outcome: Pass, Text: fmt.Sprintf("%d 个学院的代表人数均与分配名额相符", len(k.Quotas))})
	}
	return out
}

func (e *Eligibility) quorumItem(k app.CongressKit) Item {
	n := len(k.Delegates)
	switch {
	case n == 0:
		return Item{Name: "到会", Outcome: Insufficient, Text: "尚未登记代表，无法核对到会人数"}
	case !app.AttendanceMarked(k.Delegates):
		return Item{Name: "到会", Outcome: Insufficient, Text: "尚未登记代表出席情况，无法核对到会人数"}
	case !e.Rules.Quorum.Exceeded(e.Present, n):
		return Item{Name: "到会", Outcome: Fail, Text: fmt.Sprintf("到会代表 %d 人，未超过代表总数 %d 人的 %s，大会无效", e.Present, n, e.Rules.Quorum)}
	}
	return Item{Name: "到会", Outcome: Pass, Text: fmt.Sprintf("应到代表 %d 人，实到 %d 人，超过 %s", n, e.Present, e.Rules.Quorum)}
}

func (e *Eligibility) competitiveItems() []Item {
	var out []Item
	for _, el := range e.Elections {
		n := len(el.Candidates)
		switch {
		case n > el.Seats:
			out = append(out, Item{Name: "差额选举", Outcome: Pass, Text: fmt.Sprintf("%s候选人 %d 人、应选 %d 名，差额选举", el.Title, n, el.Seats)})
		case e.Rules.Competitive:
			out = append(out, Item{Name: "差额选举", Outcome: Fail, Text: fmt.Sprintf("%s候选人 %d 人、应选 %d 名，未实行差额选举", el.Title, n, el.Seats)})
		default:
			out = append(out, Item{Name: "差额选举", Outcome: Pass, Text: fmt.Sprintf("%s候选人 %d 人、应选 %d 名，等额选举（本组织规则允许）", el.Title, n, el.Seats)})
		}
	}
	return out
}

func pct(f float64) string { return fmt.Sprintf("%g%%", f) }
