package data

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"gorm.io/gorm"

	"tuanxue/data/pgtest"
)

// officeFixture is a college on the test server with two 二级学院 offices:
// A changes the subtree of organization 100 (its union is 101), B that of
// 200 (201). Every table with an organization has a row of each, keyed
// 100 + … and 200 + …; the school-only tables have a row keyed 1.
type officeFixture struct {
	owner      *Store
	url        string
	roleA      string
	roleB      string
	aStore     *Store // logged in as A, as the program is
	bStore     *Store
	schoolOnly map[string]bool
}

const fixtureRows = `
INSERT INTO organizations (id, name, kind, parent_id) VALUES
	(1, '校团委', 'league', NULL),
	(100, '甲学院团委', 'league', 1), (101, '甲学院学生会', 'college_union', 100),
	(200, '乙学院团委', 'league', 1), (201, '乙学院学生会', 'college_union', 200);
INSERT INTO settings (key, value) VALUES ('school_name', '某职业学院');
INSERT INTO rule_sets (id, name) VALUES (1, '全国指标');
INSERT INTO rules (id, rule_set_id, scope, text, check_key) VALUES (1, 1, 'school', '工作人员', 'staff_cap');
INSERT INTO op_log (id, at, action, entity) VALUES (1, now(), 'create', 'settings');`

// fixtureOf is the rows of one office's subtree: n is 100 or 200, u its union.
func fixtureOf(n int) string {
	return strings.NewReplacer("{n}", fmt.Sprint(n), "{u}", fmt.Sprint(n+1)).Replace(`
INSERT INTO departments (id, organization_id, name) VALUES ({n}, {u}, '宣传部');
INSERT INTO people (id, student_no, name) VALUES ({n}, 'S{n}', '学生{n}');
INSERT INTO selection_rounds (id, organization_id, semester, kind, title) VALUES ({n}, {u}, '2020-2021-1', 'election', '换届');
INSERT INTO appointments (id, person_id, organization_id, post, start_on) VALUES ({n}, {n}, {u}, '干事', '2020-09-01');
INSERT INTO exits (id, appointment_id, person_id, exit_on, reason) VALUES ({n}, {n}, {n}, '2021-01-01', 'term_end');
INSERT INTO candidates (id, round_id, person_id, post) VALUES ({n}, {n}, {n}, '干事');
INSERT INTO publicities (id, round_id) VALUES ({n}, {n});
INSERT INTO objections (id, round_id, received_on) VALUES ({n}, {n}, '2020-09-10');
INSERT INTO assessments (id, person_id, semester, organization_id) VALUES ({n}, {n}, '2020-2021-1', {u});
INSERT INTO recommendations (id, person_id, held_on, stage) VALUES ({n}, {n}, '2020-10-01', 'branch');
INSERT INTO trainings (id, title, kind, held_on, semester, organizer_id) VALUES ({n}, '培训', 'cadre', '2020-10-01', '2020-2021-1', {u});
INSERT INTO meetings (id, kind, title, held_on, semester, organization_id) VALUES ({n}, 'study', '学习会', '2020-10-02', '2020-2021-1', {u});
INSERT INTO attendance (id, training_id, person_id, status) VALUES ({n}, {n}, {n}, 'present');
INSERT INTO conclusions (id, organization_id, year, indicator) VALUES ({n}, {u}, '2020-2021', 'staff_cap');
INSERT INTO rectifications (id, year, found_on, problem, source, organization_id) VALUES ({n}, '2020', '2020-10-01', '记录不全', 'self_check', {u});
INSERT INTO rectification_logs (id, item_id, logged_on, note) VALUES ({n}, {n}, '2020-10-02', '开始整改');
INSERT INTO evidence_files (id, item_id, name, stored, added_on) VALUES ({n}, {n}, '记录.pdf', 'e{n}.pdf', '2020-10-03');
INSERT INTO evidence_contents (evidence_id, content) VALUES ({n}, 'x');
INSERT INTO reviews (id, organization_id, semester, held_on) VALUES ({n}, {u}, '2020-2021-1', '2021-01-08');
INSERT INTO review_panelists (id, review_id, name) VALUES ({n}, {n}, '评委{n}');
INSERT INTO review_reporters (id, review_id, person_id) VALUES ({n}, {n}, {n});
INSERT INTO congress_quotas (id, meeting_id, organization_id) VALUES ({n}, {n}, {u});
INSERT INTO congress_delegates (id, meeting_id, person_id) VALUES ({n}, {n}, {n});
INSERT INTO congress_elections (id, meeting_id, title, seats) VALUES ({n}, {n}, '主席团选举', 1);
INSERT INTO congress_candidates (id, election_id, meeting_id, person_id) VALUES ({n}, {n}, {n}, {n});
INSERT INTO congress_proposals (id, meeting_id, title, proposer_id) VALUES ({n}, {n}, '提案', {n});`)
}

func newOfficeFixture(t *testing.T) *officeFixture {
	t.Helper()
	pgtest.Need(t)
	f := &officeFixture{url: pgtest.Schema(t), schoolOnly: map[string]bool{}}
	f.owner = mustOpen(t, Config{Dir: t.TempDir(), URL: f.url, Now: fixedNow})
	err := f.owner.db.Transaction(func(tx *gorm.DB) error {
		for _, st := range []string{fixtureRows, fixtureOf(100), fixtureOf(200)} {
			if err := tx.Exec(st).Error; err != nil {
				return err
			}
		}
		return restartIDs(tx)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range officeRules {
		if r.change == "false" {
			f.schoolOnly[r.table] = true
		}
	}
	f.roleA, f.roleB = uniqueRole(t, "a"), uniqueRole(t, "b")
	for role, org := range map[string]uint{f.roleA: 100, f.roleB: 200} {
		if err := f.owner.AddOffice(role, org, "口令'"+role); err != nil {
			t.Fatalf("add office %s: %v", role, err)
		}
		t.Cleanup(func() { f.owner.RemoveOffice(role) }) // after its stores close
	}
	f.aStore = mustOpen(t, Config{Dir: t.TempDir(), URL: asUser(f.url, f.roleA), Password: "口令'" + f.roleA, Now: fixedNow})
	f.bStore = mustOpen(t, Config{Dir: t.TempDir(), URL: asUser(f.url, f.roleB), Password: "口令'" + f.roleB, Now: fixedNow})
	return f
}

// uniqueRole is a login name of this test only: roles are the cluster's,
// shared by every test's schema.
func uniqueRole(t *testing.T, office string) string {
	b := make([]byte, 4)
	rand.Read(b)
	return "office_" + office + "_" + hex.EncodeToString(b)
}

func asUser(dbURL, user string) string {
	u, _ := url.Parse(dbURL)
	u.User = url.User(user)
	return u.String()
}

var errRollback = errors.New("rolled back on purpose")

// asRole runs fn in a transaction of the owner's connection switched to
// role, as a psql session logged in as that office is: then rolls it back.
func (f *officeFixture) asRole(t *testing.T, role string, fn func(tx *gorm.DB)) {
	t.Helper()
	err := f.owner.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("SET CONSTRAINTS ALL DEFERRED").Error; err != nil {
			return err
		}
		if err := tx.Exec("SET LOCAL ROLE " + quoteIdent(role)).Error; err != nil {
			return err
		}
		fn(tx)
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		t.Fatal(err)
	}
}
