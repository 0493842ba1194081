package importer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// rosterCSV makes a roster of n people; edit may change line i (0 is the
// header) before the lines are joined with eol.
func rosterCSV(n int, sep, eol string, edit func(i int, line string) string) string {
	lines := []string{strings.Join([]string{"姓名", "学号", "所属组织", "职务", "备注"}, sep)}
	for i := 1; i <= n; i++ {
		lines = append(lines, strings.Join([]string{fmt.Sprintf("学生%02d", i), fmt.Sprintf("20200%03d", i), "校学生会", "干事", ""}, sep))
	}
	if edit != nil {
		for i := range lines {
			lines[i] = edit(i, lines[i])
		}
	}
	return strings.Join(lines, eol) + eol
}

// readString reads b as a file called name.
func readBytes(t *testing.T, name string, b []byte) (*Table, error) {
	t.Helper()
	return ReadFile(writeFile(t, name, b))
}

// wantNames fails unless the table's rows are 学生01…学生n in order,
// except where names overrides a row's name.
func wantRows(t *testing.T, tbl *Table, n int, names map[int]string) {
	t.Helper()
	if len(tbl.Rows) != n {
		t.Fatalf("%d rows read, want %d: %v", len(tbl.Rows), n, tbl.Rows)
	}
	for i, r := range tbl.Rows {
		want := fmt.Sprintf("学生%02d", i+1)
		if w, ok := names[i+1]; ok {
			want = w
		}
		if got := tbl.Get(r, ColName); got != want || r.Line != i+2 {
			t.Fatalf("row %d: line %d name %q, want line %d %q", i, r.Line, got, i+2, want)
		}
		if got := tbl.Get(r, ColStudentNo); got != fmt.Sprintf("20200%03d", i+1) {
			t.Fatalf("row %d: 学号 %q", i, got)
		}
	}
}

// A stray quote in an unused column or in 姓名 used to swallow the rows
// after it: 15 of 20 rows vanished with exit code 0.
func TestCSVStrayQuoteLosesNoRow(t *testing.T) {
	for _, c := range []struct {
		name   string
		line   int
		edit   func(string) string
		name5  string
		remark string
	}{
		{"quote opening 备注", 5, func(l string) string { return l + `"见附件` }, "", `"见附件`},
		{"quote closing 备注", 9, func(l string) string { return l + `附件"` }, "", `附件"`},
		{"quote opening 姓名", 5, func(l string) string { return `"` + l }, `"学生05`, ""},
		{"quote inside 姓名", 5, func(l string) string { return strings.Replace(l, "学生05", `学"生05`, 1) }, `学"生05`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			csv := rosterCSV(20, ",", "\r\n", func(i int, l string) string {
				if i == c.line {
					return c.edit(l)
				}
				return l
			})
			tbl, err := readBytes(t, "名册.csv", []byte(csv))
			if err != nil {
				t.Fatal(err)
			}
			names := map[int]string{}
			if c.name5 != "" {
				names[c.line] = c.name5
			}
			wantRows(t, tbl, 20, names)
			if c.remark != "" {
				if got := tbl.Rows[c.line-1].Cells[4]; got != c.remark {
					t.Fatalf("备注 %q, want %q", got, c.remark)
				}
			}
		})
	}
}

