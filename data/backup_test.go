package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestBackupRestoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	mustSaveOrg(t, s, Organization{Name: "校团委", Kind: KindLeague})
	out := filepath.Join(t.TempDir(), "U盘 备份", "团学台账 2020.db")
	if _, err := s.BackupTo(out); err != nil {
		t.Fatal(err)
	}
	mustSaveOrg(t, s, Organization{Name: "后来加的", Kind: KindLeague})
	s.Close()

	kept, err := RestoreFile(dir, out)
	if err != nil {
		t.Fatal(err)
	}
	s, err = Open(Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	orgs, _ := s.Organizations()
	if len(orgs) != 1 || orgs[0].Name != "校团委" {
		t.Fatalf("after restore %+v", orgs)
	}
	if err := Verify(kept); err != nil || !strings.Contains(kept, "before-restore-") {
		t.Fatalf("current file not kept aside: %s %v", kept, err)
	}
	logs, _ := s.OpLogs(OpLogFilter{Action: ActionRestore})
	if len(logs) != 1 || !strings.Contains(logs[0].Summary, "团学台账 2020.db") {
		t.Fatalf("restore not logged: %+v", logs)
	}
}

func TestRestoreRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(Config{Dir: dir})
	mustSaveOrg(t, s, Organization{Name: "校团委", Kind: KindLeague})
	s.Close()
	before := snapshot(t, dir)
	for name, make := range map[string]func(t *testing.T, p string){
		"empty": func(t *testing.T, p string) { writeFile(t, p, nil) }, "foreign": makeForeignSQLite, "damaged": makeDamaged,
	} {
		bad := filepath.Join(t.TempDir(), FileName)
		make(t, bad)
		if _, err := RestoreFile(dir, bad); err == nil {
			t.Errorf("%s backup restored", name)
		}
		if snapshot(t, dir) != before {
			t.Fatalf("%s backup changed the data folder", name)
		}
	}
}

func TestAutoBackupKeepsSevenDailyAndFourWeekly(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(Config{Dir: dir})
	defer s.Close()
	day := time.Date(2020, 10, 1, 9, 0, 0, 0, time.Local)
	for i := 0; i < 40; i++ {
		if err := s.AutoBackup(day.AddDate(0, 0, i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AutoBackup(day.AddDate(0, 0, 39)); err != nil { // the same day again: nothing new
		t.Fatal(err)
	}
	all, _ := s.Backups()
	n := map[string]int{}
	for _, b := range all {
		n[b.Kind]++
		if err := Verify(b.Path); err != nil {
			t.Fatalf("%s: %v", b.Path, err)
		}
	}
	if n["daily"] != 7 || n["weekly"] != 4 {
		t.Fatalf("kept %v", n)
	}
	if _, err := os.Stat(filepath.Join(dir, BackupDir, "daily-20201109.db")); err != nil {
		t.Fatal("the newest daily backup is missing")
	}
	if _, err := os.Stat(filepath.Join(dir, BackupDir, "daily-20201101.db")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("an old daily backup was kept")
	}
}

func TestOneCopyPerDataFolder(t *testing.T) {
	dir := t.TempDir()
	release, err := LockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LockDir(dir); !errors.Is(err, ErrRunning) {
		t.Fatalf("second lock: %v", err)
	}
	release()
	again, err := LockDir(dir)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	again()
}

func TestDamagedFileOpensReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	// The last pages damaged, as a copy cut short would be: the start of
	// the file, with the schema, stays readable.
	fillFile(t, path)
	damage(t, path, -3)
	if _, err := Open(Config{Dir: dir}); !errors.Is(err, ErrDamaged) {
		t.Fatalf("normal open: %v", err)
	}
	before := snapshot(t, dir)
	s, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.ReadOnly() {
		t.Fatal("not marked read-only")
	}
	o := Organization{Name: "新组织", Kind: KindLeague, Status: StatusActive}
	if err := s.SaveOrganization(&o); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("write to a read-only file: %v", err)
	}
	if snapshot(t, dir) != before {
		t.Fatal("the damaged file changed")
	}
}
