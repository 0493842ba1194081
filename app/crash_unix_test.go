//go:build unix

package app_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"tuanxue/app"
)

// TestCrashLogIsPrivate: 0600 under the usual umask, and an older 0644 log
// is made private too.
func TestCrashLogIsPrivate(t *testing.T) {
	defer syscall.Umask(syscall.Umask(0o022))
	dir := t.TempDir()
	app.Guard(dir, func() error { panic("一") })
	path := filepath.Join(dir, app.CrashLog)
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("%v %v", st.Mode(), err)
	}
	os.Chmod(path, 0o644)
	app.Guard(dir, func() error { panic("二") })
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("an older log stays %v", st.Mode())
	}
}
