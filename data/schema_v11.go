package data

import "gorm.io/gorm"

// migrateV11 gives a meeting its 记录人: the 会议记录汇总 an inspection
// reads names who kept the minutes.
func migrateV11(tx *gorm.DB) error {
	return execAll(tx, `ALTER TABLE meetings ADD COLUMN recorder TEXT NOT NULL DEFAULT ''`)
}
