package views

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuanxue/app"
)

// TestRestoreReopensTheProgram: after 从备份恢复 the program starts itself
// again on the restored data, with the folder released first.
func TestRestoreReopensTheProgram(t *testing.T) {
	w, svc := newTestUI(t)
	backup := filepath.Join(t.TempDir(), "备份.db")
	if _, err := svc.Workspace().BackupTo(backup, false); err != nil {
		t.Fatal(err)
	}
	reopened := false
	defer func(r func() error) { relaunch = r }(relaunch)
	relaunch = func() error {
		// The folder is released first, or the new program would find it
		// held and stop.
		other := app.NewWorkspace(svc.DataDir(), "", testNow)
		if err := other.Hold(); err != nil {
			t.Errorf("folder still held when the program starts again: %v", err)
		}
		other.Close()
		reopened = true
		return nil
	}
	screen := newSettingsScreen(svc, w.Win, func(app.Settings) {})
	screen.confirmRestore(backup)
	test.Tap(findButton(t, topDialog(t, w.Win), "恢复"))
	test.Tap(findButton(t, topDialog(t, w.Win), "重新打开"))
	if !reopened {
		t.Fatal("the program did not start again after the restore")
	}
}
