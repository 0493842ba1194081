package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"tuanxue/data"
)

// DeptDraft is the department form as filled in.
type DeptDraft struct {
	ID             uint
	Version        int // as read, so a save over a newer one is refused
	OrganizationID uint
	Name           string
	Duties         string
	SortOrder      string
	Status         string // active or dissolved; merging has its own dialog
	StatusOn       string
	Notes          string
}

// DeptDraftOf fills a form draft from a stored department.
func DeptDraftOf(d Department) DeptDraft {
	return DeptDraft{ID: d.ID, Version: d.Version, OrganizationID: d.OrganizationID, Name: d.Name, Duties: d.Duties,
		SortOrder: strconv.Itoa(d.SortOrder), Status: d.Status, StatusOn: d.StatusOn.String(), Notes: d.Notes}
}

// Departments lists an organization's departments, active ones first.
func (s *Service) Departments(orgID uint) ([]Department, error) {
	return s.store.Departments(orgID)
}

// CheckDepartment validates a draft and returns the record to save.
func (s *Service) CheckDepartment(d DeptDraft) (Department, ValidationError) {
	var v ValidationError
	dept := Department{ID: d.ID, OrganizationID: d.OrganizationID, Status: data.StatusActive}
	if d.ID != 0 {
		old, err := s.store.Department(d.ID)
		if err != nil {
			v.add("", Message(err))
			return dept, v
		}
		dept = old
		dept.Version = d.Version // the version the form read, not the one stored now
	}
	dept.Name = cleanName(&v, "Name", "部门名称", d.Name, 30)
	dept.Duties = cleanText(&v, "Duties", "工作职责", d.Duties, 500)
	dept.Notes = cleanText(&v, "Notes", "备注", d.Notes, MaxNotesLen)
	dept.SortOrder = 0
	if t := strings.TrimSpace(d.SortOrder); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n < 0 || n > 999 {
			v.add("SortOrder", "排序请填 0–999 的整数")
		}
		dept.SortOrder = n
	}

	checkDeptStatus(&v, &dept, d, s.Today())

	org, err := s.store.Organization(d.OrganizationID)
	switch {
	case err != nil:
		v.add("", "所属组织不存在，可能已被删除")
	case !HasDepartments(org.Kind):
		v.add("", TextOf(OrgKinds, org.Kind)+"不设工作部门")
	}
	if dept.Name != "" && dept.Status == data.StatusActive {
		others, err := s.store.Departments(d.OrganizationID)
		if err == nil && deptNamed(others, dept.Name, dept.ID) {
			v.add("Name", fmt.Sprintf("本组织已有“%s”", dept.Name))
		}
	}
	return dept, v
}

func checkDeptStatus(v *ValidationError, dept *Department, d DeptDraft, today data.Date) {
	if dept.Status == data.StatusMerged {
		if d.Status != data.StatusMerged {
			v.add("Status", "已合并的部门不能改回；如需恢复请新建部门")
		}
		return
	}
	switch d.Status {
	case data.StatusActive, "":
		dept.Status, dept.StatusOn = data.StatusActive, data.Date{}
	case data.StatusDissolved:
		dept.Status = data.StatusDissolved
		dept.StatusOn = parseDay(v, "StatusOn", "撤销日期", d.StatusOn)
		if dept.StatusOn.IsZero() {
			v.add("StatusOn", "请填写撤销日期")
		}
		notAfter(v, "StatusOn", "撤销日期", dept.StatusOn, today)
	default:
		v.add("Status", "部门合并请用“合并部门”")
	}
}

// CountActive counts the departments that are neither merged nor dissolved.
func CountActive(ds []Department) int {
	n := 0
	for _, d := range ds {
		if d.Status == data.StatusActive {
			n++
		}
	}
	return n
}

func deptNamed(ds []Department, name string, except uint) bool {
	for _, d := range ds {
		if d.ID != except && d.Name == name && d.Status == data.StatusActive {
			return true
		}
	}
	return false
}

// SaveDepartment validates and stores a department.
func (s *Service) SaveDepartment(d DeptDraft) (Department, error) {
	dept, v := s.CheckDepartment(d)
	if err := v.Err(); err != nil {
		return dept, err
	}
	err := s.store.SaveDepartment(&dept)
	if errors.Is(err, data.ErrDuplicate) {
		return dept, ValidationError{{"Name", fmt.Sprintf("本组织已有“%s”", dept.Name)}}
	}
	return dept, err
}

// DeleteDepartment moves a department to the recycle bin.
func (s *Service) DeleteDepartment(id uint) error { return s.store.DeleteDepartment(id) }

// MergeDraft is the merge dialog: fold From into Into on a day.
type MergeDraft struct {
	FromID, IntoID uint
	// FromVersion and IntoVersion are the departments' versions as the
	// dialog read them, so a department changed in another office since is
	// not merged over that change; 0 takes it as it is now (the sample).
	FromVersion, IntoVersion int
	On                       string
	Duties                   string // the duties of the merged department
}

// MergedDuties proposes the duties of the department that results from
// folding from into into.
func MergedDuties(from, into Department) string {
	parts := []string{}
	for _, s := range []string{into.Duties, from.Duties} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "；")
}

// MergeDepartments folds one department into another of the same
// organization, keeping the merged one on record (职责相近的部门合并).
func (s *Service) MergeDepartments(m MergeDraft) error {
	var v ValidationError
	from, errFrom := s.store.Department(m.FromID)
	into, errInto := s.store.Department(m.IntoID)
	switch {
	case errFrom != nil || errInto != nil:
		v.add("IntoID", "部门不存在，可能已被删除")
	case changedSince(from.Version, m.FromVersion) || changedSince(into.Version, m.IntoVersion):
		return data.ErrConflict
	case from.ID == into.ID:
		v.add("IntoID", "请选择另一个部门")
	case from.OrganizationID != into.OrganizationID:
		v.add("IntoID", "只能合并同一组织的部门")
	case from.Status != data.StatusActive || into.Status != data.StatusActive:
		v.add("IntoID", "只能合并正常运行的部门")
	}
	on := parseDay(&v, "On", "合并日期", m.On)
	if on.IsZero() {
		v.add("On", "请填写合并日期")
	}
	notAfter(&v, "On", "合并日期", on, s.Today())
	duties := cleanText(&v, "Duties", "工作职责", m.Duties, 500)
	if err := v.Err(); err != nil {
		return err
	}
	return s.store.MergeDepartments(from.ID, into.ID, on, duties)
}

// changedSince reports whether a record now at version now has changed
// since it was read at version read; 0 means it was not read.
func changedSince(now, read int) bool { return read != 0 && now != read }
