package importer

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var updateHostile = flag.Bool("update-hostile", false, "write testdata/hostile again from hostileFiles")

// corpusWant is what reading one file of the corpus must give: a refusal
// that says err (and matches is), or exactly these rows ("line:cell|cell")
// with one notice containing each of notices, and no other notice.
type corpusWant struct {
	err     string
	is      error
	rows    []string
	notices []string
}

// people are the rows rosterCSV and rosterRows make, from line first;
// change replaces the row of a person (1-based) by its cells joined by |.
func people(n, first int, change map[int]string) []string {
	var out []string
	for i := 1; i <= n; i++ {
		row := fmt.Sprintf("学生%02d|20200%03d|校学生会|干事", i, i)
		if c, ok := change[i]; ok {
			row = c
		}
		if row != "-" {
			out = append(out, fmt.Sprintf("%d:%s", first+i-1, row))
		}
	}
	return out
}

func groupRows(first int) []string {
	var out []string
	for i := 1; i <= 3; i++ {
		out = append(out, fmt.Sprintf("%d:%d|学生%02d|20200%03d|机电工程学院|20机电1班|校学生会|宣传部|干事", first+i-1, i, i, i))
	}
	return out
}

var hostileWants = map[string]corpusWant{
	"bom-crlf.csv":           {rows: people(3, 2, nil)},
	"lf.csv":                 {rows: people(3, 2, nil)},
	"cr-only.csv":            {rows: people(7, 2, nil)},
	"no-final-newline.csv":   {rows: people(3, 2, nil)},
	"last-row-cut.csv":       {rows: people(3, 2, map[int]string{3: "学生03|20200003"})}, // refused on the row, not twice
	"stray-quote-remark.csv": {rows: people(20, 2, map[int]string{5: `学生05|20200005|校学生会|干事|"见附件`}), notices: []string{"第 6 行有不成对的引号"}},
	"stray-quote-name.csv":   {rows: people(20, 2, map[int]string{5: `"学生05|20200005|校学生会|干事`}), notices: []string{"第 6 行有不成对的引号"}},
	"stray-quote-inside.csv": {rows: people(5, 2, map[int]string{2: `学"生02|20200002|校学生会|干事`})},
	"stray-quotes-paired.csv": {rows: people(20, 2, map[int]string{5: `学生05|20200005|校学生会|干事|"见附件`, 9: `学生09|20200009|校学生会|干事|附件"`}),
		notices: []string{"第 6 行有不成对的引号"}},
	"unpaired-quote.csv":       {err: "第 6 行的引号没有配对", is: ErrBadQuotes},
	"quoted-line-break.csv":    {rows: people(4, 2, map[int]string{2: "学生02|20200002|校学生会|干事|第一行\n第二行,有\"引号\""})},
	"quoted-fields.csv":        {rows: []string{"2:学生01|20200001|校学生会,团委", "3:学生02|20200002"}},
	"utf16le-bom-tab.txt":      {rows: people(3, 2, nil)},
	"utf16be-bom.csv":          {rows: people(3, 2, nil)},
	"utf16le-no-bom.csv":       {rows: people(3, 2, nil)},
	"utf16le-odd-length.csv":   {err: "文件不完整", is: ErrTruncated},
	"gbk-title.csv":            {rows: people(3, 3, nil)},
	"gb18030-four-byte.csv":    {rows: people(2, 2, map[int]string{1: "学生01䶮|20200001|校学生会|干事"})},
	"big5.csv":                 {err: "可能是繁体中文 Big5", is: ErrEncoding},
	"mixed-utf8-gbk.csv":       {err: "文件第 4 行有无法识别的文字", is: ErrEncoding},
	"semicolon.csv":            {rows: people(3, 2, map[int]string{2: "学生02|20200002|校学生会,团委|干事"})},
	"tab.tsv":                  {rows: people(3, 2, nil)},
	"fullwidth-comma.csv":      {rows: people(3, 2, nil)},
	"truncated-utf8.csv":       {err: "文件不完整：它在第 11 行中途结束", is: ErrTruncated},
	"truncated-gbk.csv":        {err: "文件不完整：它在第 11 行中途结束", is: ErrTruncated},
	"empty.csv":                {err: "文件是空的", is: ErrNoHeader},
	"blank-lines.csv":          {err: "文件是空的", is: ErrNoHeader},
	"separators-only.csv":      {err: "没有找到表头", is: ErrNoHeader},
	"header-only.csv":          {},
	"no-header.csv":            {err: "没有找到表头", is: ErrNoHeader},
	"two-row-header.csv":       {rows: groupRows(3)},
	"full-width-and-names.csv": {rows: []string{"2:阿依古丽・买买提|2020 01|AB班", "3:アイグリ・マイマイティ|2020 02", "4:张　三|2020"}},
	"control-characters.csv":   {rows: []string{"2:\x1b[31m红\x1b[0m|20200001|\u202e班1", "3:张\u200b三|20200002|\a"}},
	"nul-bytes.csv":            {err: "这个文件不是表格", is: ErrNotTable},
	"wide.csv":                 {rows: []string{"2:学生01|20200001", "3:学生02|20200002"}, notices: []string{"第 1、2 行在第 64 列（BL 列）右边还有内容，没有读取"}},
	"data-above-header.csv":    {rows: people(2, 3, nil), notices: []string{"表头在第 2 行，它上面的第 1 行没有读取"}},
	"web-page.xls":             {err: "这是网页（HTML）文件", is: ErrNotTable},
	"excel-2003-xml.xls":       {err: "Excel 2003 XML", is: ErrNotTable},
	"document.pdf":             {err: "这是 PDF 文件", is: ErrNotTable},
	"picture.xlsx":             {err: "这个文件不是表格", is: ErrNotTable},
	"old-excel.xls":            {err: "旧版 Excel 97–2003", is: ErrEncrypted},

	"hidden-first-sheet.xlsx": {rows: people(5, 2, nil), notices: []string{"工作表“旧模板”在 Excel 中被隐藏，其中 4 行没有读取"}},
	"second-sheet.xlsx":       {rows: people(5, 2, nil), notices: []string{"工作表“Sheet2”有 12 行没有读取"}},
	"hidden-rows.xlsx": {rows: people(12, 2, map[int]string{3: "-", 4: "-", 8: "-", 9: "-", 10: "-"}),
		notices: []string{"第 4、5、9–11 行在 Excel 中被隐藏，没有导入"}},
	"merged-header.xlsx":           {rows: groupRows(3)},
	"merged-org-column.xlsx":       {rows: []string{"2:学生01|20200001|校学生会|主席", "3:学生02|20200002|校学生会|副主席", "4:学生03|20200003|校学生会|干事"}},
	"numbers-and-dates.xlsx":       {rows: []string{"2:学生01|202401000123|44084", "3:学生02|202401000124|2020-09-10"}},
	"hidden-roster-only.xlsx":      {err: "名册在被隐藏的工作表“名册”中", is: ErrNoHeader},
	"empty-workbook.xlsx":          {err: "没有找到表头", is: ErrNoHeader},
	"wide.xlsx":                    {rows: []string{"2:学生01|20200001"}, notices: []string{"第 2 行在第 64 列（BL 列）右边还有内容，没有读取"}},
	"encrypted.xlsx":               {err: "文件已加密", is: ErrEncrypted},
	"cut-in-half.xlsx":             {err: "文件已损坏或不完整", is: ErrDamaged},
	"sheet-xml-cut.xlsx":           {err: "文件已损坏", is: ErrDamaged},
	"word-document.xlsx":           {err: "这是 Word 文档", is: ErrNotTable},
	"libreoffice.ods":              {err: ".ods 表格", is: ErrNotTable},
	"binary-workbook.xlsb":         {err: "二进制工作簿（.xlsb）", is: ErrNotTable},
	"handmade.xlsx":                {rows: []string{"2:陈思远|20200001|校学生会|第一行\r\n第二行", "4:林雅婷|20200002||<见附件> & 其他", "5:||1"}},
	"date1904.xlsx":                {rows: []string{"2:学生01|20200001|44084"}},
	"sheet-missing.xlsx":           {err: "文件已损坏", is: ErrDamaged},
	"doctype-in-sheet.xlsx":        {err: "文件已损坏", is: ErrDamaged},
	"unknown-entity-in-sheet.xlsx": {err: "文件已损坏", is: ErrDamaged},
	"bad-shared-string.xlsx":       {err: "第 2 行有一个单元格的文字找不到", is: ErrDamaged},
}

