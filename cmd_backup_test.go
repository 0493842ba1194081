package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuanxue/data"
)

// A restore from the command line is checked whole before anything is
// touched: every refusal is in Chinese and leaves the data file as it was;
// two restores in one second keep both originals.
func TestRestoreFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join(dir, "data")
	if code, _, stderr := runCLI(t, "import", "members", "docs/sample-roster.xlsx", "--create-missing", "--data", sample); code != 0 {
		t.Fatal(stderr)
	}
	good := filepath.Join(dir, "好备份.db")
	if code, _, stderr := runCLI(t, "backup", "--out", good, "--data", sample); code != 0 {
		t.Fatal(stderr)
	}
	dataFile := filepath.Join(sample, data.FileName)
	for name, version := range map[string]int32{"schema 0": 0, "schema -1": -1, "newer": 99} {
		bad := filepath.Join(dir, name+".db")
		b, _ := os.ReadFile(good)
		binary.BigEndian.PutUint32(b[60:], uint32(version))
		os.WriteFile(bad, b, 0o600)
		before, _ := os.ReadFile(dataFile)
		code, _, stderr := runCLI(t, "restore", bad, "--data", sample)
		if code != 1 || !strings.HasPrefix(stderr, "没有恢复：") || strings.ContainsAny(stderr, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("%s: exit %d, %q", name, code, stderr)
		}
		if after, _ := os.ReadFile(dataFile); string(after) != string(before) {
			t.Errorf("%s: the data file changed", name)
		}
	}
	var kept []string
	for range 2 {
		code, out, stderr := runCLI(t, "restore", good, "--data", sample)
		if code != 0 || !strings.Contains(out, "另存为") {
			t.Fatalf("restore: %d %q %q", code, out, stderr)
		}
		kept = append(kept, strings.Fields(strings.SplitN(out, "另存为", 2)[1])[0])
	}
	if kept[0] == kept[1] {
		t.Fatalf("both restores kept the original as %s", kept[0])
	}
	if code, out, stderr := runCLI(t, "export", "report", "roster", "--data", sample, "--out", filepath.Join(dir, "r.xlsx")); code != 0 || !strings.Contains(out, "141 行") {
		t.Fatalf("roster after restore: %d %q %q", code, out, stderr)
	}
}
