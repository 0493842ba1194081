package data

import (
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Assessment grades (考核等次).
const (
	GradeExcellent = "excellent" // 优秀
	GradeGood      = "good"      // 良好
	GradePass      = "pass"      // 合格
	GradeFail      = "fail"      // 不合格
)

// Assessment is one person's assessment for one semester (考核).
type Assessment struct {
	ID              uint
	PersonID        uint
	Semester        string // 2020-2021-1
	OrganizationID  *uint
	SelfScore       *float64 // 自评
	DepartmentScore *float64 // 部门评议
	PresidiumScore  *float64 // 主席团评议
	LeagueScore     *float64 // 团委评议
	ReviewScore     *float64 // 述职评议, percent of its full marks, when weighed into the total
	Total           *float64
	Grade           string
	Comments        string
	Version         int // see SaveAssessments
	CreatedAt       time.Time
	UpdatedAt       time.Time
	DeletedAt       gorm.DeletedAt
}

// SaveAssessments stores a batch in one transaction, or nothing. An
// assessment's Version is that of the person's assessment of the semester
// as the grid read it, 0 when there was none: it then replaces the stored
// one only at that version, or is added only while there is none. A row
// entered or changed in another office since is not overwritten: the batch
// is refused with ErrConflict.
func (s *Store) SaveAssessments(as []Assessment) error {
	if len(as) == 0 {
		return nil
	}
	return translate(s.db.Transaction(func(tx *gorm.DB) error {
		var fresh []Assessment
		for i := range as {
			a := &as[i]
			if a.Version == 0 {
				fresh = append(fresh, *a)
				continue
			}
			var ids []uint
			err := tx.Model(&Assessment{}).Where("person_id = ? AND semester = ?", a.PersonID, a.Semester).Pluck("id", &ids).Error
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				return fmt.Errorf("assessment of person %d in %s: %w", a.PersonID, a.Semester, ErrNotFound)
			}
			a.ID = ids[0]
			if err := saveRecord(tx, a, a.ID); err != nil {
				return err
			}
		}
		err := createAll(tx, fresh)
		if errors.Is(err, ErrDuplicate) {
			// Entered in another office since the grid was read.
			return fmt.Errorf("new assessment: %w", ErrConflict)
		}
		return err
	}))
}

// AssessmentsOf lists a person's assessments, newest semester first.
func (s *Store) AssessmentsOf(personID uint) ([]Assessment, error) {
	var as []Assessment
	err := s.db.Where("person_id = ?", personID).Order("semester DESC").Find(&as).Error
	return as, translate(err)
}

// AssessmentsIn reads the assessments of a semester for the given people,
// keyed by person.
func (s *Store) AssessmentsIn(semester string, personIDs []uint) (map[uint]Assessment, error) {
	out := map[uint]Assessment{}
	for start := 0; start < len(personIDs); start += 500 {
		var batch []Assessment
		err := s.db.Where("semester = ? AND person_id IN ?", semester, personIDs[start:min(start+500, len(personIDs))]).
			Find(&batch).Error
		if err != nil {
			return nil, translate(err)
		}
		for _, a := range batch {
			out[a.PersonID] = a
		}
	}
	return out, nil
}

// GradeCounts counts a semester's assessments by grade.
func (s *Store) GradeCounts(semester string) (map[string]int, error) {
	var rows []struct {
		Grade string
		N     int
	}
	err := s.db.Model(&Assessment{}).Select("grade, count(*) AS n").Where("semester = ?", semester).
		Group("grade").Scan(&rows).Error
	out := map[string]int{}
	for _, r := range rows {
		out[r.Grade] = r.N
	}
	return out, translate(err)
}
