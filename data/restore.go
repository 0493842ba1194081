package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
)

// sealTable holds, inside a backup, the digest of every table's rows as the
// backup was made. A restore recomputes it, so a byte changed anywhere in
// the records (a name, a phone number) is found, not only a broken page.
const sealTable = "backup_seal"

// seal writes the digest of every table into the new backup at path.
func seal(path string) error {
	s, err := openPlain(path)
	if err != nil {
		return err
	}
	defer s.Close()
	digests, err := tableDigests(s.db)
	if err != nil {
		return err
	}
	return translate(s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`CREATE TABLE ` + sealTable + ` (
			table_name TEXT PRIMARY KEY, row_count INTEGER NOT NULL, hash TEXT NOT NULL)`).Error; err != nil {
			return err
		}
		for _, d := range digests {
			if err := tx.Exec(`INSERT INTO `+sealTable+` VALUES (?, ?, ?)`, d.Table, d.Rows, d.Hash).Error; err != nil {
				return err
			}
		}
		return nil
	}))
}

// tableDigests digests every table of a data file, whatever its schema
// version, by name.
func tableDigests(db *gorm.DB) ([]TableDigest, error) {
	var tables []string
	if err := db.Raw(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).Scan(&tables).Error; err != nil {
		return nil, err
	}
	var out []TableDigest
	for _, t := range tables {
		if strings.HasPrefix(t, "sqlite_") || t == sealTable {
			continue
		}
		d, err := digest(db, t)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t, err)
		}
		out = append(out, d)
	}
	return out, nil
}

