package app

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"tuanxue/data"
)

// Organization is a stored organization; Department one of its departments.
type (
	Organization = data.Organization
	Department   = data.Department
)

// OrgDraft is the organization form as the teacher filled it in: dates are
// the typed text, everything else already chosen from lists.
type OrgDraft struct {
	ID            uint // zero for a new organization
	Version       int  // as read, so a save over a newer one is refused
	Name          string
	Kind          string
	ParentID      *uint
	GuideLeagueID *uint
	TeacherName   string
	TeacherPhone  string
	FoundedOn     string
	Status        string
	StatusOn      string
	MergedIntoID  *uint
	Notes         string
	// Student unions only.
	StaffCapReason   string
	SecretaryGeneral string
	Students         string
}

// DraftOf fills a form draft from a stored organization.
func DraftOf(o Organization) OrgDraft {
	return OrgDraft{ID: o.ID, Version: o.Version, Name: o.Name, Kind: o.Kind, ParentID: o.ParentID,
		GuideLeagueID: o.GuideLeagueID, TeacherName: o.TeacherName, TeacherPhone: o.TeacherPhone,
		FoundedOn: o.FoundedOn.String(), Status: o.Status, StatusOn: o.StatusOn.String(),
		MergedIntoID: o.MergedIntoID, Notes: o.Notes, StaffCapReason: o.StaffCapReason,
		SecretaryGeneral: o.SecretaryGeneral, Students: countText(o.Students)}
}

