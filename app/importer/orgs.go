package importer

import (
	"fmt"
	"slices"
	"strings"

	"tuanxue/app"
	"tuanxue/data"
)

// orgIndex finds the organizations a file names, and plans the ones the
// program does not know yet.
type orgIndex struct {
	svc     *app.Service
	tree    app.OrgTree
	byName  map[string][]app.Organization // active organizations
	depts   map[uint][]app.Department
	created []NewOrg
}

func newOrgIndex(svc *app.Service) (*orgIndex, error) {
	tree, err := svc.OrgTree()
	if err != nil {
		return nil, err
	}
	x := &orgIndex{svc: svc, tree: tree, byName: map[string][]app.Organization{}, depts: map[uint][]app.Department{}}
	tree.Walk(func(o app.Organization, _ int) {
		if o.Status == data.StatusActive {
			x.byName[o.Name] = append(x.byName[o.Name], o)
		}
	})
	return x, nil
}

func (x *orgIndex) isNew(name string) bool {
	return slices.ContainsFunc(x.created, func(n NewOrg) bool { return n.Name == name })
}

func (x *orgIndex) createdOrder() []string {
	out := make([]string, len(x.created))
	for i, n := range x.created {
		out[i] = n.Name
	}
	return out
}

func (x *orgIndex) kindOfNew(name string) string {
	for _, n := range x.created {
		if n.Name == name {
			return n.Kind
		}
	}
	return ""
}

// find returns the organization named name: an existing one, or a planned
// new one (ID 0) when create is set. reason explains a failure.
func (x *orgIndex) find(name, kindText string, create bool) (org app.Organization, reason string) {
	switch found := x.byName[name]; {
	case len(found) == 1:
		return found[0], ""
	case len(found) > 1:
		return org, fmt.Sprintf("有 %d 个组织都叫“%s”，请写全称", len(found), name)
	}
	if kind := x.kindOfNew(name); kind != "" {
		return app.Organization{Name: name, Kind: kind}, ""
	}
	if !create {
		return org, fmt.Sprintf("组织“%s”还没有登记（用 --create-missing 自动创建）", name)
	}
	kind := guessKind(name, kindText)
	if kind == "" {
		if kindText != "" {
			return org, fmt.Sprintf("组织类型“%s”不认识，应为%s之一", kindText, strings.Join(app.Texts(app.OrgKinds), "、"))
		}
		return org, fmt.Sprintf("看不出“%s”是什么组织，请在“组织类型”列注明", name)
	}
	parent := x.parentFor(name, kind) // may plan the school 团委 itself
	if !x.isNew(name) {
		x.created = append(x.created, NewOrg{Name: name, Kind: kind, Parent: parent})
	}
	return app.Organization{Name: name, Kind: kind}, ""
}

// kindWords guess an organization's kind from its name, most specific first.
var kindWords = []struct{ word, kind string }{
	{"团支部", data.KindLeagueBranch},
	{"团委", data.KindLeague},
	{"社团联合会", data.KindClubFederation},
	{"社联", data.KindClubFederation},
	{"班委", data.KindClassCommittee},
	{"学生会", ""}, // school or college union, decided below
	{"协会", data.KindClub},
	{"俱乐部", data.KindClub},
	{"社", data.KindClub},
}

var kindSynonyms = map[string]string{
	"校学生会": data.KindSchoolUnion, "院学生会": data.KindCollegeUnion, "学院学生会": data.KindCollegeUnion,
	"社联": data.KindClubFederation, "社团": data.KindClub, "班委": data.KindClassCommittee,
}

func guessKind(name, kindText string) string {
	if kindText != "" {
		if k := app.CodeOf(app.OrgKinds, kindText); k != "" {
			return k
		}
		return kindSynonyms[kindText]
	}
	for _, w := range kindWords {
		if !strings.Contains(name, w.word) {
			continue
		}
		if w.kind != "" {
			return w.kind
		}
		if strings.Contains(name, "学院") || strings.Contains(name, "系") {
			if !strings.HasPrefix(name, "校") {
				return data.KindCollegeUnion
			}
		}
		return data.KindSchoolUnion
	}
	return ""
}

// parentFor picks where a new organization sits: a college union under its
// college's 团委 when there is one, clubs under the clubs federation, and
// everything else under the school 团委, which is planned too when the file
// is the first thing a new installation sees.
func (x *orgIndex) parentFor(name, kind string) string {
	if kind == data.KindCollegeUnion {
		college, _, _ := strings.Cut(name, "学生会")
		if _, reason := x.existingOrNew(college + "团委"); reason == "" {
			return college + "团委"
		}
	}
	if kind == data.KindClub {
		for _, o := range x.tree.OfKinds(data.KindClubFederation) {
			if o.Status == data.StatusActive {
				return o.Name
			}
		}
		for _, n := range x.created {
			if n.Kind == data.KindClubFederation {
				return n.Name
			}
		}
	}
	top := x.topLeague()
	if kind == data.KindLeague && top == name {
		return ""
	}
	return top
}

func (x *orgIndex) existingOrNew(name string) (string, string) {
	if len(x.byName[name]) == 1 || x.kindOfNew(name) != "" {
		return name, ""
	}
	return "", "missing"
}

// topLeague is the school 团委: the first top-level 团委 on record, or a new
// one named 校团委.
func (x *orgIndex) topLeague() string {
	for _, o := range x.tree.Children(0) {
		if o.Kind == data.KindLeague && o.Status == data.StatusActive {
			return o.Name
		}
	}
	const name = "校团委"
	if x.kindOfNew(name) == "" {
		x.created = append([]NewOrg{{Name: name, Kind: data.KindLeague}}, x.created...)
	}
	return name
}

// dept finds an active department of an existing organization by name.
func (x *orgIndex) dept(org app.Organization, name string) (app.Department, bool) {
	if org.ID == 0 {
		return app.Department{}, false
	}
	ds, ok := x.depts[org.ID]
	if !ok {
		ds, _ = x.svc.Departments(org.ID)
		x.depts[org.ID] = ds
	}
	for _, d := range ds {
		if d.Name == name && d.Status == data.StatusActive {
			return d, true
		}
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
