//go:build unix

package app_test

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"tuanxue/app"
)

// TestWriteFileKeepsTheUmask: a written file gets 0666 less the umask,
// as any new file of the user does (os.CreateTemp would make it 0600).
func TestWriteFileKeepsTheUmask(t *testing.T) {
	dir := t.TempDir()
	for umask, want := range map[int]os.FileMode{0o022: 0o644, 0o077: 0o600, 0o002: 0o664} {
		old := syscall.Umask(umask)
		path := filepath.Join(dir, "表.pdf")
		err := app.WriteFile(path, func(w io.Writer) error { return nil })
		syscall.Umask(old)
		if st, _ := os.Stat(path); err != nil || st.Mode().Perm() != want {
			t.Errorf("umask %03o: %v, want %v (%v)", umask, st.Mode().Perm(), want, err)
		}
	}
}
