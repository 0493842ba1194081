package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// export binder from the command line: the zip of the sample's year with
// its Chinese names (listed by zipinfo as they are), a year without
// records refused with nothing written, --force to replace, never the
// data file.
func TestBinderFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample")
	if code, _, stderr := runCLI(t, "screenshot", filepath.Join(dir, "shots"), "--data", sample); code != 0 {
		t.Fatal(stderr)
	}
	out := filepath.Join(dir, "迎检材料.zip")
	code, stdout, stderr := runCLI(t, "export", "binder", "--data", sample, "--out", out)
	if code != 0 || !strings.Contains(stdout, "迎检材料") || !strings.Contains(stdout, "个学生会") {
		t.Fatalf("%d %q %q", code, stdout, stderr)
	}
	list, err := exec.Command("zipinfo", "-1", out).Output()
	if err != nil {
		t.Fatalf("zipinfo (unzip; make test installs it): %v", err)
	}
	for _, want := range []string{"目录.pdf\n", "校学生会/03 工作人员人数/工作人员名单.pdf\n", "校学生会/整改材料/平台运营 整改说明.txt\n"} {
		if !strings.Contains(string(list), want) {
			t.Errorf("zipinfo lists no %q:\n%s", want, list)
		}
	}
	if code, _, stderr = runCLI(t, "export", "binder", "--data", sample, "--out", out); code != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("an existing file without --force: %d %q", code, stderr)
	}
	if code, _, _ = runCLI(t, "export", "binder", "--data", sample, "--out", out, "--force", "--org", "机电工程学院学生会"); code != 0 {
		t.Errorf("--force --org: %d", code)
	}
	empty := filepath.Join(dir, "空.zip")
	code, _, stderr = runCLI(t, "export", "binder", "--year", "2010—2011", "--data", sample, "--out", empty)
	if _, err := os.Stat(empty); code != 1 || !strings.Contains(stderr, "2010—2011学年没有任何记录") || err == nil {
		t.Errorf("an empty year: %d %q, file: %v", code, stderr, err)
	}
	code, _, stderr = runCLI(t, "export", "binder", "--data", sample, "--out", filepath.Join(sample, "tuanxue.db"), "--force")
	if code != 2 || !strings.Contains(stderr, "数据文件") {
		t.Errorf("onto the data file: %d %q", code, stderr)
	}
}
