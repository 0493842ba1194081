package app_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/app/apptest"
	"tuanxue/data"
)

// The one restore path: the store is closed for it, the current file is
// kept aside, and the workspace opens again on the restored records.
func TestWorkspaceRestore(t *testing.T) {
	dir := t.TempDir()
	ws := app.NewWorkspace(dir, "", apptest.Now)
	svc, err := ws.Open()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveOrganization(app.OrgDraft{Name: "校团委", Kind: data.KindLeague, Status: data.StatusActive}); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "备份.db")
	if _, err := ws.BackupTo(backup, false); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.BackupTo(backup, false); err == nil || !strings.Contains(app.Message(err), "已存在") {
		t.Fatalf("a backup over an existing file without consent: %v", err)
	}
	if _, err := ws.BackupTo(filepath.Join(dir, data.FileName), true); err == nil {
		t.Fatal("a backup over the data file itself went through")
	}
	if _, err := svc.SaveOrganization(app.OrgDraft{Name: "后来的组织", Kind: data.KindLeague, Status: data.StatusActive}); err != nil {
		t.Fatal(err)
	}
	if err := svc.AutoBackup(); err != nil || ws.NewestGoodBackup() == "" {
		t.Fatalf("no good backup found after the day's backup: %v", err)
	}

	kept, err := ws.Restore(backup)
	if err != nil {
		t.Fatal(err)
	}
	if ws.Service() != nil {
		t.Fatal("the service over the replaced records is still open")
	}
	if _, err := os.Stat(kept); err != nil {
		t.Fatalf("the current file was not kept aside: %v", err)
	}
	svc, err = ws.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	orgs, _ := svc.Store().Organizations()
	if len(orgs) != 1 || orgs[0].Name != "校团委" {
		t.Fatalf("after restore: %+v", orgs)
	}
}

func TestWorkspaceHoldsItsFolder(t *testing.T) {
	dir := t.TempDir()
	first := app.NewWorkspace(dir, "", nil)
	if _, err := first.Open(); err != nil {
		t.Fatal(err)
	}
	second := app.NewWorkspace(dir, "", nil)
	if _, err := second.Open(); !errors.Is(err, data.ErrRunning) {
		t.Fatalf("a second workspace on the folder: %v", err)
	}
	if _, err := second.Restore(filepath.Join(dir, data.FileName)); !errors.Is(err, data.ErrRunning) {
		t.Fatalf("a restore into a folder another copy holds: %v", err)
	}
	first.Close()
	if _, err := second.Open(); err != nil {
		t.Fatalf("after the first let go: %v", err)
	}
	second.Close()
}

func TestNoRestoreOverAServer(t *testing.T) {
	ws := app.NewWorkspace(t.TempDir(), "postgres://tuanwei@127.0.0.1:1/tuanxue", nil)
	before := filepath.Join(t.TempDir(), "x.db")
	if _, err := ws.Restore(before); !errors.Is(err, app.ErrRestoreOnServer) ||
		!strings.Contains(app.Message(err), "不能用一个备份整体替换服务器上的记录") {
		t.Fatalf("restore over a server: %v", err)
	}
}

func TestMessagesForRefusedBackups(t *testing.T) {
	for err, want := range map[error]string{
		data.ErrTampered:  "校验值不一致",
		data.ErrBadSchema: "版本号",
	} {
		if msg := app.Message(err); !strings.Contains(msg, want) {
			t.Errorf("%v: %q", err, msg)
		}
	}
}
