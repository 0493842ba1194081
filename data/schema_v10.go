package data

import "gorm.io/gorm"

// migrateV10 adds the teachers' own conclusions on reform indicators (人工
// 结论): one per union, school year and indicator, with its note, who
// recorded it and a version, so a second office's save over it is refused.
func migrateV10(tx *gorm.DB) error {
	return execAll(tx,
		`CREATE TABLE conclusions (
			id              INTEGER PRIMARY KEY,
			organization_id INTEGER NOT NULL REFERENCES organizations(id),
			year            TEXT    NOT NULL,
			indicator       TEXT    NOT NULL,
			rule_text       TEXT    NOT NULL DEFAULT '',
			outcome         TEXT    NOT NULL DEFAULT '',
			note            TEXT    NOT NULL DEFAULT '',
			recorded_by     TEXT    NOT NULL DEFAULT '',
			version         INTEGER NOT NULL DEFAULT 1,
			created_at      DATETIME,
			updated_at      DATETIME
		)`,
		`CREATE UNIQUE INDEX conclusions_indicator ON conclusions (organization_id, year, indicator)`,
	)
}
