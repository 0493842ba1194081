package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// BackupDir is the folder inside the data folder that holds automatic backups.
const BackupDir = "backups"

// BackupTo writes a consistent copy of the data file to dst and returns its
// path. The copy is made under a temporary name, checked (quick_check and
// our application_id), flushed to disk and only then renamed, so a file
// with a backup's name is always a good backup. A server's records are
// backed up the same way, as a data file of one snapshot of them.
func (s *Store) BackupTo(dst string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", fmt.Errorf("create backup folder: %w", err)
	}
	err := writeChecked(dst, func(tmp string) error {
		if s.server {
			_, err := s.copyToFile(tmp)
			return err
		}
		quoted := "'" + strings.ReplaceAll(tmp, "'", "''") + "'"
		return s.db.Exec("VACUUM INTO " + quoted).Error
	})
	if err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	return dst, nil
}

// writeChecked has write make a data file under a temporary name beside
// path, checks it, flushes it to disk and only then gives it its name.
func writeChecked(path string, write func(tmp string) error) error {
	tmp := path + ".partial"
	_ = os.Remove(tmp)
	err := write(tmp)
	if err == nil {
		err = Verify(tmp)
	}
	if err == nil {
		err = syncFile(tmp)
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

// Verify checks that a file is a whole data file of ours that this program
// can open: our application_id, a schema no newer than ours, quick_check ok.
// It does not change the file.
func Verify(path string) error {
	h, err := existingHeader(path)
	if err != nil {
		return err
	}
	return vet(path, h)
}

// syncDir flushes a folder so a rename in it survives a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return nil // some systems cannot sync a folder; the rename is still atomic
	}
	return nil
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

// copyFile copies src to dst through WriteFileSafely.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	_, err = WriteFileSafely(dst, in)
	return err
}

// WriteFileSafely writes r to path through a temporary file that is flushed
// to disk and then renamed, so path is either the old file or the whole new
// one, never half of it.
func WriteFileSafely(path string, r io.Reader) (int64, error) {
	tmp := path + ".partial"
	out, err := os.Create(tmp)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, r)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return n, err
}

// RestoreFile replaces the data file in dir with a backup: the backup is
// checked first, the current file is kept aside in the backups folder, and
// the new file is checked again once in place. The store on dir must be
// closed; the caller opens it again.
func RestoreFile(dir, backup string) (kept string, err error) {
	if err := Verify(backup); err != nil {
		return "", err
	}
	path := filepath.Join(dir, FileName)
	if _, err := os.Stat(path); err == nil {
		kept = filepath.Join(dir, BackupDir, "before-restore-"+time.Now().Format("20060102-150405")+".db")
		if err := os.MkdirAll(filepath.Dir(kept), 0o755); err != nil {
			return "", err
		}
		if err := copyFile(path, kept); err != nil {
			return "", fmt.Errorf("keep the current file: %w", err)
		}
	}
	// A journal left by a crash belongs to the file being replaced: it goes
	// with the kept copy, never onto the restored file.
	if _, err := os.Stat(path + "-journal"); err == nil {
		if kept != "" {
			_ = copyFile(path+"-journal", kept+"-journal")
		}
		if err := os.Remove(path + "-journal"); err != nil {
			return kept, err
		}
	}
	if err := copyFile(backup, path); err != nil {
		return kept, err
	}
	if err := syncDir(dir); err != nil {
		return kept, err
	}
	if err := Verify(path); err != nil {
		return kept, err
	}
	// Open it once: an older backup is migrated now, and the log of the
	// restored file says where it came from.
	s, err := Open(Config{Dir: dir})
	if err != nil {
		return kept, err
	}
	defer s.Close()
	return kept, s.LogAction(ActionRestore, "backup", "从备份恢复："+filepath.Base(backup))
}
