package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tuanxue/app/apptest"
)

// The 学代会 documents of the sample's congress: seats from the colleges'
// students, the register with each delegate's posts on the day, the
// 资格审查 passed, the count and the elected, the proposals; each written
// in every format.
func TestCongressDocuments(t *testing.T) {
	svc := sampleService(t)
	o := Options{Semester: fall2020}
	seats := make(t, svc, "congress-seats", o)
	if got := strings.Join(row(t, seats.Sections[0], "合计"), ","); got != "合计,9860,1%,99,99,0" {
		t.Errorf("seats total %s", got)
	}
	if got := strings.Join(row(t, seats.Sections[0], "信息工程学院学生会"), ","); got != "信息工程学院学生会,3460,1%,35,35,0" {
		t.Errorf("信息工程 %s", got)
	}
	register := make(t, svc, "congress-delegates", o)
	if n := len(register.Sections[0].Rows); n != 99 || !strings.Contains(register.Sections[0].Notes[0], "代表共 99 人") {
		t.Errorf("register: %d rows, %q", n, register.Sections[0].Notes)
	}
	check := make(t, svc, "congress-eligibility", o)
	if !strings.HasPrefix(check.Sections[0].Signature[0], "经审查，本次大会代表的产生及构成符合规定") {
		t.Errorf("eligibility verdict %q", check.Sections[0].Signature)
	}
	ballot := make(t, svc, "congress-ballot", o)
	if s := ballot.Sections[0]; len(s.Rows) != 4 || s.Rows[0][4] != "88" || s.Rows[3][6] != "未当选" || !strings.Contains(s.Notes[0], "差额选举") {
		t.Errorf("ballot %q %q", s.Notes, s.Rows)
	}
	elected := make(t, svc, "congress-elected", o)
	if n := len(elected.Sections[0].Rows); n != 3 {
		t.Errorf("%d elected", n)
	}
	proposals := make(t, svc, "congress-proposals", o)
	if s := proposals.Sections[0]; len(s.Rows) != 3 || s.Rows[2][4] != "不予立案" || !strings.Contains(s.Notes[0], "共收到提案 3 件，立案 2 件，已答复 1 件") {
		t.Errorf("proposals %q %q", s.Rows, s.Notes)
	}
	dir := t.TempDir()
	for _, d := range []string{"congress-seats", "congress-delegates", "congress-eligibility", "congress-ballot", "congress-elected", "congress-proposals"} {
		doc := make(t, svc, d, o)
		for _, format := range Formats {
			var b bytes.Buffer
			if err := Write(&b, doc, format); err != nil || b.Len() == 0 {
				t.Fatalf("%s %s: %v", d, format, err)
			}
			if format != "pdf" {
				continue
			}
			path := filepath.Join(dir, d+".pdf")
			if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command("pdftotext", path, "-").Output(); err == nil && !strings.Contains(string(out), doc.Title) {
				t.Errorf("%s: PDF text lacks the title", d)
			}
		}
	}
}

// Without a congress each document says so instead of failing.
func TestCongressDocumentsWithoutACongress(t *testing.T) {
	svc := apptest.Service(t)
	d := make(t, svc, "congress-ballot", Options{Semester: fall2020})
	if len(d.Sections) != 1 || d.Sections[0].Empty != noCongress {
		t.Fatalf("%+v", d.Sections)
	}
}
