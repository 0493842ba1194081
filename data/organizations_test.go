package data

import (
	"errors"
	"strings"
	"testing"
)

func mustSaveOrg(t *testing.T, s *Store, o Organization) Organization {
	t.Helper()
	if o.Status == "" {
		o.Status = StatusActive
	}
	if err := s.SaveOrganization(&o); err != nil {
		t.Fatalf("save %s: %v", o.Name, err)
	}
	return o
}

func TestOrganizationRoundTripStoresDatesAsText(t *testing.T) {
	s := newFileStore(t)
	league := mustSaveOrg(t, s, Organization{Name: "校团委", Kind: KindLeague})
	union := mustSaveOrg(t, s, Organization{Name: "校学生会", Kind: KindSchoolUnion,
		ParentID: &league.ID, GuideLeagueID: &league.ID, TeacherName: "陈老师",
		TeacherPhone: "13800138000", FoundedOn: NewDate(2005, 9, 1)})

	got, err := s.Organization(union.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "校学生会" || got.FoundedOn != NewDate(2005, 9, 1) || *got.ParentID != league.ID {
		t.Fatalf("read back %+v", got)
	}
	var raw, typ string
	s.db.Raw("SELECT founded_on, typeof(founded_on) FROM organizations WHERE id = ?", union.ID).Row().Scan(&raw, &typ)
	if raw != "2005-09-01" || typ != "text" {
		t.Fatalf("founded_on stored as %s %q, want text 2005-09-01", typ, raw)
	}
	var nullCount int
	s.db.Raw("SELECT count(*) FROM organizations WHERE status_on IS NULL").Scan(&nullCount)
	if nullCount != 2 {
		t.Fatalf("unset dates should be NULL, %d rows have NULL status_on", nullCount)
	}
}

func TestSiblingNamesAreUnique(t *testing.T) {
	s := newTestStore(t)
	a := mustSaveOrg(t, s, Organization{Name: "机电工程学院团委", Kind: KindLeague})
	b := mustSaveOrg(t, s, Organization{Name: "信息工程学院团委", Kind: KindLeague})
	mustSaveOrg(t, s, Organization{Name: "学生会", Kind: KindCollegeUnion, ParentID: &a.ID})
	// The same name under another parent is fine.
	mustSaveOrg(t, s, Organization{Name: "学生会", Kind: KindCollegeUnion, ParentID: &b.ID})

	dup := Organization{Name: "学生会", Kind: KindCollegeUnion, ParentID: &a.ID, Status: StatusActive}
	if err := s.SaveOrganization(&dup); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("duplicate sibling: err = %v, want ErrDuplicate", err)
	}
	// A dissolved namesake does not block a new one.
	old := Organization{Name: "书法协会", Kind: KindClub, ParentID: &a.ID, Status: StatusDissolved, StatusOn: NewDate(2019, 6, 30)}
	mustSaveOrg(t, s, old)
	mustSaveOrg(t, s, Organization{Name: "书法协会", Kind: KindClub, ParentID: &a.ID})
}

func TestDeleteOrganization(t *testing.T) {
	s := newTestStore(t)
	league := mustSaveOrg(t, s, Organization{Name: "校团委", Kind: KindLeague})
	union := mustSaveOrg(t, s, Organization{Name: "校学生会", Kind: KindSchoolUnion, ParentID: &league.ID})
	dept := Department{OrganizationID: union.ID, Name: "宣传部", Status: StatusActive}
	if err := s.SaveDepartment(&dept); err != nil {
		t.Fatal(err)
	}

	if err := s.DeleteOrganization(league.ID); !errors.Is(err, ErrInUse) {
		t.Fatalf("deleting a parent: err = %v, want ErrInUse", err)
	}
	if err := s.DeleteOrganization(union.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Organization(union.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted organization still readable: %v", err)
	}
	if _, err := s.Department(dept.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("department of a deleted organization still readable: %v", err)
	}
	// Both rows are kept for the recycle bin, stamped alike.
	var stamps []string
	s.db.Raw("SELECT deleted_at FROM organizations WHERE id = ? UNION ALL SELECT deleted_at FROM departments WHERE id = ?",
		union.ID, dept.ID).Scan(&stamps)
	if len(stamps) != 2 || stamps[0] == "" || stamps[0] != stamps[1] {
		t.Fatalf("deleted_at stamps %q, want two equal stamps", stamps)
	}
	if err := s.DeleteOrganization(union.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting twice: err = %v, want ErrNotFound", err)
	}
	if err := s.DeleteOrganization(league.ID); err != nil {
		t.Fatalf("parent deletable once its child is gone: %v", err)
	}
}

func TestMergeDepartmentsKeepsHistory(t *testing.T) {
	s := newTestStore(t)
	union := mustSaveOrg(t, s, Organization{Name: "校学生会", Kind: KindSchoolUnion})
	save := func(name string, order int) Department {
		d := Department{OrganizationID: union.ID, Name: name, SortOrder: order, Status: StatusActive}
		if err := s.SaveDepartment(&d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	media := save("新媒体中心", 1)
	publicity := save("宣传部", 2)
	save("学习部", 3)

	if err := s.MergeDepartments(media.ID, publicity.ID, NewDate(2020, 6, 15), "宣传、新媒体运营"); err != nil {
		t.Fatal(err)
	}
	ds, err := s.Departments(union.ID)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range ds {
		names = append(names, d.Name+"/"+d.Status)
	}
	want := "宣传部/active 学习部/active 新媒体中心/merged"
	if got := strings.Join(names, " "); got != want {
		t.Fatalf("departments %q, want %q", got, want)
	}
	merged := ds[2]
	if *merged.MergedIntoID != publicity.ID || merged.StatusOn != NewDate(2020, 6, 15) {
		t.Fatalf("merged department %+v", merged)
	}
	if ds[0].Duties != "宣传、新媒体运营" {
		t.Fatalf("duties of the merged-into department = %q", ds[0].Duties)
	}
	if err := s.MergeDepartments(media.ID, publicity.ID, NewDate(2020, 7, 1), ""); !errors.Is(err, ErrNotFound) {
		t.Fatalf("merging an already merged department: %v", err)
	}
}
