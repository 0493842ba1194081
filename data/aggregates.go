package data

// StaffCount is how many people a union has in post on a day, and how many
// of them sit in its 主席团 with one of the given titles.
type StaffCount struct {
	Total, Presidium int
}

// StaffCountsOn counts, per organization of the given kinds, the people in
// post on day: the same rows as StaffOn, grouped in SQL, so that the
// dashboard's charts do not read 20,000 rows to draw 13 bars. A 主席团
// member is one without a department whose post is in presidiumPosts (a
// title the reform does not allow is counted in Total only).
//
// The people in the recycle bin are left out by a list of their ids, not
// by joining every appointment to its person: the same rows (an
// appointment's person always exists, a foreign key), in half the time.
func (s *Store) StaffCountsOn(day Date, presidiumPosts []string, kinds ...string) (map[uint]StaffCount, error) {
	var rows []struct {
		OrganizationID   uint
		Total, Presidium int
	}
	err := s.db.Table("appointments AS a").
		Select(`a.organization_id, count(*) AS total,
			count(CASE WHEN a.department_id IS NULL AND a.post IN ? THEN 1 END) AS presidium`, presidiumPosts).
		Joins("JOIN organizations AS o ON o.id = a.organization_id AND o.deleted_at IS NULL").
		Where("a.deleted_at IS NULL AND a.person_id NOT IN (SELECT id FROM people WHERE deleted_at IS NOT NULL)").
		Where("o.kind IN ? AND a.start_on <= ? AND (a.end_on IS NULL OR a.end_on >= ?)", kinds, day, day).
		Group("a.organization_id").Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	out := make(map[uint]StaffCount, len(rows))
	for _, r := range rows {
		out[r.OrganizationID] = StaffCount{Total: r.Total, Presidium: r.Presidium}
	}
	return out, nil
}

// RosterGradeCounts counts the rows a roster filter selects by the grade of
// the filter's semester ("" for none): the same rows as RosterAll, grouped
// in SQL, without reading the people's rows.
func (s *Store) RosterGradeCounts(f RosterFilter) (map[string]int, error) {
	var rows []struct {
		Grade string
		N     int
	}
	err := s.rosterRows(f, false).Select("COALESCE(s.grade, '') AS grade, count(*) AS n").
		Group("COALESCE(s.grade, '')").Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	out := make(map[string]int, len(rows))
	for _, r := range rows {
		out[r.Grade] += r.N
	}
	return out, nil
}
