// Package data keeps the program's records in one embedded SQLite file or,
// for a college whose offices share their records, in a PostgreSQL database:
// the GORM models, opening and migrating either safely, and the queries,
// which are the same on both. It knows nothing of the user interface.
package data

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// FileName is the name of the data file inside the data folder.
const FileName = "tuanxue.db"

// dsnParams hold up under repeated kill -9 without losing an acknowledged
// save (PLATFORM.md): rollback journal so a lone copy of the .db is complete,
// synchronous FULL, foreign keys, and write transactions that take the write
// lock at BEGIN so two programs on one file wait instead of failing.
// A 32 MB page cache (SQLite's default is 2 MB) holds a 20,000-cadre
// college, so the check and the charts read pages from memory, not with a
// system call each: the whole check went from 310 to 160 ms (issue 18).
// Never add _time_format here: the driver then ignores _txlock.
const dsnParams = "_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)" +
	"&_pragma=journal_mode(DELETE)&_pragma=synchronous(FULL)" +
	"&_pragma=trusted_schema(0)&_pragma=cache_size(-32768)&_txlock=immediate"

// Config says where the store lives and which clock stamps its records.
type Config struct {
	Dir      string           // data folder; created when missing
	URL      string           // postgres://user@host:port/database: a shared server instead of the file in Dir
	Password string           // the server password, kept out of URL so that it is never shown or saved
	Now      func() time.Time // nil means time.Now
}

// Store is an open data file or server database.
type Store struct {
	db       *gorm.DB
	path     string // the data file, or the server's URL without password
	dir      string // the local data folder: backups, evidence files
	operator string // who makes the changes, for the operation log
	readOnly bool   // a damaged file opened for reading only
	server   bool   // a PostgreSQL server, not a file
	inTx     bool   // inside a transaction or snapshot: nested ones join it
	staged   bool   // a copy being prepared: migrated without a safety copy
	cleanup  func() // run after Close: removes a snapshot's folder
}

// Open opens the data file in cfg.Dir, creating it when the folder has none,
// and migrates an older file forward after backing it up. A file that is
// empty, not ours, damaged or from a newer version is refused with one of the
// sentinel errors and left exactly as it was.
//
// With cfg.URL the store is the PostgreSQL database it names, created or
// migrated under an advisory lock; the folder keeps backups and evidence.
func Open(cfg Config) (*Store, error) {
	if cfg.URL != "" {
		return openServer(cfg)
	}
	if err := makePrivateDir(cfg.Dir); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	path := filepath.Join(cfg.Dir, FileName)
	h, exists, err := readHeader(path)
	if err != nil {
		return nil, err
	}
	if !exists {
		if err := create(path, cfg.Now); err != nil {
			return nil, err
		}
		h.userVersion = LatestVersion()
	} else if err := vet(path, h); err != nil {
		return nil, err
	}
	if err := makePrivate(path); err != nil { // files of older versions were 0644
		return nil, fmt.Errorf("%w: %v", ErrNotWritable, err)
	}
	return openFile(path, cfg.Dir, h.userVersion, cfg.Now, false)
}

// OpenFile opens a data file by its full name, wherever it is and whatever
// it is called (a backup, a file brought from another computer), with the
// same checks and migration as Open.
func OpenFile(path string) (*Store, error) {
	h, err := existingHeader(path)
	if err != nil {
		return nil, err
	}
	if err := vet(path, h); err != nil {
		return nil, err
	}
	return openFile(path, filepath.Dir(path), h.userVersion, nil, false)
}

// evidenceContentsSince is the schema that keeps evidence content in the records.
const evidenceContentsSince = 7

// openFile opens a vetted data file and migrates it from version. A staged
// copy (a backup being restored, a snapshot) is migrated without a safety
// copy of its own: the file it was copied from is that.
func openFile(path, dir string, version int, now func() time.Time, staged bool) (*Store, error) {
	db, err := openDB(path, now)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, dir: dir, operator: osUser(), staged: staged}
	return s.ready(func() error {
		if version == LatestVersion() {
			return nil
		}
		err := s.upgrade(version)
		if err == nil && version < evidenceContentsSince {
			err = s.keepEvidenceContents()
		}
		return err
	})
}

