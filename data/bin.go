package data

import (
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
)

// binKind is a kind of record the recycle bin (回收站) shows, with the
// records that go to the bin with it and those a purge removes with it.
type binKind struct {
	table, label string
	children     []link // stamped with the same deleted_at when it is deleted
	purgeAlso    []link // rows without a bin of their own, removed by a purge
	hidden       string // SQL: rows deleted together with their parent are not listed
}

type link struct{ table, fk string }

var binKinds = []binKind{
	{table: "organizations", label: "name", children: []link{{"departments", "organization_id"}}},
	{table: "departments", label: "name", hidden: `EXISTS (SELECT 1 FROM organizations o
		WHERE o.id = departments.organization_id AND o.deleted_at = departments.deleted_at)`},
	{table: "people", label: "name || '（' || student_no || '）'",
		children: []link{{"exits", "person_id"}, {"assessments", "person_id"}, {"recommendations", "person_id"},
			{"candidates", "person_id"}, {"appointments", "person_id"}},
		purgeAlso: []link{{"attendance", "person_id"}, {"review_reporters", "person_id"}, {"congress_candidates", "person_id"},
			{"congress_delegates", "person_id"}, {"congress_proposals", "proposer_id"}}},
	{table: "trainings", label: "title", purgeAlso: []link{{"attendance", "training_id"}}},
	{table: "meetings", label: "title", purgeAlso: []link{{"attendance", "meeting_id"}, {"congress_quotas", "meeting_id"},
		{"congress_delegates", "meeting_id"}, {"congress_candidates", "meeting_id"}, {"congress_elections", "meeting_id"},
		{"congress_proposals", "meeting_id"}}},
	{table: "rectifications", label: "problem", purgeAlso: []link{{"rectification_logs", "item_id"}, {"evidence_files", "item_id"}}},
	{table: "evidence_files", label: "name"},
	{table: "reviews", label: "semester || ' 述职评议'", purgeAlso: []link{{"review_panelists", "review_id"}, {"review_reporters", "review_id"}}},
}

func kindOfTable(table string) (binKind, error) {
	for _, k := range binKinds {
		if k.table == table {
			return k, nil
		}
	}
	return binKind{}, fmt.Errorf("%s: %w", table, ErrNotFound)
}

// BinEntry is one record in the recycle bin.
type BinEntry struct {
	Entity    string // its table
	ID        uint
	Label     string
	DeletedAt time.Time
}

// Bin lists the recycle bin, most recently deleted first.
func (s *Store) Bin() ([]BinEntry, error) {
	var out []BinEntry
	for _, k := range binKinds {
		q := s.db.Table(k.table).Select(fmt.Sprintf("'%s' AS entity, id, %s AS label, deleted_at", k.table, k.label)).
			Where("deleted_at IS NOT NULL")
		if k.hidden != "" {
			q = q.Where("NOT " + k.hidden)
		}
		var rows []BinEntry
		if err := q.Scan(&rows).Error; err != nil {
			return nil, translate(err)
		}
		out = append(out, rows...)
	}
	slices.SortStableFunc(out, func(a, b BinEntry) int { return b.DeletedAt.Compare(a.DeletedAt) })
	return out, nil
}

// RestoreFromBin puts a record back with everything that went to the bin
// with it (same deletion stamp), in one transaction.
func (s *Store) RestoreFromBin(table string, id uint) error {
	k, err := kindOfTable(table)
	if err != nil {
		return err
	}
	return translate(s.db.Transaction(func(tx *gorm.DB) error {
		var stamp *time.Time
		if err := tx.Table(table).Select("deleted_at").Where("id = ?", id).Scan(&stamp).Error; err != nil {
			return err
		}
		if stamp == nil {
			return ErrNotFound
		}
		for _, c := range k.children {
			if err := tx.Table(c.table).Where(c.fk+" = ? AND deleted_at = ?", id, *stamp).
				Update("deleted_at", nil).Error; err != nil {
				return err
			}
		}
		if err := tx.Table(table).Where("id = ?", id).Update("deleted_at", nil).Error; err != nil {
			return err
		}
		s.writeLog(tx, ActionRestore, table, id, "从回收站恢复")
		return nil
	}))
}

// Purge removes a record from the bin for good, with what hangs on it, and
// rewrites the file (VACUUM) so no trace of it stays in the data file (a
// server reuses the space of deleted rows on its own schedule). It returns the evidence files the caller should delete from the folder.
func (s *Store) Purge(table string, id uint) (files []string, err error) {
	k, err := kindOfTable(table)
	if err != nil {
		return nil, err
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Table(table).Where("id = ? AND deleted_at IS NOT NULL", id).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		ids := func(t link) []uint {
			var out []uint
			tx.Table(t.table).Where(t.fk+" = ?", id).Pluck("id", &out)
			return out
		}
		for _, l := range append(append([]link{}, k.purgeAlso...), k.children...) {
			if l.table == "evidence_files" {
				var stored []string
				tx.Table(l.table).Where(l.fk+" = ?", id).Pluck("stored", &stored)
				files = append(files, stored...)
			}
			if loggedTables[l.table] {
				if err := tx.Exec("DELETE FROM op_log WHERE entity = ? AND record_id IN ?", l.table, ids(l)).Error; err != nil {
					return err
				}
			}
			if err := tx.Exec("DELETE FROM "+l.table+" WHERE "+l.fk+" = ?", id).Error; err != nil {
				return err
			}
		}
		if table == "evidence_files" {
			var stored []string
			tx.Table(table).Where("id = ?", id).Pluck("stored", &stored)
			files = append(files, stored...)
		}
		if err := tx.Exec("DELETE FROM op_log WHERE entity = ? AND record_id = ?", table, id).Error; err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM "+table+" WHERE id = ?", id).Error; err != nil {
			return err
		}
		s.writeLog(tx, ActionPurge, table, 0, "彻底删除一条记录")
		return nil
	})
	if err != nil {
		return nil, translate(err)
	}
	if s.server {
		return files, nil // the server reclaims the space itself (autovacuum)
	}
	return files, translate(s.db.Exec("VACUUM").Error)
}

// DeletePerson moves a person and their terms, exits, assessments, 推优
// and candidacies to the recycle bin with one stamp.
func (s *Store) DeletePerson(id uint) error {
	return translate(s.db.Transaction(func(tx *gorm.DB) error {
		at := tx.NowFunc()
		k, _ := kindOfTable("people")
		for _, c := range k.children {
			if err := tx.Table(c.table).Where(c.fk+" = ? AND deleted_at IS NULL", id).Update("deleted_at", at).Error; err != nil {
				return err
			}
		}
		res := tx.Model(&Person{}).Where("id = ?", id).Update("deleted_at", at)
		if res.Error == nil && res.RowsAffected == 0 {
			return ErrNotFound
		}
		return res.Error
	}))
}
