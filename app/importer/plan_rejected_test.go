package importer

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestRejectedFileShowsTheControlCharacters: the file of rejected rows
// writes a control character the reason names as \x1b, where Excel would
// show "�" or nothing; line breaks and the rest stay as written.
func TestRejectedFileShowsTheControlCharacters(t *testing.T) {
	svc := sampleService(t)
	path := writeFile(t, "名册.csv", []byte("姓名,学号,班级\n\x1b[31m红,2020001,a\x07b\n甲\u202e乙,2020002,\"x\ny\"\n"))
	p := plan0(t, svc, path, Options{})
	var buf bytes.Buffer
	if err := p.WriteRejected(&buf); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("Sheet1")
	if len(rows) != 3 || rows[1][2] != `\x1b[31m红` || rows[1][4] != `a\x07b` || rows[2][2] != "甲\u202e乙" || rows[2][4] != "x\ny" {
		t.Fatalf("rejected rows written as %q", rows)
	}
}
