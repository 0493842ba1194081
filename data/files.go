package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Records hold phone numbers and grades: on a shared computer only the
// teacher's own account may read them, whatever the umask says.
const (
	privateDir  os.FileMode = 0o700
	privateFile os.FileMode = 0o600
)

// makePrivateDir creates dir (and its parents) and makes dir itself
// readable by its owner only. Windows ignores the modes.
func makePrivateDir(dir string) error {
	if err := os.MkdirAll(dir, privateDir); err != nil {
		return err
	}
	return os.Chmod(dir, privateDir)
}

// makePrivate makes a file of ours readable by its owner only; a file that
// is not there is no error.
func makePrivate(path string) error {
	err := os.Chmod(path, privateFile)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
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
// one, never half of it. The file is readable by its owner only: it holds
// records (a data file, an evidence copy, the connection settings).
func WriteFileSafely(path string, r io.Reader) (int64, error) {
	tmp := path + ".partial"
	out, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, privateFile)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, r)
	if err == nil {
		err = out.Chmod(privateFile) // an old .partial keeps its mode through O_TRUNC
	}
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

// freeName is a name in dir that no file has yet: prefix-stamp.db, or
// prefix-stamp-2.db and so on when the same second was taken already, so
// that a safety copy never replaces another. The caller holds the folder.
func freeName(dir, prefix, stamp string) (string, error) {
	for i := 1; i < 1000; i++ {
		name := prefix + "-" + stamp + ".db"
		if i > 1 {
			name = fmt.Sprintf("%s-%s-%d.db", prefix, stamp, i)
		}
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
			if _, err := os.Lstat(path + ".partial"); errors.Is(err, os.ErrNotExist) {
				return path, nil
			}
		}
	}
	return "", fmt.Errorf("%w: too many backups named %s-%s", ErrNotWritable, prefix, stamp)
}

// leftovers are the names an interrupted write leaves behind.
var leftovers = []string{".partial", ".partial-journal", ".restoring", ".restoring-journal"}

// cleanLeftovers removes what a killed backup, restore or copy left in the
// data folder and its backups folder. Only the holder of the folder's lock
// may call it: nobody else can be writing them.
func cleanLeftovers(dir string) {
	for _, d := range []string{dir, filepath.Join(dir, BackupDir)} {
		entries, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		for _, e := range entries {
			for _, suffix := range leftovers {
				if !e.IsDir() && strings.HasSuffix(e.Name(), suffix) {
					_ = os.Remove(filepath.Join(d, e.Name()))
				}
			}
		}
	}
}

// syncDir flushes a folder so a rename in it survives a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	_ = d.Sync() // some systems cannot sync a folder; the rename is still atomic
	return nil
}
