package data

import "time"

// Conclusion is a teacher's own conclusion on one reform indicator for one
// student union and school year (人工结论): what the records cannot show,
// or a correction of what they show, with its basis, who and when. The
// printed form shows it in place of the records' verdict.
type Conclusion struct {
	ID             uint
	OrganizationID uint
	Year           string // the academic year, 2020-2021
	Indicator      string // which indicator, the same in every version of the form: "school/staff_cap"
	RuleText       string // the indicator as worded when the conclusion was recorded
	Outcome        string // "pass" or "fail"; "" once withdrawn: the records decide again
	Note           string // the basis: what the teacher saw
	RecordedBy     string
	Version        int // for refusing a save over a newer one
	CreatedAt      time.Time
	UpdatedAt      time.Time // when it was last recorded
}

func init() { loggedTables["conclusions"] = true }

// SaveConclusion creates c when c.ID is zero and updates it otherwise; a
// second conclusion on the same union, year and indicator is ErrDuplicate,
// a save over a newer version ErrConflict.
func (s *Store) SaveConclusion(c *Conclusion) error { return saveRecord(s.db, c, c.ID) }

// Conclusions lists the conclusions recorded for a school year.
func (s *Store) Conclusions(year string) ([]Conclusion, error) {
	var out []Conclusion
	err := s.db.Where("year = ?", year).Order("organization_id, indicator").Find(&out).Error
	return out, translate(err)
}