// TestHostileCorpus reads every file of testdata/hostile: each is read
// exactly, row by row, with what was left out named, or refused with the
// real reason.
func TestHostileCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "hostile")
	if *updateHostile {
		os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		files := hostileFiles(t)
		for name, b := range files {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		writeFuzzSeeds(t, files)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		seen[name] = true
		want, ok := hostileWants[name]
		if !ok {
			t.Errorf("%s: no expectation in hostileWants", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			tbl, err := ReadFile(filepath.Join(dir, name))
			if want.err != "" {
				if err == nil || !strings.Contains(err.Error(), want.err) || want.is != nil && !errors.Is(err, want.is) {
					t.Fatalf("err = %v, want %q (%v)", err, want.err, want.is)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			var got []string
			for _, r := range tbl.Rows {
				got = append(got, fmt.Sprintf("%d:%s", r.Line, strings.Join(r.Cells, "|")))
			}
			if strings.Join(got, "\n") != strings.Join(want.rows, "\n") {
				t.Errorf("rows\n%q\nwant\n%q", got, want.rows)
			}
			if len(tbl.Notices) != len(want.notices) {
				t.Errorf("notices %q, want %q", tbl.Notices, want.notices)
			}
			for _, n := range want.notices {
				if !hasNotice(tbl, n) {
					t.Errorf("no notice %q in %q", n, tbl.Notices)
				}
			}
		})
	}
	var missing []string
	for name := range hostileWants {
		if !seen[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("files missing from %s (run with -update-hostile): %v", dir, missing)
	}
}

// writeFuzzSeeds writes the checked-in seeds of the fuzz tests in
// testdata/fuzz: a few files of the corpus and sketches of workbooks.
func writeFuzzSeeds(t *testing.T, files map[string][]byte) {
	seeds := map[string][][]any{
		"FuzzReadCSV": {
			{files["stray-quotes-paired.csv"]}, {files["unpaired-quote.csv"]}, {files["cr-only.csv"]},
			{files["utf16le-no-bom.csv"]}, {files["gbk-title.csv"]}, {files["big5.csv"]},
			{files["two-row-header.csv"]}, {files["quoted-line-break.csv"]}, {files["truncated-gbk.csv"]},
		},
		"FuzzReadXLSX": {
			{[]byte("序号,姓名,学号,基本信息,,组织信息\n,,,二级学院,班级,所属组织\n1,张三,2020001,机电工程学院,1班,校学生会\n!2,李四,2020002\n3,王五,2020003,,,"), "A1:A2;B1:B2;C1:C2;D1:E1;F1:F2;F3:F9", true},
			{[]byte("标题\n姓名,学号\n张三,1" + strings.Repeat(",", 70) + "x\n\n!\n李四,_x000D_2"), "", false},
		},
		"FuzzReadSheetXML": {
			{`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="3" hidden="1"><c r="A3" t="inlineStr"><is><t>隐藏</t></is></c></row><row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4"><v>2020001</v></c></row>`,
				`<si><t>姓名</t></si><si><t>学号</t></si><si><r><t>张</t></r><r><t>三</t></r><rPh><t>チョウ</t></rPh></si>`},
			{`<row r="1"><c t="inlineStr"><is><t>姓名</t></is></c><c t="inlineStr"><is><t>学号</t></is></c></row>` + strings.Repeat(`<c><v>1</v></c>`, 100), ""},
		},
		"FuzzQuote": {{"\x1b[2J\u202e张三\u200b"}, {"２０２０　０１ 阿依古丽・买买提"}},
	}
	for target, inputs := range seeds {
		dir := filepath.Join("testdata", "fuzz", target)
		os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i, args := range inputs {
			var b bytes.Buffer
			b.WriteString("go test fuzz v1\n")
			for _, a := range args {
				switch v := a.(type) {
				case []byte:
					b.WriteString("[]byte(" + strconv.Quote(string(v)) + ")\n")
				case string:
					b.WriteString("string(" + strconv.Quote(v) + ")\n")
				case bool:
					b.WriteString("bool(" + strconv.FormatBool(v) + ")\n")
				}
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed%d", i+1)), b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
