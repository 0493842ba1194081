package app

import (
	"strings"
	"testing"

	"tuanxue/data"
	"tuanxue/data/pgtest"
)

// twoOffices opens one store twice, in the PostgreSQL pass as two programs
// on one server.
func twoOffices(t *testing.T) (a, b *Service) {
	t.Helper()
	cfg := data.Config{Dir: t.TempDir(), URL: pgtest.Schema(t), Now: testNow}
	open := func() *Service {
		st, err := data.Open(cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return New(st, testNow)
	}
	return open(), open()
}

// refusedAsForPeople fails unless err is refused with the message a second
// office's save of a person gets.
func refusedAsForPeople(t *testing.T, what string, err error) {
	t.Helper()
	if !strings.Contains(Message(err), "另一位老师的电脑上被修改过") {
		t.Fatalf("second office's %s: %v", what, err)
	}
}

// Two offices open the same department, term, selection round, candidate,
// 推优 record, assessment grid and exit dialog; the second save is refused
// with the same message as for a person, and the first one stays.
func TestSecondOfficeSaveOfEveryRecordIsRefused(t *testing.T) {
	a, b := twoOffices(t)
	league := mustOrg(t, a, OrgDraft{Name: "校团委", Kind: data.KindLeague})
	union := mustOrg(t, a, OrgDraft{Name: "校学生会", Kind: data.KindSchoolUnion, ParentID: &league.ID})
	pub, err := a.SaveDepartment(DeptDraft{OrganizationID: union.ID, Name: "宣传部", Status: data.StatusActive})
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.SavePerson(PersonDraft{StudentNo: "2020001", Name: "陈思远"})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("department", func(t *testing.T) {
		inA, inB := DeptDraftOf(pub), DeptDraftOf(pub)
		inA.Duties, inB.Duties = "宣传栏", "公众号"
		if _, err := a.SaveDepartment(inA); err != nil {
			t.Fatal(err)
		}
		_, err := b.SaveDepartment(inB)
		refusedAsForPeople(t, "department save", err)
		if d, _ := b.store.Department(pub.ID); d.Duties != "宣传栏" {
			t.Fatalf("kept %q", d.Duties)
		}
	})
	t.Run("department merge", func(t *testing.T) {
		media, err := a.SaveDepartment(DeptDraft{OrganizationID: union.ID, Name: "新媒体中心", Duties: "公众号", Status: data.StatusActive})
		if err != nil {
			t.Fatal(err)
		}
		into, _ := b.store.Department(pub.ID)
		// Office a edits the duties while office b's merge dialog, which
		// proposes the joined duties, is open.
		d := DeptDraftOf(into)
		d.Duties = "宣传栏、展板"
		if _, err := a.SaveDepartment(d); err != nil {
			t.Fatal(err)
		}
		err = b.MergeDepartments(MergeDraft{FromID: media.ID, FromVersion: media.Version, IntoID: into.ID, IntoVersion: into.Version,
			On: "2020-10-01", Duties: MergedDuties(media, into)})
		refusedAsForPeople(t, "merge", err)
		if d, _ := b.store.Department(media.ID); d.Status != data.StatusActive {
			t.Fatalf("merged anyway: %+v", d)
		}
	})
	term, err := a.SaveAppointment(AppointmentDraft{PersonID: p.ID, OrganizationID: union.ID, DepartmentID: &pub.ID,
		Post: PostStaff, StartOn: "2020-09-10"})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("appointment", func(t *testing.T) {
		read := AppointmentDraft{ID: term.ID, Version: term.Version, PersonID: p.ID, OrganizationID: union.ID,
			DepartmentID: &pub.ID, Post: PostStaff, StartOn: "2020-09-10"}
		inA, inB := read, read
		inA.Post, inB.Notes = PostMinister, "另一份备注"
		if _, err := a.SaveAppointment(inA); err != nil {
			t.Fatal(err)
		}
		_, err := b.SaveAppointment(inB)
		refusedAsForPeople(t, "appointment save", err)
		if stored, _ := b.store.Appointment(term.ID); stored.Post != PostMinister || stored.Notes != "" {
			t.Fatalf("kept %+v", stored)
		}
	})
	t.Run("selection round and candidate", func(t *testing.T) {
		round, err := a.SaveRound(RoundDraft{OrganizationID: union.ID, Semester: "2020-2021-1", Kind: data.RoundRecruitment,
			Title: "2020年招新", HeldOn: "2020-09-20", ScoreItems: DefaultScoreItems})
		if err != nil {
			t.Fatal(err)
		}
		read := RoundDraft{ID: round.ID, Version: round.Version, OrganizationID: union.ID, Semester: round.Semester,
			Kind: round.Kind, Title: round.Title, HeldOn: round.HeldOn.String(), ScoreItems: round.ScoreItems}
		inA, inB := read, read
		inA.Title, inB.Notes = "2020年秋季招新", "改期"
		if _, err := a.SaveRound(inA); err != nil {
			t.Fatal(err)
		}
		_, err = b.SaveRound(inB)
		refusedAsForPeople(t, "round save", err)

		q, _ := a.SavePerson(PersonDraft{StudentNo: "2020002", Name: "林雅婷"})
		c, err := a.SaveCandidate(CandidateDraft{RoundID: round.ID, PersonID: q.ID, DepartmentID: &pub.ID, Post: PostStaff})
		if err != nil {
			t.Fatal(err)
		}
		cA, cB := CandidateDraftOf(c), CandidateDraftOf(c)
		cA.Scores, cB.Scores = map[string]string{"面试": "90"}, map[string]string{"面试": "60"}
		if _, err := a.SaveCandidate(cA); err != nil {
			t.Fatal(err)
		}
		_, err = b.SaveCandidate(cB)
		refusedAsForPeople(t, "candidate save", err)
		if stored, _ := b.store.Candidate(c.ID); CandidateScores(stored)["面试"] != 90 {
			t.Fatalf("kept %+v", stored)
		}
	})
	t.Run("recommendation", func(t *testing.T) {
		r, err := a.SaveRecommendation(RecommendationDraft{PersonID: p.ID, Branch: "20级机电1班团支部", HeldOn: "2020-10-10",
			Stage: RecommendationStages[0], Result: "待定"})
		if err != nil {
			t.Fatal(err)
		}
		read := RecommendationDraft{ID: r.ID, Version: r.Version, PersonID: p.ID, Branch: r.Branch, HeldOn: r.HeldOn.String(),
			Stage: r.Stage, Result: r.Result}
		inA, inB := read, read
		inA.Result, inB.Result = "通过", "未通过"
		if _, err := a.SaveRecommendation(inA); err != nil {
			t.Fatal(err)
		}
		_, err = b.SaveRecommendation(inB)
		refusedAsForPeople(t, "推优 save", err)
		if f, _ := b.PersonFile(p.ID); f.Recommendations[0].Result != "通过" {
			t.Fatalf("kept %+v", f.Recommendations)
		}
	})
	t.Run("assessment grid", func(t *testing.T) {
		sheet := func(s *Service) []SheetRow {
			rows, err := s.AssessmentSheet(union.ID, &pub.ID, Semester{2020, 1})
			if err != nil || len(rows) != 1 {
				t.Fatalf("sheet %+v %v", rows, err)
			}
			return rows
		}
		row := func(r SheetRow, score string) AssessmentDraft {
			d := AssessmentDraft{PersonID: r.PersonID, Name: r.Name, OrganizationID: &union.ID,
				Scores: [4]string{score, score, score, score}}
			if r.Existing != nil {
				d.Version = r.Existing.Version
			}
			return d
		}
		// Both grids opened before anything was entered.
		gridA, gridB := sheet(a), sheet(b)
		if err := a.SaveAssessments("2020-2021-1", []AssessmentDraft{row(gridA[0], "90")}); err != nil {
			t.Fatal(err)
		}
		refusedAsForPeople(t, "first grid", b.SaveAssessments("2020-2021-1", []AssessmentDraft{row(gridB[0], "50")}))
		// Both grids opened again, on the entered row.
		gridA, gridB = sheet(a), sheet(b)
		if err := a.SaveAssessments("2020-2021-1", []AssessmentDraft{row(gridA[0], "85")}); err != nil {
			t.Fatal(err)
		}
		refusedAsForPeople(t, "grid over an entered row", b.SaveAssessments("2020-2021-1", []AssessmentDraft{row(gridB[0], "55")}))
		if as, _ := b.Assessments(p.ID); len(as) != 1 || *as[0].Total != 85 {
			t.Fatalf("kept %+v", as)
		}
	})
	t.Run("exit", func(t *testing.T) {
		fileA, _ := a.PersonFile(p.ID)
		fileB, _ := b.PersonFile(p.ID)
		exit := func(f PersonFile, on, reason string) ExitDraft {
			d := ExitDraft{PersonID: p.ID, On: on, Reason: reason, Versions: map[uint]int{}}
			for _, ap := range f.Appointments {
				d.AppointmentIDs = append(d.AppointmentIDs, ap.ID)
				d.Versions[ap.ID] = ap.Version
			}
			return d
		}
		if err := a.RecordExit(exit(fileA, "2020-10-01", data.ExitResigned)); err != nil {
			t.Fatal(err)
		}
		refusedAsForPeople(t, "exit", b.RecordExit(exit(fileB, "2020-10-08", data.ExitAcademic)))
		if exits, _ := b.Exits(p.ID); len(exits) != 1 || exits[0].Reason != data.ExitResigned {
			t.Fatalf("kept %+v", exits)
		}
	})
}
