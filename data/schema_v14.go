package data

import "gorm.io/gorm"

// migrateV14 lets an evidence file belong to an indicator instead of a
// rectification item: the files a teacher attaches to one indicator of a
// union for a school year (scans, photos, appointment letters, minutes),
// kept like the ledger's files — copy in the data folder, content in
// evidence_contents, the same recycle bin. item_id becomes optional, so
// SQLite rebuilds the table (evidence_contents keeps pointing at it by
// name); the server changes it in place. The new columns come last on
// both, as the server adds them: a copy's digest reads columns in order.
func migrateV14(tx *gorm.DB) error {
	if tx.Dialector.Name() == "postgres" {
		return execAll(tx,
			`ALTER TABLE evidence_files ALTER COLUMN item_id DROP NOT NULL`,
			`ALTER TABLE evidence_files ADD COLUMN organization_id INTEGER REFERENCES organizations(id)`,
			`ALTER TABLE evidence_files ADD COLUMN year TEXT NOT NULL DEFAULT ''`,
			`ALTER TABLE evidence_files ADD COLUMN indicator TEXT NOT NULL DEFAULT ''`,
			evidenceIndicatorIndex,
		)
	}
	return execAll(tx,
		`CREATE TABLE evidence_files_v14 (
			id              INTEGER PRIMARY KEY,
			item_id         INTEGER REFERENCES rectifications(id),
			name            TEXT    NOT NULL,
			stored          TEXT    NOT NULL,
			size            INTEGER NOT NULL DEFAULT 0,
			added_on        TEXT    NOT NULL,
			created_at      DATETIME,
			deleted_at      DATETIME,
			organization_id INTEGER REFERENCES organizations(id),
			year            TEXT    NOT NULL DEFAULT '',
			indicator       TEXT    NOT NULL DEFAULT ''
		)`,
		`INSERT INTO evidence_files_v14 (id, item_id, name, stored, size, added_on, created_at, deleted_at)
			SELECT id, item_id, name, stored, size, added_on, created_at, deleted_at FROM evidence_files`,
		`DROP TABLE evidence_files`,
		`ALTER TABLE evidence_files_v14 RENAME TO evidence_files`,
		`CREATE INDEX evidence_files_item ON evidence_files (item_id)`,
		evidenceIndicatorIndex,
	)
}

// evidenceIndicatorIndex finds an indicator's files.
const evidenceIndicatorIndex = `CREATE INDEX evidence_files_indicator ON evidence_files (organization_id, year, indicator)`
