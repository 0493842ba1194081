package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// folderState lists every file under dir with its size and hash.
func folderState(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s:%d:%x\n", strings.TrimPrefix(p, dir), len(content), sha256.Sum256(content))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// backedUpCollege is a data folder with two people and a backup of it.
func backedUpCollege(t *testing.T) (dir, backup string) {
	t.Helper()
	dir = t.TempDir()
	s := mustOpen(t, Config{Dir: dir})
	for _, p := range []Person{
		{StudentNo: "2020010101", Name: "欧阳玥", Phone: "13800138000", ClassName: "软件2001班"},
		{StudentNo: "2020010102", Name: "李堃", Phone: "13912345678"},
	} {
		if err := s.SavePerson(&p); err != nil {
			t.Fatal(err)
		}
	}
	backup = filepath.Join(t.TempDir(), "备份.db")
	if _, err := s.BackupTo(backup); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePerson(&Person{StudentNo: "2021010101", Name: "后来的人"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return dir, backup
}

// flipIn changes one byte of the first occurrence of text in the file,
// from byte offset from on.
func flipIn(t *testing.T, path, text string, from int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b[from:], []byte(text))
	if i < 0 {
		t.Fatalf("%q not in %s after byte %d", text, path, from)
	}
	b[from+i+len(text)-1] ^= 1
	writeFile(t, path, b)
}

// indexPage is the byte offset of an index's root page in a data file.
func indexPage(t *testing.T, path, index string) int {
	t.Helper()
	s, err := openPlain(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var root, size int
	s.db.Raw("SELECT rootpage FROM sqlite_master WHERE name = ?", index).Scan(&root)
	s.db.Raw("PRAGMA page_size").Scan(&size)
	if root == 0 {
		t.Fatalf("no index %s", index)
	}
	return (root - 1) * size
}

// sealedHash is the hash the backup's seal holds for a table.
func sealedHash(t *testing.T, path, table string) string {
	t.Helper()
	s, err := openPlain(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var hash string
	s.db.Raw("SELECT hash FROM "+sealTable+" WHERE table_name = ?", table).Scan(&hash)
	if hash == "" {
		t.Fatalf("no seal for %s", table)
	}
	return hash
}

func setHeaderInt(t *testing.T, path string, offset int, v int32) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	binary.BigEndian.PutUint32(b[offset:], uint32(v))
	writeFile(t, path, b)
}

func TestRestoreRefusesTamperedBackups(t *testing.T) {
	for _, c := range []struct {
		name   string
		tamper func(t *testing.T, path string)
		want   error
	}{
		{"flipped byte in a name", func(t *testing.T, p string) { flipIn(t, p, "欧阳玥", 0) }, ErrDamaged},
		{"flipped byte in a class", func(t *testing.T, p string) { flipIn(t, p, "软件2001班", 0) }, ErrTampered},
		{"flipped byte in a phone number", func(t *testing.T, p string) { flipIn(t, p, "13912345678", 0) }, ErrTampered},
		{"flipped byte in an index", func(t *testing.T, p string) { flipIn(t, p, "李堃", indexPage(t, p, "people_name")) }, ErrDamaged},
		{"flipped byte in the seal", func(t *testing.T, p string) { flipIn(t, p, sealedHash(t, p, "people"), 0) }, ErrTampered},
		{"flipped byte in the header", func(t *testing.T, p string) { setHeaderInt(t, p, 16, 0x11000001) }, ErrDamaged},
		{"schema 0", func(t *testing.T, p string) { setHeaderInt(t, p, 60, 0) }, ErrBadSchema},
		{"schema -1", func(t *testing.T, p string) { setHeaderInt(t, p, 60, -1) }, ErrBadSchema},
		{"newer schema", func(t *testing.T, p string) { setHeaderInt(t, p, 60, int32(LatestVersion()+1)) }, ErrNewerSchema},
		{"foreign file", func(t *testing.T, p string) { os.Remove(p); makeForeignSQLite(t, p) }, ErrForeignFile},
		{"truncated", func(t *testing.T, p string) { truncateHalf(t, p) }, ErrDamaged},
		{"empty", func(t *testing.T, p string) { writeFile(t, p, nil) }, ErrEmptyFile},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, backup := backedUpCollege(t)
			c.tamper(t, backup)
			before, tampered := folderState(t, dir), folderState(t, filepath.Dir(backup))
			_, err := RestoreFile(dir, backup)
			if !errors.Is(err, c.want) {
				t.Fatalf("restore: %v, want %v", err, c.want)
			}
			if folderState(t, dir) != before {
				t.Fatal("a refused restore changed the data folder")
			}
			if folderState(t, filepath.Dir(backup)) != tampered {
				t.Fatal("a refused restore changed the backup")
			}
			s := mustOpen(t, Config{Dir: dir})
			defer s.Close()
			if _, err := s.PersonByStudentNo("2021010101"); err != nil {
				t.Fatalf("the current records are gone: %v", err)
			}
		})
	}
}

// truncateHalf cuts a file to half its pages, as an interrupted copy would.
func truncateHalf(t *testing.T, p string) {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, st.Size()/4096/2*4096); err != nil {
		t.Fatal(err)
	}
}

func TestRestoreOfASealedBackupUnsealsIt(t *testing.T) {
	dir, backup := backedUpCollege(t)
	before := folderState(t, filepath.Dir(backup))
	kept, err := RestoreFile(dir, backup)
	if err != nil {
		t.Fatal(err)
	}
	if folderState(t, filepath.Dir(backup)) != before {
		t.Fatal("restoring changed the backup")
	}
	s := mustOpen(t, Config{Dir: dir})
	defer s.Close()
	if _, err := s.PersonByStudentNo("2021010101"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the later person is still there: %v", err)
	}
	var seals int
	s.db.Raw("SELECT count(*) FROM sqlite_master WHERE name = ?", sealTable).Scan(&seals)
	if seals != 0 {
		t.Fatal("the restored data file kept the backup's seal")
	}
	old, err := OpenSnapshot(kept)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if _, err := old.PersonByStudentNo("2021010101"); err != nil {
		t.Fatalf("the file kept aside lacks the later person: %v", err)
	}
}

