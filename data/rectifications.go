package data

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"time"

	"gorm.io/gorm"
)

// Rectification statuses, in order.
const (
	RectOpen       = "open"        // 待整改
	RectInProgress = "in_progress" // 整改中
	RectDone       = "done"        // 已完成
	RectClosed     = "closed"      // 已销号
)

// Rectification is one item of the ledger (整改台账).
type Rectification struct {
	ID             uint
	Year           string // the academic year it was found in, 2020-2021
	FoundOn        Date   `gorm:"type:text"`
	Problem        string
	Source         string
	Category       string
	RuleText       string // the reform indicator it concerns, as worded then
	Measures       string // what is planned
	OrganizationID *uint
	Responsible    string
	Deadline       Date `gorm:"type:text"`
	Status         string
	MeasureTaken   string // what was done
	CompletedOn    Date   `gorm:"type:text"`
	Verifier       string
	VerifiedOn     Date `gorm:"type:text"`
	Version        int  // for refusing a save over a newer one
	CreatedAt      time.Time
	UpdatedAt      time.Time
	DeletedAt      gorm.DeletedAt
}

// RectLog is one dated line of an item's progress.
type RectLog struct {
	ID        uint
	ItemID    uint
	LoggedOn  Date `gorm:"type:text"`
	Status    string
	Note      string
	CreatedAt time.Time
}

// TableName names the log table.
func (RectLog) TableName() string { return "rectification_logs" }

// Evidence is a file kept as proof: of a rectification item (ItemID), or
// of one reform indicator of a union for a school year (OrganizationID,
// Year, Indicator), attached by a teacher.
type Evidence struct {
	ID             uint
	ItemID         *uint
	OrganizationID *uint
	Year           string // 2023-2024, for an indicator's file
	Indicator      string // "school/staff_cap", as a conclusion names it
	Name           string // as the teacher's file was called
	Stored         string // path inside the data folder
	Size           int64
	AddedOn        Date `gorm:"type:text"`
	CreatedAt      time.Time
	DeletedAt      gorm.DeletedAt
}

// TableName names the evidence table.
func (Evidence) TableName() string { return "evidence_files" }

// Rectification reads one living item.
func (s *Store) Rectification(id uint) (Rectification, error) {
	return getRecord[Rectification](s.db, id)
}

// SaveRectification stores an item and, when log is not nil, a line of its
// log, in one transaction.
func (s *Store) SaveRectification(r *Rectification, log *RectLog) error {
	return translate(s.db.Transaction(func(tx *gorm.DB) error {
		if err := saveRecord(tx, r, r.ID); err != nil {
			return err
		}
		if log == nil {
			return nil
		}
		log.ItemID = r.ID
		return tx.Create(log).Error
	}))
}

// DeleteRectification moves an item to the recycle bin; its log and files
// stay with it.
func (s *Store) DeleteRectification(id uint) error { return deleteRecord[Rectification](s.db, id) }

// RectificationsFor lists the ledger of an academic year: the items found
// in it, and the items of earlier years that were still open when it began
// (carried over with their history), newest first.
func (s *Store) RectificationsFor(year string, yearStart Date) ([]Rectification, error) {
	var rs []Rectification
	err := s.db.Where(`year = ? OR (year < ? AND (status IN ? OR completed_on >= ? OR verified_on >= ?))`,
		year, year, []string{RectOpen, RectInProgress}, yearStart, yearStart).
		Order("found_on DESC, id DESC").Find(&rs).Error
	return rs, translate(err)
}

// RectLogs lists an item's log, oldest first.
func (s *Store) RectLogs(itemID uint) ([]RectLog, error) {
	var ls []RectLog
	err := s.db.Where("item_id = ?", itemID).Order("id").Find(&ls).Error
	return ls, translate(err)
}

// AddRectLog appends a line to an item's log.
func (s *Store) AddRectLog(l *RectLog) error { return translate(s.db.Create(l).Error) }

// SaveEvidence records a file stored for an item, with its content, in one
// transaction.
func (s *Store) SaveEvidence(e *Evidence, content []byte) error {
	return translate(s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(e).Error; err != nil {
			return err
		}
		return tx.Exec("INSERT INTO evidence_contents (evidence_id, content) VALUES (?, ?)", e.ID, content).Error
	}))
}

// EvidenceContent reads what an evidence file holds; ErrNotFound when the
// record has none (a file added before the content was kept, whose copy
// is only in the folder of the computer it was added on).
func (s *Store) EvidenceContent(id uint) ([]byte, error) {
	var content []byte
	row := s.db.Raw("SELECT content FROM evidence_contents WHERE evidence_id = ?", id).Row()
	if err := row.Scan(&content); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, translate(err)
	}
	return content, nil
}

// keepEvidenceContents puts into the records the content of the evidence
// files that were only in the data folder, when a file from before schema
// 7 is opened. A file that is missing stays without content.
func (s *Store) keepEvidenceContents() error {
	var missing []Evidence
	err := s.db.Unscoped().Where("id NOT IN (SELECT evidence_id FROM evidence_contents)").Find(&missing).Error
	if err != nil {
		return err
	}
	for _, e := range missing {
		content, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(e.Stored)))
		if err != nil {
			continue
		}
		if err := s.db.Exec("INSERT INTO evidence_contents (evidence_id, content) VALUES (?, ?)", e.ID, content).Error; err != nil {
			return err
		}
	}
	return nil
}

// EvidenceOf lists an item's living files.
func (s *Store) EvidenceOf(itemID uint) ([]Evidence, error) {
	var es []Evidence
	err := s.db.Where("item_id = ?", itemID).Order("id").Find(&es).Error
	return es, translate(err)
}

// IndicatorEvidence lists the living files attached to the indicators of
// a union for a school year, by indicator, oldest first.
func (s *Store) IndicatorEvidence(orgID uint, year string) (map[string][]Evidence, error) {
	var es []Evidence
	err := s.db.Where("item_id IS NULL AND organization_id = ? AND year = ?", orgID, year).Order("id").Find(&es).Error
	out := map[string][]Evidence{}
	for _, e := range es {
		out[e.Indicator] = append(out[e.Indicator], e)
	}
	return out, translate(err)
}

// Evidence reads one living file record.
func (s *Store) Evidence(id uint) (Evidence, error) { return getRecord[Evidence](s.db, id) }

// DeleteEvidence moves a file record to the recycle bin; the file stays.
func (s *Store) DeleteEvidence(id uint) error { return deleteRecord[Evidence](s.db, id) }
