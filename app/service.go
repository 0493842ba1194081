package app

import (
	"time"

	"tuanxue/data"
)

// Service is the program's use cases over one open store.
type Service struct {
	store   *data.Store
	now     func() time.Time
	ws      *Workspace // the workspace that opened it, if any
	changes *Changes   // shared with the services of its transactions
	office  *Office    // the office of the connection, once read
}

// New returns the use cases over store; now is the clock (nil: time.Now).
// Every write to store from then on is told through Changes.
func New(store *data.Store, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	s := &Service{store: store, now: now, changes: &Changes{}}
	// A store watched already (a second service over it) keeps telling the
	// first: there is one window per store.
	_ = store.OnWrite(s.changes.note)
	return s
}

// within is the service over st, a transaction or snapshot of s's store.
func (s *Service) within(st *data.Store) *Service {
	return &Service{store: st, now: s.now, changes: s.changes}
}

// Changes is the notice of change of the service's writes.
func (s *Service) Changes() *Changes { return s.changes }

// Store gives the command line's copy and the tests the store itself;
// the window reaches the records through the Service only.
func (s *Service) Store() *data.Store { return s.store }

// Workspace is where the service's store was opened: its folder, backups
// and restore. Nil for a service made with New.
func (s *Service) Workspace() *Workspace { return s.ws }

// DataDir is the local data folder: backups and evidence copies live there.
func (s *Service) DataDir() string { return s.store.Dir() }

// Location is the data file's full name, or the server's address without
// its password.
func (s *Service) Location() string { return s.store.Path() }

// OnServer reports whether the records are on a shared server.
func (s *Service) OnServer() bool { return s.store.Server() }

// ReadOnly reports whether the records are a damaged file open for reading.
func (s *Service) ReadOnly() bool { return s.store.ReadOnly() }

// Backups lists the data folder's backups, newest first.
func (s *Service) Backups() ([]data.Backup, error) { return s.store.Backups() }

// Today is the current calendar day by the service clock.
func (s *Service) Today() data.Date { return data.DateOf(s.now()) }

// InTransaction runs fn with a service whose writes all belong to one
// transaction: every one of them is saved, or none.
// Its changes are told once, when it is over.
func (s *Service) InTransaction(fn func(tx *Service) error) error {
	s.changes.begin()
	defer s.changes.end()
	return s.store.InTransaction(func(st *data.Store) error {
		return fn(s.within(st))
	})
}

// Snapshot runs fn with a service that reads the records as they were when
// it began: a report made of many reads never mixes before and after
// another office's save.
func (s *Service) Snapshot(fn func(snap *Service) error) error {
	return s.store.Snapshot(func(st *data.Store) error {
		return fn(s.within(st))
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
