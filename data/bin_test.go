package data

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"time"
)

func TestRecycleBinRestoresWhatWentTogether(t *testing.T) {
	tick := fixedNow()
	s, err := Open(testConfig(t, func() time.Time { tick = tick.Add(time.Second); return tick }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	union := mustSaveOrg(t, s, Organization{Name: "校学生会", Kind: KindSchoolUnion})
	for _, name := range []string{"宣传部", "学习部"} {
		d := Department{OrganizationID: union.ID, Name: name, Status: StatusActive}
		if err := s.SaveDepartment(&d); err != nil {
			t.Fatal(err)
		}
	}
	depts, _ := s.Departments(union.ID)
	if err := s.DeleteDepartment(depts[1].ID); err != nil { // deleted on its own, earlier
		t.Fatal(err)
	}
	if err := s.DeleteOrganization(union.ID); err != nil {
		t.Fatal(err)
	}
	bin, err := s.Bin()
	if err != nil {
		t.Fatal(err)
	}
	if len(bin) != 2 || bin[0].Entity != "organizations" || bin[1].Label != "学习部" {
		t.Fatalf("bin %+v", bin)
	}
	if err := s.RestoreFromBin("organizations", union.ID); err != nil {
		t.Fatal(err)
	}
	back, _ := s.Departments(union.ID)
	if len(back) != 1 || back[0].Name != "宣传部" {
		t.Fatalf("restored with its department only: %+v", back)
	}
	if bin, _ := s.Bin(); len(bin) != 1 {
		t.Fatalf("bin after restore %+v", bin)
	}
}

// TestPurgeLeavesNoTrace deletes a person for good and looks for their
// name in the bytes of the data file.
func TestPurgeLeavesNoTrace(t *testing.T) {
	s := newFileStore(t)
	const marker = "独一无二的名字甲乙丙"
	p := Person{StudentNo: "2020777", Name: marker}
	if err := s.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	org := mustSaveOrg(t, s, Organization{Name: "书法协会", Kind: KindClub})
	a := Appointment{PersonID: p.ID, OrganizationID: org.ID, Post: "会长", StartOn: NewDate(2020, 9, 1)}
	if err := s.SaveAppointment(&a); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Appointment(a.ID); !errors.Is(err, ErrNotFound) {
		t.Fatal("the term stayed when its person went to the bin")
	}
	if _, err := s.Purge("people", p.ID); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte(marker)) {
		t.Fatal("the purged name is still in the data file")
	}
	if _, err := s.PersonByStudentNo("2020777"); !errors.Is(err, ErrNotFound) {
		t.Fatal("purged person still there")
	}
}
