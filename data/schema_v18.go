package data

import "gorm.io/gorm"

// migrateV18 keeps on a semester assessment the 述职评议 score weighed into
// its total, as a percent of the review's full marks: a total still adds up
// after the review is changed or deleted, and the printed sheet shows it.
func migrateV18(tx *gorm.DB) error {
	return execAll(tx, `ALTER TABLE assessments ADD COLUMN review_score REAL`)
}