// unseal compares a staged backup's records with its seal and then removes
// the seal, so the file has the schema of a data file again. A backup made
// before backups were sealed has none: sealed is false then.
func unseal(db *gorm.DB) (sealed bool, err error) {
	var n int
	if err := db.Raw(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, sealTable).Scan(&n).Error; err != nil {
		return false, err
	}
	if n == 0 {
		return false, nil
	}
	var want []TableDigest
	if err := db.Raw(`SELECT table_name AS "table", row_count AS "rows", hash FROM ` + sealTable + ` ORDER BY table_name`).Scan(&want).Error; err != nil {
		return true, fmt.Errorf("%w: %v", ErrTampered, err)
	}
	got, err := tableDigests(db)
	if err != nil {
		return true, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if !slices.Equal(want, got) {
		return true, fmt.Errorf("%w: %s", ErrTampered, firstDifference(want, got))
	}
	return true, db.Exec(`DROP TABLE ` + sealTable).Error
}

func firstDifference(want, got []TableDigest) string {
	for i := range min(len(want), len(got)) {
		if want[i] != got[i] {
			return fmt.Sprintf("%s: %d rows %.12s, sealed %s: %d rows %.12s",
				got[i].Table, got[i].Rows, got[i].Hash, want[i].Table, want[i].Rows, want[i].Hash)
		}
	}
	return fmt.Sprintf("%d tables, sealed %d", len(got), len(want))
}

// hasJournal reports whether a rollback journal lies beside a data file.
func hasJournal(path string) bool {
	st, err := os.Stat(path + "-journal")
	return err == nil && st.Size() > 0
}

// stage copies a data file and the journal beside it, if any, to dst and
// rolls the journal back there: src and its journal are only read.
func stage(src, dst string) error {
	_ = os.Remove(dst + "-journal")
	if err := copyFile(src, dst); err != nil {
		return err
	}
	if !hasJournal(src) {
		return nil
	}
	if err := copyFile(src+"-journal", dst+"-journal"); err != nil {
		return err
	}
	if h, err := existingHeader(dst); err != nil || h.applicationID != ApplicationID {
		return ErrForeignFile // not ours: do not let SQLite write to it
	}
	s, err := openPlain(dst)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	defer s.Close()
	var n int
	if err := s.db.Raw("SELECT count(*) FROM sqlite_master").Scan(&n).Error; err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return nil
}

// withStaged runs fn on a staged copy of path in a temporary folder.
func withStaged(path string, fn func(staged string) error) error {
	tmp, err := os.MkdirTemp("", "tuanxue-check-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	staged := filepath.Join(tmp, FileName)
	if err := stage(path, staged); err != nil {
		return err
	}
	return fn(staged)
}

// openPlain opens a data file with our connection settings and nothing
// else: no checks, no migration, no log.
func openPlain(path string) (*Store, error) {
	db, err := openDB(path, nil)
	if err != nil {
		return nil, err
	}
	return &Store{db: db, path: path, dir: filepath.Dir(path)}, nil
}

// checkWhole runs the full checks on a staged data file: our file, a schema
// number this program knows, every page and index (integrity_check), every
// reference (foreign_key_check), and the seal. It removes the seal.
func checkWhole(path string) error {
	h, err := existingHeader(path)
	if err != nil {
		return err
	}
	if err := vet(path, h); err != nil {
		return err
	}
	s, err := openPlain(path)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	defer s.Close()
	var results []string
	if err := s.db.Raw("PRAGMA integrity_check").Scan(&results).Error; err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if len(results) != 1 || results[0] != "ok" {
		return fmt.Errorf("%w: %s", ErrDamaged, strings.Join(results, "; "))
	}
	var broken []map[string]any
	if err := s.db.Raw("PRAGMA foreign_key_check").Scan(&broken).Error; err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if len(broken) > 0 {
		return fmt.Errorf("%w: %d broken references", ErrDamaged, len(broken))
	}
	if _, err := unseal(s.db); err != nil {
		return err
	}
	return nil
}

// RestoreFile replaces the data file in dir with a backup. Everything is
// done on a copy beside the data file first: the backup's journal rolled
// back there (the backup itself is only read), the full checks, the
// migration of an older backup, the log line. Only then is the current
// file kept aside in the backups folder, under a name no other copy has,
// and the copy renamed into its place; on any failure before that the data
// folder is as it was. The store on dir must be closed and the folder held
// (LockDir); the caller opens it again.
func RestoreFile(dir, backup string) (kept string, err error) {
	path := filepath.Join(dir, FileName)
	staged := path + ".restoring"
	defer func() {
		_ = os.Remove(staged)
		_ = os.Remove(staged + "-journal")
	}()
	if err := stage(backup, staged); err != nil {
		return "", err
	}
	if err := prepareRestore(staged, dir, filepath.Base(backup)); err != nil {
		return "", err
	}
	if _, err := os.Stat(path); err == nil {
		if kept, err = keepAside(dir, path); err != nil {
			return "", fmt.Errorf("keep the current file: %w", err)
		}
	}
	return kept, swapIn(staged, path)
}

// prepareRestore checks a staged backup whole, brings it to this program's
// schema and logs where it came from, all before it replaces anything.
func prepareRestore(staged, dir, from string) error {
	if err := checkWhole(staged); err != nil {
		return err
	}
	h, err := existingHeader(staged)
	if err != nil {
		return err
	}
	s, err := openFile(staged, dir, h.userVersion, nil, true)
	if err != nil {
		return err
	}
	err = s.LogAction(ActionRestore, "backup", "从备份恢复："+from)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = settle(staged)
	}
	return err
}

// keepAside copies the current data file, and a journal left by a crash,
// byte for byte into the backups folder.
func keepAside(dir, path string) (string, error) {
	backups := filepath.Join(dir, BackupDir)
	if err := makePrivateDir(backups); err != nil {
		return "", err
	}
	kept, err := freeName(backups, "before-restore", time.Now().Format("20060102-150405"))
	if err != nil {
		return "", err
	}
	if err := copyFile(path, kept); err != nil {
		return "", err
	}
	if _, err := os.Stat(path + "-journal"); err == nil {
		if err := copyFile(path+"-journal", kept+"-journal"); err != nil {
			os.Remove(kept)
			return "", err
		}
	}
	return kept, nil
}

// swapIn renames the staged file over the data file. A journal left by a
// crash belongs to the file being replaced (a copy went with it): it must
// never be rolled into the restored file, so it goes first, and comes back
// if the rename fails.
func swapIn(staged, path string) error {
	journal := path + "-journal"
	aside := journal + ".restoring"
	hadJournal := false
	if _, err := os.Stat(journal); err == nil {
		if err := os.Rename(journal, aside); err != nil {
			return err
		}
		hadJournal = true
	}
	if err := os.Rename(staged, path); err != nil {
		if hadJournal {
			_ = os.Rename(aside, journal)
		}
		return err
	}
	if hadJournal {
		_ = os.Remove(aside)
	}
	return syncDir(filepath.Dir(path))
}

// OpenSnapshot opens a copy of the data file at path, taken in a temporary
// folder, for reading its records (db copy): the file is never written, not
// migrated, not recovered. A file in a data folder no program holds is
// copied byte for byte under the folder's lock; one in use is read through
// SQLite, which gives a consistent snapshot. Close removes the copy.
func OpenSnapshot(path string) (*Store, error) {
	h, err := existingHeader(path)
	if err != nil {
		return nil, err
	}
	if h.applicationID != ApplicationID {
		return nil, ErrForeignFile
	}
	tmp, err := os.MkdirTemp("", "tuanxue-copy-")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotWritable, err)
	}
	staged := filepath.Join(tmp, FileName)
	err = snapshotInto(path, staged)
	if err == nil {
		h, err = existingHeader(staged)
	}
	if err == nil {
		err = vet(staged, h)
	}
	var s *Store
	if err == nil {
		s, err = openFile(staged, tmp, h.userVersion, nil, true)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	s.cleanup = func() { os.RemoveAll(tmp) }
	return s, nil
}

// snapshotInto copies the data file src to dst, consistently.
func snapshotInto(src, dst string) error {
	lock := filepath.Join(filepath.Dir(src), LockName)
	if _, err := os.Stat(lock); filepath.Base(src) != FileName || err != nil {
		// A loose file (a backup, a copy from elsewhere), or a folder that
		// no copy of the program has ever held.
		return stage(src, dst)
	}
	release, err := tryLock(filepath.Dir(src))
	if err == nil {
		defer release()
		return stage(src, dst)
	}
	if !errors.Is(err, ErrRunning) {
		return err
	}
	// The program has the folder open: SQLite's read lock keeps its writes
	// out while VACUUM INTO reads.
	db, err := gorm.Open(sqlite.Open(fileURI(src)+"?mode=ro&_pragma=busy_timeout(10000)"), quietConfig(nil))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	sqlDB, _ := db.DB()
	defer sqlDB.Close()
	quoted := "'" + strings.ReplaceAll(dst, "'", "''") + "'"
	return translate(db.Exec("VACUUM INTO " + quoted).Error)
}
