package importer

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"tuanxue/app"
	"tuanxue/data"
)

// ErrBadMap is a --map whose organization on record does not exist or is
// not one organization.
var ErrBadMap = errors.New("--map 写得不对")

// orgRef is the organization a row names: one on record (ID set) or one
// the plan creates (ID 0).
type orgRef struct {
	ID     uint
	Name   string
	Kind   string
	Status string
}

func refOf(o app.Organization) orgRef { return orgRef{o.ID, o.Name, o.Kind, o.Status} }

// orgIndex finds the organizations a file names by their normalized names
// (orgKey), asks about the names it does not know (Unknown), and plans the
// ones to create.
type orgIndex struct {
	svc       *app.Service
	tree      app.OrgTree
	opts      Options
	school    string                        // key of the school's name, from the settings
	byKey     map[string][]app.Organization // every living organization
	depts     map[uint][]app.Department
	created   []NewOrg
	unknowns  []*Unknown
	unknownOf map[string]*Unknown         // by key
	mapTo     map[string]app.Organization // --map, by the key of the file's name
	mapFrom   map[string]string           // key → the name as --map wrote it
	mapUsed   map[string]bool
	choices   map[string]Choice // by key
}

func newOrgIndex(svc *app.Service, opts Options) (*orgIndex, error) {
	tree, err := svc.OrgTree()
	if err != nil {
		return nil, err
	}
	settings, err := svc.Settings()
	if err != nil {
		return nil, err
	}
	x := &orgIndex{svc: svc, tree: tree, opts: opts, school: orgKey(settings.SchoolName),
		byKey: map[string][]app.Organization{}, depts: map[uint][]app.Department{},
		unknownOf: map[string]*Unknown{}, mapTo: map[string]app.Organization{}, mapFrom: map[string]string{},
		mapUsed: map[string]bool{}, choices: map[string]Choice{}}
	tree.Walk(func(o app.Organization, _ int) {
		k := orgKey(o.Name)
		x.byKey[k] = append(x.byKey[k], o)
	})
	for k, os := range x.byKey { // active ones first
		slices.SortStableFunc(os, func(a, b app.Organization) int { return activeRank(a) - activeRank(b) })
		x.byKey[k] = os
	}
	for from, to := range opts.Map {
		if err := x.addMap(from, to); err != nil {
			return nil, err
		}
	}
	for name, c := range opts.Choices {
		x.choices[orgKey(name)] = c
	}
	return x, nil
}

func activeRank(o app.Organization) int {
	if o.Status == data.StatusActive {
		return 0
	}
	return 1
}

func (x *orgIndex) addMap(from, to string) error {
	k := orgKey(from)
	if k == "" || orgKey(to) == "" {
		return fmt.Errorf("%w：请写成 --map \"名册中的名称=已有名称\"", ErrBadMap)
	}
	found := x.active(orgKey(to))
	switch len(found) {
	case 0:
		hint := ""
		if c := x.similar(orgKey(to), x.guessKind(to, "")); len(c) > 0 {
			hint = "，是不是" + orgNames(c) + "？"
		}
		return fmt.Errorf("%w：%s不是已有的组织%s", ErrBadMap, Quote(to), hint)
	case 1:
	default:
		return fmt.Errorf("%w：有 %d 个组织都叫%s", ErrBadMap, len(found), Quote(to))
	}
	x.mapTo[k], x.mapFrom[k] = found[0], from
	return nil
}

// active lists the active organizations with key k.
func (x *orgIndex) active(k string) []app.Organization {
	var out []app.Organization
	for _, o := range x.byKey[k] {
		if o.Status == data.StatusActive {
			out = append(out, o)
		}
	}
	return out
}

// UnusedMaps lists the names given to --map that no row of the file names.
func (x *orgIndex) unusedMaps() []string {
	var out []string
	for k, from := range x.mapFrom {
		if !x.mapUsed[k] {
			out = append(out, from)
		}
	}
	slices.Sort(out)
	return out
}

