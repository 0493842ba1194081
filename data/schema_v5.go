package data

import "gorm.io/gorm"

// migrateV5 adds the rectification ledger (整改台账): items, their dated
// progress log and evidence files kept in the data folder.
func migrateV5(tx *gorm.DB) error {
	return execAll(tx,
		`CREATE TABLE rectifications (
			id              INTEGER PRIMARY KEY,
			year            TEXT    NOT NULL,
			found_on        TEXT    NOT NULL,
			problem         TEXT    NOT NULL,
			source          TEXT    NOT NULL,
			category        TEXT    NOT NULL DEFAULT '',
			rule_text       TEXT    NOT NULL DEFAULT '',
			measures        TEXT    NOT NULL DEFAULT '',
			organization_id INTEGER REFERENCES organizations(id),
			responsible     TEXT    NOT NULL DEFAULT '',
			deadline        TEXT,
			status          TEXT    NOT NULL DEFAULT 'open',
			measure_taken   TEXT    NOT NULL DEFAULT '',
			completed_on    TEXT,
			verifier        TEXT    NOT NULL DEFAULT '',
			verified_on     TEXT,
			created_at      DATETIME,
			updated_at      DATETIME,
			deleted_at      DATETIME
		)`,
		`CREATE INDEX rectifications_year ON rectifications (year, status) WHERE deleted_at IS NULL`,
		`CREATE TABLE rectification_logs (
			id             INTEGER PRIMARY KEY,
			item_id        INTEGER NOT NULL REFERENCES rectifications(id),
			logged_on      TEXT    NOT NULL,
			status         TEXT    NOT NULL DEFAULT '',
			note           TEXT    NOT NULL,
			created_at     DATETIME
		)`,
		`CREATE INDEX rectification_logs_item ON rectification_logs (item_id, id)`,
		`CREATE TABLE evidence_files (
			id         INTEGER PRIMARY KEY,
			item_id    INTEGER NOT NULL REFERENCES rectifications(id),
			name       TEXT    NOT NULL,
			stored     TEXT    NOT NULL,
			size       INTEGER NOT NULL DEFAULT 0,
			added_on   TEXT    NOT NULL,
			created_at DATETIME,
			deleted_at DATETIME
		)`,
		`CREATE INDEX evidence_files_item ON evidence_files (item_id)`,
	)
}
