package data

import "gorm.io/gorm"

// migrateV13 adds what the 推优 checks need: a person's birth date and the
// date they joined the League, and on a 推优 record the branch meeting's
// numbers (members who should attend, members present, votes for). All
// nullable: records kept before this step have none of it, and a check
// without its data says so instead of passing or failing.
func migrateV13(tx *gorm.DB) error {
	return execAll(tx,
		`ALTER TABLE people ADD COLUMN born_on TEXT`,
		`ALTER TABLE people ADD COLUMN joined_league_on TEXT`,
		`ALTER TABLE recommendations ADD COLUMN branch_members INTEGER`,
		`ALTER TABLE recommendations ADD COLUMN present INTEGER`,
		`ALTER TABLE recommendations ADD COLUMN votes_for INTEGER`,
	)
}
