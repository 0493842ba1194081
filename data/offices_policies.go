package data

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// On a shared server each office logs in as its own PostgreSQL role, and
// the server itself keeps it to its records with row-level security: every
// office reads the whole college (the reports need it), but inserts,
// updates and deletes only rows of its own organization subtree. The school
// office — the owner of the tables, or a role given the root organization —
// changes everything. The file has one office and none of this.

// mine stands, in a rule, for "is in the subtree of the office's
// organization": an uncorrelated subquery, so the server works the subtree
// out once per statement, not once per row.
const mine = "IN (SELECT tuanxue_subtree(current_user::text))"

// personHere: a person who holds, or is being given, a post in the subtree.
const personHere = `EXISTS (SELECT 1 FROM appointments a WHERE a.person_id = %[1]s AND a.deleted_at IS NULL AND a.organization_id ` + mine + `)
	OR EXISTS (SELECT 1 FROM candidates c JOIN selection_rounds r ON r.id = c.round_id
		WHERE c.person_id = %[1]s AND c.deleted_at IS NULL AND r.organization_id ` + mine + `)`

func personIn(col string) string { return fmt.Sprintf(personHere, col) }

// officeRule says which rows of a table an office other than the school's
// may change (a condition on the row, SQL), and which new rows it may add
// (insert; "" means the same condition). "false": the school office only.
type officeRule struct {
	table  string
	change string
	insert string
}

// officeRules is the one list of who changes what: a table added to the
// schema gets its line here, and the policies follow at the next migration.
// A record without an organization (a training with no organizer, an
// assessment or rectification item not tied to one) is the school office's.
var officeRules = []officeRule{
	{table: "settings", change: "false"},
	{table: "organizations", change: "id " + mine, insert: "parent_id " + mine},
	{table: "departments", change: "organization_id " + mine},
	{table: "people", change: personIn("people.id"), insert: "true"},
	{table: "selection_rounds", change: "organization_id " + mine},
	{table: "appointments", change: "organization_id " + mine},
	{table: "exits", change: "appointment_id IN (SELECT id FROM appointments WHERE organization_id " + mine + ")"},
	{table: "candidates", change: "round_id IN (SELECT id FROM selection_rounds WHERE organization_id " + mine + ")"},
	{table: "publicities", change: "round_id IN (SELECT id FROM selection_rounds WHERE organization_id " + mine + ")"},
	{table: "objections", change: "round_id IN (SELECT id FROM selection_rounds WHERE organization_id " + mine + ")"},
	{table: "assessments", change: "organization_id " + mine},
	{table: "recommendations", change: personIn("recommendations.person_id")},
	{table: "trainings", change: "organizer_id " + mine},
	{table: "meetings", change: "organization_id " + mine},
	{table: "attendance", change: "training_id IN (SELECT id FROM trainings WHERE organizer_id " + mine + ")" +
		" OR meeting_id IN (SELECT id FROM meetings WHERE organization_id " + mine + ")"},
	{table: "rule_sets", change: "false"},
	{table: "rules", change: "false"},
	{table: "conclusions", change: "organization_id " + mine},
	{table: "rectifications", change: "organization_id " + mine},
	{table: "rectification_logs", change: "item_id IN (SELECT id FROM rectifications WHERE organization_id " + mine + ")"},
	// A file is a rectification item's or a union's reform indicator's.
	{table: "evidence_files", change: "item_id IN (SELECT id FROM rectifications WHERE organization_id " + mine + ")" +
		" OR organization_id " + mine},
	{table: "evidence_contents", change: "evidence_id IN (SELECT f.id FROM evidence_files f LEFT JOIN rectifications r ON r.id = f.item_id" +
		" WHERE r.organization_id " + mine + " OR f.organization_id " + mine + ")"},
	{table: "reviews", change: "organization_id " + mine},
	{table: "review_panelists", change: "review_id IN (SELECT id FROM reviews WHERE organization_id " + mine + ")"},
	{table: "review_reporters", change: "review_id IN (SELECT id FROM reviews WHERE organization_id " + mine + ")"},
	{table: "congress_quotas", change: inCongress},
	{table: "congress_delegates", change: inCongress},
	{table: "congress_elections", change: inCongress},
	{table: "congress_candidates", change: inCongress},
	{table: "congress_proposals", change: inCongress},
	// Each office adds its own lines to the log, under its own name; only
	// the school office rewrites or empties it.
	{table: "op_log", change: "false", insert: "office = current_user::text"},
}

// inCongress: a part of the 学代会 kit is the congress meeting's union's.
const inCongress = "meeting_id IN (SELECT id FROM meetings WHERE organization_id " + mine + ")"

// school: the school office may change every row.
const school = "(SELECT tuanxue_is_school(current_user::text))"

