package data

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// copyOrder is every table of the schema, parents before children. A test
// checks that no table of the schema is missing here.
var copyOrder = []string{
	"settings", "organizations", "departments", "people", "selection_rounds", "appointments",
	"exits", "candidates", "publicities", "objections", "assessments", "recommendations", "reviews", "review_panelists", "review_reporters", "trainings", "meetings", "attendance",
	"congress_quotas", "congress_delegates", "congress_elections", "congress_candidates", "congress_proposals",
	"rule_sets", "rules", "conclusions", "rectifications", "rectification_logs", "evidence_files", "evidence_contents", "op_log",
}

// Tables names every table of the schema, parents before children.
func Tables() []string { return slices.Clone(copyOrder) }

// keyOf is the column a table's rows are read in order of.
func keyOf(table string) string {
	switch table {
	case "settings":
		return "key"
	case "evidence_contents":
		return "evidence_id"
	}
	return "id"
}

// ErrNotEmpty: the store records are to be copied into already holds records.
var ErrNotEmpty = errors.New("target store is not empty")

// TableDigest is what a table holds, in short: its rows and a hash of their
// content, the same on SQLite and PostgreSQL for the same records.
type TableDigest struct {
	Table string
	Rows  int64
	Hash  string
}

// ErrCopyStopped: the teacher stopped a copy, which then wrote nothing.
var ErrCopyStopped = errors.New("copy stopped")

// CopyWatch hears, after each batch, how many of the rows are copied; by
// returning false it stops the copy, which then writes nothing.
type CopyWatch func(copied, total int64) bool

// CopyTo copies every record of s, recycle bin and operation log included,
// into the empty store dst, keeping their IDs: s is read as one snapshot,
// dst written in one transaction, which commits only when the rows and the
// content hash of every table are the same on both sides. It returns the
// digests.
func (s *Store) CopyTo(dst *Store) ([]TableDigest, error) { return s.CopyWatched(dst, nil) }

// CopyWatched is CopyTo telling watch how far it has come.
func (s *Store) CopyWatched(dst *Store, watch CopyWatch) (digests []TableDigest, err error) {
	err = s.Snapshot(func(src *Store) error {
		want, err := src.Digests()
		if err != nil {
			return err
		}
		progress := newCopyProgress(want, watch)
		return dst.db.Transaction(func(tx *gorm.DB) error {
			if err := mustBeEmpty(tx); err != nil {
				return err
			}
			if err := deferReferences(tx); err != nil {
				return err
			}
			bools, err := booleanColumns(tx)
			if err != nil {
				return err
			}
			for _, t := range copyOrder {
				if err := copyTable(src.db, tx, t, bools, progress); err != nil {
					return fmt.Errorf("%s: %w", t, err)
				}
			}
			if err := restartIDs(tx); err != nil {
				return err
			}
			got, err := dst.with(tx).Digests()
			if err != nil {
				return err
			}
			for i := range want {
				if want[i] != got[i] {
					return fmt.Errorf("%s: copied %d rows (hash %.12s), the source has %d (hash %.12s)",
						want[i].Table, got[i].Rows, got[i].Hash, want[i].Rows, want[i].Hash)
				}
			}
			digests = got
			return nil
		})
	})
	return digests, translate(err)
}

// mustBeEmpty refuses a target that holds records already.
func mustBeEmpty(tx *gorm.DB) error {
	for _, t := range copyOrder {
		var n int64
		if err := tx.Table(t).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: %s", ErrNotEmpty, t)
		}
	}
	return nil
}

// deferReferences lets rows go in before the rows they refer to (a union
// merged into one made later); the references are still checked at commit.
func deferReferences(tx *gorm.DB) error {
	if tx.Dialector.Name() == "postgres" {
		return tx.Exec("SET CONSTRAINTS ALL DEFERRED").Error
	}
	return tx.Exec("PRAGMA defer_foreign_keys = ON").Error
}

// booleanColumns lists the yes/no columns of a server, as "table.column":
// the file keeps them as 0/1, which PostgreSQL does not take for a boolean.
func booleanColumns(tx *gorm.DB) (map[string]bool, error) {
	out := map[string]bool{}
	if tx.Dialector.Name() != "postgres" {
		return out, nil
	}
	var cols []string
	err := tx.Raw(`SELECT table_name || '.' || column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND data_type = 'boolean'`).Scan(&cols).Error
	for _, c := range cols {
		out[c] = true
	}
	return out, err
}

// copyBatch rows go into one INSERT: few enough for SQLite driver's
// parameter binding to stay fast (PLATFORM.md).
const copyBatch = 50

// copyProgress counts the rows copied for a CopyWatch.
type copyProgress struct {
	copied, total int64
	watch         CopyWatch
}

