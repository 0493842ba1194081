package app

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"

	"tuanxue/data"
	"tuanxue/data/pgtest"
)

// officeCollege: the school office (the owner) with two 二级学院 offices,
// each logged in with its own account, as the window would be.
type officeCollege struct {
	school, a, b     *Service
	unionA, unionB   Organization
	leagueA, leagueB Organization
}

func newOfficeCollege(t *testing.T) officeCollege {
	t.Helper()
	pgtest.Need(t)
	server := pgtest.Schema(t)
	open := func(u string) *Service {
		st, err := data.Open(data.Config{Dir: t.TempDir(), URL: u, Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return New(st, testNow)
	}
	var c officeCollege
	c.school = open(server)
	root := mustOrg(t, c.school, OrgDraft{Name: "校团委", Kind: data.KindLeague})
	c.leagueA = mustOrg(t, c.school, OrgDraft{Name: "信息工程学院团委", Kind: data.KindLeague, ParentID: &root.ID})
	c.unionA = mustOrg(t, c.school, OrgDraft{Name: "信息工程学院学生会", Kind: data.KindCollegeUnion, ParentID: &c.leagueA.ID})
	c.leagueB = mustOrg(t, c.school, OrgDraft{Name: "机电学院团委", Kind: data.KindLeague, ParentID: &root.ID})
	c.unionB = mustOrg(t, c.school, OrgDraft{Name: "机电学院学生会", Kind: data.KindCollegeUnion, ParentID: &c.leagueB.ID})
	for i, league := range []Organization{c.leagueA, c.leagueB} {
		b := make([]byte, 4)
		rand.Read(b)
		role := "office_app_" + hex.EncodeToString(b)
		if err := c.school.AddOffice(OfficeDraft{User: role, OrganizationID: league.ID, Password: "口令口令口令口令"}); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.school.RemoveOffice(role) })
		u, _ := url.Parse(server)
		u.User = url.User(role)
		if i == 0 {
			c.a = open(u.String())
		} else {
			c.b = open(u.String())
		}
	}
	return c
}

