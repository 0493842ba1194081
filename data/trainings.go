package data

import (
	"time"

	"gorm.io/gorm"
)

// Training kinds (培训与学习).
const (
	TrainingCadre   = "cadre"        // 骨干培训
	TrainingTheory  = "theory"       // 政治理论学习
	TrainingTuanSan = "tuan_san_you" // 团三优培训
	TrainingWeekly  = "weekly_study" // 每周政治业务学习
	TrainingLecture = "lecture"      // 专题讲座
	TrainingOther   = "other"        // 其他
)

// Meeting kinds (会议与记录).
const (
	MeetingCongress  = "congress"       // 学生代表大会
	MeetingCommittee = "committee"      // 委员会会议
	MeetingStudy     = "study"          // 学习会（每周政治业务学习）
	MeetingReport    = "college_report" // 二级学院学生会工作报告
	MeetingLeagueDay = "league_day"     // 主题团日
)

// Attendance marks.
const (
	AttendPresent = "present" // 出席
	AttendLeave   = "leave"   // 请假
	AttendAbsent  = "absent"  // 缺席
)

// Training is one training or study session.
type Training struct {
	ID          uint
	Title       string
	Kind        string
	HeldOn      Date `gorm:"type:text"`
	Semester    string
	Hours       float64
	Place       string
	OrganizerID *uint
	Speaker     string
	Summary     string
	Version     int // see saveRecord
	CreatedAt   time.Time
	UpdatedAt   time.Time
	DeletedAt   gorm.DeletedAt
}

// Meeting is one meeting with its minutes; congress and report fields are
// used by those kinds only.
type Meeting struct {
	ID                  uint
	Version             int // see saveRecord
	Kind                string
	Title               string
	HeldOn              Date `gorm:"type:text"`
	Semester            string
	OrganizationID      uint
	ReportingOrgID      *uint  // the 二级学院 union that reported
	ReportForm          string // "meeting" or "written"
	Place               string
	Recorder            string // 记录人 of the minutes
	DelegatesElected    *int
	DelegatesPresent    *int
	StudentsRepresented *int
	NonCadreDelegates   *int
	PresidiumElected    bool
	CongressForm        string // CongressByDelegates or CongressAssembly
	// FromKit says the four congress numbers above were counted from the
	// delegates register (see KitCounts), not typed; never stored.
	FromKit   bool `gorm:"-" json:"-"`
	Minutes   string
	Problems  string
	Measures  string
	NextTasks string
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt gorm.DeletedAt
}

// Attendance is one person's mark at one session.
type Attendance struct {
	ID         uint
	TrainingID *uint
	MeetingID  *uint
	PersonID   uint
	Status     string
	Guest      bool
}

// TableName keeps the singular table name.
func (Attendance) TableName() string { return "attendance" }

// SaveTraining creates or updates a training.
func (s *Store) SaveTraining(t *Training) error { return saveRecord(s.db, t, t.ID) }

// Training reads one living training.
func (s *Store) Training(id uint) (Training, error) { return getRecord[Training](s.db, id) }

// DeleteTraining moves a training to the recycle bin; its attendance stays
// with it for a restore.
func (s *Store) DeleteTraining(id uint) error { return deleteRecord[Training](s.db, id) }

// SaveMeeting creates or updates a meeting.
func (s *Store) SaveMeeting(m *Meeting) error { return saveRecord(s.db, m, m.ID) }

// Meeting reads one living meeting.
func (s *Store) Meeting(id uint) (Meeting, error) { return getRecord[Meeting](s.db, id) }

// DeleteMeeting moves a meeting to the recycle bin.
func (s *Store) DeleteMeeting(id uint) error { return deleteRecord[Meeting](s.db, id) }

// SessionFilter selects trainings or meetings.
type SessionFilter struct {
	Semester       string // "" for all
	Kind           string
	OrganizationID uint // organizer or holding organization; 0 for all
}

// Trainings lists trainings, newest first.
func (s *Store) Trainings(f SessionFilter) ([]Training, error) {
	q := s.db.Order("held_on DESC, id DESC")
	if f.Semester != "" {
		q = q.Where("semester = ?", f.Semester)
	}
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if f.OrganizationID != 0 {
		q = q.Where("organizer_id = ?", f.OrganizationID)
	}
	var ts []Training
	return ts, translate(q.Find(&ts).Error)
}

// Meetings lists meetings, newest first.
func (s *Store) Meetings(f SessionFilter) ([]Meeting, error) {
	q := s.db.Order("held_on DESC, id DESC")
	if f.Semester != "" {
		q = q.Where("semester = ?", f.Semester)
	}
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if f.OrganizationID != 0 {
		q = q.Where("organization_id = ? OR reporting_org_id = ?", f.OrganizationID, f.OrganizationID)
	}
	var ms []Meeting
	return ms, translate(q.Find(&ms).Error)
}