// find returns the organization a row names, or why the row is refused.
func (x *orgIndex) find(line int, name, kindText string) (orgRef, string) {
	k := orgKey(name)
	if k == "" {
		return orgRef{}, "所属组织只有空白或看不见的字符"
	}
	if o, ok := x.mapTo[k]; ok {
		x.mapUsed[k] = true
		u := x.unknown(k, name, kindText, line)
		u.Choice = Choice{Action: ChoiceMap, OrgID: o.ID}
		return refOf(o), ""
	}
	if found := x.byKey[k]; len(found) > 0 {
		if active := x.active(k); len(active) > 1 {
			return orgRef{}, fmt.Sprintf("有 %d 个组织都叫%s，请写全称", len(active), Quote(name))
		}
		return refOf(found[0]), "" // an organization no longer active is fine for an ended term
	}
	u := x.unknown(k, name, kindText, line)
	switch u.Choice.Action {
	case ChoiceMap:
		o, _ := x.tree.Get(u.Choice.OrgID)
		return refOf(o), ""
	case ChoiceCreate:
		if u.Invalid != "" {
			return orgRef{}, fmt.Sprintf("新建组织%s：%s", Quote(u.Name), u.Invalid)
		}
		return orgRef{Name: u.Name, Kind: u.Created.Kind, Status: data.StatusActive}, ""
	case ChoiceSkip:
		return orgRef{}, fmt.Sprintf("已选择不导入%s的行", Quote(u.Name))
	}
	return orgRef{}, u.reason()
}

// unknown returns the record of an unknown name, deciding what to do with
// it the first time the file names it.
func (x *orgIndex) unknown(k, name, kindText string, line int) *Unknown {
	if u, ok := x.unknownOf[k]; ok {
		u.Lines = append(u.Lines, line)
		return u
	}
	u := &Unknown{Name: strings.TrimSpace(name), Lines: []int{line}, key: k}
	x.unknownOf[k] = u
	x.unknowns = append(x.unknowns, u)
	if _, mapped := x.mapTo[k]; mapped {
		return u
	}
	u.Guess.Kind = x.guessKind(name, kindText)
	if kindText != "" && u.Guess.Kind == "" {
		u.BadKind = kindText
	}
	u.Candidates = x.similar(k, u.Guess.Kind)
	u.Second, u.secondKind = x.secondOf(k, u.Guess.Kind), u.Guess.Kind
	if u.Second == "" && u.Guess.Kind != data.KindSchoolUnion && x.schoolsOwnUnion(k) {
		u.Second, u.secondKind = x.secondOf(k, data.KindSchoolUnion), data.KindSchoolUnion
		for _, o := range x.similar(k, data.KindSchoolUnion) {
			if o.Kind == data.KindSchoolUnion && !slices.ContainsFunc(u.Candidates, func(c app.Organization) bool { return c.ID == o.ID }) {
				u.Candidates = append([]app.Organization{o}, u.Candidates...)
			}
		}
	}
	if u.Guess.Kind != "" {
		u.Guess.Parent, u.Guess.ParentID = x.parentFor(k, u.Guess.Kind)
	}
	c, chosen := x.choices[k]
	switch {
	case chosen:
	case !x.opts.CreateMissing, u.Guess.Kind == "", u.Second != "":
		return u // a second 校级学生会 is made only by an explicit choice
	case x.opts.AskSimilar && len(u.Candidates) > 0:
		return u
	default:
		c = Choice{Action: ChoiceCreate}
	}
	x.decide(u, c)
	return u
}

// decide applies a choice to an unknown name: a new organization is
// planned and checked by the rules of the organization form here, so that
// writing it cannot fail later and the dry run and the import agree.
func (x *orgIndex) decide(u *Unknown, c Choice) {
	switch c.Action {
	case ChoiceMap:
		if o, ok := x.tree.Get(c.OrgID); !ok || o.Status != data.StatusActive {
			return // gone since the choice was made: undecided
		}
	case ChoiceCreate:
		n := NewOrg{Name: u.Name, Kind: c.Kind}
		if n.Kind == "" {
			n.Kind = u.Guess.Kind
		}
		if n.Kind == "" {
			return
		}
		if c.ParentID != 0 {
			p, _ := x.tree.Get(c.ParentID)
			n.Parent, n.ParentID = p.Name, p.ID
		} else {
			n.Parent, n.ParentID = x.parentFor(u.key, n.Kind)
		}
		u.Created = n
		if u.Invalid = x.checkNew(n); u.Invalid == "" {
			x.created = append(x.created, n)
		}
	case ChoiceSkip:
	default:
		return
	}
	u.Choice = c
}

