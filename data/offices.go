package data

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"
)

// officesSince is the schema that brought the offices of a shared server.
const officesSince = 17

var (
	// ErrNotYours: the server refused a change to a record of another
	// office's organization subtree (row-level security).
	ErrNotYours = errors.New("record belongs to another office")
	// ErrNotSchool: only the school office may do this.
	ErrNotSchool = errors.New("only the school office may do this")
	// ErrNoOffices: offices exist on a shared server only.
	ErrNoOffices = errors.New("offices need a shared server")
	// ErrBadRoleName: a login name PostgreSQL would need quoted.
	ErrBadRoleName = errors.New("bad login name")
	// ErrRoleExists: the login name is taken on the server.
	ErrRoleExists = errors.New("login name taken")
)

// Office is an office's login on a shared server and the organization
// whose subtree it may change.
type Office struct {
	Role           string
	OrganizationID uint
	Organization   string // its name
	School         bool   // changes everything
	CreatedAt      time.Time
}

// roleName: lower-case letters, digits and _, as PostgreSQL keeps an
// unquoted name, so the teacher types it at login as it was given.
var roleName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// ValidRoleName reports whether name can be an office's login.
func ValidRoleName(name string) bool { return roleName.MatchString(name) }

// Offices lists the offices of the server, by login name.
func (s *Store) Offices() ([]Office, error) {
	if !s.server {
		return nil, ErrNoOffices
	}
	var out []Office
	err := s.db.Raw(`SELECT f.role, f.organization_id, o.name AS organization, f.created_at,
			tuanxue_is_school(f.role) AS school
		FROM tuanxue_offices f JOIN organizations o ON o.id = f.organization_id ORDER BY f.role`).Scan(&out).Error
	return out, translate(err)
}

// AddOffice creates a login role with its password and records it as the
// office of organization orgID, which may then change that subtree. Only
// the school office may, and it needs the right to create roles.
func (s *Store) AddOffice(role string, orgID uint, password string) error {
	if !s.server {
		return ErrNoOffices
	}
	if !ValidRoleName(role) {
		return ErrBadRoleName
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := mustBeSchool(tx); err != nil {
			return err
		}
		var n int64
		if err := tx.Raw("SELECT count(*) FROM pg_roles WHERE rolname = ?", role).Scan(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return ErrRoleExists
		}
		if _, err := getRecord[Organization](tx, orgID); err != nil {
			return err
		}
		if err := tx.Exec("CREATE ROLE " + quoteIdent(role) + " LOGIN PASSWORD " + quoteLiteral(password)).Error; err != nil {
			return err
		}
		if err := tx.Exec("INSERT INTO tuanxue_offices (role, organization_id) VALUES (?, ?)", role, orgID).Error; err != nil {
			return err
		}
		return grantOffice(tx, role)
	})
	if err != nil {
		t := translate(err)
		if password != "" && strings.Contains(t.Error(), password) {
			return errors.New(redact(t, password))
		}
		return t
	}
	return s.LogAction(ActionCreate, "tuanxue_offices", "办公室账号 "+role)
}

// RemoveOffice takes an office's rights away and drops its login role.
func (s *Store) RemoveOffice(role string) error {
	if !s.server {
		return ErrNoOffices
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := mustBeSchool(tx); err != nil {
			return err
		}
		res := tx.Exec("DELETE FROM tuanxue_offices WHERE role = ?", role)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		// Its grants in this database go with DROP OWNED; a role with
		// rights in another database too is left for the administrator.
		if err := tx.Exec("DROP OWNED BY " + quoteIdent(role)).Error; err != nil {
			return err
		}
		return tx.Exec("DROP ROLE " + quoteIdent(role)).Error
	})
	if err != nil {
		return translate(err)
	}
	return s.LogAction(ActionDelete, "tuanxue_offices", "办公室账号 "+role)
}

// mustBeSchool refuses an office other than the school's.
func mustBeSchool(tx *gorm.DB) error {
	var ok bool
	if err := tx.Raw("SELECT tuanxue_is_school(current_user::text)").Scan(&ok).Error; err != nil {
		return err
	}
	if !ok {
		return ErrNotSchool
	}
	return nil
}

// CurrentOffice is the office this store is logged in as: on the file, the
// school office, which changes everything.
func (s *Store) CurrentOffice() (Office, error) {
	if !s.server {
		return Office{School: true}, nil
	}
	var o Office
	err := s.db.Raw(`SELECT current_user::text AS role, tuanxue_is_school(current_user::text) AS school,
			coalesce(f.organization_id, 0) AS organization_id, coalesce(o.name, '') AS organization
		FROM (SELECT 1) one LEFT JOIN tuanxue_offices f ON f.role = current_user::text
			LEFT JOIN organizations o ON o.id = f.organization_id`).Scan(&o).Error
	return o, translate(err)
}

// MayChange reports whether this store's office may change the record of
// table with the given ID, by the very rule the server enforces: so a form
// can show another office's record read-only before a save is refused.
func (s *Store) MayChange(table string, id uint) (bool, error) {
	if !s.server {
		return true, nil
	}
	for _, r := range officeRules {
		if r.table != table {
			continue
		}
		var ok bool
		err := s.db.Raw(fmt.Sprintf("SELECT coalesce(bool_or(%s), false) FROM %s WHERE %s = ?", r.changeCond(), table, keyOf(table)), id).
			Scan(&ok).Error
		return ok, translate(err)
	}
	return true, nil
}

// refusedByPolicy: the server refused a write for want of rights — a row
// outside the office's subtree, or a table it may not write.
func refusedByPolicy(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "42501"
}
