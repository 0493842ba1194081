package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// 推优情况表 of the sample: last semester's round, still valid this
// semester, with the quota finding of the first branch and 有效期至; it
// writes in every format.
func TestRecommendationsReport(t *testing.T) {
	svc := sampleService(t)
	d := make(t, svc, "recommendations", Options{Semester: fall2020})
	if d.Title != "推优情况表" || len(d.Sections) != 3 {
		t.Fatalf("%q, %d sections", d.Title, len(d.Sections))
	}
	if got := row(t, d.Sections[0], "未达标"); got[1] != "5" {
		t.Errorf("未达标 %v", got)
	}
	if got := row(t, d.Sections[0], "合计"); got[1] != "7" {
		t.Errorf("合计 %v", got)
	}
	list := d.Sections[1]
	first := list.Rows[0]
	if n := len(list.Columns); len(first) != n || first[12] == "" || !strings.Contains(first[13], "超过团员人数的 20%（4 人）") {
		t.Errorf("first row %q", first)
	}
	dir := t.TempDir()
	for _, format := range Formats {
		var b bytes.Buffer
		if err := Write(&b, d, format); err != nil || b.Len() == 0 {
			t.Fatalf("%s: %v", format, err)
		}
		if format == "pdf" {
			path := filepath.Join(dir, "r.pdf")
			if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pdftotext", path, "-").Output()
			if err == nil && !strings.Contains(string(out), "推优情况表") {
				t.Errorf("PDF text lacks the title: %.200s", out)
			}
		}
	}
}
