package app

import (
	"errors"
	"fmt"
	"strings"

	"tuanxue/data"
)

// DelegateDraft is one row of the delegates grid as filled in. A row with
// an ID and Remove set leaves the register; a new row without a 学号 is
// an unused line of the grid.
type DelegateDraft struct {
	ID             uint
	Version        int
	StudentNo      string
	OrganizationID *uint // the college whose seats the delegate fills; nil: found from the person
	ClassName      string
	ElectedBy      string
	Attendance     string
	Notes          string
	Remove         bool
}

// SaveDelegates validates the delegates grid of a congress and stores every
// row in one transaction, or none when any row is wrong.
func (s *Service) SaveDelegates(meetingID uint, drafts []DelegateDraft) error {
	m, err := s.Congress(meetingID)
	if err != nil {
		return err
	}
	colleges, err := s.CongressColleges(m)
	if err != nil {
		return err
	}
	var bad BatchError
	var keep []Delegate
	var rows []int // keep[i] is drafts[rows[i]]
	var drop []uint
	seen := map[string]int{}
	for i, d := range drafts {
		if d.Remove || (d.ID == 0 && strings.TrimSpace(d.StudentNo) == "") {
			if d.ID != 0 {
				drop = append(drop, d.ID)
			}
			continue
		}
		rec, v := s.checkDelegate(m, colleges, d)
		if no := strings.TrimSpace(d.StudentNo); seen[no] > 0 {
			v.add("StudentNo", fmt.Sprintf("学号 %s 与第 %d 行重复：一人只能登记一次", no, seen[no]))
		} else {
			seen[no] = i + 1
		}
		if len(v) > 0 {
			bad = append(bad, RowError{i, v})
			continue
		}
		keep, rows = append(keep, rec), append(rows, i)
	}
	if len(bad) > 0 {
		return bad
	}
	err = s.InTransaction(func(tx *Service) error {
		for _, id := range drop {
			if err := tx.store.DeleteDelegate(id); err != nil && !errors.Is(err, data.ErrNotFound) {
				return err
			}
		}
		for i := range keep {
			err := tx.store.SaveDelegate(&keep[i])
			if errors.Is(err, data.ErrDuplicate) {
				no := strings.TrimSpace(drafts[rows[i]].StudentNo)
				return BatchError{{rows[i], ValidationError{{"StudentNo", "学号 " + no + " 已在代表名册中"}}}}
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	return s.refused(err, m.OrganizationID)
}

// checkDelegate reads one row: the person must be on the roster, the
// college one the congress gives seats to.
func (s *Service) checkDelegate(m Meeting, colleges []Organization, d DelegateDraft) (Delegate, ValidationError) {
	var v ValidationError
	rec := Delegate{ID: d.ID, Version: d.Version, MeetingID: m.ID, ElectedBy: d.ElectedBy, Attendance: d.Attendance}
	no := strings.TrimSpace(d.StudentNo)
	p, err := s.store.PersonByStudentNo(no)
	switch {
	case no == "":
		v.add("StudentNo", "请填写代表的学号")
	case errors.Is(err, data.ErrNotFound):
		v.add("StudentNo", fmt.Sprintf("学号 %s 不在人员名册中：代表须是名册上的学生，请先在“学生骨干”中添加此人", no))
	case err != nil:
		v.add("StudentNo", Message(err))
	}
	rec.PersonID = p.ID
	rec.ClassName = cleanText(&v, "ClassName", "班级", d.ClassName, MaxNameLen)
	if rec.ClassName == "" {
		rec.ClassName = p.ClassName
	}
	rec.Notes = cleanText(&v, "Notes", "备注", d.Notes, 200)
	if rec.ElectedBy == "" {
		rec.ElectedBy = data.DelegateByClass
	}
	if TextOf(DelegateWays, rec.ElectedBy) == rec.ElectedBy {
		v.add("ElectedBy", "请选择代表产生方式")
	}
	if rec.Attendance != "" && TextOf(AttendanceMarks, rec.Attendance) == rec.Attendance {
		v.add("Attendance", "请选择出席情况")
	}
	if rec.Attendance != "" && s.Today().Before(m.HeldOn) {
		v.add("Attendance", fmt.Sprintf("大会在 %s 召开，尚未开会，不能登记出席", m.HeldOn))
	}
	rec.OrganizationID = collegeOf(colleges, d.OrganizationID, p)
	if rec.OrganizationID == nil && p.ID != 0 {
		v.add("OrganizationID", fmt.Sprintf("请选择%s所在的学院（名单中没有与“%s”对应的二级学院学生会）", p.Name, p.College))
	}
	return rec, v
}

// collegeOf is the chosen college when it is one of the congress's, or the
// one whose name begins with the person's 二级学院, or the only one.
func collegeOf(colleges []Organization, chosen *uint, p Person) *uint {
	for _, o := range colleges {
		if chosen != nil && o.ID == *chosen {
			return &o.ID
		}
	}
	if chosen != nil {
		return nil
	}
	if len(colleges) == 1 {
		return &colleges[0].ID
	}
	for _, o := range colleges {
		if p.College != "" && strings.HasPrefix(o.Name, p.College) {
			return &o.ID
		}
	}
	return nil
}

// DelegateRow is one delegate as the register prints it.
type DelegateRow struct {
	Delegate
	Person  Person
	College string
	Cadre   string // the union posts held on the congress day, "" for none
}

// DelegateSheet lists a congress's delegates with their college and the
// union posts they held on the day (a person's posts on the congress date
// decide whether a delegate counts as a cadre).
func (s *Service) DelegateSheet(m Meeting, ds []Delegate) ([]DelegateRow, error) {
	tree, err := s.OrgTree()
	if err != nil {
		return nil, err
	}
	staff, err := s.store.StaffOn(m.HeldOn, data.KindSchoolUnion, data.KindCollegeUnion)
	if err != nil {
		return nil, err
	}
	posts := map[uint][]string{}
	for _, r := range staff {
		if r.MeetingID != nil && *r.MeetingID == m.ID {
			continue // elected by this congress: not a cadre when it sat
		}
		org, _ := tree.Get(r.OrganizationID)
		posts[r.PersonID] = append(posts[r.PersonID], org.Name+r.Post)
	}
	out := make([]DelegateRow, len(ds))
	for i, d := range ds {
		p, err := s.store.Person(d.PersonID)
		if err != nil && !errors.Is(err, data.ErrNotFound) {
			return nil, err
		}
		row := DelegateRow{Delegate: d, Person: p, Cadre: strings.Join(posts[d.PersonID], "、")}
		if d.OrganizationID != nil {
			o, _ := tree.Get(*d.OrganizationID)
			row.College = o.Name
		}
		out[i] = row
	}
	return out, nil
}

// DelegateDraftOf fills a grid row from a stored delegate.
func DelegateDraftOf(r DelegateRow) DelegateDraft {
	return DelegateDraft{ID: r.ID, Version: r.Version, StudentNo: r.Person.StudentNo, OrganizationID: r.OrganizationID,
		ClassName: r.ClassName, ElectedBy: r.ElectedBy, Attendance: r.Attendance, Notes: r.Notes}
}
