package data

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// How an appointment came about.
const (
	SelectedByRound    = "round"    // a selection round (选拔)
	SelectedByCongress = "congress" // elected by the 学生代表大会
	SelectedByImport   = "import"   // taken over from an imported roster
	SelectedByOther    = "other"
)

// Appointment is one term of a person in a post (任职). DepartmentID nil
// means the 主席团; EndOn unset means the term is running.
type Appointment struct {
	ID             uint
	PersonID       uint
	OrganizationID uint
	DepartmentID   *uint
	Post           string
	PostRank       int  // orders the roster: 主席 first, 干事 last
	StartOn        Date `gorm:"type:text"`
	EndOn          Date `gorm:"type:text"`
	SelectedBy     string
	RoundID        *uint
	MeetingID      *uint // the congress that elected the term
	Notes          string
	Version        int // see saveRecord
	CreatedAt      time.Time
	UpdatedAt      time.Time
	DeletedAt      gorm.DeletedAt
}

// Appointment reads one living appointment.
func (s *Store) Appointment(id uint) (Appointment, error) {
	return getRecord[Appointment](s.db, id)
}

// SaveAppointment creates a when a.ID is zero and updates it otherwise.
func (s *Store) SaveAppointment(a *Appointment) error { return saveRecord(s.db, a, a.ID) }

// AppointmentsOf lists a person's appointments, newest first.
func (s *Store) AppointmentsOf(personID uint) ([]Appointment, error) {
	var as []Appointment
	err := s.db.Where("person_id = ?", personID).Order("start_on DESC, id DESC").Find(&as).Error
	return as, translate(err)
}

// Exit reasons (退出原因).
const (
	ExitTermEnd    = "term_end"   // 届满
	ExitGraduation = "graduation" // 毕业
	ExitResigned   = "resigned"   // 个人辞职
	ExitFailed     = "failed"     // 考核不合格
	ExitDiscipline = "discipline" // 违纪
	ExitAcademic   = "academic"   // 学业原因
	ExitOther      = "other"      // 其他
)

// Exit records how and when a term ended early or on time (退出).
type Exit struct {
	ID            uint
	AppointmentID uint
	PersonID      uint
	ExitOn        Date `gorm:"type:text"`
	Reason        string
	Notes         string
	Version       int // see saveRecord
	CreatedAt     time.Time
	UpdatedAt     time.Time
	DeletedAt     gorm.DeletedAt

	// AppointmentVersion is the Version of the term as the exit dialog read
	// it: a term changed or ended since is not ended over that change.
	AppointmentVersion int `gorm:"-"`
}

// RecordExits ends each exit's appointment on its date and stores the
// exits, all in one transaction. An appointment that is no longer at the
// version the exit read it at, ended or not, refuses the whole batch with
// ErrConflict.
func (s *Store) RecordExits(exits []Exit) error {
	return translate(s.db.Transaction(func(tx *gorm.DB) error {
		for i := range exits {
			e := &exits[i]
			res := tx.Model(&Appointment{}).
				Where("id = ? AND person_id = ? AND end_on IS NULL", e.AppointmentID, e.PersonID).
				Where("version = ?", e.AppointmentVersion).
				Updates(map[string]any{"end_on": e.ExitOn, "version": e.AppointmentVersion + 1})
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				var n int64
				if err := tx.Model(&Appointment{}).Where("id = ? AND person_id = ?", e.AppointmentID, e.PersonID).
					Count(&n).Error; err != nil {
					return err
				}
				if n > 0 {
					return fmt.Errorf("appointment %d: %w", e.AppointmentID, ErrConflict)
				}
				return fmt.Errorf("appointment %d: %w", e.AppointmentID, ErrNotFound)
			}
			e.Version = 1
			if err := tx.Create(e).Error; err != nil {
				return err
			}
		}
		return nil
	}))
}

// ExitsOf lists a person's exits, newest first.
func (s *Store) ExitsOf(personID uint) ([]Exit, error) {
	var es []Exit
	err := s.db.Where("person_id = ?", personID).Order("exit_on DESC, id DESC").Find(&es).Error
	return es, translate(err)
}

// CreateAppointments inserts new appointments in batches.
func (s *Store) CreateAppointments(as []Appointment) error { return createAll(s.db, as) }

// OpenAppointmentsOf lists the running terms of the given people, keyed by
// person.
func (s *Store) OpenAppointmentsOf(ids []uint) (map[uint][]Appointment, error) {
	out := map[uint][]Appointment{}
	for start := 0; start < len(ids); start += 500 {
		var batch []Appointment
		err := s.db.Where("end_on IS NULL AND person_id IN ?", ids[start:min(start+500, len(ids))]).Find(&batch).Error
		if err != nil {
			return nil, translate(err)
		}
		for _, a := range batch {
			out[a.PersonID] = append(out[a.PersonID], a)
		}
	}
	return out, nil
}

// Optimize lets the database refresh its statistics after a large import.
func (s *Store) Optimize() error {
	if s.server {
		// Our tables only: a bare ANALYZE would visit every schema of the
		// database and wait on other programs' locks.
		return s.db.Exec("ANALYZE " + strings.Join(copyOrder, ", ")).Error
	}
	return s.db.Exec("PRAGMA optimize").Error
}

// ExitRow is an exit with who left which post.
type ExitRow struct {
	Exit
	Name, StudentNo, Post, OrgName string
}

// ExitsBetween lists the exits dated from..to, oldest first.
func (s *Store) ExitsBetween(from, to Date) ([]ExitRow, error) {
	var rows []ExitRow
	err := s.db.Table("exits AS e").
		Select("e.*, p.name, p.student_no, a.post, o.name AS org_name").
		Joins("JOIN people AS p ON p.id = e.person_id").
		Joins("JOIN appointments AS a ON a.id = e.appointment_id").
		Joins("JOIN organizations AS o ON o.id = a.organization_id").
		Where("e.deleted_at IS NULL AND e.exit_on >= ? AND e.exit_on <= ?", from, to).
		Order("e.exit_on, e.id").Scan(&rows).Error
	return rows, translate(err)
}