func TestTwoRestoresInOneSecondKeepBothOriginals(t *testing.T) {
	dir, backup := backedUpCollege(t)
	first, err := RestoreFile(dir, backup)
	if err != nil {
		t.Fatal(err)
	}
	firstContent, _ := os.ReadFile(first)
	second, err := RestoreFile(dir, backup)
	if err != nil {
		t.Fatal(err)
	}
	if first == second {
		t.Fatalf("both safety copies are %s", first)
	}
	if again, _ := os.ReadFile(first); !bytes.Equal(again, firstContent) {
		t.Fatal("the second restore overwrote the first safety copy")
	}
}

func TestSafetyCopiesInOneSecondAreKept(t *testing.T) {
	s := newFileStore(t)
	now := time.Date(2020, 10, 1, 9, 0, 0, 0, time.Local)
	seen := map[string]bool{}
	for range 3 {
		p, err := s.SafetyCopy("before-import", now)
		if err != nil {
			t.Fatal(err)
		}
		if seen[p] {
			t.Fatalf("%s made twice", p)
		}
		seen[p] = true
	}
	all, _ := s.Backups()
	if len(all) != 3 {
		t.Fatalf("%d backups, want 3", len(all))
	}
}

func TestBadSchemaNumberIsRefusedWithoutBackups(t *testing.T) {
	for _, version := range []int32{0, -1, -2147483648, 3} { // 0 and 3: numbers below the file's tables
		t.Run(fmt.Sprint(version), func(t *testing.T) {
			dir := t.TempDir()
			mustOpen(t, Config{Dir: dir}).Close()
			path := filepath.Join(dir, FileName)
			setHeaderInt(t, path, 60, version)
			before := folderState(t, dir)
			for range 3 { // every start
				_, err := Open(Config{Dir: dir})
				if !errors.Is(err, ErrBadSchema) || !errors.Is(err, ErrDamaged) {
					t.Fatalf("open: %v", err)
				}
			}
			if folderState(t, dir) != before {
				t.Fatalf("refusing the file changed the folder:\n%s", folderState(t, dir))
			}
		})
	}
}

func TestMigrationStopsAtABrokenReference(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	dir := t.TempDir()
	mustOpen(t, Config{Dir: dir}).Close()
	migrations = append(slices.Clone(saved), migration{LatestVersion() + 1, "a step that breaks a reference", func(tx *gorm.DB) error {
		return tx.Exec("INSERT INTO departments (organization_id, name) VALUES (9999, '孤儿部门')").Error
	}})
	_, err := Open(Config{Dir: dir})
	if err == nil {
		t.Fatal("a migration that broke a reference went through")
	}
	migrations = saved
	s := mustOpen(t, Config{Dir: dir})
	defer s.Close()
	if v, _ := s.SchemaVersion(); v != LatestVersion() {
		t.Fatalf("schema %d after a failed step", v)
	}
	var n int
	s.db.Raw("SELECT count(*) FROM departments").Scan(&n)
	if n != 0 {
		t.Fatal("the broken step's row was kept")
	}
}

func TestLeftoversAreCleanedOnTheNextOpen(t *testing.T) {
	dir := t.TempDir()
	mustOpen(t, Config{Dir: dir}).Close()
	left := []string{
		filepath.Join(dir, BackupDir, "before-import-20201001-090000.db.partial"),
		filepath.Join(dir, FileName+".restoring"),
	}
	os.MkdirAll(filepath.Join(dir, BackupDir), 0o700)
	for _, p := range left {
		writeFile(t, p, []byte("half a copy"))
	}
	release, err := LockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	for _, p := range left {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s left behind", p)
		}
	}
}

// oldDataFile makes a data file at schema version in dir, with one union.
func oldDataFile(t *testing.T, dir string, version int) string {
	t.Helper()
	path := filepath.Join(dir, FileName)
	s, err := openPlain(path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID))
	if err := s.migrateTo(version); err != nil {
		t.Fatal(err)
	}
	mustExec(t, s, `INSERT INTO organizations (name, kind) VALUES ('校学生会', 'school_union')`)
	s.Close()
	return path
}

// A copy only reads its source: an older file is migrated in the copy, and
// a folder held by a running program is read through SQLite.
func TestSnapshotOnlyReadsItsSource(t *testing.T) {
	for _, held := range []bool{false, true} {
		t.Run(fmt.Sprint("held=", held), func(t *testing.T) {
			dir := t.TempDir()
			path := oldDataFile(t, dir, 5)
			if held {
				release, err := LockDir(dir)
				if err != nil {
					t.Fatal(err)
				}
				defer release()
			}
			before := folderState(t, dir)
			s, err := OpenSnapshot(path)
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := s.SchemaVersion(); v != LatestVersion() {
				t.Errorf("snapshot at schema %d", v)
			}
			orgs, err := s.Organizations()
			if err != nil || len(orgs) != 1 {
				t.Errorf("snapshot holds %v, %v", orgs, err)
			}
			copyDir := s.Dir()
			s.Close()
			if after := folderState(t, dir); after != before {
				t.Fatalf("the source folder changed:\n%s\nwas\n%s", after, before)
			}
			if _, err := os.Stat(copyDir); !errors.Is(err, os.ErrNotExist) {
				t.Error("the snapshot's folder is left behind")
			}
		})
	}
}
