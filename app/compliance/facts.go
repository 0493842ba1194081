package compliance

import (
	"slices"

	"tuanxue/app"
	"tuanxue/data"
)

// union is what the checks know of one student union, read once.
type union struct {
	org       app.Organization
	scope     string
	depts     []app.Department // active
	staff     []data.StaffRow  // in post on the day
	congress  *app.Meeting     // the latest held on or before the day
	trainings []app.Training   // cadre trainings it organized this semester
	studies   []app.Meeting    // its study meetings this semester
}

func (u *union) presidium() []data.StaffRow {
	var out []data.StaffRow
	for _, r := range u.staff {
		if r.DepartmentID == nil {
			out = append(out, r)
		}
	}
	return out
}

// facts is everything the checks read, loaded in a few queries so that the
// whole check of a 20,000-cadre college stays well under a second.
type facts struct {
	svc        *app.Service
	sem        app.Semester
	day        data.Date // today, or the last day of a past semester
	tree       app.OrgTree
	unions     []*union
	training   map[uint]data.PersonTraining
	candidates map[uint]data.Candidate
	reports    []app.Meeting // 二级学院 reports heard this semester
	// teachers' conclusions of the school year, by union and indicator
	conclusions map[uint]map[string]Conclusion
	reviews     map[string]map[uint]app.ReviewRecord // 述职评议 by semester and union, read when first asked
}

func loadFacts(svc *app.Service, sem app.Semester) (*facts, error) {
	f := &facts{svc: svc, sem: sem, day: Day(svc, sem)}
	var err error
	if f.tree, err = svc.OrgTree(); err != nil {
		return nil, err
	}
	if f.training, err = svc.TrainingByPerson(sem); err != nil {
		return nil, err
	}
	if f.candidates, err = svc.Store().CandidatesByAppointment(); err != nil {
		return nil, err
	}
	if f.conclusions, err = conclusionsOf(svc, sem); err != nil {
		return nil, err
	}
	semester := data.SessionFilter{Semester: sem.String()}
	trainings, err := svc.Trainings(semester)
	if err != nil {
		return nil, err
	}
	meetings, err := svc.Meetings(data.SessionFilter{})
	if err != nil {
		return nil, err
	}
	for _, m := range meetings {
		if m.Kind == data.MeetingReport && m.Semester == sem.String() {
			f.reports = append(f.reports, m)
		}
	}
	staff, err := svc.Store().StaffOn(f.day, data.KindSchoolUnion, data.KindCollegeUnion)
	if err != nil {
		return nil, err
	}
	byOrg := map[uint][]data.StaffRow{}
	for _, r := range staff {
		byOrg[r.OrganizationID] = append(byOrg[r.OrganizationID], r)
	}
	for _, o := range f.tree.OfKinds(data.KindSchoolUnion, data.KindCollegeUnion) {
		if o.Status != data.StatusActive {
			continue
		}
		u, err := f.loadUnion(o, byOrg[o.ID], trainings, meetings)
		if err != nil {
			return nil, err
		}
		f.unions = append(f.unions, u)
	}
	return f, nil
}

func (f *facts) loadUnion(o app.Organization, staff []data.StaffRow, trainings []app.Training, meetings []app.Meeting) (*union, error) {
	u := &union{org: o, scope: scopeOf(o)}
	depts, err := f.svc.Departments(o.ID)
	if err != nil {
		return nil, err
	}
	for _, d := range depts {
		if d.Status == data.StatusActive {
			u.depts = append(u.depts, d)
		}
	}
	u.staff = staff
	for _, t := range trainings {
		if t.Kind == data.TrainingCadre && t.OrganizerID != nil && *t.OrganizerID == o.ID {
			u.trainings = append(u.trainings, t)
		}
	}
	for _, m := range meetings { // newest first
		switch {
		case m.OrganizationID != o.ID || f.day.Before(m.HeldOn):
		case m.Kind == data.MeetingCongress && u.congress == nil:
			c := m
			u.congress = &c
		case m.Kind == data.MeetingStudy && m.Semester == f.sem.String():
			u.studies = append(u.studies, m)
		}
	}
	return u, nil
}

// reportedThisSemester reports whether a 二级学院 union has reported.
func (f *facts) reportedThisSemester(orgID uint) bool {
	return slices.ContainsFunc(f.reports, func(m app.Meeting) bool {
		return m.ReportingOrgID != nil && *m.ReportingOrgID == orgID
	})
}