// Two stray quotes that happen to pair up across lines would make one
// cell of several rows: each line is a row of its own (every line between
// them has a row's separators), and the quote that opened nothing is
// named. A quote that, read as text, leaves its row with the wrong number
// of columns cannot be read either way: the file is refused, naming it.
func TestCSVQuotesPairedAcrossRows(t *testing.T) {
	csv := rosterCSV(20, ",", "\n", func(i int, l string) string {
		switch i {
		case 5:
			return l + `"见附件`
		case 9:
			return l + `附件"`
		}
		return l
	})
	tbl, err := readBytes(t, "名册.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	wantRows(t, tbl, 20, nil)
	if !hasNotice(tbl, "第 6 行有不成对的引号") || len(tbl.Notices) != 1 {
		t.Fatalf("notices %q", tbl.Notices)
	}

	csv = rosterCSV(20, ",", "\n", func(i int, l string) string {
		if i == 5 {
			return strings.Replace(l, "校学生会", `"校学生会,团委`, 1)
		}
		return l
	})
	_, err = readBytes(t, "名册.csv", []byte(csv))
	if !errors.Is(err, ErrBadQuotes) || !strings.Contains(err.Error(), "第 6 行的引号没有配对") {
		t.Fatalf("err = %v, want the line of the unpaired quote", err)
	}
}

// A cell written by Excel with a line break in it is one cell.
func TestCSVQuotedLineBreakIsOneCell(t *testing.T) {
	csv := rosterCSV(5, ",", "\r\n", func(i int, l string) string {
		if i == 3 {
			return l + "\"第一行\r\n第二行 还有\"\"引号\"\"\""
		}
		return l
	})
	tbl, err := readBytes(t, "名册.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	if len(tbl.Rows) != 5 || tbl.Rows[2].Cells[4] != "第一行\n第二行 还有\"引号\"" || tbl.Rows[3].Line != 5 {
		t.Fatalf("rows %v", tbl.Rows)
	}
}

// Old Macs end lines with CR alone: that read as 0 rows, exit code 0.
func TestCSVOldMacLineEndings(t *testing.T) {
	tbl, err := readBytes(t, "名册.csv", []byte(rosterCSV(7, ",", "\r", nil)))
	if err != nil {
		t.Fatal(err)
	}
	wantRows(t, tbl, 7, nil)
}

func TestCSVUTF16(t *testing.T) {
	for _, enc := range []struct {
		name   string
		endian unicode.Endianness
	}{{"LE", unicode.LittleEndian}, {"BE", unicode.BigEndian}} {
		for _, bom := range []unicode.BOMPolicy{unicode.UseBOM, unicode.IgnoreBOM} {
			t.Run(fmt.Sprintf("%s-%v", enc.name, bom == unicode.UseBOM), func(t *testing.T) {
				b, err := unicode.UTF16(enc.endian, bom).NewEncoder().String(rosterCSV(6, "\t", "\r\n", nil))
				if err != nil {
					t.Fatal(err)
				}
				tbl, err := readBytes(t, "名册.csv", []byte(b))
				if err != nil {
					t.Fatal(err)
				}
				wantRows(t, tbl, 6, nil)
			})
		}
	}
}

func TestCSVSeparatorIsSniffed(t *testing.T) {
	for _, sep := range []string{";", "\t", "，"} {
		t.Run(sep, func(t *testing.T) {
			csv := "名册\n" + rosterCSV(4, sep, "\n", func(i int, l string) string {
				if i == 2 {
					return strings.Replace(l, "校学生会", "校学生会,团委", 1) // a comma in a cell
				}
				return l
			})
			tbl, err := readBytes(t, "名册.csv", []byte(csv))
			if err != nil {
				t.Fatal(err)
			}
			if len(tbl.Rows) != 4 || tbl.Get(tbl.Rows[1], ColOrg) != "校学生会,团委" || tbl.Rows[0].Line != 3 {
				t.Fatalf("rows %v", tbl.Rows)
			}
		})
	}
}

func TestCSVChineseEncodings(t *testing.T) {
	text := rosterCSV(3, ",", "\r\n", func(i int, l string) string {
		if i == 2 {
			return strings.Replace(l, "学生02", "学生02䶮", 1) // a GB18030 four-byte character
		}
		return l
	})
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := readBytes(t, "名册.csv", []byte(gb))
	if err != nil {
		t.Fatal(err)
	}
	wantRows(t, tbl, 3, map[int]string{2: "学生02䶮"})

	big5, err := traditionalchinese.Big5.NewEncoder().String(
		"姓名,學號,所屬組織,職務\r\n陳思遠,2020001,校學生會,主席\r\n林雅婷,2020002,校學生會,副主席\r\n")
	if err != nil {
		t.Fatal(err)
	}
	_, err = readBytes(t, "名冊.csv", []byte(big5))
	if err == nil || !strings.Contains(err.Error(), "Big5") || !strings.Contains(err.Error(), "UTF-8") {
		t.Fatalf("Big5 file: err = %v", err)
	}
}

// A file cut short in the middle of a character says it is incomplete.
func TestCSVTruncated(t *testing.T) {
	full := []byte(rosterCSV(10, ",", "\n", nil))
	const lastLine = "学生10,20200010,校学生会,干事,\n"
	if !strings.HasSuffix(string(full), lastLine) {
		t.Fatalf("roster ends %q", full[len(full)-40:])
	}
	cut := full[:len(full)-len(lastLine)+4] // inside 生
	_, err := readBytes(t, "名册.csv", cut)
	if err == nil || !strings.Contains(err.Error(), "不完整") {
		t.Fatalf("err = %v", err)
	}
	gb, _ := simplifiedchinese.GBK.NewEncoder().Bytes(full)
	last, _ := simplifiedchinese.GBK.NewEncoder().String(lastLine)
	gb = gb[:len(gb)-len(last)+3]
	_, err = readBytes(t, "名册.csv", gb)
	if err == nil || !strings.Contains(err.Error(), "不完整") {
		t.Fatalf("GBK: err = %v", err)
	}
}

// TestAFileThatCannotBeOpenedIsSaidInChinese: a missing file, a folder and
// an unreadable file are refused in Chinese, without the system's English.
func TestAFileThatCannotBeOpenedIsSaidInChinese(t *testing.T) {
	dir := t.TempDir()
	locked := writeFile(t, "locked.csv", []byte("姓名,学号\n"))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		filepath.Join(dir, "没有.csv"): "找不到这个文件",
		dir:                          "这是一个文件夹，不是名册文件",
	}
	if os.Geteuid() != 0 { // root reads it anyway
		cases[locked] = "没有权限读取这个文件"
	}
	for path, want := range cases {
		_, err := ReadFile(path)
		if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "no such") ||
			strings.Contains(err.Error(), "directory") || strings.Contains(err.Error(), "permission") {
			t.Errorf("%s: %v", path, err)
		}
	}
}
