package data

import "gorm.io/gorm"

// migrateV17 records, in the operation log, which office made each change.
// On the file there is one office, so the column stays empty; on a server
// it defaults to the login role that wrote the line, and the offices, their
// subtree function and the row-level security policies are installed
// (offices.go), server only, like tuanxue_schema.
func migrateV17(tx *gorm.DB) error {
	if err := execAll(tx, `ALTER TABLE op_log ADD COLUMN office TEXT NOT NULL DEFAULT ''`); err != nil {
		return err
	}
	if tx.Dialector.Name() != "postgres" {
		return nil
	}
	return installOffices(tx)
}
