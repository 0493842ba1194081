package data

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Review results (述职评议结果).
const (
	ReviewExcellent = "excellent" // 优秀
	ReviewPass      = "pass"      // 合格
	ReviewBasic     = "basic"     // 基本合格
	ReviewFail      = "fail"      // 不合格
)

// Review is one 述职评议 session: a union's 主席团 and department heads
// report on their term's work to a panel, once a semester.
type Review struct {
	ID             uint
	OrganizationID uint
	Semester       string // 2020-2021-1
	HeldOn         Date   `gorm:"type:text"`
	Place          string
	Notes          string
	Version        int // see saveRecord
	CreatedAt      time.Time
	UpdatedAt      time.Time
	DeletedAt      gorm.DeletedAt
}

// ReviewPanelist is one member of a session's panel (评议小组).
type ReviewPanelist struct {
	ID        uint
	ReviewID  uint
	Name      string
	Student   bool // a student, not a teacher: the panel must be mostly students
	Role      string
	SortOrder int
}

// AspectScore is the score of one aspect (政治态度, 道德品行, …).
type AspectScore struct {
	Aspect string  `json:"aspect"`
	Score  float64 `json:"score"`
}

// AspectScores are a reporter's scores, stored as JSON text: the aspects
// are a parameter a college may change, and a past review keeps the
// aspects it was scored on.
type AspectScores []AspectScore

// Value writes the scores as JSON.
func (a AspectScores) Value() (driver.Value, error) {
	if len(a) == 0 {
		return "", nil
	}
	b, err := json.Marshal([]AspectScore(a))
	return string(b), err
}

// Scan reads the scores back.
func (a *AspectScores) Scan(src any) error {
	var text string
	switch v := src.(type) {
	case nil:
	case string:
		text = v
	case []byte:
		text = string(v)
	default:
		return fmt.Errorf("aspect scores from %T", src)
	}
	*a = nil
	if text == "" {
		return nil
	}
	return json.Unmarshal([]byte(text), (*[]AspectScore)(a))
}

// ReviewReporter is one person who reported (述职人) with their scores.
type ReviewReporter struct {
	ID        uint
	ReviewID  uint
	PersonID  uint
	Post      string       // as held on the day: 主席, 宣传部部长
	Scores    AspectScores `gorm:"type:text"`
	Total     *float64
	Result    string // one of the Review… results; "" while not scored
	Comments  string
	SortOrder int
}

// ReviewRecord is a session with its panel and reporters.
type ReviewRecord struct {
	Review
	Panel     []ReviewPanelist
	Reporters []ReviewReporter
}

// SaveReview creates or updates a session and replaces its panel and
// reporters, in one transaction: a session is never half saved.
func (s *Store) SaveReview(r *ReviewRecord) error {
	return translate(s.db.Transaction(func(tx *gorm.DB) error {
		if err := saveRecord(tx, &r.Review, r.ID); err != nil {
			return err
		}
		for _, table := range []any{&ReviewPanelist{}, &ReviewReporter{}} {
			if err := tx.Where("review_id = ?", r.ID).Delete(table).Error; err != nil {
				return err
			}
		}
		for i := range r.Panel {
			r.Panel[i].ID, r.Panel[i].ReviewID, r.Panel[i].SortOrder = 0, r.ID, i
		}
		for i := range r.Reporters {
			r.Reporters[i].ID, r.Reporters[i].ReviewID, r.Reporters[i].SortOrder = 0, r.ID, i
		}
		if err := createAll(tx, r.Panel); err != nil {
			return err
		}
		return createAll(tx, r.Reporters)
	}))
}

// ReviewRecordOf reads a session with its panel and reporters.
func (s *Store) ReviewRecordOf(id uint) (ReviewRecord, error) {
	var r ReviewRecord
	var err error
	if r.Review, err = getRecord[Review](s.db, id); err != nil {
		return r, err
	}
	if err := s.db.Where("review_id = ?", id).Order("sort_order, id").Find(&r.Panel).Error; err != nil {
		return r, translate(err)
	}
	err = s.db.Where("review_id = ? AND person_id NOT IN (SELECT id FROM people WHERE deleted_at IS NOT NULL)", id).
		Order("sort_order, id").Find(&r.Reporters).Error
	return r, translate(err)
}

// Reviews lists the living sessions of a semester ("" for every one),
// newest first.
func (s *Store) Reviews(semester string) ([]Review, error) {
	var rs []Review
	q := s.db.Order("held_on DESC, id DESC")
	if semester != "" {
		q = q.Where("semester = ?", semester)
	}
	err := q.Find(&rs).Error
	return rs, translate(err)
}

// DeleteReview moves a session to the recycle bin.
func (s *Store) DeleteReview(id uint) error { return deleteRecord[Review](s.db, id) }

// ReviewedRow is one person's review result with its session.
type ReviewedRow struct {
	ReviewReporter
	OrganizationID uint
	Semester       string
	HeldOn         Date
}

const reviewedColumns = `rr.id, rr.review_id, rr.person_id, rr.post, rr.scores, rr.total, rr.result, rr.comments,
	rr.sort_order, rv.organization_id, rv.semester, rv.held_on`

func (s *Store) reviewed() *gorm.DB {
	return s.db.Table("review_reporters AS rr").Select(reviewedColumns).
		Joins("JOIN reviews AS rv ON rv.id = rr.review_id AND rv.deleted_at IS NULL")
}

// ReviewsOf lists a person's review results, newest first.
func (s *Store) ReviewsOf(personID uint) ([]ReviewedRow, error) {
	var rows []ReviewedRow
	err := s.reviewed().Where("rr.person_id = ?", personID).Order("rv.held_on DESC, rv.id DESC").Scan(&rows).Error
	return rows, translate(err)
}

// ReviewResultsIn reads the review results of a semester for the given
// people, keyed by person. Someone reviewed in two unions keeps the worse
// result: a failed review is never hidden by a good one.
func (s *Store) ReviewResultsIn(semester string, personIDs []uint) (map[uint]ReviewedRow, error) {
	out := map[uint]ReviewedRow{}
	for start := 0; start < len(personIDs); start += 500 {
		var batch []ReviewedRow
		err := s.reviewed().Where("rv.semester = ? AND rr.person_id IN ?", semester,
			personIDs[start:min(start+500, len(personIDs))]).Order("rv.id").Scan(&batch).Error
		if err != nil {
			return nil, translate(err)
		}
		for _, r := range batch {
			if old, ok := out[r.PersonID]; !ok || ReviewRank(r.Result) > ReviewRank(old.Result) {
				out[r.PersonID] = r
			}
		}
	}
	return out, nil
}

// ReviewRank orders results from best to worst: 不合格 ranks highest.
func ReviewRank(result string) int {
	switch result {
	case ReviewExcellent:
		return 1
	case ReviewPass:
		return 2
	case ReviewBasic:
		return 3
	case ReviewFail:
		return 4
	}
	return 0
}
