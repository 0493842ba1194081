package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// hostileFiles makes the corpus of testdata/hostile: every kind of file a
// teacher may bring, and the ways they go wrong. Run
//
//	go test -tags ci,migrated_fynedo -run TestHostileCorpus ./app/importer/ -update-hostile
//
// to write them again after changing this list; the files are what the
// test reads, so they stay as they are unless rewritten on purpose.
func hostileFiles(t *testing.T) map[string][]byte {
	roster := func(n int, sep, eol string, edit func(i int, l string) string) []byte {
		return []byte(rosterCSV(n, sep, eol, edit))
	}
	line := func(at int, edit func(string) string) func(int, string) string {
		return func(i int, l string) string {
			if i == at {
				return edit(l)
			}
			return l
		}
	}
	utf16 := func(e unicode.Endianness, bom unicode.BOMPolicy, s string) []byte {
		b, err := unicode.UTF16(e, bom).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return []byte(b)
	}
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return []byte(b)
	}
	big5, err := traditionalchinese.Big5.NewEncoder().String("姓名,學號,所屬組織,職務\r\n陳思遠,2020001,校學生會,主席\r\n林雅婷,2020002,校學生會,副主席\r\n")
	if err != nil {
		t.Fatal(err)
	}
	full := roster(10, ",", "\n", nil)
	gbFull := gbk(string(full))
	last := gbk("学生10,20200010,校学生会,干事,\n")
	twoRow := "序号,姓名,学号,基本信息,,组织信息,,\n,,,二级学院,班级,所属组织,部门,职务\n"
	for i := 1; i <= 3; i++ {
		twoRow += fmt.Sprintf("%d,学生%02d,20200%03d,机电工程学院,20机电1班,校学生会,宣传部,干事\n", i, i, i)
	}
	wide := "姓名,学号" + strings.Repeat(",", 64) + "备注\n学生01,20200001" + strings.Repeat(",", 64) + "在第 67 列\n学生02,20200002\n"

	files := map[string][]byte{
		"bom-crlf.csv":           append([]byte("\xef\xbb\xbf"), roster(3, ",", "\r\n", nil)...),
		"lf.csv":                 roster(3, ",", "\n", nil),
		"cr-only.csv":            roster(7, ",", "\r", nil),
		"no-final-newline.csv":   bytes.TrimSuffix(roster(3, ",", "\n", nil), []byte("\n")),
		"last-row-cut.csv":       []byte(strings.TrimSuffix(rosterCSV(3, ",", "\n", nil), ",校学生会,干事,\n")),
		"stray-quote-remark.csv": roster(20, ",", "\r\n", line(5, func(l string) string { return l + `"见附件` })),
		"stray-quote-name.csv":   roster(20, ",", "\r\n", line(5, func(l string) string { return `"` + l })),
		"stray-quote-inside.csv": roster(5, ",", "\r\n", line(2, func(l string) string { return strings.Replace(l, "学生02", `学"生02`, 1) })),
		"stray-quotes-paired.csv": roster(20, ",", "\n", func(i int, l string) string {
			return line(9, func(l string) string { return l + `附件"` })(i, line(5, func(l string) string { return l + `"见附件` })(i, l))
		}),
		"unpaired-quote.csv":           roster(8, ",", "\n", line(5, func(l string) string { return strings.Replace(l, "校学生会", `"校学生会,团委`, 1) })),
		"quoted-line-break.csv":        roster(4, ",", "\r\n", line(2, func(l string) string { return l + "\"第一行\r\n第二行，有\"\"引号\"\"\"" })),
		"quoted-fields.csv":            []byte("\"姓名\",\"学号\",\"所属组织\"\r\n\"学生01\",\"20200001\",\"校学生会,团委\"\r\n\"学生02\",\"20200002\",\"\"\r\n"),
		"utf16le-bom-tab.txt":          utf16(unicode.LittleEndian, unicode.UseBOM, rosterCSV(3, "\t", "\r\n", nil)),
		"utf16be-bom.csv":              utf16(unicode.BigEndian, unicode.UseBOM, rosterCSV(3, ",", "\r\n", nil)),
		"utf16le-no-bom.csv":           utf16(unicode.LittleEndian, unicode.IgnoreBOM, rosterCSV(3, "\t", "\r\n", nil)),
		"utf16le-odd-length.csv":       utf16(unicode.LittleEndian, unicode.UseBOM, rosterCSV(3, ",", "\r\n", nil))[:41],
		"gbk-title.csv":                gbk("校学生会干部名册（2020年9月）\r\n" + rosterCSV(3, ",", "\r\n", nil)),
		"gb18030-four-byte.csv":        gbk(rosterCSV(2, ",", "\r\n", line(1, func(l string) string { return strings.Replace(l, "学生01", "学生01䶮", 1) }))),
		"big5.csv":                     []byte(big5),
		"mixed-utf8-gbk.csv":           append(roster(2, ",", "\n", nil), gbk("学生03,20200003,校学生会,干事,\n")...),
		"semicolon.csv":                roster(3, ";", "\r\n", line(2, func(l string) string { return strings.Replace(l, "校学生会", "校学生会,团委", 1) })),
		"tab.tsv":                      roster(3, "\t", "\n", nil),
		"fullwidth-comma.csv":          roster(3, "，", "\n", nil),
		"truncated-utf8.csv":           full[:len(full)-len("学生10,20200010,校学生会,干事,\n")+4],
		"truncated-gbk.csv":            gbFull[:len(gbFull)-len(last)+3],
		"empty.csv":                    nil,
		"blank-lines.csv":              []byte("\r\n  \r\n\t\r\n"),
		"separators-only.csv":          []byte(",,,\n,,,\n"),
		"header-only.csv":              []byte("姓名,学号,所属组织,职务\r\n"),
		"no-header.csv":                []byte("名称,编号\n校学生会,1\n"),
		"two-row-header.csv":           []byte(twoRow),
		"full-width-and-names.csv":     []byte("姓名,学号,班级\n阿依古丽・买买提,２０２０　０１,ＡＢ班\nアイグリ・マイマイティ,2020 02,\n张　三,2020,\n"),
		"control-characters.csv":       []byte("姓名,学号,班级\n\x1b[31m红\x1b[0m,20200001,\u202e班1\n张\u200b三,20200002,\a\n"),
		"nul-bytes.csv":                []byte("姓名,学号\n张三\x00,1\n"),
		"wide.csv":                     []byte(wide),
		"data-above-header.csv":        []byte("学生00,20200000,校学生会,干事\n" + rosterCSV(2, ",", "\n", nil)),
		"web-page.xls":                 []byte("<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>姓名</td><td>学号</td></tr></table></body></html>"),
		"excel-2003-xml.xls":           []byte(`<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>`),
		"document.pdf":                 []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
		"picture.xlsx":                 []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
		"old-excel.xls":                append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...),
		"hidden-first-sheet.xlsx":      xlsxOf(t, rosterRows(3), hideFirstSheet(t)),
		"second-sheet.xlsx":            xlsxOf(t, rosterRows(5), secondSheet(t)),
		"hidden-rows.xlsx":             xlsxOf(t, rosterRows(12), hideRows(4, 5, 9, 10, 11)),
		"merged-header.xlsx":           xlsxOf(t, mergedHeaderRows(), merges("A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:H1")),
		"merged-org-column.xlsx":       xlsxOf(t, [][]any{{"姓名", "学号", "所属组织", "职务"}, {"学生01", "20200001", "校学生会", "主席"}, {"学生02", "20200002", "", "副主席"}, {"学生03", "20200003", "", "干事"}}, merges("C2:C9")),
		"numbers-and-dates.xlsx":       xlsxOf(t, [][]any{{"姓名", "学号", "任职开始日期"}, {"学生01", 202401000123, 44084}, {"学生02", 2.02401000124e11, "2020-09-10"}}, nil),
		"hidden-roster-only.xlsx":      xlsxOf(t, [][]any{{"填表说明"}, {"请在“名册”工作表中填写"}}, hiddenRoster(t)),
		"empty-workbook.xlsx":          xlsxOf(t, nil, nil),
		"wide.xlsx":                    xlsxOf(t, [][]any{{"姓名", "学号"}, {"学生01", "20200001"}}, func(f *excelize.File) { f.SetCellValue("Sheet1", "BM2", "第 65 列") }),
		"encrypted.xlsx":               encryptedXLSX(t),
		"cut-in-half.xlsx":             halfOf(xlsxOf(t, rosterRows(30), nil)),
		"sheet-xml-cut.xlsx":           rezip(t, xlsxOf(t, rosterRows(30), nil), cutSheets),
		"word-document.xlsx":           zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}),
		"libreoffice.ods":              zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>"}),
		"binary-workbook.xlsb":         zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.bin": "\x83\x01\x00"}),
		"handmade.xlsx":                handmadeXLSX(t),
		"date1904.xlsx":                workbook1904(t),
		"sheet-missing.xlsx":           sheetMissing(t),
		"bad-shared-string.xlsx":       workbook(t, []testSheet{{name: "Sheet1", xml: `<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row r="2"><c t="s"><v>7</v></c></row>`}}, `<si><t>姓名</t></si><si><t>学号</t></si>`),
		"unknown-entity-in-sheet.xlsx": workbook(t, []testSheet{{name: "Sheet1", xml: `<row r="1"><c t="inlineStr"><is><t>&bomb;</t></is></c></row>`}}, ""),
		"doctype-in-sheet.xlsx":        withDoctype(t),
	}
	return files
}

