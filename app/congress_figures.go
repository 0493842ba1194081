package app

import "tuanxue/data"

// withKitFigures puts on each congress that has a delegates register the
// numbers counted from it — delegates, present, not cadres, students
// represented — in place of the numbers typed on the meeting form, so that
// the meeting list, the report draft and the forms say what the kit says.
func (s *Service) withKitFigures(ms []Meeting) error {
	congresses := 0
	for _, m := range ms {
		if m.Kind == data.MeetingCongress {
			congresses++
		}
	}
	if congresses == 0 {
		return nil
	}
	counts, err := s.store.KitCounts(data.KindSchoolUnion, data.KindCollegeUnion)
	if err != nil {
		return err
	}
	for i := range ms {
		c, ok := counts[ms[i].ID]
		if !ok || ms[i].Kind != data.MeetingCongress {
			continue
		}
		m := &ms[i]
		m.FromKit = true
		m.DelegatesElected, m.NonCadreDelegates = &c.Delegates, &c.NonCadre
		m.DelegatesPresent = nil
		if c.Marked > 0 {
			m.DelegatesPresent = &c.Present
		}
		// As the 资格审查 counts them: the union's own number, else the
		// colleges' given seats.
		if o, err := s.store.Organization(m.OrganizationID); err == nil && o.Students != nil {
			m.StudentsRepresented = o.Students
		} else if c.Students > 0 {
			m.StudentsRepresented = &c.Students
		}
	}
	return nil
}
