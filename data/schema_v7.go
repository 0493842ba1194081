package data

import "gorm.io/gorm"

// migrateV7 keeps the content of evidence files in the records themselves,
// beside the copy in the data folder: a backup of the file then holds the
// evidence too, and on a shared server every office can open what another
// one added. The content goes when its file record is purged.
func migrateV7(tx *gorm.DB) error {
	return execAll(tx,
		`CREATE TABLE evidence_contents (
			evidence_id INTEGER NOT NULL PRIMARY KEY REFERENCES evidence_files(id) ON DELETE CASCADE,
			content     BLOB    NOT NULL
		)`,
	)
}