// withDoctype declares an entity in a sheet, as an entity-expansion bomb
// would.
func withDoctype(t testing.TB) []byte {
	b := workbook(t, []testSheet{{name: "Sheet1", xml: `<row r="1"><c t="inlineStr"><is><t>姓名</t></is></c><c t="inlineStr"><is><t>学号&a;</t></is></c></row>`}}, "")
	return rezip(t, b, func(name string, b []byte) []byte {
		if strings.Contains(name, "worksheets/") {
			return bytes.Replace(b, []byte("<worksheet"), []byte(`<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><worksheet`), 1)
		}
		return b
	})
}

func xlsxOf(t testing.TB, rows [][]any, edit func(f *excelize.File)) []byte {
	t.Helper()
	b, err := os.ReadFile(writeXLSX(t, rows, edit))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func hideFirstSheet(t testing.TB) func(f *excelize.File) {
	return func(f *excelize.File) {
		f.SetSheetName("Sheet1", "旧模板")
		i, _ := f.NewSheet("名册")
		setRows(t, f, "名册", rosterRows(5))
		f.SetActiveSheet(i)
		if err := f.SetSheetVisible("旧模板", false); err != nil {
			t.Fatal(err)
		}
	}
}

func secondSheet(t testing.TB) func(f *excelize.File) {
	return func(f *excelize.File) {
		f.NewSheet("Sheet2")
		setRows(t, f, "Sheet2", rosterRows(12)[1:])
		f.NewSheet("空白")
	}
}

func hiddenRoster(t testing.TB) func(f *excelize.File) {
	return func(f *excelize.File) {
		f.NewSheet("名册")
		setRows(t, f, "名册", rosterRows(3))
		if err := f.SetSheetVisible("名册", false); err != nil {
			t.Fatal(err)
		}
	}
}

func hideRows(rows ...int) func(f *excelize.File) {
	return func(f *excelize.File) {
		for _, r := range rows {
			f.SetRowVisible("Sheet1", r, false)
		}
	}
}

func merges(ranges ...string) func(f *excelize.File) {
	return func(f *excelize.File) {
		for _, r := range ranges {
			from, to, _ := strings.Cut(r, ":")
			f.MergeCell("Sheet1", from, to)
		}
	}
}

func mergedHeaderRows() [][]any {
	rows := [][]any{
		{"序号", "姓名", "学号", "基本信息", "", "组织信息", "", ""},
		{"", "", "", "二级学院", "班级", "所属组织", "部门", "职务"},
	}
	for i := 1; i <= 3; i++ {
		rows = append(rows, []any{i, fmt.Sprintf("学生%02d", i), fmt.Sprintf("20200%03d", i), "机电工程学院", "20机电1班", "校学生会", "宣传部", "干事"})
	}
	return rows
}

func encryptedXLSX(t *testing.T) []byte {
	b, err := os.ReadFile(makeEncrypted(t))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func halfOf(b []byte) []byte { return b[:len(b)/2] }

func cutSheets(name string, b []byte) []byte {
	if strings.HasPrefix(name, "xl/worksheets/") {
		return b[:len(b)/2]
	}
	return b
}

func zipOf(t testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, name := range []string{"mimetype", "[Content_Types].xml", "content.xml", "word/document.xml", "xl/workbook.bin"} {
		if content, ok := files[name]; ok {
			w, err := z.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(content))
		}
	}
	z.Close()
	return buf.Bytes()
}

// handmadeXLSX is a workbook as other programs write them: shared strings
// with rich text and a phonetic guide, inline strings, prefixed element
// names, cached formula values, rows and cells without numbers, Excel's
// _x000D_ escape, entities.
func handmadeXLSX(t testing.TB) []byte {
	sst := `<si><t>姓名</t></si><si><r><t>学</t></r><r><rPr><b/></rPr><t>号</t></r></si>` +
		`<si><t>陈思远</t><rPh sb="0" eb="3"><t>チェン</t></rPh></si><si><t xml:space="preserve">  校学生会 </t></si>` +
		`<si><t>第一行_x000D_
第二行</t></si>`
	sheet := `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>所属组织</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>备注</x:t></x:is></x:c></x:row>` +
		`<x:row><x:c t="s"><x:v>2</x:v></x:c><x:c><x:f>A1</x:f><x:v>20200001</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c><x:c t="s"><x:v>4</x:v></x:c></x:row>` +
		`<x:row r="4"><x:c r="A4" t="str"><x:f>"林"&amp;"雅婷"</x:f><x:v>林雅婷</x:v></x:c><x:c r="B4" t="inlineStr"><x:is><x:t>&#50;0200002</x:t></x:is></x:c><x:c r="D4" t="inlineStr"><x:is><x:t>&lt;见附件&gt; &amp; 其他</x:t></x:is></x:c></x:row>` +
		`<x:row r="5"><x:c r="C5" t="b"><x:v>1</x:v></x:c></x:row>`
	b := workbook(t, []testSheet{{name: "名册", xml: sheet}}, sst)
	return rezip(t, b, func(name string, content []byte) []byte {
		switch name {
		case "xl/worksheets/sheet1.xml":
			content = bytes.Replace(content, []byte("<worksheet "), []byte(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" `), 1)
			content = bytes.Replace(content, []byte("</worksheet>"), []byte("</x:worksheet>"), 1)
			content = bytes.ReplaceAll(content, []byte("sheetData>"), []byte("x:sheetData>"))
		case "xl/_rels/workbook.xml.rels":
			content = bytes.Replace(content, []byte(`Target="worksheets/sheet1.xml"`), []byte(`Target="/xl/worksheets/sheet1.xml"`), 1)
		}
		return content
	})
}

func workbook1904(t testing.TB) []byte {
	sheet := `<row r="1"><c t="inlineStr"><is><t>姓名</t></is></c><c t="inlineStr"><is><t>学号</t></is></c><c t="inlineStr"><is><t>任职开始日期</t></is></c></row>` +
		`<row r="2"><c t="inlineStr"><is><t>学生01</t></is></c><c><v>20200001</v></c><c><v>42622</v></c></row>`
	return rezip(t, workbook(t, []testSheet{{name: "Sheet1", xml: sheet}}, ""), func(name string, b []byte) []byte {
		if name == "xl/workbook.xml" {
			return bytes.Replace(b, []byte("<sheets>"), []byte(`<workbookPr date1904="1"/><sheets>`), 1)
		}
		return b
	})
}

func sheetMissing(t testing.TB) []byte {
	b := workbook(t, []testSheet{{name: "Sheet1", xml: `<row r="1"/>`}}, "")
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		if strings.HasPrefix(e.Name, "xl/worksheets/") {
			continue
		}
		rc, _ := e.Open()
		w, _ := zw.Create(e.Name)
		var content bytes.Buffer
		content.ReadFrom(rc)
		rc.Close()
		w.Write(content.Bytes())
	}
	zw.Close()
	return out.Bytes()
}
