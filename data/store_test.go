package data

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"

	"tuanxue/data/pgtest"
)

var fixedNow = func() time.Time { return time.Date(2020, 10, 15, 9, 30, 0, 0, time.FixedZone("CST", 8*3600)) }

// testConfig is a fresh store in its own temporary folder: a data file, or
// a schema on the PostgreSQL test server in the run that has one.
func testConfig(t *testing.T, now func() time.Time) Config {
	return Config{Dir: t.TempDir(), URL: pgtest.Schema(t), Now: now}
}

// newTestStore opens a fresh store of the back end under test.
func newTestStore(t *testing.T) *Store {
	t.Helper()
	return mustOpen(t, testConfig(t, fixedNow))
}

// newFileStore opens a fresh data file, for what only a file has.
func newFileStore(t *testing.T) *Store {
	t.Helper()
	return mustOpen(t, Config{Dir: t.TempDir(), Now: fixedNow})
}

func mustOpen(t testing.TB, cfg Config) *Store {
	t.Helper()
	s, err := Open(cfg)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func pragma(t *testing.T, s *Store, name string) string {
	t.Helper()
	var v string
	if err := s.db.Raw("PRAGMA " + name).Scan(&v).Error; err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

func TestEmbeddedSQLiteHasWALResetFix(t *testing.T) {
	s := newFileStore(t)
	var v string
	if err := s.db.Raw("SELECT sqlite_version()").Scan(&v).Error; err != nil {
		t.Fatal(err)
	}
	if versionLess(v, "3.51.3") {
		t.Fatalf("sqlite_version() = %s, want ≥ 3.51.3 (WAL-reset corruption fix)", v)
	}
}

func versionLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, _ := strconv.Atoi(pa[i])
		y, _ := strconv.Atoi(pb[i])
		if x != y {
			return x < y
		}
	}
	return len(pa) < len(pb)
}

func TestNewFileIsMarkedAndSafe(t *testing.T) {
	s := newFileStore(t)
	want := map[string]string{
		"application_id": strconv.Itoa(ApplicationID),
		"user_version":   strconv.Itoa(LatestVersion()),
		"journal_mode":   "delete",
		"synchronous":    "2", // FULL
		"foreign_keys":   "1",
		"busy_timeout":   "5000",
	}
	for name, v := range want {
		if got := pragma(t, s, name); got != v {
			t.Errorf("PRAGMA %s = %q, want %q", name, got, v)
		}
	}
	if filepath.Base(s.Path()) != FileName {
		t.Errorf("data file is %s, want %s", s.Path(), FileName)
	}
	if _, err := os.Stat(s.Path() + ".creating"); !os.IsNotExist(err) {
		t.Errorf("temporary creation file left behind: %v", err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetSettings(map[string]string{"school": "潮汕职业技术学院"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(Config{Dir: dir})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if v, _ := s.Setting("school"); v != "潮汕职业技术学院" {
		t.Fatalf("school = %q after reopen", v)
	}
}

// TestRefusedFilesStayUnchanged: every file the store must not use is refused
// with its own error, and neither it nor its folder is altered.
func TestRefusedFilesStayUnchanged(t *testing.T) {
	cases := []struct {
		name string
		make func(t *testing.T, path string)
		want error
	}{
		{"empty file", func(t *testing.T, p string) { writeFile(t, p, nil) }, ErrEmptyFile},
		{"text file", func(t *testing.T, p string) { writeFile(t, p, []byte("学号,姓名\n2020001,张三\n")) }, ErrForeignFile},
		{"another program's SQLite file", makeForeignSQLite, ErrForeignFile},
		{"newer schema", makeNewerSchema, ErrNewerSchema},
		{"damaged file", makeDamaged, ErrDamaged},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			c.make(t, path)
			before := snapshot(t, dir)

			s, err := Open(Config{Dir: dir})
			if err == nil {
				s.Close()
				t.Fatal("Open accepted the file")
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("Open error = %v, want %v", err, c.want)
			}
			if after := snapshot(t, dir); after != before {
				t.Fatalf("folder changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshot lists every file of dir with its size and hash.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		content, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s:%d:%x ", e.Name(), len(content), sha256.Sum256(content))
	}
	return b.String()
}

func rawExec(t *testing.T, path string, statements ...string) {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(path), &gorm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, _ := db.DB()
	defer sqlDB.Close()
	for _, st := range statements {
		if err := db.Exec(st).Error; err != nil {
			t.Fatalf("%s: %v", st, err)
		}
	}
}

func makeForeignSQLite(t *testing.T, path string) {
	rawExec(t, path, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)",
		"INSERT INTO photos (name) VALUES ('毕业照')")
}

func makeNewerSchema(t *testing.T, path string) {
	s, err := Open(Config{Dir: filepath.Dir(path)})
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA user_version = " + strconv.Itoa(LatestVersion()+1))
	s.Close()
}

// makeDamaged writes a valid file with enough rows to span many pages, then
// overwrites pages in the middle with garbage, as a bad USB stick would.
func makeDamaged(t *testing.T, path string) {
	fillFile(t, path)
	damage(t, path, 8)
}

// fillFile writes a data file of 300 organizations: many pages.
func fillFile(t *testing.T, path string) {
	s, err := Open(Config{Dir: filepath.Dir(path)})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 300; i++ {
		o := Organization{Name: "社团" + strconv.Itoa(i), Kind: KindClub, Status: StatusActive,
			Notes: strings.Repeat("备注", 50)}
		if err := s.SaveOrganization(&o); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
}

// damage overwrites six pages from page first (negative: counted from the
// end) with garbage.
func damage(t *testing.T, path string, first int) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	if len(b) < 20*page {
		t.Fatalf("file too small to damage: %d bytes", len(b))
	}
	start := first * page
	if first < 0 {
		start = len(b) + first*page
	}
	for i := start; i < min(start+6*page, len(b)); i++ {
		b[i] = byte(i * 7)
	}
	writeFile(t, path, b)
}

func TestOldFileIsBackedUpThenMigrated(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	// A file from before the first schema: ours, but version 0.
	rawExec(t, path, "PRAGMA application_id = "+strconv.Itoa(ApplicationID))

	s, err := Open(Config{Dir: dir})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(); v != LatestVersion() {
		t.Fatalf("schema version %d, want %d", v, LatestVersion())
	}
	backups, _ := filepath.Glob(filepath.Join(dir, BackupDir, "before-migration-v0-*.db"))
	if len(backups) != 1 {
		t.Fatalf("want one pre-migration backup, found %v", backups)
	}
	h, _, err := readHeader(backups[0])
	if err != nil || h.applicationID != ApplicationID || h.userVersion != 0 {
		t.Fatalf("backup header %+v, %v: want our id at version 0", h, err)
	}
}

// TestWriteTransactionsTakeTheLockAtBegin: with two programs on one file, a
// writer that finds the file busy waits (busy_timeout) or fails at BEGIN,
// never halfway through its changes (the DSN's _txlock=immediate).
func TestWriteTransactionsTakeTheLockAtBegin(t *testing.T) {
	dir := t.TempDir()
	a, err := Open(Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	held := a.db.Begin()
	if held.Error != nil {
		t.Fatal(held.Error)
	}
	defer held.Rollback()
	b.db.Exec("PRAGMA busy_timeout = 50")
	tx := b.db.Begin()
	if tx.Error == nil {
		tx.Rollback()
		t.Fatal("second writer began while the first held the file: transactions are not IMMEDIATE")
	}
}