func newCopyProgress(want []TableDigest, watch CopyWatch) *copyProgress {
	p := &copyProgress{watch: watch}
	for _, d := range want {
		p.total += d.Rows
	}
	return p
}

// add counts n more rows and asks the watch whether to go on.
func (p *copyProgress) add(n int) error {
	p.copied += int64(n)
	if p.watch != nil && !p.watch(p.copied, p.total) {
		return ErrCopyStopped
	}
	return nil
}

func copyTable(from, to *gorm.DB, table string, bools map[string]bool, progress *copyProgress) error {
	rows, err := from.Raw(fmt.Sprintf("SELECT * FROM %s ORDER BY %s", table, keyOf(table))).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = `"` + c + `"`
	}
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	var args []any
	flush := func(n int) error {
		if n == 0 {
			return nil
		}
		insert := fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", table, strings.Join(quoted, ", "),
			strings.TrimSuffix(strings.Repeat(one+", ", n), ", "))
		if err := to.Exec(insert, args...).Error; err != nil {
			return err
		}
		args = args[:0]
		return progress.add(n)
	}
	n := 0
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, c := range cols {
			if v, ok := vals[i].(int64); ok && bools[table+"."+c] {
				vals[i] = v != 0
			}
		}
		args = append(args, vals...)
		if n++; n == copyBatch {
			if err := flush(n); err != nil {
				return err
			}
			n = 0
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush(n)
}

// restartIDs moves a server's ID counters past the copied rows, so the
// next record gets a new number.
func restartIDs(tx *gorm.DB) error {
	if tx.Dialector.Name() != "postgres" {
		return nil
	}
	for _, t := range copyOrder {
		if keyOf(t) != "id" {
			continue
		}
		err := tx.Exec(fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'),
			(SELECT coalesce(max(id), 0) + 1 FROM %s), false)`, t, t)).Error
		if err != nil {
			return err
		}
	}
	return nil
}

// Digests counts and hashes every table, in one snapshot.
func (s *Store) Digests() ([]TableDigest, error) {
	var out []TableDigest
	err := s.Snapshot(func(snap *Store) error {
		for _, t := range copyOrder {
			d, err := digest(snap.db, t)
			if err != nil {
				return fmt.Errorf("%s: %w", t, err)
			}
			out = append(out, d)
		}
		return nil
	})
	return out, translate(err)
}

// digest hashes a table's rows in key order, each value written the same
// way whichever database read it: yes/no as 1/0, times in UTC to the
// microsecond (what PostgreSQL keeps), columns by name.
func digest(db *gorm.DB, table string) (TableDigest, error) {
	d := TableDigest{Table: table}
	rows, err := db.Raw(fmt.Sprintf("SELECT * FROM %s ORDER BY %s", table, keyOf(table))).Rows()
	if err != nil {
		return d, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return d, err
	}
	h := sha256.New()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return d, err
		}
		for i, c := range cols {
			writeValue(h, c, vals[i])
		}
		io.WriteString(h, "\n")
		d.Rows++
	}
	d.Hash = hex.EncodeToString(h.Sum(nil))
	return d, rows.Err()
}

func writeValue(h hash.Hash, col string, v any) {
	var s string
	switch v := v.(type) {
	case nil:
		s = "∅"
	case bool:
		s = map[bool]string{false: "0", true: "1"}[v]
	case int64:
		s = strconv.FormatInt(v, 10)
	case float64:
		s = strconv.FormatFloat(v, 'g', -1, 64)
	case time.Time:
		s = v.UTC().Truncate(time.Microsecond).Format(time.RFC3339Nano)
	case []byte:
		s = string(v)
	default:
		s = fmt.Sprint(v)
	}
	fmt.Fprintf(h, "%s=%d:%s;", col, len(s), s)
}

// CopyToFile copies every record of s into a new data file at path, which
// must not exist yet: for a teacher who leaves the shared server, or a
// backup of it. The file appears under its name only when whole and checked.
func (s *Store) CopyToFile(path string) ([]TableDigest, error) {
	if _, err := os.Stat(path); err == nil {
		return nil, fmt.Errorf("%s: %w", path, os.ErrExist)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotWritable, err)
	}
	var digests []TableDigest
	err := writeChecked(path, func(tmp string) (err error) {
		digests, err = s.copyToFile(tmp)
		return err
	})
	return digests, err
}

// copyToFile makes a new data file at path (replacing any) and copies s into it.
func (s *Store) copyToFile(path string) ([]TableDigest, error) {
	_ = os.Remove(path)
	if err := create(path, nil); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotWritable, err)
	}
	db, err := openDB(path, nil)
	if err != nil {
		return nil, err
	}
	dst := &Store{db: db, path: path, dir: filepath.Dir(path)}
	digests, err := s.CopyTo(dst)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	return digests, err
}
