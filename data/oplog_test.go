package data

import (
	"errors"
	"testing"
)

func TestOperationLogRecordsEveryChange(t *testing.T) {
	s := newTestStore(t)
	s.SetOperator("张老师")
	league := mustSaveOrg(t, s, Organization{Name: "校团委", Kind: KindLeague})
	league.TeacherName = "林振华"
	if err := s.SaveOrganization(&league); err != nil {
		t.Fatal(err)
	}
	d := Department{OrganizationID: league.ID, Name: "宣传部", Status: StatusActive}
	if err := s.SaveDepartment(&d); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDepartment(d.ID); err != nil {
		t.Fatal(err)
	}
	logs, err := s.OpLogs(OpLogFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range logs {
		got = append(got, l.Action+" "+l.Entity+" "+l.Summary)
		if l.Operator != "张老师" || l.RecordID == 0 {
			t.Errorf("line %+v", l)
		}
	}
	want := []string{"delete departments ", "create departments 宣传部", "update organizations 校团委", "create organizations 校团委"}
	if len(got) != len(want) {
		t.Fatalf("log %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestSecondSaveOfTheSameRecordIsRefused(t *testing.T) {
	// Two windows, or on a server two offices, with the same record open.
	cfg := testConfig(t, nil)
	a, b := mustOpen(t, cfg), mustOpen(t, cfg)
	p := Person{StudentNo: "2020001", Name: "陈思远"}
	if err := a.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	inA, _ := a.Person(p.ID)
	inB, _ := b.Person(p.ID)
	inA.Phone = "13800138000"
	if err := a.SavePerson(&inA); err != nil {
		t.Fatal(err)
	}
	inB.Phone = "13900139000"
	if err := b.SavePerson(&inB); !errors.Is(err, ErrConflict) {
		t.Fatalf("second window's save: %v", err)
	}
	stored, _ := a.Person(p.ID)
	if stored.Phone != "13800138000" || stored.Version != 2 {
		t.Fatalf("stored %+v", stored)
	}
}