// checkNew applies the organization form's rules to a planned one; a
// parent the same import creates is taken as valid if its kind fits.
func (x *orgIndex) checkNew(n NewOrg) string {
	d := app.OrgDraft{Name: n.Name, Kind: n.Kind, Status: data.StatusActive, Notes: importNote}
	if n.ParentID != 0 {
		id := n.ParentID
		d.ParentID = &id
	}
	_, v := x.svc.CheckOrganization(d)
	var msgs []string
	newParent := n.ParentID == 0 && n.Parent != ""
	for _, fe := range v {
		if newParent && (fe.Field == "ParentID" || fe.Field == "GuideLeagueID") {
			continue
		}
		msgs = append(msgs, fe.Message)
	}
	if newParent {
		if kind := x.kindOfNew(orgKey(n.Parent)); !slices.Contains(app.AllowedParentKinds(n.Kind), kind) {
			msgs = append(msgs, fmt.Sprintf("%s不能隶属于%s%s", app.TextOf(app.OrgKinds, n.Kind), app.TextOf(app.OrgKinds, kind), Quote(n.Parent)))
		}
	}
	return strings.Join(msgs, "；")
}

const importNote = "由名册导入创建"

func (x *orgIndex) kindOfNew(k string) string {
	for _, n := range x.created {
		if orgKey(n.Name) == k {
			return n.Kind
		}
	}
	return ""
}

// parentFor picks where a new organization sits: a college union under its
// college's 团委 when there is one, clubs under the clubs federation, and
// everything else under the school 团委, which is planned too when the file
// is the first thing a new installation sees. id is 0 for a parent the
// import creates.
func (x *orgIndex) parentFor(k, kind string) (name string, id uint) {
	if kind == data.KindCollegeUnion {
		college, _, _ := strings.Cut(k, "学生会")
		if os := x.active(college + "团委"); len(os) == 1 {
			return os[0].Name, os[0].ID
		}
		if x.kindOfNew(college+"团委") != "" {
			return x.nameOfNew(college + "团委"), 0
		}
	}
	if kind == data.KindClub {
		for _, o := range x.tree.OfKinds(data.KindClubFederation) {
			if o.Status == data.StatusActive {
				return o.Name, o.ID
			}
		}
		for _, n := range x.created {
			if n.Kind == data.KindClubFederation {
				return n.Name, 0
			}
		}
	}
	name, id = x.topLeague()
	if kind == data.KindLeague && orgKey(name) == k {
		return "", 0
	}
	return name, id
}

func (x *orgIndex) nameOfNew(k string) string {
	for _, n := range x.created {
		if orgKey(n.Name) == k {
			return n.Name
		}
	}
	return ""
}

// topLeague is the school 团委: the first top-level 团委 on record, or a new
// one named 校团委.
func (x *orgIndex) topLeague() (string, uint) {
	for _, o := range x.tree.Children(0) {
		if o.Kind == data.KindLeague && o.Status == data.StatusActive {
			return o.Name, o.ID
		}
	}
	const name = "校团委"
	if x.kindOfNew(orgKey(name)) == "" {
		x.created = append([]NewOrg{{Name: name, Kind: data.KindLeague}}, x.created...)
	}
	return name, 0
}

// dept finds a department of an organization on record by its key, an
// active one first.
func (x *orgIndex) dept(orgID uint, k string) (app.Department, bool) {
	ds, ok := x.depts[orgID]
	if !ok {
		ds, _ = x.svc.Departments(orgID)
		x.depts[orgID] = ds
	}
	var found *app.Department
	for i, d := range ds {
		if orgKey(d.Name) != k {
			continue
		}
		if d.Status == data.StatusActive {
			return d, true
		}
		if found == nil {
			found = &ds[i]
		}
	}
	if found != nil {
		return *found, true
	}
	return app.Department{}, false
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
