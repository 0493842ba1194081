package data

import "fmt"

// inPostOn is the condition on an appointment a (joined with its
// organization o) of being held on the day named by the SQL expression
// day: the same test for the staff on a day and for the cadres among a
// congress's delegates.
func inPostOn(day string) string {
	return fmt.Sprintf("a.deleted_at IS NULL AND o.kind IN ? AND a.start_on <= %[1]s AND (a.end_on IS NULL OR a.end_on >= %[1]s)", day)
}

// KitCounts are the numbers a congress's delegates register gives. Once a
// congress has a register, these numbers are its figures: the ones typed
// on the meeting form are kept but no longer shown or checked.
type KitCounts struct {
	MeetingID uint
	Delegates int
	Marked    int // delegates whose attendance on the day was taken
	Present   int
	NonCadre  int // holding no union post on the congress day, posts it elected aside
	Students  int // the students of the colleges given seats
}

// KitCounts counts the delegates register of every congress that has one,
// keyed by meeting: one query, so that meeting lists stay fast.
func (s *Store) KitCounts(unionKinds ...string) (map[uint]KitCounts, error) {
	var rows []KitCounts
	err := s.db.Raw(`SELECT d.meeting_id, COUNT(*) AS delegates,
			SUM(CASE WHEN d.attendance <> '' THEN 1 ELSE 0 END) AS marked,
			SUM(CASE WHEN d.attendance = ? THEN 1 ELSE 0 END) AS present,
			SUM(CASE WHEN EXISTS (SELECT 1 FROM appointments AS a
				JOIN organizations AS o ON o.id = a.organization_id AND o.deleted_at IS NULL
				WHERE a.person_id = d.person_id AND `+inPostOn("m.held_on")+`
				AND (a.meeting_id IS NULL OR a.meeting_id <> m.id)) THEN 0 ELSE 1 END) AS non_cadre
		FROM congress_delegates AS d JOIN meetings AS m ON m.id = d.meeting_id AND m.deleted_at IS NULL
		GROUP BY d.meeting_id`, AttendPresent, unionKinds).Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	var students []struct {
		MeetingID uint
		Students  int
	}
	err = s.db.Raw(`SELECT meeting_id, SUM(students) AS students FROM congress_quotas GROUP BY meeting_id`).Scan(&students).Error
	if err != nil {
		return nil, translate(err)
	}
	out := make(map[uint]KitCounts, len(rows))
	for _, r := range rows {
		out[r.MeetingID] = r
	}
	for _, q := range students {
		if c, ok := out[q.MeetingID]; ok {
			c.Students = q.Students
			out[q.MeetingID] = c
		}
	}
	return out, nil
}
