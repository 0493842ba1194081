package data

import "gorm.io/gorm"

// migrateV15 adds 述职评议: one review session per union and semester
// (date, place), its panel (评议小组: name, whether a student, role) and its
// reporters (述职人: the person, the post they reported on, the scores per
// aspect as JSON, the total and the result). Panel and reporters are saved
// with their session in one transaction and never edited on their own, so
// only the session carries a version and goes to the recycle bin.
func migrateV15(tx *gorm.DB) error {
	return execAll(tx,
		`CREATE TABLE reviews (
			id              INTEGER PRIMARY KEY,
			organization_id INTEGER NOT NULL REFERENCES organizations(id),
			semester        TEXT    NOT NULL,
			held_on         TEXT    NOT NULL,
			place           TEXT    NOT NULL DEFAULT '',
			notes           TEXT    NOT NULL DEFAULT '',
			version         INTEGER NOT NULL DEFAULT 1,
			created_at      DATETIME,
			updated_at      DATETIME,
			deleted_at      DATETIME
		)`,
		`CREATE UNIQUE INDEX reviews_org_semester ON reviews (organization_id, semester) WHERE deleted_at IS NULL`,
		`CREATE TABLE review_panelists (
			id         INTEGER PRIMARY KEY,
			review_id  INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
			name       TEXT    NOT NULL,
			student    INTEGER NOT NULL DEFAULT 0,
			role       TEXT    NOT NULL DEFAULT '',
			sort_order INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE INDEX review_panelists_review ON review_panelists (review_id)`,
		`CREATE TABLE review_reporters (
			id         INTEGER PRIMARY KEY,
			review_id  INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
			person_id  INTEGER NOT NULL REFERENCES people(id),
			post       TEXT    NOT NULL DEFAULT '',
			scores     TEXT    NOT NULL DEFAULT '',
			total      REAL,
			result     TEXT    NOT NULL DEFAULT '',
			comments   TEXT    NOT NULL DEFAULT '',
			sort_order INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE UNIQUE INDEX review_reporters_person ON review_reporters (review_id, person_id)`,
		`CREATE INDEX review_reporters_of ON review_reporters (person_id)`,
	)
}
