//go:build unix

package data

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
)

// childHotJournal changes every organization of the file in a transaction
// big enough to spill into the file, and dies before committing: the file
// is left half-written with a hot journal, as after a power cut.
func childHotJournal(path string) int {
	db, err := gorm.Open(sqlite.Open(path+"?_pragma=journal_mode(DELETE)&_pragma=cache_size(10)"), &gorm.Config{})
	if err != nil {
		return 1
	}
	tx := db.Begin()
	if err := tx.Exec("UPDATE organizations SET notes = notes || '改'").Error; err != nil {
		return 1
	}
	os.Exit(3) // no commit, no rollback, no close
	return 0
}

func TestRestoreRollsABackupsJournalBackInACopy(t *testing.T) {
	dir := t.TempDir()
	fillFile(t, filepath.Join(dir, FileName))
	s := mustOpen(t, Config{Dir: dir})
	backup := filepath.Join(t.TempDir(), "备份.db")
	if _, err := s.BackupTo(backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	clean, _ := os.ReadFile(backup)

	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), "TUANXUE_CHILD=hot-journal", "TUANXUE_FILE="+backup)
	if err := child.Run(); err == nil || child.ProcessState.ExitCode() != 3 {
		t.Fatalf("child: %v", err)
	}
	halfWritten, _ := os.ReadFile(backup)
	journal, err := os.ReadFile(backup + "-journal")
	if err != nil || bytes.Equal(halfWritten, clean) {
		t.Fatalf("no half-written backup with a hot journal to test with (journal: %v)", err)
	}

	if _, err := RestoreFile(dir, backup); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(backup); !bytes.Equal(b, halfWritten) {
		t.Fatal("restoring rolled the journal back into the backup itself")
	}
	if j, _ := os.ReadFile(backup + "-journal"); !bytes.Equal(j, journal) {
		t.Fatal("restoring changed the backup's journal")
	}
	s = mustOpen(t, Config{Dir: dir})
	defer s.Close()
	var changed int
	s.db.Raw("SELECT count(*) FROM organizations WHERE notes LIKE '%改'").Scan(&changed)
	if changed != 0 {
		t.Fatalf("%d organizations restored with the uncommitted change", changed)
	}
}

func TestRecordsArePrivateWhateverTheUmask(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	parent := t.TempDir()
	dir := filepath.Join(parent, "团委台账")
	os.MkdirAll(dir, 0o755)
	s := mustOpen(t, Config{Dir: dir})
	if err := s.AutoBackup(fixedNow()); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(parent, "U盘", "备份.db")
	if _, err := s.BackupTo(out); err != nil {
		t.Fatal(err)
	}
	evidence := filepath.Join(dir, "evidence", "a.txt")
	os.MkdirAll(filepath.Dir(evidence), 0o700)
	if _, err := WriteFileSafely(evidence, strings.NewReader("佐证")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	release, err := LockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	release()
	backups, _ := ListBackups(dir)
	want := map[string]os.FileMode{dir: 0o700, filepath.Join(dir, BackupDir): 0o700,
		filepath.Join(dir, FileName): 0o600, out: 0o600, evidence: 0o600}
	for _, b := range backups {
		want[b.Path] = 0o600
	}
	if len(backups) == 0 {
		t.Fatal("no automatic backup")
	}
	for p, mode := range want {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != mode {
			t.Errorf("%s is %v, want %v", p, st.Mode().Perm(), mode)
		}
	}
}

func TestAnOlderPublicFolderIsMadePrivateOnOpen(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := t.TempDir()
	mustOpen(t, Config{Dir: dir}).Close()
	os.Chmod(dir, 0o755)
	os.Chmod(filepath.Join(dir, FileName), 0o644)
	release, err := LockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	mustOpen(t, Config{Dir: dir}).Close()
	for p, mode := range map[string]os.FileMode{dir: 0o700, filepath.Join(dir, FileName): 0o600} {
		if st, _ := os.Stat(p); st.Mode().Perm() != mode {
			t.Errorf("%s is %v, want %v", p, st.Mode().Perm(), mode)
		}
	}
}