func countText(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// allowedParents says under which kinds each kind may sit ("" = top level).
var allowedParents = map[string][]string{
	data.KindLeague:         {"", data.KindLeague},
	data.KindSchoolUnion:    {data.KindLeague},
	data.KindCollegeUnion:   {data.KindLeague, data.KindSchoolUnion},
	data.KindClubFederation: {data.KindLeague, data.KindSchoolUnion},
	data.KindClub:           {data.KindClubFederation, data.KindLeague, data.KindCollegeUnion},
	data.KindClassCommittee: {data.KindCollegeUnion, data.KindLeague},
	data.KindLeagueBranch:   {data.KindLeague},
}

// needsGuide lists the kinds that must name the 团委 guiding them (归口指导).
var needsGuide = []string{data.KindSchoolUnion, data.KindCollegeUnion, data.KindClubFederation}

// HasDepartments reports whether organizations of kind have 工作部门.
func HasDepartments(kind string) bool { return slices.Contains(needsGuide, kind) }

// AllowedParentKinds lists the kinds an organization of kind may sit under.
func AllowedParentKinds(kind string) []string { return allowedParents[kind] }

// CheckOrganization validates a draft against the rules and the current tree
// and returns the record that would be saved. It writes nothing, so the form
// calls it as the teacher types.
func (s *Service) CheckOrganization(d OrgDraft) (Organization, ValidationError) {
	var v ValidationError
	tree, err := s.OrgTree()
	if err != nil {
		v.add("", Message(err))
		return Organization{}, v
	}
	o := Organization{ID: d.ID, Version: d.Version, Kind: d.Kind, ParentID: d.ParentID, GuideLeagueID: d.GuideLeagueID,
		Status: d.Status, MergedIntoID: d.MergedIntoID}
	o.Name = cleanName(&v, "Name", "名称", d.Name, MaxNameLen)
	o.TeacherName = cleanText(&v, "TeacherName", "指导老师姓名", d.TeacherName, 20)
	o.TeacherPhone = cleanPhone(&v, "TeacherPhone", d.TeacherPhone)
	o.Notes = cleanText(&v, "Notes", "备注", d.Notes, MaxNotesLen)
	o.FoundedOn = parseDay(&v, "FoundedOn", "成立日期", d.FoundedOn)
	if HasDepartments(o.Kind) {
		o.StaffCapReason = cleanText(&v, "StaffCapReason", "扩编理由", d.StaffCapReason, 200)
		o.SecretaryGeneral = cleanText(&v, "SecretaryGeneral", "秘书长", d.SecretaryGeneral, 20)
		o.Students = parseCount99999(&v, "Students", "学生人数", d.Students)
	}
	notAfter(&v, "FoundedOn", "成立日期", o.FoundedOn, s.Today())

	if TextOf(OrgKinds, o.Kind) == o.Kind {
		v.add("Kind", "请选择组织类别")
	} else {
		checkParent(&v, tree, o)
		o.GuideLeagueID = checkGuide(&v, tree, o)
		checkChildren(&v, tree, o)
		s.checkKeepsDepartments(&v, o)
	}
	if o.Name != "" && v.For("Name") == "" && o.Status != data.StatusMerged && o.Status != data.StatusDissolved {
		if tree.siblingNamed(o) {
			v.add("Name", fmt.Sprintf("同一上级下已有名为“%s”的组织", o.Name))
		}
	}
	checkOrgStatus(&v, tree, &o, d.StatusOn, s.Today())
	return o, v
}

// SaveOrganization validates the draft and stores it.
func (s *Service) SaveOrganization(d OrgDraft) (Organization, error) {
	o, v := s.CheckOrganization(d)
	if err := v.Err(); err != nil {
		return o, err
	}
	err := s.store.SaveOrganization(&o)
	if errors.Is(err, data.ErrDuplicate) {
		return o, ValidationError{{"Name", fmt.Sprintf("同一上级下已有名为“%s”的组织", o.Name)}}
	}
	owner := o.ID
	if owner == 0 {
		owner = orgOf(o.ParentID)
	}
	return o, s.refused(err, owner)
}

// DeleteOrganization moves an organization and its departments to the
// recycle bin; it refuses while other organizations hang on it.
func (s *Service) DeleteOrganization(id uint) error {
	err := s.refused(s.store.DeleteOrganization(id), id)
	if errors.Is(err, data.ErrInUse) {
		return ValidationError{{"", "它下面还有组织，或有组织由它归口指导。请先删除或移走这些组织。"}}
	}
	return err
}

func checkParent(v *ValidationError, tree OrgTree, o Organization) {
	kindText := TextOf(OrgKinds, o.Kind)
	if o.ParentID == nil {
		if !slices.Contains(allowedParents[o.Kind], "") {
			v.add("ParentID", kindText+"须选择上级组织")
		}
		return
	}
	parent, ok := tree.byID[*o.ParentID]
	switch {
	case !ok:
		v.add("ParentID", "上级组织不存在，可能已被删除")
	case o.ID != 0 && tree.isDescendantOrSelf(parent.ID, o.ID):
		v.add("ParentID", "上级组织不能是它自己或它的下级组织")
	case !slices.Contains(allowedParents[o.Kind], parent.Kind):
		v.add("ParentID", fmt.Sprintf("%s不能隶属于%s“%s”", kindText, TextOf(OrgKinds, parent.Kind), parent.Name))
	case parent.Status != data.StatusActive:
		v.add("ParentID", fmt.Sprintf("上级组织“%s”%s", parent.Name, TextOf(Statuses, parent.Status)))
	}
}

// checkGuide validates the guiding 团委 and, for a union that names none,
// takes the nearest 团委 above it.
func checkGuide(v *ValidationError, tree OrgTree, o Organization) *uint {
	if o.GuideLeagueID == nil {
		if !slices.Contains(needsGuide, o.Kind) {
			return nil
		}
		if league, ok := tree.nearestLeague(o.ParentID); ok {
			return &league.ID
		}
		v.add("GuideLeagueID", "请选择归口指导的团委")
		return nil
	}
	guide, ok := tree.byID[*o.GuideLeagueID]
	switch {
	case !ok:
		v.add("GuideLeagueID", "归口指导的团委不存在，可能已被删除")
	case guide.Kind != data.KindLeague:
		v.add("GuideLeagueID", fmt.Sprintf("“%s”不是团委，不能归口指导", guide.Name))
	case guide.ID == o.ID:
		v.add("GuideLeagueID", "团委不能归口指导它自己")
	}
	return o.GuideLeagueID
}

// checkChildren refuses a change of kind that would leave a child under a
// parent it may not sit under.
func checkChildren(v *ValidationError, tree OrgTree, o Organization) {
	if o.ID == 0 {
		return
	}
	for _, c := range tree.Children(o.ID) {
		if !slices.Contains(allowedParents[c.Kind], o.Kind) {
			v.add("Kind", fmt.Sprintf("下级组织“%s”（%s）不能隶属于%s", c.Name, TextOf(OrgKinds, c.Kind), TextOf(OrgKinds, o.Kind)))
			return
		}
	}
}

// checkKeepsDepartments refuses a change of kind that would strand the
// organization's active departments under a kind that has none.
func (s *Service) checkKeepsDepartments(v *ValidationError, o Organization) {
	if o.ID == 0 || HasDepartments(o.Kind) {
		return
	}
	depts, err := s.store.Departments(o.ID)
	if err != nil {
		v.add("", Message(err))
		return
	}
	if active := CountActive(depts); active > 0 {
		v.add("Kind", fmt.Sprintf("它还有 %d 个工作部门，%s不设工作部门；请先撤销或合并这些部门", active, TextOf(OrgKinds, o.Kind)))
	}
}

func checkOrgStatus(v *ValidationError, tree OrgTree, o *Organization, statusOn string, today data.Date) {
	switch o.Status {
	case data.StatusActive:
		o.StatusOn, o.MergedIntoID = data.Date{}, nil
		return
	case data.StatusMerged, data.StatusDissolved:
	default:
		v.add("Status", "请选择状态")
		return
	}
	label := map[string]string{data.StatusMerged: "合并日期", data.StatusDissolved: "撤销日期"}[o.Status]
	o.StatusOn = parseDay(v, "StatusOn", label, statusOn)
	if o.StatusOn.IsZero() {
		v.add("StatusOn", "请填写"+label)
	}
	notAfter(v, "StatusOn", label, o.StatusOn, today)
	inOrder(v, "StatusOn", "成立日期", label, o.FoundedOn, o.StatusOn)
	if o.ID != 0 {
		if n := tree.activeChildren(o.ID); n > 0 {
			v.add("Status", fmt.Sprintf("它下面还有 %d 个正常运行的组织，请先处理它们", n))
		}
	}
	if o.Status == data.StatusDissolved {
		o.MergedIntoID = nil
		return
	}
	if o.MergedIntoID == nil {
		v.add("MergedIntoID", "请选择并入的组织")
		return
	}
	into, ok := tree.byID[*o.MergedIntoID]
	switch {
	case !ok:
		v.add("MergedIntoID", "并入的组织不存在，可能已被删除")
	case into.ID == o.ID:
		v.add("MergedIntoID", "不能并入它自己")
	case into.Status != data.StatusActive:
		v.add("MergedIntoID", fmt.Sprintf("“%s”%s，不能并入", into.Name, TextOf(Statuses, into.Status)))
	}
}

// DefaultChildKind proposes the kind of a new organization under a parent
// of kind parentKind: the first kind that may sit there.
func DefaultChildKind(parentKind string) string {
	for _, k := range OrgKinds {
		if slices.Contains(allowedParents[k.Code], parentKind) {
			return k.Code
		}
	}
	return ""
}
