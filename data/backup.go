package data

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// BackupDir is the folder inside the data folder that holds automatic backups.
const BackupDir = "backups"

// BackupTo writes a consistent copy of the data file to dst and returns its
// path. The copy is made under a temporary name, flushed to disk and only then
// renamed, so a file with a backup's name is always a whole backup.
func (s *Store) BackupTo(dst string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", fmt.Errorf("create backup folder: %w", err)
	}
	tmp := dst + ".partial"
	_ = os.Remove(tmp)
	quoted := "'" + strings.ReplaceAll(tmp, "'", "''") + "'"
	if err := s.db.Exec("VACUUM INTO " + quoted).Error; err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("backup: %w", err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("backup: %w", err)
	}
	return dst, nil
}
