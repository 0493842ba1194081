//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestExportKeepsTheUmask: an export gets the mode every new file of the
// user gets, 0666 less the umask, as a backup does.
func TestExportKeepsTheUmask(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		umask int
		want  os.FileMode
	}{{0o022, 0o644}, {0o077, 0o600}, {0o002, 0o664}} {
		old := syscall.Umask(c.umask)
		out := filepath.Join(dir, "名册.xlsx")
		os.Remove(out)
		code, _, stderr := runCLI(t, "export", "report", "roster", "--data", filepath.Join(dir, "data"), "--out", out)
		syscall.Umask(old)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if st, err := os.Stat(out); err != nil || st.Mode().Perm() != c.want {
			t.Errorf("umask %03o: %v, want %v (%v)", c.umask, st.Mode().Perm(), c.want, err)
		}
	}
}
