package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tuanxue/data"
)

// TestLayersDoNotImportFyne keeps data, app and assets free of the UI
// toolkit (STYLE.md): only views and main may import fyne.io.
func TestLayersDoNotImportFyne(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./data", "./app", "./assets").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "fyne.io/") {
			t.Errorf("data/app/assets depend on %s", pkg)
		}
	}
	out, _ = exec.Command("go", "list", "-deps", "./data").CombinedOutput()
	if strings.Contains(string(out), "tuanxue/app") || strings.Contains(string(out), "tuanxue/views") {
		t.Error("data imports a layer above it")
	}
}

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestVersionComesFromFyneAppTOML(t *testing.T) {
	code, out, _ := runCLI(t, "--version")
	if code != 0 || out != "团学台账 0.1.0 (build 1)\n" {
		t.Fatalf("--version: %d %q", code, out)
	}
}

func TestUnknownCommand(t *testing.T) {
	code, _, errOut := runCLI(t, "frobnicate")
	if code != 2 || !strings.Contains(errOut, "不认识的命令") || !strings.Contains(errOut, "用法") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestScreenshotRendersEveryScreen(t *testing.T) {
	out := t.TempDir()
	dataDir := filepath.Join(t.TempDir(), "数据 文件夹")
	code, stdout, stderr := runCLI(t, "screenshot", out, "--data", dataDir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.png"))
	if len(files) < 6 || strings.Count(stdout, ".png") != len(files) {
		t.Fatalf("pictures %v, listed %q", files, stdout)
	}
	if _, err := os.Stat(filepath.Join(dataDir, data.FileName)); err != nil {
		t.Fatalf("--data not used: %v", err)
	}
	// The folder now holds the sample: a second run refuses to mix data.
	if code, _, stderr := runCLI(t, "screenshot", t.TempDir(), "--data", dataDir); code != 1 || !strings.Contains(stderr, "空的数据文件夹") {
		t.Fatalf("non-empty data folder: exit %d, %q", code, stderr)
	}
}

func TestForeignDataFileIsRefusedInChinese(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, data.FileName)
	if err := os.WriteFile(path, []byte("这不是数据库"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "screenshot", t.TempDir(), "--data", dir)
	if code != 1 || !strings.Contains(stderr, "不是团学台账的数据文件") {
		t.Fatalf("exit %d, %q", code, stderr)
	}
	if b, _ := os.ReadFile(path); string(b) != "这不是数据库" {
		t.Fatal("foreign file changed")
	}
}
