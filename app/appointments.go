package app

import (
	"errors"
	"fmt"
	"strings"

	"tuanxue/data"
)

// Appointment is a stored term in a post; Exit a stored exit.
type (
	Appointment = data.Appointment
	Exit        = data.Exit
)

// AppointmentDraft is the appointment form as filled in.
type AppointmentDraft struct {
	ID             uint
	Version        int // as read, so a save over a newer one is refused
	PersonID       uint
	OrganizationID uint
	DepartmentID   *uint // nil: 主席团
	Post           string
	StartOn        string
	EndOn          string
	SelectedBy     string
	RoundID        *uint
	Notes          string
}

// CheckAppointment validates a draft against the rules and the person's
// other terms, and returns the record to save.
func (s *Service) CheckAppointment(d AppointmentDraft) (Appointment, ValidationError) {
	var v ValidationError
	a := Appointment{ID: d.ID, Version: d.Version, PersonID: d.PersonID, OrganizationID: d.OrganizationID,
		DepartmentID: d.DepartmentID, SelectedBy: d.SelectedBy, RoundID: d.RoundID}
	if a.SelectedBy == "" {
		a.SelectedBy = data.SelectedByOther
	}
	a.Post = cleanName(&v, "Post", "职务", d.Post, 20)
	a.PostRank = PostRank(a.Post)
	a.Notes = cleanText(&v, "Notes", "备注", d.Notes, MaxNotesLen)
	a.StartOn = parseDay(&v, "StartOn", "任职开始日期", d.StartOn)
	if a.StartOn.IsZero() && v.For("StartOn") == "" {
		v.add("StartOn", "请填写任职开始日期")
	}
	a.EndOn = parseDay(&v, "EndOn", "任职结束日期", d.EndOn)
	inOrder(&v, "EndOn", "开始日期", "结束日期", a.StartOn, a.EndOn)

	person, err := s.store.Person(d.PersonID)
	if err != nil {
		v.add("PersonID", "请选择人员")
	}
	org, err := s.store.Organization(d.OrganizationID)
	switch {
	case err != nil:
		v.add("OrganizationID", "请选择组织")
	case org.Status != data.StatusActive && a.EndOn.IsZero():
		v.add("OrganizationID", fmt.Sprintf("“%s”%s，不能新任职务", org.Name, TextOf(Statuses, org.Status)))
	default:
		s.checkDepartment(&v, org, a)
	}
	if len(v) == 0 {
		s.checkOverlap(&v, person, org, a)
	}
	return a, v
}

// checkDepartment: 主席团 posts belong to no department, department posts of
// a union need one, and the department must be the organization's own.
func (s *Service) checkDepartment(v *ValidationError, org Organization, a Appointment) {
	if a.DepartmentID == nil {
		if HasDepartments(org.Kind) && a.Post != "" && !IsPresidiumPost(a.Post) {
			v.add("DepartmentID", fmt.Sprintf("%s须选择所在部门；主席团只设主席、副主席", a.Post))
		}
		return
	}
	if IsPresidiumPost(a.Post) {
		v.add("DepartmentID", a.Post+"属于主席团，不属于任何部门")
		return
	}
	dept, err := s.store.Department(*a.DepartmentID)
	switch {
	case err != nil || dept.OrganizationID != org.ID:
		v.add("DepartmentID", "所选部门不属于"+org.Name)
	case dept.Status != data.StatusActive && a.EndOn.IsZero():
		v.add("DepartmentID", fmt.Sprintf("“%s”%s，不能新任职务", dept.Name, TextOf(Statuses, dept.Status)))
	}
}

// checkOverlap enforces one post per person per organization at a time.
func (s *Service) checkOverlap(v *ValidationError, p Person, org Organization, a Appointment) {
	others, err := s.store.AppointmentsOf(p.ID)
	if err != nil {
		v.add("", Message(err))
		return
	}
	for _, o := range others {
		if o.ID == a.ID || o.OrganizationID != a.OrganizationID || !overlaps(o, a) {
			continue
		}
		until := "至今"
		if !o.EndOn.IsZero() {
			until = "至 " + o.EndOn.String()
		}
		v.add("OrganizationID", fmt.Sprintf("%s 在%s已有任职（%s，%s %s），同一组织同一时间只能担任一个职务",
			p.Name, org.Name, o.Post, o.StartOn, until))
		return
	}
}

