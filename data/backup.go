package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// BackupDir is the folder inside the data folder that holds automatic backups.
const BackupDir = "backups"

// BackupTo writes a consistent copy of the data file to dst and returns its
// path. The copy is made under a temporary name, sealed with the digest of
// its records (see seal), checked, flushed to disk and only then renamed, so
// a file with a backup's name is always a good backup. A server's records
// are backed up the same way, as a data file of one snapshot of them.
func (s *Store) BackupTo(dst string) (string, error) {
	if err := makePrivateDir(filepath.Dir(dst)); err != nil {
		return "", fmt.Errorf("%w: %v", ErrNotWritable, err)
	}
	err := writeChecked(dst, func(tmp string) error {
		if s.server {
			_, err := s.copyToFile(tmp)
			return err
		}
		quoted := "'" + strings.ReplaceAll(tmp, "'", "''") + "'"
		if err := s.db.Exec("VACUUM INTO " + quoted).Error; err != nil {
			return translate(err)
		}
		return seal(tmp)
	})
	if err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	return dst, nil
}

// SafetyCopy backs the store up into the backups folder under a name of its
// own, kind-YYYYMMDD-HHMMSS.db, never over another copy: two restores or
// imports in the same second keep both originals.
func (s *Store) SafetyCopy(kind string, now time.Time) (string, error) {
	dir := filepath.Join(s.dir, BackupDir)
	if err := makePrivateDir(dir); err != nil {
		return "", fmt.Errorf("%w: %v", ErrNotWritable, err)
	}
	path, err := freeName(dir, kind, now.Format("20060102-150405"))
	if err != nil {
		return "", err
	}
	return s.BackupTo(path)
}

// writeChecked has write make a data file under a temporary name beside
// path, checks it, flushes it to disk and only then gives it its name.
func writeChecked(path string, write func(tmp string) error) error {
	tmp := path + ".partial"
	_ = os.Remove(tmp)
	err := write(tmp)
	if err == nil {
		err = settle(tmp)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err == nil {
		err = syncDir(filepath.Dir(path))
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// settle checks a data file just written, makes it its owner's only and
// flushes it to disk: what it takes before a rename gives it its name.
func settle(path string) error {
	if err := Verify(path); err != nil {
		return err
	}
	if err := makePrivate(path); err != nil {
		return err
	}
	return syncFile(path)
}

// Verify checks that a file is a whole data file of ours that this program
// can open: our application_id, a schema number it knows, quick_check ok.
// It changes neither the file nor a journal beside it: a journal left by a
// crash is rolled back in a temporary copy.
func Verify(path string) error {
	h, err := existingHeader(path)
	if err != nil {
		return err
	}
	if !hasJournal(path) {
		return vet(path, h)
	}
	return withStaged(path, func(staged string) error { return vet(staged, h) })
}

// Backup is a file in the backups folder.
type Backup struct {
	Path    string
	Kind    string // "daily", "weekly", "before-migration", "before-import", "before-restore", …
	ModTime time.Time
	Size    int64
}

// Backups lists the backups folder, newest first.
func (s *Store) Backups() ([]Backup, error) { return ListBackups(s.dir) }

// ListBackups lists the backups of the data folder dir, newest first, for
// when the data file itself cannot be opened.
func ListBackups(dir string) ([]Backup, error) { return listBackups(filepath.Join(dir, BackupDir)) }

func listBackups(dir string) ([]Backup, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Backup
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".db" {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(dir, e.Name()), Kind: kindOf(e.Name()), ModTime: info.ModTime(), Size: info.Size()})
	}
	slices.SortFunc(out, func(a, b Backup) int { return b.ModTime.Compare(a.ModTime) })
	return out, nil
}

// kindOf tells a backup's kind by its name.
func kindOf(name string) string {
	for _, k := range []string{"before-migration", "before-import", "before-restore", "daily", "weekly"} {
		if strings.HasPrefix(name, k+"-") {
			return k
		}
	}
	return "other"
}

// AutoBackup makes the day's backup if there is none yet (and the week's),
// then prunes: 7 daily, 4 weekly, 10 of each other kind are kept, and every
// pre-migration backup.
func (s *Store) AutoBackup(now time.Time) error {
	dir := filepath.Join(s.dir, BackupDir)
	year, week := now.ISOWeek()
	names := []string{"daily-" + now.Format("20060102") + ".db", fmt.Sprintf("weekly-%d-W%02d.db", year, week)}
	for _, name := range names {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			continue
		}
		if _, err := s.BackupTo(filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return prune(dir)
}

// keep says how many backups of each kind prune keeps (0: all).
var keep = map[string]int{"daily": 7, "weekly": 4, "before-migration": 0}

func prune(dir string) error {
	all, err := listBackups(dir)
	if err != nil {
		return err
	}
	seen := map[string]int{}
	for _, b := range all { // newest first
		seen[b.Kind]++
		limit, ok := keep[b.Kind]
		if !ok {
			limit = 10
		}
		if limit > 0 && seen[b.Kind] > limit {
			if err := os.Remove(b.Path); err != nil {
				return err
			}
		}
	}
	return nil
}
