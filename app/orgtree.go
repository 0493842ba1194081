package app

import (
	"cmp"
	"slices"

	"tuanxue/data"
)

// OrgTree is the organization tree ("一心双环") read in one query.
type OrgTree struct {
	byID     map[uint]Organization
	children map[uint][]uint // parent ID (0 = top level) → children, in display order
}

// OrgTree reads every living organization.
func (s *Service) OrgTree() (OrgTree, error) {
	orgs, err := s.store.Organizations()
	if err != nil {
		return OrgTree{}, err
	}
	return newOrgTree(orgs), nil
}

func newOrgTree(orgs []Organization) OrgTree {
	t := OrgTree{byID: make(map[uint]Organization, len(orgs)), children: map[uint][]uint{}}
	for _, o := range orgs {
		t.byID[o.ID] = o
	}
	for _, o := range orgs {
		p := uint(0)
		if o.ParentID != nil {
			if _, ok := t.byID[*o.ParentID]; ok {
				p = *o.ParentID
			}
		}
		t.children[p] = append(t.children[p], o.ID)
	}
	for _, ids := range t.children {
		slices.SortFunc(ids, t.compare)
	}
	return t
}

// displayOrder ranks the kinds among siblings: under a 团委 come its
// student union, the 二级学院 unions and the clubs federation ("一心双环"),
// then the college committees and their branches.
var displayOrder = []string{
	data.KindSchoolUnion, data.KindCollegeUnion, data.KindClubFederation, data.KindClub,
	data.KindClassCommittee, data.KindLeague, data.KindLeagueBranch,
}

// compare orders siblings: active before closed, then by kind, then by ID
// (the order they were made).
func (t OrgTree) compare(a, b uint) int {
	oa, ob := t.byID[a], t.byID[b]
	return cmp.Or(
		cmp.Compare(closedRank(oa.Status), closedRank(ob.Status)),
		cmp.Compare(kindRank(oa.Kind), kindRank(ob.Kind)),
		cmp.Compare(a, b))
}

func closedRank(status string) int {
	if status == data.StatusActive {
		return 0
	}
	return 1
}

func kindRank(kind string) int { return slices.Index(displayOrder, kind) }

// Get returns the organization with id.
func (t OrgTree) Get(id uint) (Organization, bool) {
	o, ok := t.byID[id]
	return o, ok
}

// Len is the number of organizations.
func (t OrgTree) Len() int { return len(t.byID) }

// Children lists the organizations directly under id (0: the top level).
func (t OrgTree) Children(id uint) []Organization {
	ids := t.children[id]
	out := make([]Organization, len(ids))
	for i, c := range ids {
		out[i] = t.byID[c]
	}
	return out
}

// Walk visits every organization depth-first in display order.
func (t OrgTree) Walk(visit func(o Organization, depth int)) {
	var walk func(id uint, depth int)
	walk = func(id uint, depth int) {
		for _, c := range t.children[id] {
			visit(t.byID[c], depth)
			walk(c, depth+1)
		}
	}
	walk(0, 0)
}

// OfKinds lists organizations of the given kinds in display order.
func (t OrgTree) OfKinds(kinds ...string) []Organization {
	var out []Organization
	t.Walk(func(o Organization, _ int) {
		if slices.Contains(kinds, o.Kind) {
			out = append(out, o)
		}
	})
	return out
}

func (t OrgTree) isDescendantOrSelf(id, ancestor uint) bool {
	for seen := 0; seen <= len(t.byID); seen++ {
		if id == ancestor {
			return true
		}
		o, ok := t.byID[id]
		if !ok || o.ParentID == nil {
			return false
		}
		id = *o.ParentID
	}
	return false // a cycle in stored data; never follow it forever
}

// nearestLeague finds the closest 团委 at or above id.
func (t OrgTree) nearestLeague(id *uint) (Organization, bool) {
	for seen := 0; id != nil && seen <= len(t.byID); seen++ {
		o, ok := t.byID[*id]
		if !ok {
			break
		}
		if o.Kind == data.KindLeague {
			return o, true
		}
		id = o.ParentID
	}
	return Organization{}, false
}

func (t OrgTree) siblingNamed(o Organization) bool {
	p := uint(0)
	if o.ParentID != nil {
		p = *o.ParentID
	}
	for _, c := range t.Children(p) {
		if c.ID != o.ID && c.Name == o.Name && c.Status == data.StatusActive {
			return true
		}
	}
	return false
}

func (t OrgTree) activeChildren(id uint) int {
	n := 0
	for _, c := range t.Children(id) {
		if c.Status == data.StatusActive {
			n++
		}
	}
	return n
}

// LeagueOf names the 团委 an organization belongs to: the closest one at or
// above it, or the organization itself when none is.
func (t OrgTree) LeagueOf(id uint) string {
	if l, ok := t.nearestLeague(&id); ok {
		return l.Name
	}
	return t.byID[id].Name
}
