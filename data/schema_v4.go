package data

import "gorm.io/gorm"

// migrateV4 adds the reform rule sets and what the checks need to know of
// a union: the recorded reason for more than 40 staff, its 秘书长 and the
// number of students it represents.
func migrateV4(tx *gorm.DB) error {
	return execAll(tx,
		// Adding columns rebuilds nothing, so no child row is at risk.
		`ALTER TABLE organizations ADD COLUMN staff_cap_reason TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE organizations ADD COLUMN secretary_general TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE organizations ADD COLUMN students INTEGER`,
		`CREATE TABLE rule_sets (
			id          INTEGER PRIMARY KEY,
			name        TEXT    NOT NULL,
			basis       TEXT    NOT NULL DEFAULT '',
			builtin_key TEXT,
			notes       TEXT    NOT NULL DEFAULT '',
			created_at  DATETIME,
			updated_at  DATETIME,
			deleted_at  DATETIME
		)`,
		`CREATE UNIQUE INDEX rule_sets_builtin ON rule_sets (builtin_key)
			WHERE builtin_key IS NOT NULL AND deleted_at IS NULL`,
		`CREATE TABLE rules (
			id          INTEGER PRIMARY KEY,
			rule_set_id INTEGER NOT NULL REFERENCES rule_sets(id),
			scope       TEXT    NOT NULL,
			number      TEXT    NOT NULL DEFAULT '',
			mark        TEXT    NOT NULL DEFAULT '',
			text        TEXT    NOT NULL,
			remark      TEXT    NOT NULL DEFAULT '',
			check_key   TEXT    NOT NULL,
			params      TEXT    NOT NULL DEFAULT '{}',
			sort_order  INTEGER NOT NULL DEFAULT 0,
			enabled     INTEGER NOT NULL DEFAULT 1
		)`,
		`CREATE INDEX rules_set ON rules (rule_set_id, scope, sort_order)`,
	)
}
