package data

import "gorm.io/gorm"

// migrateV3 adds trainings, meetings and their attendance.
func migrateV3(tx *gorm.DB) error {
	return execAll(tx,
		`CREATE TABLE trainings (
			id           INTEGER PRIMARY KEY,
			title        TEXT    NOT NULL,
			kind         TEXT    NOT NULL,
			held_on      TEXT    NOT NULL,
			semester     TEXT    NOT NULL,
			hours        REAL    NOT NULL DEFAULT 0,
			place        TEXT    NOT NULL DEFAULT '',
			organizer_id INTEGER REFERENCES organizations(id),
			speaker      TEXT    NOT NULL DEFAULT '',
			summary      TEXT    NOT NULL DEFAULT '',
			created_at   DATETIME,
			updated_at   DATETIME,
			deleted_at   DATETIME
		)`,
		`CREATE INDEX trainings_semester ON trainings (semester, kind, held_on) WHERE deleted_at IS NULL`,
		`CREATE TABLE meetings (
			id                   INTEGER PRIMARY KEY,
			kind                 TEXT    NOT NULL,
			title                TEXT    NOT NULL,
			held_on              TEXT    NOT NULL,
			semester             TEXT    NOT NULL,
			organization_id      INTEGER NOT NULL REFERENCES organizations(id),
			reporting_org_id     INTEGER REFERENCES organizations(id),
			report_form          TEXT    NOT NULL DEFAULT '',
			place                TEXT    NOT NULL DEFAULT '',
			delegates_elected    INTEGER,
			delegates_present    INTEGER,
			students_represented INTEGER,
			non_cadre_delegates  INTEGER,
			presidium_elected    INTEGER NOT NULL DEFAULT 0,
			minutes              TEXT    NOT NULL DEFAULT '',
			problems             TEXT    NOT NULL DEFAULT '',
			measures             TEXT    NOT NULL DEFAULT '',
			next_tasks           TEXT    NOT NULL DEFAULT '',
			created_at           DATETIME,
			updated_at           DATETIME,
			deleted_at           DATETIME
		)`,
		`CREATE INDEX meetings_semester ON meetings (semester, kind, held_on) WHERE deleted_at IS NULL`,
		// One row per person per session; a row belongs to a training or to
		// a meeting, never both.
		`CREATE TABLE attendance (
			id          INTEGER PRIMARY KEY,
			training_id INTEGER REFERENCES trainings(id),
			meeting_id  INTEGER REFERENCES meetings(id),
			person_id   INTEGER NOT NULL REFERENCES people(id),
			status      TEXT    NOT NULL,
			guest       INTEGER NOT NULL DEFAULT 0,
			CHECK ((training_id IS NULL) <> (meeting_id IS NULL))
		)`,
		`CREATE UNIQUE INDEX attendance_training ON attendance (training_id, person_id) WHERE training_id IS NOT NULL`,
		`CREATE UNIQUE INDEX attendance_meeting ON attendance (meeting_id, person_id) WHERE meeting_id IS NOT NULL`,
		`CREATE INDEX attendance_person ON attendance (person_id, status, training_id)`,
		// Covers the per-person semester sums: no table reads for 50,000 marks.
		`CREATE INDEX attendance_training_status ON attendance (training_id, status, person_id)`,
	)
}
