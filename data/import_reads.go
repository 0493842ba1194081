package data

import "strings"

// PeopleByStudentNoFold reads the living people whose 学号 is one of nos
// regardless of letter case (a2024777001 and A2024777001 are one person),
// keyed by the 学号 in upper case. Two living people whose numbers differ
// only in case both come back under one key.
func (s *Store) PeopleByStudentNoFold(nos []string) (map[string][]Person, error) {
	keys := make([]string, len(nos))
	for i, no := range nos {
		keys[i] = strings.ToUpper(no)
	}
	out := make(map[string][]Person, len(keys))
	for start := 0; start < len(keys); start += 500 {
		var batch []Person
		err := s.db.Where("UPPER(student_no) IN ?", keys[start:min(start+500, len(keys))]).Order("id").Find(&batch).Error
		if err != nil {
			return nil, translate(err)
		}
		for _, p := range batch {
			k := strings.ToUpper(p.StudentNo)
			out[k] = append(out[k], p)
		}
	}
	return out, nil
}

// AppointmentsOfPeople lists every living term of the given people, ended
// or running, keyed by person, oldest first.
func (s *Store) AppointmentsOfPeople(ids []uint) (map[uint][]Appointment, error) {
	out := map[uint][]Appointment{}
	for start := 0; start < len(ids); start += 500 {
		var batch []Appointment
		err := s.db.Where("person_id IN ?", ids[start:min(start+500, len(ids))]).Order("start_on, id").Find(&batch).Error
		if err != nil {
			return nil, translate(err)
		}
		for _, a := range batch {
			out[a.PersonID] = append(out[a.PersonID], a)
		}
	}
	return out, nil
}
