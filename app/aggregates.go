package app

import "tuanxue/data"

// StaffCountsOn counts each union's people in post on day, and its 主席团
// (without a department, in a title the reform allows), in SQL.
func (s *Service) StaffCountsOn(day data.Date, kinds ...string) (map[uint]data.StaffCount, error) {
	return s.store.StaffCountsOn(day, Posts, kinds...)
}

// RosterGradeCounts counts the rows RosterAll would give by their grade of
// the filter's semester ("" for none), in SQL.
func (s *Service) RosterGradeCounts(f RosterFilter) (map[string]int, error) {
	return s.store.RosterGradeCounts(s.asOfToday(f))
}
