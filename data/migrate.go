package data

import (
	"errors"
	"fmt"
	"os"
	"time"

	"gorm.io/gorm"
)

// A migration moves the schema from version-1 to version. Steps are never
// edited once released: a change of schema is a new step.
type migration struct {
	version int
	name    string
	up      func(tx *gorm.DB) error
}

var migrations = []migration{
	{1, "organizations, departments and settings", migrateV1},
	{2, "student cadres", migrateV2},
	{3, "trainings, meetings and attendance", migrateV3},
	{4, "reform rule sets", migrateV4},
	{5, "rectification ledger", migrateV5},
	{6, "operation log and record versions", migrateV6},
	{7, "evidence content in the records", migrateV7},
	{8, "versions of trainings and meetings", migrateV8},
	{9, "versions of the other records a form edits", migrateV9},
	{10, "teachers' conclusions on reform indicators", migrateV10},
	{11, "recorder of a meeting's minutes", migrateV11},
	{12, "publicity of a selection round and its objections", migrateV12},
	{13, "birth and League dates, 推优 meeting numbers", migrateV13},
	{14, "evidence files attached to reform indicators", migrateV14},
	{15, "述职评议: review sessions, panels and reporters", migrateV15},
	{16, "学代会 kit: seats, delegates, elections and proposals", migrateV16},
	{17, "offices of a shared server and the office in the operation log", migrateV17},
	{18, "the 述职评议 score counted in an assessment's total", migrateV18},
}

// stepsAfter are the steps after version v, by version number rather than
// by position: branches add their steps side by side, so while they are
// apart one branch's list may skip another's numbers.
func stepsAfter(v int) []migration {
	for i, m := range migrations {
		if m.version > v {
			return migrations[i:]
		}
	}
	return nil
}

// LatestVersion is the schema version this program writes.
func LatestVersion() int { return migrations[len(migrations)-1].version }

// upgrade backs the file up and then migrates it from version from. A file
// whose tables do not match its schema number fails at its first step: the
// file is then as it was, so the copy is dropped again instead of adding
// one at every start, and the error says the file is damaged, not which
// SQL failed.
func (s *Store) upgrade(from int) error {
	kept := ""
	if !s.staged {
		var err error
		if kept, err = s.SafetyCopy(fmt.Sprintf("before-migration-v%d", from), time.Now()); err != nil {
			return fmt.Errorf("backup before migration: %w", err)
		}
	}
	err := s.migrate(from)
	if err == nil {
		return nil
	}
	if v, verr := s.SchemaVersion(); kept != "" && verr == nil && v == from {
		_ = os.Remove(kept)
	}
	if t := translate(err); errors.Is(t, ErrDiskFull) {
		return t
	}
	return fmt.Errorf("%w: %v", ErrBadSchema, err)
}

// migrate applies every step after version from, each in its own
// transaction together with the new user_version. Foreign keys are switched
// off around the transaction, because SQLite ignores the switch inside one
// and a table rebuild would otherwise cascade-delete child rows; the foreign
// key check before commit makes sure the rebuild broke no reference.
func (s *Store) migrate(from int) error {
	for _, m := range stepsAfter(from) {
		if err := s.db.Exec("PRAGMA foreign_keys = OFF").Error; err != nil {
			return err
		}
		err := s.db.Transaction(func(tx *gorm.DB) error {
			if err := m.up(tx); err != nil {
				return err
			}
			var broken []map[string]any
			if err := tx.Raw("PRAGMA foreign_key_check").Scan(&broken).Error; err != nil {
				return err
			}
			if len(broken) > 0 {
				return fmt.Errorf("%d broken references", len(broken))
			}
			return tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)).Error
		})
		if onErr := s.db.Exec("PRAGMA foreign_keys = ON").Error; err == nil {
			err = onErr
		}
		if err != nil {
			return fmt.Errorf("migrate to schema %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

// SchemaVersion reads the file's user_version, or the server's version row.
func (s *Store) SchemaVersion() (int, error) {
	q := "PRAGMA user_version"
	if s.server {
		q = "SELECT version FROM tuanxue_schema"
	}
	var v int
	err := s.db.Raw(q).Scan(&v).Error
	return v, err
}

// execAll runs schema statements, written for SQLite and translated for a
// PostgreSQL server.
func execAll(tx *gorm.DB, statements ...string) error {
	for _, st := range statements {
		if tx.Dialector.Name() == "postgres" {
			st = pgStatement(st)
		}
		if err := tx.Exec(st).Error; err != nil {
			return err
		}
	}
	return nil
}

func migrateV1(tx *gorm.DB) error {
	return execAll(tx,
		`CREATE TABLE settings (
			key   TEXT PRIMARY KEY,
			value TEXT NOT NULL
		)`,
		`CREATE TABLE organizations (
			id              INTEGER PRIMARY KEY,
			name            TEXT    NOT NULL,
			kind            TEXT    NOT NULL,
			parent_id       INTEGER REFERENCES organizations(id),
			guide_league_id INTEGER REFERENCES organizations(id),
			teacher_name    TEXT    NOT NULL DEFAULT '',
			teacher_phone   TEXT    NOT NULL DEFAULT '',
			founded_on      TEXT,
			status          TEXT    NOT NULL DEFAULT 'active',
			status_on       TEXT,
			merged_into_id  INTEGER REFERENCES organizations(id),
			notes           TEXT    NOT NULL DEFAULT '',
			created_at      DATETIME,
			updated_at      DATETIME,
			deleted_at      DATETIME
		)`,
		// Sibling names are unique among living, active organizations only:
		// a dissolved union may be founded again under the same name.
		`CREATE UNIQUE INDEX organizations_sibling_name
			ON organizations (coalesce(parent_id, 0), name)
			WHERE deleted_at IS NULL AND status = 'active'`,
		`CREATE INDEX organizations_parent ON organizations (parent_id)`,
		`CREATE TABLE departments (
			id              INTEGER PRIMARY KEY,
			organization_id INTEGER NOT NULL REFERENCES organizations(id),
			name            TEXT    NOT NULL,
			duties          TEXT    NOT NULL DEFAULT '',
			sort_order      INTEGER NOT NULL DEFAULT 0,
			status          TEXT    NOT NULL DEFAULT 'active',
			status_on       TEXT,
			merged_into_id  INTEGER REFERENCES departments(id),
			notes           TEXT    NOT NULL DEFAULT '',
			created_at      DATETIME,
			updated_at      DATETIME,
			deleted_at      DATETIME
		)`,
		`CREATE UNIQUE INDEX departments_org_name
			ON departments (organization_id, name)
			WHERE deleted_at IS NULL AND status = 'active'`,
	)
}