// Through the program: an office changes its own training, meeting and
// rectification item; another office's are refused with the message that
// names their 团委, never SQL; the form can know it beforehand.
func TestOfficeSeesOthersRecordsReadOnly(t *testing.T) {
	c := newOfficeCollege(t)
	tr, err := c.school.SaveTraining(TrainingDraft{Title: "骨干培训", Kind: data.TrainingCadre, HeldOn: "2020-10-10", Hours: "2", OrganizerID: &c.unionB.ID})
	if err != nil {
		t.Fatal(err)
	}
	m, err := c.school.SaveMeeting(MeetingDraft{Kind: data.MeetingStudy, Title: "周例会", HeldOn: "2020-10-12", OrganizationID: c.unionB.ID})
	if err != nil {
		t.Fatal(err)
	}
	item, err := c.school.SaveRect(RectDraft{Problem: "记录不全", Source: "self_check", FoundOn: "2020-10-01", OrganizationID: &c.unionB.ID})
	if err != nil {
		t.Fatal(err)
	}
	const refused = "此记录属于机电学院团委，只能查看"
	d := TrainingDraftOf(tr)
	d.Place = "报告厅"
	if _, err := c.a.SaveTraining(d); Message(err) != refused {
		t.Errorf("A saving B's training: %q", Message(err))
	}
	md := MeetingDraftOf(m)
	md.Minutes = "记录"
	if _, err := c.a.SaveMeeting(md); Message(err) != refused {
		t.Errorf("A saving B's meeting: %q", Message(err))
	}
	rd := RectDraftOf(item)
	rd.Measures = "每周检查"
	if _, err := c.a.SaveRect(rd); Message(err) != refused {
		t.Errorf("A saving B's item: %q", Message(err))
	}
	if err := c.a.DeleteTraining(tr.ID); Message(err) != refused {
		t.Errorf("A deleting B's training: %q", Message(err))
	}
	if _, err := c.a.SaveOrganization(DraftOf(c.unionB)); Message(err) != refused {
		t.Errorf("A saving B's union: %q", Message(err))
	}
	nd := TrainingDraft{Title: "新培训", Kind: data.TrainingCadre, HeldOn: "2020-10-11", Hours: "1", OrganizerID: &c.unionB.ID}
	if _, err := c.a.SaveTraining(nd); Message(err) != refused {
		t.Errorf("A adding a training for B: %q", Message(err))
	}
	if ok, why := c.a.Editable("trainings", tr.ID, c.unionB.ID); ok || why != refused {
		t.Errorf("A's form of B's training: %v %q", ok, why)
	}
	// B changes its own; the school office changes anyone's.
	if _, err := c.b.SaveTraining(d); err != nil {
		t.Fatalf("B's own training: %v", err)
	}
	if ok, _ := c.b.Editable("trainings", tr.ID, c.unionB.ID); !ok {
		t.Error("B's form of its own training is read-only")
	}
	if _, err := c.school.SaveMeeting(md); err != nil {
		t.Fatalf("school office's save: %v", err)
	}
	// A adds its own; it reads the whole college.
	nd.OrganizerID = &c.unionA.ID
	if _, err := c.a.SaveTraining(nd); err != nil {
		t.Fatalf("A's new training: %v", err)
	}
	all, err := c.a.Trainings(data.SessionFilter{})
	if err != nil || len(all) != 2 {
		t.Fatalf("A reads %d trainings (%v), want 2", len(all), err)
	}
	o, err := c.a.Office()
	if err != nil || o.Organization != "信息工程学院团委" || o.School {
		t.Fatalf("A's office: %+v %v", o, err)
	}
	// The log says which office made the change.
	cells, err := c.school.OpLogCells(data.OpLogFilter{Limit: 1})
	if err != nil || len(cells) != 1 || !strings.Contains(cells[0][1], "（"+o.Role+"）") {
		t.Fatalf("last log line %v %v, want office %s", cells, err, o.Role)
	}
}

// Two offices that may both change a record (the school office and B)
// still get the version conflict, not the refusal.
func TestOfficesStillConflictOnOneRecord(t *testing.T) {
	c := newOfficeCollege(t)
	tr, err := c.school.SaveTraining(TrainingDraft{Title: "骨干培训", Kind: data.TrainingCadre, HeldOn: "2020-10-10", Hours: "2", OrganizerID: &c.unionB.ID})
	if err != nil {
		t.Fatal(err)
	}
	inSchool, inB := TrainingDraftOf(tr), TrainingDraftOf(tr)
	inSchool.Place = "一楼"
	if _, err := c.school.SaveTraining(inSchool); err != nil {
		t.Fatal(err)
	}
	inB.Place = "二楼"
	if _, err := c.b.SaveTraining(inB); !strings.Contains(Message(err), "被修改过") {
		t.Fatalf("B's save over the school's: %q", Message(err))
	}
}

