package data

import (
	"database/sql"
	"slices"

	"gorm.io/gorm"
)

// Roster statuses.
const (
	RosterAll     = ""
	RosterInPost  = "in_post" // in post at some time of the period (on the day, when From = To)
	RosterLeft    = "left"    // the term has ended
	RosterFlagged = "flagged" // in post and marked for the exit mechanism (建议退出)
)

// RosterFilter selects the rows of the cadre roster (学生骨干名册).
type RosterFilter struct {
	OrganizationID uint  // 0: every organization
	DepartmentID   *uint // nil: every department and the 主席团
	Presidium      bool  // only the 主席团 (DepartmentID is then ignored)
	Political      string
	Grade          int
	From, To       Date    // the period a term must overlap; zero: open terms
	Status         string  // one of the Roster… statuses
	Semester       string  // whose assessment grade is shown and flags
	RankLimit      float64 // a ranking beyond this percentage flags the person
	Search         string  // part of a name or 学号
}

// RosterRow is one appointment with its person, as the roster shows it.
type RosterRow struct {
	AppointmentID   uint
	PersonID        uint
	StudentNo       string
	Name            string
	Gender          string
	College         string
	Major           string
	ClassName       string
	Grade           int
	Phone           string
	PoliticalStatus string
	PartyAppliedOn  Date
	RankPercent     *float64
	FailedCourses   int
	OrganizationID  uint
	OrgName         string
	DepartmentID    *uint
	DeptName        *string
	Post            string
	StartOn         Date
	EndOn           Date
	AssessmentGrade *string
	ReviewFailed    bool // failed the semester's 述职评议
}

const rosterColumns = `a.id AS appointment_id, p.id AS person_id, p.student_no, p.name, p.gender,
	p.college, p.major, p.class_name, p.grade, p.phone, p.political_status, p.party_applied_on,
	p.rank_percent, p.failed_courses, a.organization_id, o.name AS org_name, a.department_id,
	d.name AS dept_name, a.post, a.start_on, a.end_on, s.grade AS assessment_grade, rf.failed AS review_failed`

// reviewFailedJoin gives each person who failed a 述职评议 of the semester
// one row, so the join adds no roster rows.
const reviewFailedJoin = `LEFT JOIN (SELECT rr.person_id, 1 AS failed FROM review_reporters AS rr
	JOIN reviews AS rv ON rv.id = rr.review_id AND rv.deleted_at IS NULL
	WHERE rv.semester = ? AND rr.result = ? GROUP BY rr.person_id) AS rf ON rf.person_id = a.person_id`

func (s *Store) rosterQuery(f RosterFilter) *gorm.DB { return s.rosterRows(f, true) }

