package app

import (
	"time"

	"tuanxue/data"
)

// Service is the program's use cases over one open store.
type Service struct {
	store *data.Store
	now   func() time.Time
}

// New returns the use cases over store; now is the clock (nil: time.Now).
func New(store *data.Store, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, now: now}
}

// Store gives access to the underlying store, e.g. for its path.
func (s *Service) Store() *data.Store { return s.store }

// Today is the current calendar day by the service clock.
func (s *Service) Today() data.Date { return data.DateOf(s.now()) }

// InTransaction runs fn with a service whose writes all belong to one
// transaction: every one of them is saved, or none.
func (s *Service) InTransaction(fn func(tx *Service) error) error {
	return s.store.InTransaction(func(st *data.Store) error {
		return fn(New(st, s.now))
	})
}

// Snapshot runs fn with a service that reads the records as they were when
// it began: a report made of many reads never mixes before and after
// another office's save.
func (s *Service) Snapshot(fn func(snap *Service) error) error {
	return s.store.Snapshot(func(st *data.Store) error {
		return fn(New(st, s.now))
	})
}

// BackupBefore copies the data file into the backups folder before a bulk
// change, so the teacher can go back to how things were.
// Two within the same second keep both copies.
func (s *Service) BackupBefore(what string) (string, error) {
	return s.store.SafetyCopy("before-"+what, s.now())
}

// AutoBackup makes the day's backup on the first start of each day and
// prunes the old ones.
func (s *Service) AutoBackup() error { return s.store.AutoBackup(s.now()) }
