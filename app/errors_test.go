package app

import (
	"fmt"
	"os"
	"syscall"
	"testing"
	"unicode"
)

// An error of the system while a file is written outside the store (a
// backup before an import, an export) reads as Chinese, without the
// system's English words after a Chinese frame.
func TestSystemErrorsReadAsChinese(t *testing.T) {
	for _, errno := range []syscall.Errno{syscall.ENOSPC, syscall.EACCES, syscall.EPERM, syscall.ENOENT} {
		err := fmt.Errorf("导入前的备份：%w", &os.PathError{Op: "write", Path: "/data/backups/x.db", Err: errno})
		msg := Message(err)
		for _, r := range msg {
			if r < unicode.MaxASCII && unicode.IsLetter(r) {
				t.Errorf("%v: %q", errno, msg)
				break
			}
		}
	}
}