// rosterRows selects a filter's rows; without columns, for a count that
// reads nothing of the people or departments, the people in the recycle bin
// are left out by a list of their ids instead of a join per row (the same
// rows: an appointment's person always exists, a foreign key).
func (s *Store) rosterRows(f RosterFilter, columns bool) *gorm.DB {
	q := s.db.Table("appointments AS a")
	if columns || f.Political != "" || f.Grade != 0 || f.Search != "" || f.Status == RosterFlagged {
		q = q.Joins("JOIN people AS p ON p.id = a.person_id AND p.deleted_at IS NULL")
	} else {
		q = q.Where("a.person_id NOT IN (SELECT id FROM people WHERE deleted_at IS NOT NULL)")
	}
	q = q.Joins("JOIN organizations AS o ON o.id = a.organization_id AND o.deleted_at IS NULL")
	if columns {
		q = q.Joins("LEFT JOIN departments AS d ON d.id = a.department_id")
	}
	q = q.Joins("LEFT JOIN assessments AS s ON s.person_id = a.person_id AND s.semester = ? AND s.deleted_at IS NULL", f.Semester).
		Where("a.deleted_at IS NULL")
	if columns || f.Status == RosterFlagged {
		q = q.Joins(reviewFailedJoin, f.Semester, ReviewFail)
	}
	if f.OrganizationID != 0 {
		q = q.Where("a.organization_id = ?", f.OrganizationID)
	}
	switch {
	case f.Presidium:
		q = q.Where("a.department_id IS NULL")
	case f.DepartmentID != nil:
		q = q.Where("a.department_id = ?", *f.DepartmentID)
	}
	if f.Political != "" {
		q = q.Where("p.political_status = ?", f.Political)
	}
	if f.Grade != 0 {
		q = q.Where("p.grade = ?", f.Grade)
	}
	inPost := func(q *gorm.DB) *gorm.DB {
		if f.From.IsZero() || f.To.IsZero() {
			return q.Where("a.end_on IS NULL")
		}
		return q.Where("a.start_on <= ? AND (a.end_on IS NULL OR a.end_on >= ?)", f.To, f.From)
	}
	switch f.Status {
	case RosterInPost:
		q = inPost(q)
	case RosterLeft:
		q = q.Where("a.end_on IS NOT NULL")
		if !f.To.IsZero() {
			q = q.Where("a.end_on <= ?", f.To)
		}
	case RosterFlagged:
		q = inPost(q).Where("(s.grade = ? OR rf.failed = 1 OR p.failed_courses > 0 OR p.rank_percent > ?)", GradeFail, f.RankLimit)
	default:
		if !f.From.IsZero() && !f.To.IsZero() {
			q = q.Where("a.start_on <= ?", f.To)
		}
	}
	if f.Search != "" {
		like := "%" + escapeLike(f.Search) + "%"
		q = q.Where("(p.name LIKE ? ESCAPE '\\' OR p.student_no LIKE ? ESCAPE '\\')", like, like)
	}
	return q
}

// rosterOrder follows the appointments_roster index, so the order costs no
// sort: organization, 主席团 (no department) first, then departments as
// created, post, person, start of term.
const rosterOrder = "a.organization_id, a.department_id NULLS FIRST, a.post_rank, a.person_id, a.start_on"

// RosterIDs lists the appointments a filter selects, in roster order. The
// roster screen keeps this list and reads rows for what is on screen, so
// scrolling 20,000 rows costs one small query per page.
func (s *Store) RosterIDs(f RosterFilter) ([]uint, error) {
	var ids []uint
	err := s.rosterQuery(f).Order(rosterOrder).Pluck("a.id", &ids).Error
	return ids, translate(err)
}

// RosterRows reads the rows of the given appointments, in the order given.
// semester picks the assessment grade shown.
func (s *Store) RosterRows(ids []uint, semester string) ([]RosterRow, error) {
	var rows []RosterRow
	err := s.rosterQuery(RosterFilter{Semester: semester}).Select(rosterColumns).
		Where("a.id IN ?", ids).Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	at := make(map[uint]int, len(ids))
	for i, id := range ids {
		at[id] = i
	}
	slices.SortFunc(rows, func(x, y RosterRow) int { return at[x.AppointmentID] - at[y.AppointmentID] })
	return rows, nil
}

// StaffRow is what the reform check needs of one person in post.
type StaffRow struct {
	AppointmentID   uint
	PersonID        uint
	OrganizationID  uint
	DepartmentID    *uint
	Name            string
	Post            string
	Grade           int
	PoliticalStatus string
	PartyAppliedOn  Date
	RankPercent     *float64
	FailedCourses   int
	MeetingID       *uint // the congress that elected the term
}