// A cadre of B's union is B's to change; A is told so, and may still add
// a new person of its own.
func TestOfficeChangesOnlyItsOwnCadres(t *testing.T) {
	c := newOfficeCollege(t)
	p, err := c.school.SavePerson(PersonDraft{StudentNo: "2020001", Name: "陈思远", Gender: "male"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.school.SaveAppointment(AppointmentDraft{PersonID: p.ID, OrganizationID: c.unionB.ID, Post: PostChair, StartOn: "2020-09-10"}); err != nil {
		t.Fatal(err)
	}
	const why = "此记录属于机电学院团委，只能查看"
	if ok, reason := c.a.PersonEditable(p.ID); ok || reason != why {
		t.Errorf("A's form of B's cadre: %v %q", ok, reason)
	}
	if ok, _ := c.b.PersonEditable(p.ID); !ok {
		t.Error("B's form of its own cadre is read-only")
	}
	d := PersonDraftOf(p)
	d.Phone = "13800000000"
	if _, err := c.a.SavePerson(d); Message(err) != why {
		t.Errorf("A saving B's cadre: %q", Message(err))
	}
	if _, err := c.b.SavePerson(d); err != nil {
		t.Errorf("B saving its cadre: %v", err)
	}
	if _, err := c.a.SavePerson(PersonDraft{StudentNo: "2020002", Name: "李明", Gender: "male"}); err != nil {
		t.Errorf("A adding a person: %v", err)
	}
}

// The settings are the school office's: another office is told so.
func TestOnlyTheSchoolOfficeSavesSettings(t *testing.T) {
	c := newOfficeCollege(t)
	d := SettingsDraft{SchoolName: "潮汕职业技术学院", Semester: "2020-2021-2"}
	if _, err := c.a.SaveSettings(d); !strings.Contains(Message(err), "只有校团委的账号") {
		t.Errorf("an office's settings: %q", Message(err))
	}
	if _, err := c.school.SaveSettings(d); err != nil {
		t.Errorf("the school office's settings: %v", err)
	}
}

// The writes of many rows at once — an assessment grid, a session's
// attendance, a 述职评议 session, a congress's delegates — refused by the
// server name the 团委 whose records they are, like a form's save, and
// write nothing.
func TestOfficeBatchWritesNameTheOwner(t *testing.T) {
	c := newOfficeCollege(t)
	const refused = "此记录属于机电学院团委，只能查看"
	p, err := c.school.SavePerson(PersonDraft{StudentNo: "2020001", Name: "陈思远"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.school.SaveAppointment(AppointmentDraft{PersonID: p.ID, OrganizationID: c.unionB.ID, Post: PostChair,
		StartOn: "2020-09-01", SelectedBy: data.SelectedByOther}); err != nil {
		t.Fatal(err)
	}
	err = c.a.SaveAssessments("2020-2021-1", []AssessmentDraft{{PersonID: p.ID, Name: "陈思远", OrganizationID: &c.unionB.ID,
		Scores: [4]string{"90", "90", "90", "90"}}})
	if Message(err) != refused {
		t.Errorf("A's grid of B's union: %q", Message(err))
	}
	if as, _ := c.school.Assessments(p.ID); len(as) != 0 {
		t.Errorf("refused grid wrote %+v", as)
	}
	m, err := c.school.SaveMeeting(MeetingDraft{Kind: data.MeetingStudy, Title: "周例会", HeldOn: "2020-10-12", OrganizationID: c.unionB.ID})
	if err != nil {
		t.Fatal(err)
	}
	err = c.a.SetAttendance(Session{MeetingID: &m.ID}, []Mark{{PersonID: p.ID, Name: "陈思远", Status: data.AttendPresent}})
	if Message(err) != refused {
		t.Errorf("A's attendance of B's meeting: %q", Message(err))
	}
	_, err = c.a.SaveReview(ReviewDraft{OrganizationID: c.unionB.ID, Semester: "2020-2021-1", HeldOn: "2020-10-12",
		Panel: []PanelistDraft{{Name: "学生甲", Student: true}}, Aspects: DefaultReviewParams.Aspects,
		Reporters: []ReporterDraft{{PersonID: p.ID}}})
	if Message(err) != refused {
		t.Errorf("A's review of B's union: %q", Message(err))
	}
	congress, err := c.school.SaveMeeting(MeetingDraft{Kind: data.MeetingCongress, Title: "学代会", HeldOn: "2020-10-15",
		OrganizationID: c.unionB.ID, DelegatesElected: "1"})
	if err != nil {
		t.Fatal(err)
	}
	err = c.a.SaveDelegates(congress.ID, []DelegateDraft{{StudentNo: "2020001", Attendance: data.AttendPresent}})
	if Message(err) != refused {
		t.Errorf("A's delegates of B's congress: %q", Message(err))
	}
}
