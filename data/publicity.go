package data

import "time"

// Publicity is the 公示 of a selection round: when it starts, how many
// working days it runs, the dates the teacher marked as 节假日 and as 调休
// 上班日 (YYYY-MM-DD, comma-separated), and the note it closed with. A
// round has at most one.
type Publicity struct {
	ID          uint
	RoundID     uint
	StartOn     Date `gorm:"type:text"`
	Days        int
	Holidays    string
	Workdays    string
	ClosingNote string
	Version     int // see saveRecord
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Objection is one line of a 公示's 异议 register: when it came, from whom,
// what it says, and how it was handled (empty while it is open).
type Objection struct {
	ID         uint
	RoundID    uint
	ReceivedOn Date `gorm:"type:text"`
	RaisedBy   string
	Content    string
	Handling   string
	HandledOn  Date `gorm:"type:text"`
	Version    int  // see saveRecord
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// SavePublicity creates or updates a round's 公示.
func (s *Store) SavePublicity(p *Publicity) error { return saveRecord(s.db, p, p.ID) }

// PublicityOf reads a round's 公示; ErrNotFound when it has none yet.
func (s *Store) PublicityOf(roundID uint) (Publicity, error) {
	var p Publicity
	err := s.db.Where("round_id = ?", roundID).Take(&p).Error
	return p, translate(err)
}

// SaveObjection creates or updates an objection.
func (s *Store) SaveObjection(o *Objection) error { return saveRecord(s.db, o, o.ID) }

// Objection reads one objection.
func (s *Store) Objection(id uint) (Objection, error) { return getRecord[Objection](s.db, id) }

// Objections lists a round's objections in the order they came.
func (s *Store) Objections(roundID uint) ([]Objection, error) {
	var os []Objection
	err := s.db.Where("round_id = ?", roundID).Order("received_on, id").Find(&os).Error
	return os, translate(err)
}
