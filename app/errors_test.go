package app

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"unicode"
)

// An error of the system while a file is written outside the store (a
// backup before an import, an export) reads as Chinese, without the
// system's English words after a Chinese frame.
func TestSystemErrorsReadAsChinese(t *testing.T) {
	for errno, want := range map[syscall.Errno]string{syscall.ENOSPC: "磁盘已满，文件没有写完", syscall.EACCES: "没有权限",
		syscall.EPERM: "没有权限", syscall.ENOENT: "找不到这个文件"} {
		err := fmt.Errorf("导入前的备份：%w", &os.PathError{Op: "write", Path: "/data/backups/x.db", Err: errno})
		msg := Message(err)
		if !strings.HasPrefix(msg, want) {
			t.Errorf("%v: %q, want %q…", errno, msg, want)
		}
		for _, r := range msg {
			if r < unicode.MaxASCII && unicode.IsLetter(r) {
				t.Errorf("%v: %q", errno, msg)
				break
			}
		}
	}
}
