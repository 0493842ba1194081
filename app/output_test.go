package app_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/data"
)

func TestCheckOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "数据")
	os.MkdirAll(filepath.Join(dir, data.BackupDir), 0o755)
	os.WriteFile(filepath.Join(dir, data.FileName), []byte("数据"), 0o644)
	elsewhere := t.TempDir()
	existing := filepath.Join(elsewhere, "旧名册.xlsx")
	os.WriteFile(existing, []byte("旧"), 0o644)
	hardLink := filepath.Join(elsewhere, "硬链接.db")
	if err := os.Link(filepath.Join(dir, data.FileName), hardLink); err != nil {
		t.Fatal(err)
	}
	symlink := filepath.Join(elsewhere, "符号链接.xlsx")
	if err := os.Symlink(filepath.Join(dir, data.FileName), symlink); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		out     string
		replace bool
		want    string // "" when allowed
	}{
		{filepath.Join(elsewhere, "名册.xlsx"), false, ""},
		{filepath.Join(dir, "名册.xlsx"), false, ""},
		{filepath.Join(dir, data.FileName), true, "这是团学台账的数据文件"},
		{filepath.Join(dir, data.FileName+"-journal"), true, "日志文件"},
		{filepath.Join(dir, data.LockName), true, "锁文件"},
		{filepath.Join(dir, app.ConnectionFile), true, "数据库连接设置文件"},
		{filepath.Join(dir, app.CrashLog), true, "出错记录"},
		{filepath.Join(dir, data.BackupDir, "新.db"), true, "备份文件夹"},
		{filepath.Join(dir, app.EvidenceDir, "1", "照片.jpg"), true, "佐证材料"},
		{dir, true, "数据文件夹本身"},
		{elsewhere, true, "是一个文件夹"},
		{hardLink, true, "这是团学台账的数据文件"},
		{symlink, true, "这是团学台账的数据文件"},
		{existing, false, "文件已存在：" + existing},
		{existing, true, ""},
		{"", true, "请指定输出文件"},
	}
	for _, c := range cases {
		err := app.CheckOutput(dir, c.out, c.replace)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.out, err)
		case c.want != "" && (err == nil || !strings.Contains(app.Message(err), c.want)):
			t.Errorf("%s: %v; want %q", c.out, err, c.want)
		}
	}
	if err := app.CheckOutput(dir, existing, false); !app.NeedsReplace(err) {
		t.Errorf("an existing file: %v", err)
	}
	if err := app.CheckOutput(dir, filepath.Join(dir, data.FileName), false); app.NeedsReplace(err) {
		t.Error("the data file may never be replaced, not even with consent")
	}
}

func TestCheckOutputIgnoresCaseWhereTheSystemDoes(t *testing.T) {
	dir := t.TempDir()
	err := app.CheckOutput(dir, filepath.Join(dir, "TuanXue.DB"), true)
	if insensitive := runtime.GOOS == "windows" || runtime.GOOS == "darwin"; insensitive != (err != nil) {
		t.Errorf("%s: %v", runtime.GOOS, err)
	}
}

func TestWriteFileIsWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "表.xlsx")
	os.WriteFile(path, []byte("旧的"), 0o644)
	failed := errors.New("写到一半")
	err := app.WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "新的一半")
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "旧的" {
		t.Errorf("after a failed write: %q", b)
	}
	if err := app.WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "新的"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "新的" {
		t.Errorf("after a write: %q", b)
	}
	if files, _ := os.ReadDir(dir); len(files) != 1 {
		t.Errorf("left behind: %v", files)
	}
}
