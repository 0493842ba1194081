package data

import (
	"errors"
	"testing"
)

// officeRecords is one of each record a form edits besides people,
// organizations, sessions and rectification items, saved in office a.
type officeRecords struct {
	person      Person
	dept        Department
	appointment Appointment
	round       SelectionRound
	candidate   Candidate
	rec         Recommendation
}

func saveOfficeRecords(t *testing.T, s *Store) officeRecords {
	t.Helper()
	var r officeRecords
	league := mustSaveOrg(t, s, Organization{Name: "校团委", Kind: KindLeague})
	union := mustSaveOrg(t, s, Organization{Name: "校学生会", Kind: KindSchoolUnion, ParentID: &league.ID})
	r.person = Person{StudentNo: "2020001", Name: "陈思远"}
	r.dept = Department{OrganizationID: union.ID, Name: "宣传部", Status: StatusActive}
	for _, err := range []error{s.SavePerson(&r.person), s.SaveDepartment(&r.dept)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	r.appointment = Appointment{PersonID: r.person.ID, OrganizationID: union.ID, DepartmentID: &r.dept.ID, Post: "干事",
		StartOn: NewDate(2020, 9, 10), SelectedBy: SelectedByOther}
	r.round = SelectionRound{OrganizationID: union.ID, Semester: "2020-2021-1", Kind: RoundRecruitment, Title: "2020年招新",
		HeldOn: NewDate(2020, 9, 20)}
	for _, err := range []error{s.SaveAppointment(&r.appointment), s.SaveRound(&r.round)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	r.candidate = Candidate{RoundID: r.round.ID, PersonID: r.person.ID, DepartmentID: &r.dept.ID, Post: "干事", Result: ResultPending}
	r.rec = Recommendation{PersonID: r.person.ID, Branch: "20级机电1班团支部", HeldOn: NewDate(2020, 10, 10), Stage: "团支部推荐"}
	for _, err := range []error{s.SaveCandidate(&r.candidate), s.SaveRecommendation(&r.rec)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// Two offices read the same record at one version; the first save goes
// through, the second is refused with ErrConflict and the first one stays.
func TestSecondSaveOfEveryFormRecordIsRefused(t *testing.T) {
	cfg := testConfig(t, fixedNow)
	a, b := mustOpen(t, cfg), mustOpen(t, cfg)
	r := saveOfficeRecords(t, a)
	refused := func(t *testing.T, first, second error) {
		t.Helper()
		if first != nil {
			t.Fatalf("first office's save: %v", first)
		}
		if !errors.Is(second, ErrConflict) {
			t.Fatalf("second office's save: %v, want ErrConflict", second)
		}
	}

	t.Run("department", func(t *testing.T) {
		inA, _ := a.Department(r.dept.ID)
		inB, _ := b.Department(r.dept.ID)
		inA.Duties, inB.Duties = "宣传栏", "公众号"
		refused(t, a.SaveDepartment(&inA), b.SaveDepartment(&inB))
		if stored, _ := b.Department(r.dept.ID); stored.Duties != "宣传栏" || stored.Version != 2 {
			t.Fatalf("stored %+v", stored)
		}
	})
	t.Run("appointment", func(t *testing.T) {
		inA, _ := a.Appointment(r.appointment.ID)
		inB, _ := b.Appointment(r.appointment.ID)
		inA.Notes, inB.Notes = "换届留任", "另一份备注"
		refused(t, a.SaveAppointment(&inA), b.SaveAppointment(&inB))
		if stored, _ := b.Appointment(r.appointment.ID); stored.Notes != "换届留任" {
			t.Fatalf("stored %+v", stored)
		}
	})
	t.Run("selection round", func(t *testing.T) {
		inA, _ := a.Round(r.round.ID)
		inB, _ := b.Round(r.round.ID)
		inA.Title, inB.Title = "2020年秋季招新", "2020年招新（补）"
		refused(t, a.SaveRound(&inA), b.SaveRound(&inB))
		if stored, _ := b.Round(r.round.ID); stored.Title != "2020年秋季招新" {
			t.Fatalf("stored %+v", stored)
		}
	})
	t.Run("candidate", func(t *testing.T) {
		inA, _ := a.Candidate(r.candidate.ID)
		inB, _ := b.Candidate(r.candidate.ID)
		inA.RecommendedOn, inB.Result = NewDate(2020, 9, 21), ResultRejected
		refused(t, a.SaveCandidate(&inA), b.SaveCandidate(&inB))
		if stored, _ := b.Candidate(r.candidate.ID); stored.RecommendedOn != NewDate(2020, 9, 21) || stored.Result != ResultPending {
			t.Fatalf("stored %+v", stored)
		}
	})
	t.Run("recommendation", func(t *testing.T) {
		inA, _ := a.RecommendationsOf(r.person.ID)
		inB, _ := b.RecommendationsOf(r.person.ID)
		inA[0].Result, inB[0].Result = "通过", "未通过"
		refused(t, a.SaveRecommendation(&inA[0]), b.SaveRecommendation(&inB[0]))
		if stored, _ := b.RecommendationsOf(r.person.ID); stored[0].Result != "通过" {
			t.Fatalf("stored %+v", stored)
		}
	})
	t.Run("assessment", func(t *testing.T) {
		// Both grids are opened before either office has entered anything:
		// the second one's new row must not replace the first one's.
		pass, fail := 75.0, 50.0
		newA := Assessment{PersonID: r.person.ID, Semester: "2020-2021-1", Total: &pass, Grade: GradePass}
		newB := Assessment{PersonID: r.person.ID, Semester: "2020-2021-1", Total: &fail, Grade: GradeFail}
		refused(t, a.SaveAssessments([]Assessment{newA}), b.SaveAssessments([]Assessment{newB}))
		// Then both open the entered row and change it.
		inA, _ := a.AssessmentsIn("2020-2021-1", []uint{r.person.ID})
		inB, _ := b.AssessmentsIn("2020-2021-1", []uint{r.person.ID})
		editA, editB := inA[r.person.ID], inB[r.person.ID]
		editA.Comments, editB.Comments = "工作认真", "多次缺席"
		refused(t, a.SaveAssessments([]Assessment{editA}), b.SaveAssessments([]Assessment{editB}))
		stored, _ := b.AssessmentsOf(r.person.ID)
		if len(stored) != 1 || stored[0].Grade != GradePass || stored[0].Comments != "工作认真" || stored[0].Version != 2 {
			t.Fatalf("stored %+v", stored)
		}
	})
	t.Run("exit", func(t *testing.T) {
		// Both offices end the same running term from the same reading of it.
		inA, _ := a.Appointment(r.appointment.ID)
		inB, _ := b.Appointment(r.appointment.ID)
		exitA := Exit{AppointmentID: inA.ID, PersonID: r.person.ID, ExitOn: NewDate(2020, 10, 1), Reason: ExitResigned,
			AppointmentVersion: inA.Version}
		exitB := Exit{AppointmentID: inB.ID, PersonID: r.person.ID, ExitOn: NewDate(2020, 10, 8), Reason: ExitAcademic,
			AppointmentVersion: inB.Version}
		refused(t, a.RecordExits([]Exit{exitA}), b.RecordExits([]Exit{exitB}))
		exits, _ := b.ExitsOf(r.person.ID)
		ended, _ := b.Appointment(r.appointment.ID)
		if len(exits) != 1 || exits[0].Reason != ExitResigned || exits[0].Version != 1 || ended.EndOn != NewDate(2020, 10, 1) {
			t.Fatalf("exits %+v, term %+v", exits, ended)
		}
		// The term's own form, read before the exit, no longer saves over it.
		inB.Notes = "留任"
		if err := b.SaveAppointment(&inB); !errors.Is(err, ErrConflict) {
			t.Fatalf("a term saved over its exit: %v", err)
		}
	})
}

// Actions that change a record without its form (merging departments,
// admitting a candidate) give it a new version too, so a form read before
// them is refused.
func TestActionsOnARecordChangeItsVersion(t *testing.T) {
	s := newTestStore(t)
	r := saveOfficeRecords(t, s)
	media := Department{OrganizationID: r.dept.OrganizationID, Name: "新媒体中心", Status: StatusActive}
	if err := s.SaveDepartment(&media); err != nil {
		t.Fatal(err)
	}
	from, _ := s.Department(media.ID)
	into, _ := s.Department(r.dept.ID)
	if err := s.MergeDepartments(media.ID, r.dept.ID, NewDate(2020, 10, 1), "宣传栏、公众号"); err != nil {
		t.Fatal(err)
	}
	from.Notes, into.Notes = "改名前", "合并前"
	if err := s.SaveDepartment(&from); !errors.Is(err, ErrConflict) {
		t.Fatalf("merged department saved over: %v", err)
	}
	if err := s.SaveDepartment(&into); !errors.Is(err, ErrConflict) {
		t.Fatalf("department merged into saved over: %v", err)
	}

	term, _ := s.Appointment(r.appointment.ID)
	term.EndOn = NewDate(2021, 1, 15)
	if err := s.SaveAppointment(&term); err != nil {
		t.Fatal(err)
	}
	c, _ := s.Candidate(r.candidate.ID)
	if err := s.Admit(c.ID, &Appointment{PersonID: r.person.ID, OrganizationID: r.dept.OrganizationID, DepartmentID: &media.ID,
		Post: "干事", StartOn: NewDate(2021, 3, 1), SelectedBy: SelectedByRound}); err != nil {
		t.Fatal(err)
	}
	c.Result = ResultRejected
	if err := s.SaveCandidate(&c); !errors.Is(err, ErrConflict) {
		t.Fatalf("candidate saved over its admission: %v", err)
	}
}
