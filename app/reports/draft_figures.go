package reports

import (
	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/data"
)

// draftFacts is what the 自评报告 draft quotes, read once from a snapshot.
type draftFacts struct {
	svc      *app.Service
	o        Options
	settings app.Settings
	check    compliance.Report // against the set in force
	tree     app.OrgTree
	school   *app.Organization // the school union, if any
	colleges []app.Organization

	meetings  []app.Meeting // all, newest first
	trainings []app.Training
	attended  map[uint]data.AttendanceCount // by training
	byPerson  map[uint]data.PersonTraining
	rounds    []app.SelectionRound
	cands     map[uint][]app.Candidate // by round
	grades    map[string]int
	gradesOf  app.Semester // the semester grades are of: this one or the last assessed
	exits     []data.ExitRow
	recs      int // 推优 records of the semester
	items     []app.Rectification
}

func gatherDraft(svc *app.Service, o Options) (*draftFacts, error) {
	f := &draftFacts{svc: svc, o: o, cands: map[uint][]app.Candidate{}}
	var err error
	if f.settings, err = svc.Settings(); err != nil {
		return nil, err
	}
	if f.check, err = compliance.Run(svc, o.Semester); err != nil {
		return nil, err
	}
	if f.tree, err = svc.OrgTree(); err != nil {
		return nil, err
	}
	for _, org := range f.tree.OfKinds(data.KindSchoolUnion, data.KindCollegeUnion) {
		switch {
		case org.Status != data.StatusActive:
		case org.Kind == data.KindSchoolUnion && f.school == nil:
			u := org
			f.school = &u
		case org.Kind == data.KindCollegeUnion:
			f.colleges = append(f.colleges, org)
		}
	}
	if err := f.readSessions(); err != nil {
		return nil, err
	}
	if err := f.readCadres(); err != nil {
		return nil, err
	}
	f.items, err = svc.Ledger(app.RectFilter{Semester: o.Semester})
	return f, err
}

func (f *draftFacts) readSessions() error {
	sem := f.o.Semester.String()
	var err error
	if f.meetings, err = f.svc.Meetings(data.SessionFilter{}); err != nil {
		return err
	}
	if f.trainings, err = f.svc.Trainings(data.SessionFilter{Semester: sem}); err != nil {
		return err
	}
	if f.attended, err = f.svc.Store().TrainingAttendance(sem); err != nil {
		return err
	}
	f.byPerson, err = f.svc.TrainingByPerson(f.o.Semester)
	return err
}

func (f *draftFacts) readCadres() error {
	st, sem := f.svc.Store(), f.o.Semester
	var err error
	if f.rounds, err = f.svc.Rounds(sem.String()); err != nil {
		return err
	}
	for _, r := range f.rounds {
		if f.cands[r.ID], err = f.svc.Candidates(r.ID); err != nil {
			return err
		}
	}
	// Assessments are made at a semester's end: early in one, the last
	// semester's are the latest there are.
	for _, s := range []app.Semester{sem, sem.Prev()} {
		if f.grades, err = st.GradeCounts(s.String()); err != nil {
			return err
		}
		if f.gradesOf = s; total(f.grades) > 0 {
			break
		}
	}
	if f.exits, err = st.ExitsBetween(sem.Start(), sem.End()); err != nil {
		return err
	}
	f.recs, err = st.CountRecommendations(sem.Start(), sem.End())
	return err
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// results lists the check's results of a union for some checks.
func (f *draftFacts) result(orgID uint, check string) (compliance.Result, bool) {
	for _, r := range f.check.For(orgID) {
		if r.Rule.CheckKey == check {
			return r, true
		}
	}
	return compliance.Result{}, false
}

// congressOf is a union's latest congress held by the check's day.
func (f *draftFacts) congressOf(orgID uint) (app.Meeting, bool) {
	for _, m := range f.meetings { // newest first
		if m.Kind == data.MeetingCongress && m.OrganizationID == orgID && !f.check.Day.Before(m.HeldOn) {
			return m, true
		}
	}
	return app.Meeting{}, false
}

// semesterMeetings are this semester's meetings of a kind.
func (f *draftFacts) semesterMeetings(kind string) []app.Meeting {
	var out []app.Meeting
	for _, m := range f.meetings {
		if m.Kind == kind && m.Semester == f.o.Semester.String() {
			out = append(out, m)
		}
	}
	return out
}

// partyRatio counts a union's staff who have applied to join the Party.
func (f *draftFacts) partyRatio(orgID uint) (applied, staff int) {
	for _, row := range f.check.Staff[orgID] {
		if compliance.Applied(row) {
			applied++
		}
	}
	return applied, len(f.check.Staff[orgID])
}

// inPost is everyone in post in a student union on the check's day, once
// each (a person may serve in two unions).
func (f *draftFacts) inPost() map[uint]data.StaffRow {
	out := map[uint]data.StaffRow{}
	for _, rows := range f.check.Staff {
		for _, r := range rows {
			out[r.PersonID] = r
		}
	}
	return out
}
