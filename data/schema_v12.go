package data

import "gorm.io/gorm"

// migrateV12 adds the 公示 of a selection round: one notice per round with
// its start, its length in working days and the round's own 节假日 and 调休
// 上班日 (dates, comma-separated), the closing note; and the 异议 register,
// one row per objection received. Both carry a version: two offices may
// edit them.
func migrateV12(tx *gorm.DB) error {
	return execAll(tx,
		`CREATE TABLE publicities (
			id           INTEGER PRIMARY KEY,
			round_id     INTEGER NOT NULL REFERENCES selection_rounds(id),
			start_on     TEXT,
			days         INTEGER NOT NULL DEFAULT 5,
			holidays     TEXT    NOT NULL DEFAULT '',
			workdays     TEXT    NOT NULL DEFAULT '',
			closing_note TEXT    NOT NULL DEFAULT '',
			version      INTEGER NOT NULL DEFAULT 1,
			created_at   DATETIME,
			updated_at   DATETIME
		)`,
		`CREATE UNIQUE INDEX publicities_round ON publicities (round_id)`,
		`CREATE TABLE objections (
			id          INTEGER PRIMARY KEY,
			round_id    INTEGER NOT NULL REFERENCES selection_rounds(id),
			received_on TEXT    NOT NULL,
			raised_by   TEXT    NOT NULL DEFAULT '',
			content     TEXT    NOT NULL DEFAULT '',
			handling    TEXT    NOT NULL DEFAULT '',
			handled_on  TEXT,
			version     INTEGER NOT NULL DEFAULT 1,
			created_at  DATETIME,
			updated_at  DATETIME
		)`,
		`CREATE INDEX objections_round ON objections (round_id)`,
	)
}