// StaffOn lists everyone in post on day in organizations of the given
// kinds, in one query scanned by hand: the check of a 20,000-cadre college
// reads them all, and GORM's reflection would be most of its time.
func (s *Store) StaffOn(day Date, kinds ...string) ([]StaffRow, error) {
	// Room for every live term at once, counted before the rows are read
	// (the file has one connection): growing the slice row by row was a
	// tenth of the check's time (copies of 20,000 rows with pointers).
	var live int64
	if err := s.db.Table("appointments").Where("deleted_at IS NULL").Count(&live).Error; err != nil {
		return nil, translate(err)
	}
	rows, err := s.db.Table("appointments AS a").
		Select(`a.id, a.person_id, a.organization_id, a.department_id, p.name, a.post, p.grade,
			p.political_status, p.party_applied_on, p.rank_percent, p.failed_courses, a.meeting_id`).
		Joins("JOIN people AS p ON p.id = a.person_id AND p.deleted_at IS NULL").
		Joins("JOIN organizations AS o ON o.id = a.organization_id AND o.deleted_at IS NULL").
		Where(inPostOn("?"), kinds, day, day).
		Order(rosterOrder).Rows()
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	out := make([]StaffRow, 0, live)
	for rows.Next() {
		var r StaffRow
		var dept sql.NullInt64
		var rank sql.NullFloat64
		var meeting sql.NullInt64
		if err := rows.Scan(&r.AppointmentID, &r.PersonID, &r.OrganizationID, &dept, &r.Name, &r.Post, &r.Grade,
			&r.PoliticalStatus, &r.PartyAppliedOn, &rank, &r.FailedCourses, &meeting); err != nil {
			return nil, translate(err)
		}
		if dept.Valid {
			id := uint(dept.Int64)
			r.DepartmentID = &id
		}
		if rank.Valid {
			r.RankPercent = &rank.Float64
		}
		if meeting.Valid {
			id := uint(meeting.Int64)
			r.MeetingID = &id
		}
		out = append(out, r)
	}
	return out, translate(rows.Err())
}

// Headcount is how many people held a post on a day, and how many of them
// had submitted a party application (by date or by political status).
type Headcount struct {
	InPost, Applied int
}

// HeadcountOn counts the people in post on day in any organization.
func (s *Store) HeadcountOn(day Date) (Headcount, error) {
	var h Headcount
	err := s.db.Table("appointments AS a").
		Select(`count(DISTINCT p.id) AS in_post, count(DISTINCT CASE WHEN p.party_applied_on IS NOT NULL
			OR p.political_status IN ? THEN p.id END) AS applied`,
			[]string{PoliticalActivist, PoliticalCandidate, PoliticalProbationary, PoliticalParty}).
		Joins("JOIN people AS p ON p.id = a.person_id AND p.deleted_at IS NULL").
		Where("a.deleted_at IS NULL AND a.start_on <= ? AND (a.end_on IS NULL OR a.end_on >= ?)", day, day).
		Scan(&h).Error
	return h, translate(err)
}

// RosterAll reads every row of a filter in roster order, in one query
// scanned by hand, for reports and exports of the whole roster.
func (s *Store) RosterAll(f RosterFilter) ([]RosterRow, error) {
	rows, err := s.rosterQuery(f).Select(rosterColumns).Order(rosterOrder).Rows()
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []RosterRow
	for rows.Next() {
		var r RosterRow
		var dept sql.NullInt64
		var deptName, grade sql.NullString
		var rank sql.NullFloat64
		var failed sql.NullInt64
		if err := rows.Scan(&r.AppointmentID, &r.PersonID, &r.StudentNo, &r.Name, &r.Gender, &r.College, &r.Major,
			&r.ClassName, &r.Grade, &r.Phone, &r.PoliticalStatus, &r.PartyAppliedOn, &rank, &r.FailedCourses,
			&r.OrganizationID, &r.OrgName, &dept, &deptName, &r.Post, &r.StartOn, &r.EndOn, &grade, &failed); err != nil {
			return nil, translate(err)
		}
		if dept.Valid {
			id := uint(dept.Int64)
			r.DepartmentID = &id
		}
		if deptName.Valid {
			r.DeptName = &deptName.String
		}
		if rank.Valid {
			r.RankPercent = &rank.Float64
		}
		if grade.Valid {
			r.AssessmentGrade = &grade.String
		}
		r.ReviewFailed = failed.Valid && failed.Int64 == 1
		out = append(out, r)
	}
	return out, translate(rows.Err())
}