func (r officeRule) changeCond() string { return school + " OR (" + r.change + ")" }

func (r officeRule) insertCond() string {
	if r.insert == "" {
		return r.changeCond()
	}
	return school + " OR (" + r.insert + ")"
}

// officeFunctions work out an office's subtree and whether it is the
// school office. They run as their owner (SECURITY DEFINER), with the
// search path of the schema they were made in, so an office can neither
// hide rows from them nor put a table of its own in their way. The role is
// an argument: inside them current_user is the owner.
var officeFunctions = []string{
	`CREATE OR REPLACE FUNCTION tuanxue_subtree(office text) RETURNS SETOF bigint
		LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
		WITH RECURSIVE sub(id) AS (
			SELECT organization_id FROM tuanxue_offices WHERE role = office
			UNION
			SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id
		) SELECT id FROM sub $$`,
	`CREATE OR REPLACE FUNCTION tuanxue_is_school(office text) RETURNS boolean
		LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
		SELECT pg_has_role(office, (SELECT tableowner FROM pg_tables
				WHERE schemaname = current_schema() AND tablename = 'tuanxue_schema'), 'MEMBER')
			OR EXISTS (SELECT 1 FROM tuanxue_offices f JOIN organizations o ON o.id = f.organization_id
				WHERE f.role = office AND o.parent_id IS NULL) $$`,
}

// installOffices makes the table of offices, their functions and the
// policies; run in schema step 17 and again after every later step, so a
// table added since gets its policies and the offices their grants.
func installOffices(tx *gorm.DB) error {
	st := []string{
		`CREATE TABLE IF NOT EXISTS tuanxue_offices (
			role            TEXT PRIMARY KEY,
			organization_id BIGINT NOT NULL REFERENCES organizations(id),
			created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
		)`,
		`ALTER TABLE op_log ALTER COLUMN office SET DEFAULT current_user`,
	}
	st = append(st, officeFunctions...)
	for _, r := range officeRules {
		st = append(st, policies(r)...)
	}
	for _, s := range st {
		if err := tx.Exec(s).Error; err != nil {
			return fmt.Errorf("%.60s: %w", s, err)
		}
	}
	var roles []string
	if err := tx.Raw("SELECT role FROM tuanxue_offices").Scan(&roles).Error; err != nil {
		return err
	}
	for _, role := range roles {
		if err := grantOffice(tx, role); err != nil {
			return err
		}
	}
	return nil
}

// policies are a table's: everyone reads every row; writes follow the rule.
// The table's owner, the school office, is not held by them (no FORCE).
func policies(r officeRule) []string {
	t := r.table
	drop := func(name string) string { return fmt.Sprintf("DROP POLICY IF EXISTS %s ON %s", name, t) }
	return []string{
		"ALTER TABLE " + t + " ENABLE ROW LEVEL SECURITY",
		drop("office_read"), drop("office_insert"), drop("office_update"), drop("office_delete"),
		fmt.Sprintf("CREATE POLICY office_read ON %s FOR SELECT USING (true)", t),
		fmt.Sprintf("CREATE POLICY office_insert ON %s FOR INSERT WITH CHECK (%s)", t, r.insertCond()),
		fmt.Sprintf("CREATE POLICY office_update ON %s FOR UPDATE USING (%s) WITH CHECK (%s)", t, r.changeCond(), r.changeCond()),
		fmt.Sprintf("CREATE POLICY office_delete ON %s FOR DELETE USING (%s)", t, r.changeCond()),
	}
}

// grantOffice lets an office's role use the schema: read everything, write
// the tables of the records (the policies then decide which rows), take new
// IDs; the schema number and the offices it may only read.
func grantOffice(tx *gorm.DB, role string) error {
	r := quoteIdent(role)
	var tables []string
	for _, rule := range officeRules {
		tables = append(tables, rule.table)
	}
	for _, s := range []string{
		"GRANT USAGE ON SCHEMA " + quoteIdent(currentSchema(tx)) + " TO " + r,
		"GRANT SELECT ON tuanxue_schema, tuanxue_offices TO " + r,
		"GRANT SELECT, INSERT, UPDATE, DELETE ON " + strings.Join(tables, ", ") + " TO " + r,
		"GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + quoteIdent(currentSchema(tx)) + " TO " + r,
	} {
		if err := tx.Exec(s).Error; err != nil {
			return err
		}
	}
	return nil
}

func currentSchema(tx *gorm.DB) string {
	var s string
	tx.Raw("SELECT current_schema()").Scan(&s)
	return s
}

// quoteIdent quotes a name for SQL, as PostgreSQL's quote_ident does.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// quoteLiteral quotes a text for SQL (standard_conforming_strings, on
// since PostgreSQL 9.1): for a password, which CREATE ROLE takes only as a
// literal, never as a parameter.
func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
