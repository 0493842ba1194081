package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rosterRows is a header and n people as rows for writeXLSX.
func rosterRows(n int) [][]any {
	rows := [][]any{{"姓名", "学号", "所属组织", "职务", "备注"}}
	for i := 1; i <= n; i++ {
		rows = append(rows, []any{fmt.Sprintf("学生%02d", i), fmt.Sprintf("20200%03d", i), "校学生会", "干事", ""})
	}
	return rows
}

func setRows(t testing.TB, f *excelize.File, sheet string, rows [][]any) {
	t.Helper()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := r
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
}

func hasNotice(tbl *Table, text string) bool {
	for _, n := range tbl.Notices {
		if strings.Contains(n, text) {
			return true
		}
	}
	return false
}

// An old template left hidden as the first sheet: its 3 stale rows were
// imported and the 5 visible ones ignored.
func TestXLSXHiddenFirstSheet(t *testing.T) {
	path := writeXLSX(t, rosterRows(3), func(f *excelize.File) {
		f.SetSheetName("Sheet1", "旧模板")
		i, _ := f.NewSheet("名册")
		rows := rosterRows(5)
		setRows(t, f, "名册", rows)
		f.SetActiveSheet(i)
		if err := f.SetSheetVisible("旧模板", false); err != nil {
			t.Fatal(err)
		}
	})
	tbl, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wantRows(t, tbl, 5, nil)
	if !hasNotice(tbl, "工作表“旧模板”在 Excel 中被隐藏，其中 4 行没有读取") {
		t.Fatalf("notices %q", tbl.Notices)
	}
}

func TestXLSXOtherSheetsAreReported(t *testing.T) {
	path := writeXLSX(t, rosterRows(5), func(f *excelize.File) {
		f.NewSheet("Sheet2")
		other := rosterRows(12)[1:]
		setRows(t, f, "Sheet2", other)
		f.NewSheet("空白")
	})
	tbl, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wantRows(t, tbl, 5, nil)
	if !hasNotice(tbl, "工作表“Sheet2”有 12 行没有读取") || len(tbl.Notices) != 1 {
		t.Fatalf("notices %q", tbl.Notices)
	}
}

func TestXLSXHiddenRowsAreSkippedAndReported(t *testing.T) {
	path := writeXLSX(t, rosterRows(12), func(f *excelize.File) {
		for _, r := range []int{4, 5, 9, 10, 11} {
			f.SetRowVisible("Sheet1", r, false)
		}
	})
	tbl, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(tbl.Rows) != 7 || tbl.Rows[2].Line != 6 || tbl.Get(tbl.Rows[2], ColName) != "学生05" {
		t.Fatalf("rows %v", tbl.Rows)
	}
	if !hasNotice(tbl, "第 4、5、9–11 行在 Excel 中被隐藏，没有导入") {
		t.Fatalf("notices %q", tbl.Notices)
	}
}

