package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuanxue/data/pgtest"
)

// A teacher's data file goes onto the shared server and comes back into a
// new file, through the command line, with the same records; the server is
// then used with --db. Without a test server the middle is a data file.
func TestDBCopyThereAndBack(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join(dir, "data")
	if code, _, stderr := runCLI(t, "import", "members", "docs/sample-roster.xlsx", "--create-missing", "--data", sample); code != 0 {
		t.Fatal(stderr)
	}
	middle := pgtest.Schema(t)
	if middle == "" {
		middle = filepath.Join(dir, "新 文件夹", "中转 文件.db") // a folder that is not there yet
	}
	// The data folder names its data file.
	code, there, stderr := runCLI(t, "db", "copy", "--from", sample, "--to", middle, "--data", dir)
	if code != 0 || !strings.Contains(there, "完全一致") || !strings.Contains(there, "people                    141 行") {
		t.Fatalf("copy there: %d %q %q", code, there, stderr)
	}
	if code, _, stderr := runCLI(t, "db", "copy", "--from", sample, "--to", middle, "--data", dir); code != 1 ||
		!(strings.Contains(stderr, "已经有记录") || strings.Contains(stderr, "已经存在")) {
		t.Fatalf("second copy onto the same target: %d %q", code, stderr)
	}
	back := filepath.Join(dir, "带回来的.db")
	code, again, stderr := runCLI(t, "db", "copy", "--from", middle, "--to", back, "--data", dir)
	if code != 0 {
		t.Fatalf("copy back: %d %q", code, stderr)
	}
	// The same tables, rows and hashes both ways.
	if strings.Split(there, "已把")[0] != strings.Split(again, "已把")[0] {
		t.Fatalf("there:\n%s\nback:\n%s", there, again)
	}
	if pgtest.Server() != "" {
		code, out, stderr := runCLI(t, "export", "report", "roster", "--db", middle, "--data", dir, "--out", filepath.Join(dir, "r.xlsx"))
		if code != 0 || !strings.Contains(out, "141 行") {
			t.Fatalf("roster from the server: %d %q %q", code, out, stderr)
		}
	}
}

func TestDBCopyArgumentsAndBadPlaces(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("这不是数据库"), 0o644)
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"db", "copy", "--to", "x.db"}, 2, "请写成"},
		{[]string{"db", "copy", "--from", junk, "--to", junk}, 2, "同一个地方"},
		{[]string{"db", "copy", "--from", junk, "--to", filepath.Join(dir, "new.db")}, 1, "不是团学台账的数据文件"},
		{[]string{"db", "copy", "--from", filepath.Join(dir, "none.db"), "--to", filepath.Join(dir, "new.db")}, 1, "打不开"},
		{[]string{"db", "copy", "--from", "postgres://me:s3cret@127.0.0.1:1/x", "--to", filepath.Join(dir, "new.db")}, 1, "连不上共享数据库服务器"},
		{[]string{"export", "report", "roster", "--db", "mysql://x", "--out", "r.pdf"}, 2, "--db 应为"},
		{[]string{"db", "copy", "--from", dir, "--to", filepath.Join(dir, "new.db")}, 1, "找不到这个文件"},
		{[]string{"restore", junk, "--db", "postgres://me@127.0.0.1:1/x"}, 1, "不能用一个备份整体替换服务器上的记录"},
		{[]string{"db", "copy", "--from", junk, "--to", "/proc/new.db"}, 1, "不是团学台账的数据文件"},
		{[]string{"db", "copy", "--from", junk, "--to", filepath.Join(dir, "backups", "x.db")}, 2, "backups"},
	} {
		code, _, stderr := runCLI(t, append(c.args, "--data", dir)...)
		if code != c.code || !strings.Contains(stderr, c.says) || strings.Contains(stderr, "s3cret") {
			t.Errorf("%v: exit %d, %q", c.args, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "new.db")); !os.IsNotExist(err) {
		t.Error("a failed copy left a file behind")
	}
}
