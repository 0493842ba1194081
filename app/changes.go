package app

import "sync"

// Kind is a kind of record as the screens show them: a screen names the
// kinds it shows and is told when one of them was written.
type Kind string

// Kinds of record.
const (
	KindOrganizations Kind = "organizations" // organizations and their departments
	KindPeople        Kind = "people"        // people with their terms, exits and 推优
	KindAssessments   Kind = "assessments"
	KindSessions      Kind = "sessions"   // trainings, meetings and attendance
	KindLedger        Kind = "ledger"     // rectification items, their progress and evidence
	KindSelections    Kind = "selections" // selection rounds and candidates
	KindSettings      Kind = "settings"   // settings, assessment weights and reform rule sets
)

// AllKinds lists every kind, for screens that show a little of everything.
var AllKinds = []Kind{KindOrganizations, KindPeople, KindAssessments, KindSessions, KindLedger, KindSelections, KindSettings}

// tableKinds says which kind each table's rows are.
var tableKinds = map[string]Kind{
	"organizations": KindOrganizations, "departments": KindOrganizations,
	"people": KindPeople, "appointments": KindPeople, "exits": KindPeople, "recommendations": KindPeople,
	"assessments": KindAssessments, "reviews": KindAssessments, "review_panelists": KindAssessments, "review_reporters": KindAssessments,
	"trainings": KindSessions, "meetings": KindSessions, "attendance": KindSessions,
	"congress_quotas": KindSessions, "congress_delegates": KindSessions, "congress_elections": KindSessions,
	"congress_candidates": KindSessions, "congress_proposals": KindSessions,
	"rectifications": KindLedger, "rectification_logs": KindLedger, "evidence_files": KindLedger,
	"selection_rounds": KindSelections, "candidates": KindSelections, "publicities": KindSelections, "objections": KindSelections,
	"settings": KindSettings, "rule_sets": KindSettings, "rules": KindSettings, "conclusions": KindSettings,
}

// Kinds is a set of kinds of record.
type Kinds map[Kind]bool

// Any reports whether the set holds one of of.
func (k Kinds) Any(of ...Kind) bool {
	for _, kind := range of {
		if k[kind] {
			return true
		}
	}
	return false
}

// Changes is the one notice of change: every write through the store, from
// a form, a delete, the recycle bin, an import or the sample, tells its
// subscribers which kinds of record it changed. The store reports each
// statement as it runs; writes inside InTransaction are held until the
// outermost one ends, so that a long import is told once, when it is done.
type Changes struct {
	mu   sync.Mutex
	open int   // InTransaction calls under way
	held Kinds // written inside them
	subs []*subscriber
}

type subscriber struct {
	later   func(func())
	fn      func(Kinds)
	pending Kinds
	waiting bool // a delivery is on its way
}

// Subscribe has fn told the kinds written. The store reports a write while
// it runs, before it has committed, so fn is not called there: later(run)
// must call run once the current work is done (in the window: on the UI
// goroutine, after the event that wrote). Writes reported before run is
// called are gathered into one call. cancel ends the subscription.
func (c *Changes) Subscribe(later func(run func()), fn func(Kinds)) (cancel func()) {
	sub := &subscriber{later: later, fn: fn}
	c.mu.Lock()
	c.subs = append(c.subs, sub)
	c.mu.Unlock()
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		for i, s := range c.subs {
			if s == sub {
				c.subs = append(c.subs[:i], c.subs[i+1:]...)
				return
			}
		}
	}
}

// note takes a table the store wrote to.
func (c *Changes) note(table string) {
	kind, ok := tableKinds[table]
	if !ok {
		return
	}
	c.mu.Lock()
	if c.open > 0 {
		if c.held == nil {
			c.held = Kinds{}
		}
		c.held[kind] = true
		c.mu.Unlock()
		return
	}
	runs := c.tell(Kinds{kind: true})
	c.mu.Unlock()
	schedule(runs)
}

// begin and end bracket an InTransaction.
func (c *Changes) begin() {
	c.mu.Lock()
	c.open++
	c.mu.Unlock()
}

func (c *Changes) end() {
	c.mu.Lock()
	var runs []func()
	if c.open--; c.open == 0 && len(c.held) > 0 {
		runs = c.tell(c.held)
		c.held = nil
	}
	c.mu.Unlock()
	schedule(runs)
}

// tell adds kinds to every subscriber's pending set and returns the
// deliveries to schedule once c.mu is released; c.mu is held.
func (c *Changes) tell(kinds Kinds) []func() {
	var runs []func()
	for _, sub := range c.subs {
		if sub.pending == nil {
			sub.pending = Kinds{}
		}
		for k := range kinds {
			sub.pending[k] = true
		}
		if !sub.waiting {
			sub.waiting = true
			runs = append(runs, func() { sub.later(func() { c.deliver(sub) }) })
		}
	}
	return runs
}

func schedule(runs []func()) {
	for _, run := range runs {
		run()
	}
}

func (c *Changes) deliver(sub *subscriber) {
	c.mu.Lock()
	kinds := sub.pending
	sub.pending, sub.waiting = nil, false
	c.mu.Unlock()
	if len(kinds) > 0 {
		sub.fn(kinds)
	}
}
