package data

import "gorm.io/gorm"

// OnWrite calls fn with the table of every create, update and delete that
// changes a row, whichever method or transaction it comes from, so that
// the program can tell its screens what changed without each write path
// remembering to. fn runs as the statement runs, on its goroutine and
// possibly inside a transaction that has yet to commit (or may roll back):
// it must only take note, never read the store. One listener per store; a
// second call returns gorm.ErrRegistered.
func (s *Store) OnWrite(fn func(table string)) error {
	return s.db.Use(writeWatch{fn: fn})
}

// writeWatch is the GORM plugin behind OnWrite. A plugin lives with the
// database handle, so transactions opened from it share its callbacks.
type writeWatch struct{ fn func(table string) }

func (writeWatch) Name() string { return "tuanxue:changes" }

func (w writeWatch) Initialize(db *gorm.DB) error {
	cb := db.Callback()
	if err := cb.Create().After("gorm:create").Register("tuanxue:changes_create", w.note); err != nil {
		return err
	}
	if err := cb.Update().After("gorm:update").Register("tuanxue:changes_update", w.note); err != nil {
		return err
	}
	return cb.Delete().After("gorm:delete").Register("tuanxue:changes_delete", w.note)
}

func (w writeWatch) note(tx *gorm.DB) {
	if tx.Error == nil && tx.RowsAffected > 0 && tx.Statement.Table != "" {
		w.fn(tx.Statement.Table)
	}
}