// ready brings a just-opened store to the latest schema and hooks up the
// operation log; a store that cannot be made ready is closed.
func (s *Store) ready(migrate func() error) (*Store, error) {
	err := migrate()
	if err == nil {
		err = s.registerOpLog()
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Path is the full name of the data file, or the server's URL without its
// password.
func (s *Store) Path() string { return s.path }

// Dir is the local data folder: backups and evidence files live there.
func (s *Store) Dir() string { return s.dir }

// Server reports whether the store is a shared PostgreSQL database.
func (s *Store) Server() bool { return s.server }

// Close releases the file or the server connections.
func (s *Store) Close() error {
	if s.cleanup != nil {
		defer s.cleanup()
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// vet refuses a file we must not write to, before SQLite touches it.
func vet(path string, h fileHeader) error {
	if h.applicationID != ApplicationID {
		return ErrForeignFile
	}
	if h.userVersion > LatestVersion() {
		return fmt.Errorf("%w: schema %d, this program knows %d", ErrNewerSchema, h.userVersion, LatestVersion())
	}
	if h.userVersion < 0 { // 0 is a file from before the first schema
		return fmt.Errorf("%w: %d", ErrBadSchema, h.userVersion)
	}
	return quickCheck(path)
}

// quickCheck runs SQLite's quick_check on a read-only connection. After a
// crash the file has a hot journal, which only a writer can roll back: then
// the check runs on a normal connection, which recovers the file first, as
// SQLite is meant to.
func quickCheck(path string) error {
	dsn := fileURI(path) + "?mode=ro"
	if st, err := os.Stat(path + "-journal"); err == nil && st.Size() > 0 {
		dsn = path + "?" + dsnParams
	}
	db, err := gorm.Open(sqlite.Open(dsn), quietConfig(nil))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	sqlDB, _ := db.DB()
	defer sqlDB.Close()
	var results []string
	if err := db.Raw("PRAGMA quick_check").Scan(&results).Error; err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if len(results) != 1 || results[0] != "ok" {
		return fmt.Errorf("%w: %s", ErrDamaged, strings.Join(results, "; "))
	}
	return nil
}

// create builds a new data file under a temporary name and renames it into
// place, so a crash while creating never leaves a half-made file behind.
func create(path string, now func() time.Time) error {
	tmp := path + ".creating"
	_ = os.Remove(tmp)
	db, err := openDB(tmp, now)
	if err != nil {
		return err
	}
	s := &Store{db: db, path: tmp}
	err = s.db.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)).Error
	if err == nil {
		err = s.migrate(0)
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = makePrivate(tmp)
	}
	if err == nil {
		err = syncFile(tmp)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("create data file: %w", err)
	}
	return nil
}

func openDB(path string, now func() time.Time) (*gorm.DB, error) {
	db, err := gorm.Open(sqlite.Open(path+"?"+dsnParams), quietConfig(now))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	// One connection: pragmas stay set, and SQLite serialises writers anyway.
	sqlDB.SetMaxOpenConns(1)
	if err := sqlDB.Ping(); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

func quietConfig(now func() time.Time) *gorm.Config {
	cfg := &gorm.Config{
		Logger:         logger.Discard, // records may hold personal data: never log SQL
		TranslateError: true,
	}
	if now != nil {
		cfg.NowFunc = now
	}
	return cfg
}

// fileURI turns a path into an SQLite URI, escaping spaces and Chinese
// characters; Windows drive letters need the extra leading slash.
func fileURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// translate maps GORM's driver-neutral errors, and a server lost on the
// way, to ours.
func translate(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return fmt.Errorf("%w: %v", ErrNotFound, err)
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return fmt.Errorf("%w: %v", ErrDuplicate, err)
	case refusedByPolicy(err):
		return fmt.Errorf("%w: %v", ErrNotYours, err)
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return fmt.Errorf("%w: %v", ErrInUse, err)
	case strings.Contains(err.Error(), "malformed"):
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	case strings.Contains(err.Error(), "readonly database") || strings.Contains(err.Error(), "read-only"):
		return fmt.Errorf("%w: %v", ErrReadOnly, err)
	case strings.Contains(err.Error(), "disk is full") || strings.Contains(err.Error(), "disk I/O error"):
		return fmt.Errorf("%w: %v", ErrDiskFull, err)
	case lostServer(err):
		return fmt.Errorf("%w: %v", ErrServer, err)
	}
	return err
}

// InTransaction runs fn with a store whose every write belongs to one
// transaction: all of them are saved, or none.
func (s *Store) InTransaction(fn func(tx *Store) error) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		return fn(s.with(tx))
	})
}

// Snapshot runs fn with a store that sees the records as they were when it
// began, however long fn takes: a report made while another office imports
// shows the roster before or after the import, never half of it. On the
// file there is one connection, so no write can come in between anyway.
func (s *Store) Snapshot(fn func(snap *Store) error) error {
	if !s.server || s.inTx {
		return fn(s)
	}
	return s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").Error; err != nil {
			return err
		}
		return fn(s.with(tx))
	})
}

// with is the store inside a transaction of the same database.
func (s *Store) with(tx *gorm.DB) *Store {
	c := *s
	c.db, c.inTx = tx, true
	return &c
}

// osUser is the name the system knows the teacher by: the default operator.
func osUser() string {
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return ""
}

// OpenReadOnly opens a damaged data file for reading only, so the teacher
// can look at and export what is still readable while a backup is chosen.
// Nothing is ever written to it: no migration, no log, no recovery.
func OpenReadOnly(dir string) (*Store, error) {
	path := filepath.Join(dir, FileName)
	h, err := existingHeader(path)
	switch {
	case err != nil:
		return nil, err
	case h.applicationID != ApplicationID:
		return nil, ErrForeignFile
	case h.userVersion != LatestVersion():
		return nil, fmt.Errorf("%w: schema %d", ErrDamaged, h.userVersion)
	}
	db, err := gorm.Open(sqlite.Open(fileURI(path)+"?mode=ro&immutable=1"), quietConfig(nil))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	sqlDB, _ := db.DB()
	sqlDB.SetMaxOpenConns(1)
	s := &Store{db: db, path: path, dir: dir, readOnly: true}
	var tables int
	if err := db.Raw("SELECT count(*) FROM sqlite_master").Scan(&tables).Error; err != nil || tables == 0 {
		s.Close()
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return s, nil
}

// ReadOnly reports whether the store was opened read-only (a damaged file).
func (s *Store) ReadOnly() bool { return s.readOnly }
