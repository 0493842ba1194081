package data

import "gorm.io/gorm"

// migrateV6 adds the operation log (操作日志) and a version number on the
// records edited in forms, so a save over someone else's newer save is
// refused instead of silently overwriting it.
func migrateV6(tx *gorm.DB) error {
	return execAll(tx,
		`CREATE TABLE op_log (
			id        INTEGER PRIMARY KEY,
			at        DATETIME NOT NULL,
			operator  TEXT     NOT NULL DEFAULT '',
			action    TEXT     NOT NULL,
			entity    TEXT     NOT NULL,
			record_id INTEGER  NOT NULL DEFAULT 0,
			summary   TEXT     NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX op_log_at ON op_log (at)`,
		`CREATE INDEX op_log_record ON op_log (entity, record_id)`,
		`ALTER TABLE organizations ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
		`ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
		`ALTER TABLE rectifications ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
	)
}
