package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The year's public disclosure from the command line: --year in either
// spelling, one web page of text tables without a 学号 or a phone.
func TestDisclosureFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample")
	if code, _, stderr := runCLI(t, "screenshot", filepath.Join(dir, "shots"), "--data", sample); code != 0 {
		t.Fatal(stderr)
	}
	for _, year := range []string{"2020-2021", "2020—2021"} {
		out := filepath.Join(dir, year+".html")
		code, stdout, stderr := runCLI(t, "export", "report", "disclosure", "--year", year, "--data", sample, "--out", out)
		if code != 0 || !strings.Contains(stdout, "改革情况公开") {
			t.Fatalf("%s: %d %q %q", year, code, stdout, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		if !strings.Contains(page, "学年学生会（研究生会）改革情况公开如下") || strings.Count(page, "<table") < 2 {
			t.Errorf("%s: not the disclosure: %.300q", year, page)
		}
		if m := regexp.MustCompile(`\d{10}|1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}`).FindString(page); m != "" {
			t.Errorf("%s: %q in the page", year, m)
		}
	}
	code, _, stderr := runCLI(t, "export", "report", "disclosure", "--year", "2020-2021", "--semester", "2020-2021-1",
		"--data", sample, "--out", filepath.Join(dir, "x.html"))
	if code != 2 || !strings.Contains(stderr, "只能写一个") {
		t.Errorf("--year with --semester: %d %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "export", "report", "disclosure", "--year", "2020-2022", "--data", sample, "--out", filepath.Join(dir, "y.html"))
	if code != 2 || !strings.Contains(stderr, "应相邻") {
		t.Errorf("a wrong year: %d %q", code, stderr)
	}
}
