package app

import (
	"fmt"
	"strings"

	"tuanxue/data"
)

// Session names a training or a meeting.
type Session struct {
	TrainingID *uint
	MeetingID  *uint
}

// Mark is one person's attendance as the picker holds it.
type Mark struct {
	PersonID uint
	Name     string // for messages and the picker
	Status   string
	Guest    bool // 列席: not in post that day, welcome all the same
}

// sessionOf finds the date of a session and the organization it belongs
// to (0 for a training nobody organized).
func (s *Service) sessionOf(ref Session) (data.Date, uint, error) {
	if ref.TrainingID != nil {
		t, err := s.store.Training(*ref.TrainingID)
		if err != nil || t.OrganizerID == nil {
			return t.HeldOn, 0, err
		}
		return t.HeldOn, *t.OrganizerID, nil
	}
	if ref.MeetingID != nil {
		m, err := s.store.Meeting(*ref.MeetingID)
		return m.HeldOn, m.OrganizationID, err
	}
	return data.Date{}, 0, data.ErrNotFound
}

// SetAttendance stores the marks of a session. Only people in post on the
// session's day may be marked, unless marked as guests (列席).
func (s *Service) SetAttendance(ref Session, marks []Mark) error {
	day, orgID, err := s.sessionOf(ref)
	if err != nil {
		return err
	}
	ids := make([]uint, len(marks))
	for i, m := range marks {
		ids[i] = m.PersonID
	}
	inPost, err := s.store.InPostOn(ids, day)
	if err != nil {
		return err
	}
	var v ValidationError
	seen := map[uint]bool{}
	var notInPost []string
	rows := make([]data.Attendance, 0, len(marks))
	for _, m := range marks {
		switch {
		case seen[m.PersonID]:
			v.add("", fmt.Sprintf("%s 出现了两次", m.Name))
		case TextOf(AttendanceMarks, m.Status) == m.Status:
			v.add("", fmt.Sprintf("请为 %s 选择出席、请假或缺席", m.Name))
		case !m.Guest && !inPost[m.PersonID]:
			notInPost = append(notInPost, m.Name)
		}
		seen[m.PersonID] = true
		rows = append(rows, data.Attendance{PersonID: m.PersonID, Status: m.Status, Guest: m.Guest})
	}
	if len(notInPost) > 0 {
		v.add("", fmt.Sprintf("%s 在 %s 没有担任职务；如确实参加，请标为“列席”", strings.Join(notInPost, "、"), day))
	}
	if err := v.Err(); err != nil {
		return err
	}
	return s.refused(s.store.SetAttendance(ref.TrainingID, ref.MeetingID, rows), orgID)
}

// Attendance reads a session's marks with the people's names.
func (s *Service) Attendance(ref Session) ([]Mark, error) {
	rows, err := s.store.AttendanceOf(ref.TrainingID, ref.MeetingID)
	if err != nil {
		return nil, err
	}
	out := make([]Mark, len(rows))
	for i, r := range rows {
		p, _ := s.store.Person(r.PersonID)
		out[i] = Mark{PersonID: r.PersonID, Name: p.Name, Status: r.Status, Guest: r.Guest}
	}
	return out, nil
}

// PeopleInPost lists who was in post on a day in an organization (and a
// department, or the 主席团 when presidium), for picking attendance in bulk.
func (s *Service) PeopleInPost(orgID uint, deptID *uint, presidium bool, day data.Date) ([]Mark, error) {
	f := RosterFilter{OrganizationID: orgID, DepartmentID: deptID, Presidium: presidium,
		Status: data.RosterInPost, From: day, To: day}
	ids, err := s.RosterIDs(f)
	if err != nil {
		return nil, err
	}
	var out []Mark
	seen := map[uint]bool{}
	for start := 0; start < len(ids); start += 500 {
		rows, err := s.RosterRows(ids[start:min(start+500, len(ids))], "")
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			if !seen[r.PersonID] {
				seen[r.PersonID] = true
				out = append(out, Mark{PersonID: r.PersonID, Name: r.Name, Status: data.AttendPresent})
			}
		}
	}
	return out, nil
}
