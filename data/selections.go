package data

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Kinds of selection round (选拔).
const (
	RoundElection    = "election"    // 换届选举
	RoundRecruitment = "recruitment" // 招新
	RoundByElection  = "by_election" // 增补
)

// Candidate results.
const (
	ResultPending  = "pending"  // 待定
	ResultAdmitted = "admitted" // 录用
	ResultRejected = "rejected" // 未录用
)

// SelectionRound is one selection of an organization in a semester.
type SelectionRound struct {
	ID               uint
	OrganizationID   uint
	Semester         string
	Kind             string
	Title            string
	HeldOn           Date   `gorm:"type:text"`
	ApproverLeagueID *uint  // the 团委 that approves the result
	ScoreItems       string // the round's score items, e.g. "笔试,面试,民主测评"
	Notes            string
	Version          int // see saveRecord
	CreatedAt        time.Time
	UpdatedAt        time.Time
	DeletedAt        gorm.DeletedAt
}

// Candidate is a person applying for a post in a round, with scores and the
// dated approval steps (学院团组织推荐 → 学院党组织同意 → 学工部门与校团委审核 →
// 校党委决定).
type Candidate struct {
	ID            uint
	RoundID       uint
	PersonID      uint
	DepartmentID  *uint // nil: 主席团
	Post          string
	Scores        string // JSON object: score item → score
	Result        string
	RecommendedOn Date `gorm:"type:text"`
	PartyAgreedOn Date `gorm:"type:text"`
	ReviewedOn    Date `gorm:"type:text"`
	DecidedOn     Date `gorm:"type:text"`
	AppointmentID *uint
	Notes         string
	Version       int // see saveRecord
	CreatedAt     time.Time
	UpdatedAt     time.Time
	DeletedAt     gorm.DeletedAt
}

// SaveRound creates or updates a round.
func (s *Store) SaveRound(r *SelectionRound) error { return saveRecord(s.db, r, r.ID) }

// Round reads one living round.
func (s *Store) Round(id uint) (SelectionRound, error) { return getRecord[SelectionRound](s.db, id) }

// Rounds lists the rounds of a semester ("" for all), newest first.
func (s *Store) Rounds(semester string) ([]SelectionRound, error) {
	q := s.db.Order("held_on DESC, id DESC")
	if semester != "" {
		q = q.Where("semester = ?", semester)
	}
	var rs []SelectionRound
	return rs, translate(q.Find(&rs).Error)
}

// SaveCandidate creates or updates a candidate.
func (s *Store) SaveCandidate(c *Candidate) error { return saveRecord(s.db, c, c.ID) }

// Candidate reads one living candidate.
func (s *Store) Candidate(id uint) (Candidate, error) { return getRecord[Candidate](s.db, id) }

// Candidates lists a round's candidates in the order they were added.
func (s *Store) Candidates(roundID uint) ([]Candidate, error) {
	var cs []Candidate
	err := s.db.Where("round_id = ?", roundID).Order("id").Find(&cs).Error
	return cs, translate(err)
}

// Admit stores the appointment made from a candidate and marks the
// candidate admitted, in one transaction; the candidate gets a new version,
// so a form open on it is refused afterwards.
func (s *Store) Admit(candidateID uint, a *Appointment) error {
	return translate(s.db.Transaction(func(tx *gorm.DB) error {
		a.Version = 1
		if err := tx.Create(a).Error; err != nil {
			return err
		}
		res := tx.Model(&Candidate{}).Where("id = ? AND appointment_id IS NULL", candidateID).
			Updates(map[string]any{"result": ResultAdmitted, "appointment_id": a.ID, "version": gorm.Expr("version + 1")})
		if res.Error == nil && res.RowsAffected == 0 {
			return fmt.Errorf("candidate %d already appointed: %w", candidateID, ErrDuplicate)
		}
		return res.Error
	}))
}

// Recommendation is one 推优 record (团员推优, "团三优").
type Recommendation struct {
	ID       uint
	PersonID uint
	Branch   string // the 团支部 that recommended
	HeldOn   Date   `gorm:"type:text"`
	Stage    string
	Result   string
	Notes    string
	// The branch meeting's numbers; nil when not recorded.
	BranchMembers *int // 应到: the branch's League members
	Present       *int // 实到
	VotesFor      *int // 赞成票
	Version       int  // see saveRecord
	CreatedAt     time.Time
	UpdatedAt     time.Time
	DeletedAt     gorm.DeletedAt
}

// Recommendations lists every living 推优 record, by date and branch.
func (s *Store) Recommendations() ([]Recommendation, error) {
	var rs []Recommendation
	err := s.db.Order("held_on, branch, id").Find(&rs).Error
	return rs, translate(err)
}

// SaveRecommendation creates or updates a 推优 record.
func (s *Store) SaveRecommendation(r *Recommendation) error { return saveRecord(s.db, r, r.ID) }

// RecommendationsOf lists a person's 推优 records, newest first.
func (s *Store) RecommendationsOf(personID uint) ([]Recommendation, error) {
	var rs []Recommendation
	err := s.db.Where("person_id = ?", personID).Order("held_on DESC, id DESC").Find(&rs).Error
	return rs, translate(err)
}

// CandidatesByAppointment maps each appointment made from a selection
// round to its candidate record, for checking approval steps.
func (s *Store) CandidatesByAppointment() (map[uint]Candidate, error) {
	var cs []Candidate
	if err := s.db.Where("appointment_id IS NOT NULL").Find(&cs).Error; err != nil {
		return nil, translate(err)
	}
	out := make(map[uint]Candidate, len(cs))
	for _, c := range cs {
		out[*c.AppointmentID] = c
	}
	return out, nil
}

// CountRecommendations counts the 推优 records dated from..to.
func (s *Store) CountRecommendations(from, to Date) (int, error) {
	var n int64
	err := s.db.Model(&Recommendation{}).Where("held_on >= ? AND held_on <= ?", from, to).Count(&n).Error
	return int(n), translate(err)
}
