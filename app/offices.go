package app

import (
	"errors"
	"fmt"
	"strings"

	"tuanxue/data"
)

// On a shared server each office (a 二级学院 团委) logs in with its own
// account and may change only the records of its own organization subtree;
// the server enforces it (data/offices_policies.go). Here the program knows
// the office of its connection, says which records are read-only for it and
// why, and lets the school office manage the accounts.

// Office is an office's account on the shared server.
type Office = data.Office

// OfficeDraft is a new office account as the school office types it.
type OfficeDraft struct {
	User           string
	OrganizationID uint
	Password       string
}

// NotYoursError: the record belongs to another office's subtree; the server
// refuses its change. Owner names that office ("信息工程学院团委").
type NotYoursError struct{ Owner string }

func (e *NotYoursError) Error() string {
	if e.Owner == "" {
		return "此记录属于其他团委，只能查看"
	}
	return "此记录属于" + e.Owner + "，只能查看"
}

// Unwrap lets errors.Is find data.ErrNotYours.
func (e *NotYoursError) Unwrap() error { return data.ErrNotYours }

// Office is the office of the connection: on the file, the school office.
// It is read once per service: an office's account does not change while
// the program runs.
func (s *Service) Office() (Office, error) {
	if s.office != nil {
		return *s.office, nil
	}
	o, err := s.store.CurrentOffice()
	if err == nil {
		s.office = &o
	}
	return o, err
}

// Editable says whether this office may change the record of table with
// the given ID, and if not, why, in the words a read-only form shows.
// orgID is the organization the record belongs to, for the reason (0: not
// known).
func (s *Service) Editable(table string, id uint, orgID uint) (bool, string) {
	if id == 0 && orgID == 0 {
		return true, ""
	}
	var ok bool
	var err error
	if id != 0 {
		ok, err = s.store.MayChange(table, id)
	} else {
		ok, err = s.mayChangeOrg(orgID)
	}
	if err != nil || ok {
		// A read that failed is no reason to lock the form: the server
		// still refuses what it must.
		return true, ""
	}
	return false, s.notYours(orgID).Error()
}

// mayChangeOrg: whether a new record of organization orgID is this
// office's to add.
func (s *Service) mayChangeOrg(orgID uint) (bool, error) {
	return s.store.MayChange("organizations", orgID)
}

// notYours is the refusal for a record of organization orgID: named after
// the 团委 the organization belongs to.
func (s *Service) notYours(orgID uint) *NotYoursError {
	if orgID == 0 {
		return &NotYoursError{}
	}
	tree, err := s.OrgTree()
	if err != nil {
		return &NotYoursError{}
	}
	return &NotYoursError{Owner: tree.LeagueOf(orgID)}
}

// refused turns the server's refusal of a save into the message naming
// the office the record belongs to; other errors pass unchanged.
func (s *Service) refused(err error, orgID uint) error {
	if errors.Is(err, data.ErrNotYours) {
		return s.notYours(orgID)
	}
	return err
}

// Offices lists the offices' accounts (school office, shared server).
func (s *Service) Offices() ([]Office, error) { return s.store.Offices() }

// AddOffice creates an office's account: its login name, its organization
// and its password, checked first with the reasons next to the fields.
func (s *Service) AddOffice(d OfficeDraft) error {
	var v ValidationError
	d.User = strings.TrimSpace(d.User)
	switch {
	case d.User == "":
		v.add("User", "请填写登录用户名")
	case !data.ValidRoleName(d.User):
		v.add("User", "用户名只能用小写英文字母、数字和下划线，以字母开头，最长 63 个字符，如 xinxi_tuanwei")
	}
	if d.OrganizationID == 0 {
		v.add("OrganizationID", "请选择这个办公室管理的组织")
	}
	if len([]rune(d.Password)) < 8 {
		v.add("Password", "密码至少 8 个字符")
	}
	if err := v.Err(); err != nil {
		return err
	}
	err := s.store.AddOffice(d.User, d.OrganizationID, d.Password)
	switch {
	case errors.Is(err, data.ErrRoleExists):
		return ValidationError{{"User", fmt.Sprintf("服务器上已有用户“%s”，请换一个用户名", d.User)}}
	case errors.Is(err, data.ErrNotFound):
		return ValidationError{{"OrganizationID", "这个组织不存在，可能已被删除"}}
	}
	return err
}

// RemoveOffice drops an office's account; its records stay.
func (s *Service) RemoveOffice(user string) error {
	user = strings.TrimSpace(user)
	err := s.store.RemoveOffice(user)
	if errors.Is(err, data.ErrNotFound) {
		return ValidationError{{"User", fmt.Sprintf("没有名为“%s”的办公室账号", user)}}
	}
	return err
}

// orgOf is an optional organization's ID, 0 for none.
func orgOf(id *uint) uint {
	if id == nil {
		return 0
	}
	return *id
}

// postOrg is the organization of one of a person's living posts, which
// names the office a person belongs to; 0 for none.
func (s *Service) postOrg(personID uint) uint {
	if personID == 0 {
		return 0
	}
	terms, err := s.store.AppointmentsOf(personID)
	if err != nil {
		return 0
	}
	for _, a := range terms {
		if a.EndOn.IsZero() {
			return a.OrganizationID
		}
	}
	if len(terms) > 0 {
		return terms[0].OrganizationID
	}
	return 0
}

// PersonEditable is Editable for a person: another office's when none of
// their posts is in this office's subtree, named after their post's 团委.
func (s *Service) PersonEditable(id uint) (bool, string) {
	return s.Editable("people", id, s.postOrg(id))
}

// schoolOnly: a write the server refused on a table of the school office
// (settings, rule sets) says so, rather than naming a record's owner.
func schoolOnly(err error) error {
	if errors.Is(err, data.ErrNotYours) {
		return fmt.Errorf("%w: %v", data.ErrNotSchool, err)
	}
	return err
}