// SetAttendance replaces the marks of one session (a training when
// trainingID is set, else a meeting) in one transaction.
func (s *Store) SetAttendance(trainingID, meetingID *uint, marks []Attendance) error {
	return translate(s.db.Transaction(func(tx *gorm.DB) error {
		q := tx.Where("meeting_id = ?", meetingID)
		if trainingID != nil {
			q = tx.Where("training_id = ?", trainingID)
		}
		if err := q.Delete(&Attendance{}).Error; err != nil {
			return err
		}
		for i := range marks {
			marks[i].ID, marks[i].TrainingID, marks[i].MeetingID = 0, trainingID, meetingID
		}
		return createAll(tx, marks)
	}))
}

// AttendanceOf lists the marks of one session.
func (s *Store) AttendanceOf(trainingID, meetingID *uint) ([]Attendance, error) {
	q := s.db.Where("meeting_id = ?", meetingID)
	if trainingID != nil {
		q = s.db.Where("training_id = ?", trainingID)
	}
	var as []Attendance
	return as, translate(q.Order("id").Find(&as).Error)
}

// AttendanceCount is how many were marked and how many came.
type AttendanceCount struct {
	Marked, Present int
}

// TrainingAttendance counts the marks of each training of a semester.
func (s *Store) TrainingAttendance(semester string) (map[uint]AttendanceCount, error) {
	var rows []struct {
		TrainingID uint
		Marked     int
		Present    int
	}
	err := s.db.Table("attendance AS a").
		Select("a.training_id, count(*) AS marked, count(CASE WHEN a.status = ? THEN 1 END) AS present", AttendPresent).
		Joins("JOIN trainings AS t ON t.id = a.training_id AND t.deleted_at IS NULL").
		Where("t.semester = ?", semester).Group("a.training_id").Scan(&rows).Error
	out := make(map[uint]AttendanceCount, len(rows))
	for _, r := range rows {
		out[r.TrainingID] = AttendanceCount{r.Marked, r.Present}
	}
	return out, translate(err)
}

// PersonTraining is what one person did in trainings over a semester.
type PersonTraining struct {
	Sessions int     // attended
	Hours    float64 // of the sessions attended
	Cadre    int     // 骨干培训 attended
}

// TrainingByPerson sums, for every person, the trainings of a semester they
// attended: the whole roster at once. The semester's sessions are read
// first and the marks summed here, two integers a row off a covering
// index; a GROUP BY made SQLite sort all 50,000 marks and took three times
// as long.
func (s *Store) TrainingByPerson(semester string) (map[uint]PersonTraining, error) {
	var sessions []Training
	if err := s.db.Select("id, hours, kind").Where("semester = ?", semester).Find(&sessions).Error; err != nil {
		return nil, translate(err)
	}
	byID := make(map[uint]Training, len(sessions))
	ids := make([]uint, len(sessions))
	for i, t := range sessions {
		byID[t.ID], ids[i] = t, t.ID
	}
	out := map[uint]PersonTraining{}
	for start := 0; start < len(ids); start += 500 {
		rows, err := s.db.Model(&Attendance{}).Select("training_id, person_id").
			Where("status = ? AND training_id IN ?", AttendPresent, ids[start:min(start+500, len(ids))]).Rows()
		if err != nil {
			return nil, translate(err)
		}
		var tid, pid uint
		for rows.Next() {
			if err := rows.Scan(&tid, &pid); err != nil {
				rows.Close()
				return nil, translate(err)
			}
			t, p := byID[tid], out[pid]
			p.Sessions++
			p.Hours += t.Hours
			if t.Kind == TrainingCadre {
				p.Cadre++
			}
			out[pid] = p
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, translate(err)
		}
	}
	return out, nil
}

// TrainingOfPerson is one session in a person's record.
type TrainingOfPerson struct {
	Training
	Status string
}

// TrainingsOf lists the trainings a person was marked at, newest first.
func (s *Store) TrainingsOf(personID uint) ([]TrainingOfPerson, error) {
	var rows []TrainingOfPerson
	err := s.db.Table("attendance AS a").Select("t.*, a.status").
		Joins("JOIN trainings AS t ON t.id = a.training_id AND t.deleted_at IS NULL").
		Where("a.person_id = ?", personID).Order("t.held_on DESC, t.id DESC").Scan(&rows).Error
	return rows, translate(err)
}

// InPostOn reports which of the given people held a post on day.
func (s *Store) InPostOn(ids []uint, day Date) (map[uint]bool, error) {
	out := map[uint]bool{}
	for start := 0; start < len(ids); start += 500 {
		var found []uint
		err := s.db.Model(&Appointment{}).Distinct("person_id").
			Where("person_id IN ? AND start_on <= ? AND (end_on IS NULL OR end_on >= ?)", ids[start:min(start+500, len(ids))], day, day).
			Pluck("person_id", &found).Error
		if err != nil {
			return nil, translate(err)
		}
		for _, id := range found {
			out[id] = true
		}
	}
	return out, nil
}
