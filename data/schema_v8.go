package data

import "gorm.io/gorm"

// migrateV8 gives trainings and meetings a version number too: on a shared
// server two offices edit the same session's record, and the later save
// over the other's is refused instead of overwriting it.
func migrateV8(tx *gorm.DB) error {
	return execAll(tx,
		`ALTER TABLE trainings ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
		`ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
	)
}
