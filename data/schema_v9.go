package data

import "gorm.io/gorm"

// migrateV9 gives the remaining records a form edits a version number:
// terms, exits, assessments, departments, selection rounds, candidates and
// 推优 records. On a shared server two offices edit the same one, and the
// later save over the other's is refused instead of overwriting it.
func migrateV9(tx *gorm.DB) error {
	return execAll(tx,
		`ALTER TABLE appointments ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
		`ALTER TABLE exits ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
		`ALTER TABLE assessments ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
		`ALTER TABLE departments ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
		`ALTER TABLE selection_rounds ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
		`ALTER TABLE candidates ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
		`ALTER TABLE recommendations ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
	)
}
