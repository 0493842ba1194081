package data

import "gorm.io/gorm"

// migrateV2 adds the student cadres: people, their appointments and exits,
// selection rounds with candidates, semester assessments and 推优 records.
func migrateV2(tx *gorm.DB) error {
	return execAll(tx,
		`CREATE TABLE people (
			id               INTEGER PRIMARY KEY,
			student_no       TEXT    NOT NULL,
			name             TEXT    NOT NULL,
			gender           TEXT    NOT NULL DEFAULT '',
			college          TEXT    NOT NULL DEFAULT '',
			major            TEXT    NOT NULL DEFAULT '',
			class_name       TEXT    NOT NULL DEFAULT '',
			grade            INTEGER NOT NULL DEFAULT 0,
			phone            TEXT    NOT NULL DEFAULT '',
			political_status TEXT    NOT NULL DEFAULT '',
			party_applied_on TEXT,
			rank_percent     REAL,
			failed_courses   INTEGER NOT NULL DEFAULT 0,
			notes            TEXT    NOT NULL DEFAULT '',
			created_at       DATETIME,
			updated_at       DATETIME,
			deleted_at       DATETIME
		)`,
		// 学号 is unique among living people only; a deleted person's number
		// may be used again (NULLs are distinct, so a plain unique index on
		// (student_no, deleted_at) would not do).
		`CREATE UNIQUE INDEX people_student_no ON people (student_no) WHERE deleted_at IS NULL`,
		`CREATE INDEX people_name ON people (name)`,
		`CREATE TABLE selection_rounds (
			id                 INTEGER PRIMARY KEY,
			organization_id    INTEGER NOT NULL REFERENCES organizations(id),
			semester           TEXT    NOT NULL,
			kind               TEXT    NOT NULL,
			title              TEXT    NOT NULL,
			held_on            TEXT,
			approver_league_id INTEGER REFERENCES organizations(id),
			score_items        TEXT    NOT NULL DEFAULT '',
			notes              TEXT    NOT NULL DEFAULT '',
			created_at         DATETIME,
			updated_at         DATETIME,
			deleted_at         DATETIME
		)`,
		`CREATE TABLE appointments (
			id              INTEGER PRIMARY KEY,
			person_id       INTEGER NOT NULL REFERENCES people(id),
			organization_id INTEGER NOT NULL REFERENCES organizations(id),
			department_id   INTEGER REFERENCES departments(id),
			post            TEXT    NOT NULL,
			post_rank       INTEGER NOT NULL DEFAULT 9,
			start_on        TEXT    NOT NULL,
			end_on          TEXT,
			selected_by     TEXT    NOT NULL DEFAULT '',
			round_id        INTEGER REFERENCES selection_rounds(id),
			notes           TEXT    NOT NULL DEFAULT '',
			created_at      DATETIME,
			updated_at      DATETIME,
			deleted_at      DATETIME
		)`,
		// One open post per person per organization; closed terms are history.
		`CREATE UNIQUE INDEX appointments_one_open_post
			ON appointments (person_id, organization_id)
			WHERE end_on IS NULL AND deleted_at IS NULL`,
		// The roster pages through appointments in this order.
		`CREATE INDEX appointments_roster
			ON appointments (organization_id, department_id, post_rank, person_id, start_on, end_on)
			WHERE deleted_at IS NULL`,
		`CREATE INDEX appointments_person ON appointments (person_id)`,
		`CREATE TABLE exits (
			id             INTEGER PRIMARY KEY,
			appointment_id INTEGER NOT NULL REFERENCES appointments(id),
			person_id      INTEGER NOT NULL REFERENCES people(id),
			exit_on        TEXT    NOT NULL,
			reason         TEXT    NOT NULL,
			notes          TEXT    NOT NULL DEFAULT '',
			created_at     DATETIME,
			updated_at     DATETIME,
			deleted_at     DATETIME
		)`,
		`CREATE UNIQUE INDEX exits_appointment ON exits (appointment_id) WHERE deleted_at IS NULL`,
		`CREATE INDEX exits_person ON exits (person_id)`,
		`CREATE TABLE candidates (
			id              INTEGER PRIMARY KEY,
			round_id        INTEGER NOT NULL REFERENCES selection_rounds(id),
			person_id       INTEGER NOT NULL REFERENCES people(id),
			department_id   INTEGER REFERENCES departments(id),
			post            TEXT    NOT NULL,
			scores          TEXT    NOT NULL DEFAULT '',
			result          TEXT    NOT NULL DEFAULT 'pending',
			recommended_on  TEXT,
			party_agreed_on TEXT,
			reviewed_on     TEXT,
			decided_on      TEXT,
			appointment_id  INTEGER REFERENCES appointments(id),
			notes           TEXT    NOT NULL DEFAULT '',
			created_at      DATETIME,
			updated_at      DATETIME,
			deleted_at      DATETIME
		)`,
		`CREATE UNIQUE INDEX candidates_once_per_round ON candidates (round_id, person_id) WHERE deleted_at IS NULL`,
		`CREATE TABLE assessments (
			id               INTEGER PRIMARY KEY,
			person_id        INTEGER NOT NULL REFERENCES people(id),
			semester         TEXT    NOT NULL,
			organization_id  INTEGER REFERENCES organizations(id),
			self_score       REAL,
			department_score REAL,
			presidium_score  REAL,
			league_score     REAL,
			total            REAL,
			grade            TEXT    NOT NULL DEFAULT '',
			comments         TEXT    NOT NULL DEFAULT '',
			created_at       DATETIME,
			updated_at       DATETIME,
			deleted_at       DATETIME
		)`,
		`CREATE UNIQUE INDEX assessments_person_semester ON assessments (person_id, semester) WHERE deleted_at IS NULL`,
		`CREATE INDEX assessments_semester ON assessments (semester, grade)`,
		`CREATE TABLE recommendations (
			id         INTEGER PRIMARY KEY,
			person_id  INTEGER NOT NULL REFERENCES people(id),
			branch     TEXT    NOT NULL DEFAULT '',
			held_on    TEXT    NOT NULL,
			stage      TEXT    NOT NULL,
			result     TEXT    NOT NULL DEFAULT '',
			notes      TEXT    NOT NULL DEFAULT '',
			created_at DATETIME,
			updated_at DATETIME,
			deleted_at DATETIME
		)`,
		`CREATE INDEX recommendations_person ON recommendations (person_id)`,
	)
}