func overlaps(a, b Appointment) bool {
	aEndsBeforeB := !a.EndOn.IsZero() && a.EndOn.Before(b.StartOn)
	bEndsBeforeA := !b.EndOn.IsZero() && b.EndOn.Before(a.StartOn)
	return !aEndsBeforeB && !bEndsBeforeA
}

// SaveAppointment validates and stores an appointment.
func (s *Service) SaveAppointment(d AppointmentDraft) (Appointment, error) {
	a, v := s.CheckAppointment(d)
	if err := v.Err(); err != nil {
		return a, err
	}
	err := s.store.SaveAppointment(&a)
	if errors.Is(err, data.ErrDuplicate) {
		return a, ValidationError{{"OrganizationID", "此人在该组织已有正在进行的任职"}}
	}
	return a, err
}

// Appointments lists a person's terms, newest first.
func (s *Service) Appointments(personID uint) ([]Appointment, error) {
	return s.store.AppointmentsOf(personID)
}

// ExitDraft is the exit dialog: which open terms of a person end, when, why.
type ExitDraft struct {
	PersonID       uint
	AppointmentIDs []uint
	// Versions holds each term's Version as the dialog read it, so a term
	// changed or ended in another office since is not ended over that
	// change. A term without one (the sample, scripts) is taken as it is now.
	Versions map[uint]int
	On       string
	Reason   string // code
	Notes    string
}

// RecordExit ends the chosen terms of a person (退出) and keeps the record.
// The exit date is the first day out of post: each term's last day is the
// day before (or its first day, for an exit on the day it began), so that
// someone who leaves today is no longer counted, listed as 在任 or flagged
// 建议退出 today.
func (s *Service) RecordExit(d ExitDraft) error {
	var v ValidationError
	on := parseDay(&v, "On", "退出日期", d.On)
	if on.IsZero() && v.For("On") == "" {
		v.add("On", "请填写退出日期")
	}
	notAfter(&v, "On", "退出日期", on, s.Today())
	if TextOf(ExitReasons, d.Reason) == d.Reason {
		v.add("Reason", "请选择退出原因")
	}
	notes := cleanText(&v, "Notes", "说明", d.Notes, MaxNotesLen)
	if len(d.AppointmentIDs) == 0 {
		v.add("AppointmentIDs", "请选择要退出的职务")
	}
	exits := make([]Exit, 0, len(d.AppointmentIDs))
	for _, id := range d.AppointmentIDs {
		a, err := s.store.Appointment(id)
		read, ok := d.Versions[id]
		if !ok {
			read = a.Version
		}
		switch {
		case err != nil || a.PersonID != d.PersonID:
			v.add("AppointmentIDs", "所选职务不存在")
		case a.Version != read:
			return data.ErrConflict
		case !a.EndOn.IsZero():
			v.add("AppointmentIDs", fmt.Sprintf("%s的任职已于 %s 结束", a.Post, a.EndOn))
		case !on.IsZero() && on.Before(a.StartOn):
			v.add("On", fmt.Sprintf("退出日期不能早于任职开始日期（%s）", a.StartOn))
		}
		exits = append(exits, Exit{AppointmentID: id, PersonID: d.PersonID, ExitOn: on, Reason: d.Reason, Notes: notes,
			AppointmentVersion: read})
	}
	if err := v.Err(); err != nil {
		return err
	}
	return s.InTransaction(func(tx *Service) error {
		if err := tx.store.RecordExits(exits); err != nil {
			return err
		}
		for _, e := range exits {
			if err := tx.endTermBefore(e.AppointmentID, on); err != nil {
				return err
			}
		}
		return nil
	})
}

