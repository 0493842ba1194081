package app

import (
	"slices"
	"testing"

	"tuanxue/data"
)

// TestAnExitTakesEffectOnItsDay: someone who leaves today is no longer in
// post today: not 在任, not 建议退出, not counted, but 已离任; their form
// no longer says 建议退出.
func TestAnExitTakesEffectOnItsDay(t *testing.T) {
	s, p, union, dept := cadreFixture(t)
	p.FailedCourses = 2 // flagged: 建议退出
	d := PersonDraftOf(p)
	if _, err := s.SavePerson(d); err != nil {
		t.Fatal(err)
	}
	a, err := s.SaveAppointment(AppointmentDraft{PersonID: p.ID, OrganizationID: union.ID, DepartmentID: &dept.ID,
		Post: PostStaff, StartOn: "2020-09-10"})
	if err != nil {
		t.Fatal(err)
	}
	sem := SemesterAt(s.Today().Time())
	roster := func(status string) []uint {
		ids, err := s.RosterIDs(RosterFilter{Status: status, From: sem.Start(), To: sem.End(), Semester: sem.String()})
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	if !slices.Contains(roster(data.RosterFlagged), a.ID) || slices.Contains(roster(data.RosterLeft), a.ID) {
		t.Fatal("before the exit: not 建议退出, or already 已离任")
	}
	if f, _ := s.PersonFile(p.ID); len(f.ExitReasons) == 0 {
		t.Fatal("before the exit the form does not say 建议退出")
	}
	before, _ := s.Store().HeadcountOn(s.Today())

	if err := s.RecordExit(ExitDraft{PersonID: p.ID, AppointmentIDs: []uint{a.ID}, On: s.Today().String(),
		Reason: data.ExitAcademic}); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(roster(data.RosterInPost), a.ID) {
		t.Error("still 在任 after an exit dated today")
	}
	if slices.Contains(roster(data.RosterFlagged), a.ID) {
		t.Error("still 建议退出 after an exit dated today")
	}
	if !slices.Contains(roster(data.RosterLeft), a.ID) {
		t.Error("not 已离任 after an exit dated today")
	}
	if after, _ := s.Store().HeadcountOn(s.Today()); after.InPost != before.InPost-1 {
		t.Errorf("counted in post today: %d, was %d", after.InPost, before.InPost)
	}
	f, _ := s.PersonFile(p.ID)
	if len(f.ExitReasons) != 0 {
		t.Errorf("the form still says 建议退出：%v", f.ExitReasons)
	}
	if got := f.Appointments[0].EndOn.String(); got != "2020-10-14" {
		t.Errorf("the term's last day is %s, want the day before the exit", got)
	}
	if f.Exits[0].ExitOn.String() != "2020-10-15" {
		t.Errorf("the exit is dated %s", f.Exits[0].ExitOn)
	}

	// A past semester still lists who served in it; a day before the exit
	// still has them in post.
	day, _ := data.ParseDate("2020-10-14")
	ids, _ := s.RosterIDs(RosterFilter{Status: data.RosterInPost, From: day, To: day})
	if !slices.Contains(ids, a.ID) {
		t.Error("not in post on the day before the exit")
	}
}

// TestATermEndingLaterIsStillInPost: a term whose planned end is still to
// come is 在任 and not yet 已离任.
func TestATermEndingLaterIsStillInPost(t *testing.T) {
	s, p, union, dept := cadreFixture(t)
	a, err := s.SaveAppointment(AppointmentDraft{PersonID: p.ID, OrganizationID: union.ID, DepartmentID: &dept.ID,
		Post: PostStaff, StartOn: "2020-09-10", EndOn: "2020-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	sem := SemesterAt(s.Today().Time())
	in, _ := s.RosterIDs(RosterFilter{Status: data.RosterInPost, From: sem.Start(), To: sem.End()})
	left, _ := s.RosterIDs(RosterFilter{Status: data.RosterLeft, From: sem.Start(), To: sem.End()})
	if !slices.Contains(in, a.ID) || slices.Contains(left, a.ID) {
		t.Fatalf("a term ending 2020-12-31 on 2020-10-15: 在任 %v, 已离任 %v", slices.Contains(in, a.ID), slices.Contains(left, a.ID))
	}
}
