package data

import "gorm.io/gorm"

// migrateV16 adds the 学代会 kit to a congress meeting: the seats allocated
// to each college (代表名额分配), the delegates register with their
// attendance on the day, the elections with their candidates and votes,
// and the 提案 register. A meeting held as a 全体学生大会 says so in form.
// An appointment remembers the congress that elected it; that link has no
// foreign key, so that purging a deleted congress from the bin leaves the
// term it elected in place.
//
// Yes/no facts are text codes (empty while undecided), not booleans: the
// undecided state matters (a proposal not yet reviewed, a vote not yet
// counted).
func migrateV16(tx *gorm.DB) error {
	return execAll(tx,
		`ALTER TABLE meetings ADD COLUMN congress_form TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE appointments ADD COLUMN meeting_id INTEGER`,
		`CREATE TABLE congress_quotas (
			id              INTEGER PRIMARY KEY,
			meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
			organization_id INTEGER NOT NULL REFERENCES organizations(id),
			students        INTEGER NOT NULL DEFAULT 0,
			seats           INTEGER NOT NULL DEFAULT 0,
			version         INTEGER NOT NULL DEFAULT 1,
			created_at      DATETIME,
			updated_at      DATETIME
		)`,
		`CREATE UNIQUE INDEX congress_quotas_once ON congress_quotas (meeting_id, organization_id)`,
		`CREATE TABLE congress_delegates (
			id              INTEGER PRIMARY KEY,
			meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
			person_id       INTEGER NOT NULL REFERENCES people(id),
			organization_id INTEGER REFERENCES organizations(id),
			class_name      TEXT    NOT NULL DEFAULT '',
			elected_by      TEXT    NOT NULL DEFAULT '',
			attendance      TEXT    NOT NULL DEFAULT '',
			notes           TEXT    NOT NULL DEFAULT '',
			version         INTEGER NOT NULL DEFAULT 1,
			created_at      DATETIME,
			updated_at      DATETIME
		)`,
		`CREATE UNIQUE INDEX congress_delegates_once ON congress_delegates (meeting_id, person_id)`,
		`CREATE TABLE congress_elections (
			id         INTEGER PRIMARY KEY,
			meeting_id INTEGER NOT NULL REFERENCES meetings(id),
			title      TEXT    NOT NULL,
			seats      INTEGER NOT NULL,
			voters     INTEGER,
			ballots    INTEGER,
			status     TEXT    NOT NULL DEFAULT '',
			version    INTEGER NOT NULL DEFAULT 1,
			created_at DATETIME,
			updated_at DATETIME
		)`,
		`CREATE INDEX congress_elections_meeting ON congress_elections (meeting_id)`,
		`CREATE TABLE congress_candidates (
			id             INTEGER PRIMARY KEY,
			election_id    INTEGER NOT NULL REFERENCES congress_elections(id),
			meeting_id     INTEGER NOT NULL REFERENCES meetings(id),
			person_id      INTEGER NOT NULL REFERENCES people(id),
			post           TEXT    NOT NULL DEFAULT '',
			votes          INTEGER,
			result         TEXT    NOT NULL DEFAULT '',
			appointment_id INTEGER REFERENCES appointments(id),
			version        INTEGER NOT NULL DEFAULT 1,
			created_at     DATETIME,
			updated_at     DATETIME
		)`,
		`CREATE UNIQUE INDEX congress_candidates_once ON congress_candidates (election_id, person_id)`,
		`CREATE TABLE congress_proposals (
			id          INTEGER PRIMARY KEY,
			meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
			number      INTEGER NOT NULL DEFAULT 0,
			title       TEXT    NOT NULL,
			content     TEXT    NOT NULL DEFAULT '',
			proposer_id INTEGER NOT NULL REFERENCES people(id),
			seconders   TEXT    NOT NULL DEFAULT '',
			decision    TEXT    NOT NULL DEFAULT '',
			reason      TEXT    NOT NULL DEFAULT '',
			answer      TEXT    NOT NULL DEFAULT '',
			answered_by TEXT    NOT NULL DEFAULT '',
			answered_on TEXT,
			version     INTEGER NOT NULL DEFAULT 1,
			created_at  DATETIME,
			updated_at  DATETIME
		)`,
		`CREATE INDEX congress_proposals_meeting ON congress_proposals (meeting_id)`,
	)
}