// endTermBefore makes the day before on the last day of a term that an
// exit on on has just ended.
func (s *Service) endTermBefore(id uint, on data.Date) error {
	a, err := s.store.Appointment(id)
	if err != nil {
		return err
	}
	last := data.DateOf(on.Time().AddDate(0, 0, -1))
	if last.Before(a.StartOn) {
		last = a.StartOn
	}
	a.EndOn = last
	return s.store.SaveAppointment(&a)
}

// inPost reports whether one of the terms runs today or later.
func (s *Service) inPost(as []Appointment) bool {
	today := s.Today()
	for _, a := range as {
		if a.EndOn.IsZero() || !a.EndOn.Before(today) {
			return true
		}
	}
	return false
}

// Exits lists a person's exits, newest first.
func (s *Service) Exits(personID uint) ([]Exit, error) { return s.store.ExitsOf(personID) }

// DefaultRankLimit is reform rule 8's threshold: cadres rank in the top 30 %
// of their major. The rule sets will make it editable.
const DefaultRankLimit = 30.0

// ExitReasonsFor says why a person is marked 建议退出: a 不合格 grade in the
// given assessment, failed courses, or a ranking beyond rankLimit. Empty
// when nothing flags them.
func ExitReasonsFor(p Person, grade, semester string, rankLimit float64) []string {
	var out []string
	if grade == data.GradeFail {
		out = append(out, fmt.Sprintf("%s考核不合格", semesterLabel(semester)))
	}
	if p.FailedCourses > 0 {
		out = append(out, fmt.Sprintf("有 %d 门课程不及格", p.FailedCourses))
	}
	if p.RankPercent != nil && *p.RankPercent > rankLimit {
		out = append(out, fmt.Sprintf("专业排名前 %g%%，未达到前 %g%% 的要求", *p.RankPercent, rankLimit))
	}
	return out
}

func semesterLabel(code string) string {
	if sem, err := ParseSemester(code); err == nil {
		return sem.Label()
	}
	return strings.TrimSpace(code)
}

// PersonFile is everything the person form shows about one person.
type PersonFile struct {
	Person          Person
	Appointments    []Appointment
	Assessments     []Assessment
	Exits           []Exit
	Recommendations []data.Recommendation
	Reviews         []data.ReviewedRow // 述职评议 results, newest first
	ExitReasons     []string           // why the person is marked 建议退出, if they are
}

// PersonFile reads a person with their terms, assessments, exits and 推优.
func (s *Service) PersonFile(id uint) (PersonFile, error) {
	var f PersonFile
	var err error
	if f.Person, err = s.store.Person(id); err != nil {
		return f, err
	}
	if f.Appointments, err = s.store.AppointmentsOf(id); err != nil {
		return f, err
	}
	if f.Assessments, err = s.store.AssessmentsOf(id); err != nil {
		return f, err
	}
	if f.Exits, err = s.store.ExitsOf(id); err != nil {
		return f, err
	}
	if f.Recommendations, err = s.store.RecommendationsOf(id); err != nil {
		return f, err
	}
	if f.Reviews, err = s.store.ReviewsOf(id); err != nil {
		return f, err
	}
	grade, semester := "", ""
	if len(f.Assessments) > 0 {
		grade, semester = f.Assessments[0].Grade, f.Assessments[0].Semester
	}
	// Only someone still in post is proposed for an exit.
	if s.inPost(f.Appointments) {
		f.ExitReasons = ExitReasonsFor(f.Person, grade, semester, DefaultRankLimit)
		if r, ok := f.LatestReviewFailed(); ok {
			f.ExitReasons = append(f.ExitReasons, reviewExitReason(r.Semester))
		}
	}
	return f, nil
}

// LatestReviewFailed returns the person's latest 述职评议 when it was
// failed: like a 不合格 grade, it proposes the exit mechanism.
func (f PersonFile) LatestReviewFailed() (data.ReviewedRow, bool) {
	if len(f.Reviews) > 0 && f.Reviews[0].Result == data.ReviewFail {
		return f.Reviews[0], true
	}
	return data.ReviewedRow{}, false
}