func TestXLSXDamaged(t *testing.T) {
	good, err := os.ReadFile(writeXLSX(t, rosterRows(30), nil))
	if err != nil {
		t.Fatal(err)
	}
	badSheet := rezip(t, good, func(name string, b []byte) []byte {
		if strings.HasPrefix(name, "xl/worksheets/") {
			return b[:len(b)/2]
		}
		return b
	})
	for name, b := range map[string][]byte{
		"cut in half":        good[:len(good)/2],
		"sheet cut in half":  badSheet,
		"last bytes missing": good[:len(good)-10],
	} {
		t.Run(name, func(t *testing.T) {
			_, err := readBytes(t, "名册.xlsx", b)
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "文件已损坏") {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

// rezip copies a zip, letting edit change each entry.
func rezip(t testing.TB, b []byte, edit func(name string, content []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		var content bytes.Buffer
		content.ReadFrom(rc)
		rc.Close()
		w, _ := zw.Create(e.Name)
		w.Write(edit(e.Name, content.Bytes()))
	}
	zw.Close()
	return out.Bytes()
}

// A two-row header: group titles merged over the columns they contain.
// Read as its first row alone, 10 people had no college, class or post.
func TestTwoRowMergedHeader(t *testing.T) {
	people := func(rows [][]any) [][]any {
		for i := 1; i <= 10; i++ {
			rows = append(rows, []any{i, fmt.Sprintf("学生%02d", i), fmt.Sprintf("20200%03d", i), "机电工程学院", "20机电1班", "校学生会", "宣传部", "干事"})
		}
		return rows
	}
	check := func(t *testing.T, path string) {
		t.Helper()
		tbl, err := ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		wantRows(t, shiftLines(tbl, 1), 10, nil)
		for _, c := range []Column{ColCollege, ColClass, ColOrg, ColDept, ColPost} {
			if !tbl.Has(c) {
				t.Fatalf("column %s not found: header %q", c.Name(), tbl.Header)
			}
		}
		r := tbl.Rows[9]
		if tbl.Get(r, ColCollege) != "机电工程学院" || tbl.Get(r, ColClass) != "20机电1班" || tbl.Get(r, ColPost) != "干事" || tbl.Get(r, ColDept) != "宣传部" {
			t.Fatalf("row %v, header %q", r, tbl.Header)
		}
		if strings.Join(tbl.Header, ",") != "序号,姓名,学号,二级学院,班级,所属组织,部门,职务" {
			t.Fatalf("header %q", tbl.Header)
		}
	}
	t.Run("姓名 and 学号 merged down", func(t *testing.T) {
		path := writeXLSX(t, people([][]any{
			{"序号", "姓名", "学号", "基本信息", "", "组织信息", "", ""},
			{"", "", "", "二级学院", "班级", "所属组织", "部门", "职务"},
		}), func(f *excelize.File) {
			for _, m := range [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "E1"}, {"F1", "H1"}} {
				f.MergeCell("Sheet1", m[0], m[1])
			}
		})
		check(t, path)
	})
	t.Run("everything under group titles", func(t *testing.T) {
		path := writeXLSX(t, people([][]any{
			{"序号", "基本信息", "", "", "", "组织信息", "", ""},
			{"", "姓名", "学号", "二级学院", "班级", "所属组织", "部门", "职务"},
		}), func(f *excelize.File) {
			for _, m := range [][2]string{{"A1", "A2"}, {"B1", "E1"}, {"F1", "H1"}} {
				f.MergeCell("Sheet1", m[0], m[1])
			}
		})
		check(t, path)
	})
	t.Run("CSV saved from such a sheet", func(t *testing.T) {
		csv := "序号,姓名,学号,基本信息,,组织信息,,\n,,,二级学院,班级,所属组织,部门,职务\n"
		for i := 1; i <= 10; i++ {
			csv += fmt.Sprintf("%d,学生%02d,20200%03d,机电工程学院,20机电1班,校学生会,宣传部,干事\n", i, i, i)
		}
		check(t, writeFile(t, "名册.csv", []byte(csv)))
	})
}

// shiftLines returns tbl with every line one less, for wantRows.
func shiftLines(tbl *Table, by int) *Table {
	c := *tbl
	c.Rows = make([]Row, len(tbl.Rows))
	for i, r := range tbl.Rows {
		c.Rows[i] = Row{Line: r.Line - by, Cells: r.Cells}
	}
	return &c
}

// Every cell is narrowed: full-width digits and Latin letters become ASCII;
// names such as 阿依古丽・买买提 and full-width katakana stay as written.
func TestWidthNarrowingKeepsNames(t *testing.T) {
	csv := "姓名,学号,班级\n" +
		"阿依古丽・买买提,２０２０　０１,ＡＢ班\n" +
		"アイグリ・マイマイティ,2020 02,\n" +
		"张　三,2020,\n"
	tbl, err := readBytes(t, "名册.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"阿依古丽・买买提", "2020 01", "AB班"}, {"アイグリ・マイマイティ", "2020 02"}, {"张　三", "2020"}}
	for i, w := range want {
		if got := tbl.Rows[i].Cells; strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("row %d: %q, want %q", i, got, w)
		}
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"张三":                    "“张三”",
		"\x1b[31m红\x07":         `“\x1b[31m红\x07”`,
		"a\nb\tc\r":             `“a\nb\tc\r”`,
		"abc\u202edcba":         "“abc<U+202E>dcba”",
		"20\u200b20":            "“20<U+200B>20”",
		"\xff\xfe":              `“\xff\xfe”`,
		strings.Repeat("长", 50): "“" + strings.Repeat("长", 40) + "…”",
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %q, want %q", in, got, want)
		}
	}
	long := Quote(strings.Repeat("\x1b", 10000))
	if len(long) > 400 {
		t.Errorf("Quote of 10,000 escapes is %d bytes", len(long))
	}
}

// A hidden column holds an old 所属组织 beside the visible one: it was
// read (and the visible one ignored as a second column of that name).
func TestXLSXHiddenColumnsAreNotRead(t *testing.T) {
	rows := [][]any{{"姓名", "学号", "所属组织", "所属组织", "职务"}, {"学生01", "20200001", "旧组织", "校学生会", "干事"}}
	path := writeXLSX(t, rows, func(f *excelize.File) {
		if err := f.SetColVisible("Sheet1", "C", false); err != nil {
			t.Fatal(err)
		}
	})
	tbl, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := tbl.Get(tbl.Rows[0], ColOrg); got != "校学生会" {
		t.Errorf("所属组织 read as %q", got)
	}
	if !hasNotice(tbl, "C 列在 Excel 中被隐藏，没有读取") {
		t.Fatalf("notices %q", tbl.Notices)
	}
}
