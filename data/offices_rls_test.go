package data

import (
	"fmt"
	"testing"

	"gorm.io/gorm"
)

// Every table of officeRules is covered by the fixture, so none is left
// out of the tests below.
func TestOfficeRulesCoverTheFixture(t *testing.T) {
	f := newOfficeFixture(t)
	for _, r := range officeRules {
		var n int64
		if err := f.owner.db.Table(r.table).Count(&n).Error; err != nil || n == 0 {
			t.Errorf("%s: %d rows in the fixture (%v)", r.table, n, err)
		}
	}
}

// keyIn is the key of the fixture's row of table in the subtree of n (100
// or 200), or of the school-only row.
func (f *officeFixture) keyIn(table string, n int) any {
	switch {
	case table == "settings":
		return "school_name"
	case f.schoolOnly[table]:
		return 1
	case table == "organizations":
		return n + 1
	}
	return n
}

// A psql session as an office, bypassing the program: it updates, deletes
// and inserts the rows of its own subtree, and the server refuses it those
// of another office and of the school office's own tables.
func TestOfficeWritesOnlyItsSubtreeInSQL(t *testing.T) {
	f := newOfficeFixture(t)
	for _, r := range officeRules {
		t.Run(r.table, func(t *testing.T) {
			own, other := f.keyIn(r.table, 100), f.keyIn(r.table, 200)
			if !f.schoolOnly[r.table] {
				f.asRole(t, f.roleA, func(tx *gorm.DB) {
					if n := rawUpdate(t, tx, r.table, own); n != 1 {
						t.Errorf("update of its own row: %d rows", n)
					}
					row := rowJSON(t, tx, r.table, own)
					if n := rawDelete(t, tx, r.table, own); n != 1 {
						t.Errorf("delete of its own row: %d rows", n)
					}
					if err := rawInsert(tx, r.table, row); err != nil {
						t.Errorf("insert of a row of its own: %v", err)
					}
				})
			}
			f.asRole(t, f.roleA, func(tx *gorm.DB) {
				if n := rawUpdate(t, tx, r.table, other); n != 0 {
					t.Errorf("update of another office's row: %d rows", n)
				}
				if n := rawDelete(t, tx, r.table, other); n != 0 {
					t.Errorf("delete of another office's row: %d rows", n)
				}
				row := rowJSON(t, tx, r.table, other)
				// Make room for it as the owner, then insert it as A.
				mustExecTx(t, tx, "RESET ROLE")
				rawDelete(t, tx, r.table, other)
				mustExecTx(t, tx, "SET LOCAL ROLE "+quoteIdent(f.roleA))
				err := rawInsert(tx, r.table, row)
				if r.table == "people" { // any office may add a person
					if err != nil {
						t.Errorf("insert of a new person: %v", err)
					}
					return
				}
				if !refusedByPolicy(err) {
					t.Errorf("insert into another office's subtree: %v, want a policy violation", err)
				}
			})
		})
	}
}

// An office reads the whole college, every table, as it is.
func TestOfficeReadsTheWholeCollege(t *testing.T) {
	f := newOfficeFixture(t)
	want, err := f.owner.Digests()
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.aStore.Digests()
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if want[i].Table != "op_log" && want[i] != got[i] {
			t.Errorf("%s: office reads %d rows, owner %d", want[i].Table, got[i].Rows, want[i].Rows)
		}
	}
}

func rawUpdate(t *testing.T, tx *gorm.DB, table string, key any) int64 {
	t.Helper()
	k := keyOf(table)
	res := tx.Exec(fmt.Sprintf("UPDATE %s SET %s = %s WHERE %s = ?", table, k, k, k), key)
	if res.Error != nil {
		t.Fatalf("update %s: %v", table, res.Error)
	}
	return res.RowsAffected
}

func rawDelete(t *testing.T, tx *gorm.DB, table string, key any) int64 {
	t.Helper()
	res := tx.Exec(fmt.Sprintf("DELETE FROM %s WHERE %s = ?", table, keyOf(table)), key)
	if res.Error != nil {
		t.Fatalf("delete from %s: %v", table, res.Error)
	}
	return res.RowsAffected
}

func rowJSON(t *testing.T, tx *gorm.DB, table string, key any) string {
	t.Helper()
	var row string
	if err := tx.Raw(fmt.Sprintf("SELECT to_jsonb(t)::text FROM %s t WHERE %s = ?", table, keyOf(table)), key).Row().Scan(&row); err != nil {
		t.Fatalf("read %s %v: %v", table, key, err)
	}
	return row
}

func rawInsert(tx *gorm.DB, table, row string) error {
	return tx.Exec(fmt.Sprintf("INSERT INTO %s SELECT * FROM jsonb_populate_record(NULL::%s, ?::jsonb)", table, table), row).Error
}

func mustExecTx(t *testing.T, tx *gorm.DB, st string) {
	t.Helper()
	if err := tx.Exec(st).Error; err != nil {
		t.Fatalf("%s: %v", st, err)
	}
}
