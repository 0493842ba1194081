package report

import (
	"archive/zip"
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWriteXLSXReopens(t *testing.T) {
	tbl := Table{Title: "学生骨干名册", Subtitle: "潮汕职业技术学院 · 2020-2021学年第一学期",
		Columns: []Column{{"学号", 12}, {"姓名", 8}, {"职务", 0}},
		Rows:    [][]string{{"00123", "陈思远", "主席"}, {"2020002", "林雅婷", "部长"}}}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, tbl); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(sheet)
	if rows[0][0] != "学生骨干名册" || rows[2][1] != "姓名" || rows[3][0] != "00123" || rows[4][2] != "部长" {
		t.Fatalf("cells %q", rows)
	}
	if typ, _ := f.GetCellType(sheet, "A4"); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		t.Fatalf("学号 stored as %v, want text", typ)
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != 3 {
		t.Fatalf("header not frozen: %+v", panes)
	}
	layout, _ := f.GetPageLayout(sheet)
	if *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 {
		t.Fatalf("page layout %+v", layout)
	}
	defined := map[string]string{}
	for _, n := range f.GetDefinedName() {
		defined[n.Name] = n.RefersTo
	}
	if defined["_xlnm.Print_Titles"] != "'Sheet1'!$3:$3" || defined["_xlnm.Print_Area"] != "'Sheet1'!$A$1:$C$5" {
		t.Fatalf("print titles and area %+v", defined)
	}
	if w, _ := f.GetColWidth(sheet, "A"); w != 14 {
		t.Fatalf("column width %v", w)
	}
}

func TestExcelEmptyTableSaysSo(t *testing.T) {
	d := Document{Title: "退出情况表", Sections: []Section{
		{Caption: "退出名单", Columns: []Column{{Title: "日期"}, {Title: "姓名"}}},
		{Caption: "整改", Columns: []Column{{Title: "问题"}}, Empty: "本学年无整改事项"}},
		Charts: []Chart{{Title: "整改事项状态", Bars: []Bar{{Label: "待整改"}, {Label: "已销号"}}}}}
	var buf bytes.Buffer
	if err := WriteDocumentXLSX(&buf, d); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(sheetName("退出名单", 0))
	if rows[len(rows)-1][0] != EmptyNote {
		t.Errorf("Excel rows %q", rows)
	}
}

// Excel: numbers, ratios and dates typed; 学号 text; widths counting a
// Chinese character twice; rows as tall as their wrapped text; the print
// area and the footer; a native chart.
func TestExcelCellsAreTyped(t *testing.T) {
	long := strings.Repeat("校学生会实有工作人员 51 人，超过 40 人。", 6)
	d := Document{Title: "规模", Sections: []Section{{Columns: []Column{{Title: "学号"}, {Title: "组织"}, {Title: "人数"}, {Title: "比例"},
		{Title: "日期"}, {Title: "情况"}},
		Rows: [][]string{{"2017010001", "校学生会", "51", "96.1%", "2020-10-15", long}, {"0012", "机电工程学院学生会", "30", "93.3%", "2020-09-01", "符合"}}}},
		Charts: []Chart{{Title: "人数与上限", ValueLabel: "人数", Bars: []Bar{{Label: "校学生会", Value: 51, Limit: 40}}}}}
	var buf bytes.Buffer
	if err := WriteDocumentXLSX(&buf, d); err != nil {
		t.Fatal(err)
	}
	file := bytes.Clone(buf.Bytes())
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]excelize.CellType{"A4": excelize.CellTypeSharedString, "A5": excelize.CellTypeSharedString,
		"C4": excelize.CellTypeNumber, "D4": excelize.CellTypeNumber, "E4": excelize.CellTypeNumber} {
		if typ, _ := f.GetCellType(sheet, cell); typ != want && !(want == excelize.CellTypeNumber && typ == excelize.CellTypeUnset) {
			t.Errorf("%s is %v, want %v", cell, typ, want)
		}
	}
	if v, _ := f.GetCellValue(sheet, "A5"); v != "0012" {
		t.Errorf("学号 %q", v)
	}
	if v, _ := f.GetCellValue(sheet, "D4", excelize.Options{RawCellValue: true}); v != "0.961" {
		t.Errorf("ratio stored as %q", v)
	}
	if v, _ := f.GetCellValue(sheet, "E4"); v != "2020-10-15" {
		t.Errorf("date shown as %q", v)
	}
	if w, _ := f.GetColWidth(sheet, "B"); w != 20 { // 机电工程学院学生会: 9 characters × 2 + 2
		t.Errorf("组织 column %v wide", w)
	}
	if h, _ := f.GetRowHeight(sheet, 4); h < 3*14 {
		t.Errorf("a row of wrapped text %v points high", h)
	}
	footer, _ := f.GetHeaderFooter(sheet)
	if footer == nil || !strings.Contains(footer.OddFooter, "&P") {
		t.Errorf("footer %+v", footer)
	}
	if sheets := f.GetSheetList(); len(sheets) != 2 || sheets[1] != chartSheet {
		t.Errorf("sheets %v", sheets)
	}
	if !hasPart(file, "xl/charts/chart1.xml") {
		t.Error("no native chart")
	}
}

func hasPart(file []byte, name string) bool {
	z, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		return false
	}
	for _, f := range z.File {
		if f.Name == name {
			return true
		}
	}
	return false
}

// Every font of the workbook names 宋体 (LibreOffice set unnamed ones in a
// Latin serif face), and a form's marks are runs in the font Word gets
// them in, Segoe UI Symbol.
func TestExcelFontsAndFormMarks(t *testing.T) {
	d := Document{Title: "改革自评表", Header: []Field{{Label: "组织名称", Value: "校学生会 ☑学生会/□研究生会"}},
		Sections: []Section{{Notes: []string{"标注“▲”为观测指标"}, Columns: []Column{{Title: "指标"}, {Title: "结论"}},
			Rows: [][]string{{"1.坚持", "☑是 □否"}, {"2.未达标", "□是 ☑否"}}, Alerts: []bool{false, true}}}}
	var buf bytes.Buffer
	if err := WriteDocumentXLSX(&buf, d); err != nil {
		t.Fatal(err)
	}
	styles := zipPart(t, buf.Bytes(), "xl/styles.xml")
	for _, font := range regexp.MustCompile(`<font>.*?</font>`).FindAllString(styles, -1) {
		if !strings.Contains(font, `<name val="宋体">`) {
			t.Errorf("a font without 宋体: %s", font)
		}
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	fonts := map[string]string{}
	rows, _ := f.GetRows(f.GetSheetName(0))
	for i, row := range rows {
		for j := range row {
			runs, _ := f.GetCellRichText(f.GetSheetName(0), cellName(j+1, i+1))
			for _, r := range runs {
				if r.Font != nil && isFormMark([]rune(r.Text)[0]) {
					fonts[r.Text] += r.Font.Family + ";"
				}
			}
		}
	}
	if fonts["□"] != "Segoe UI Symbol;Segoe UI Symbol;Segoe UI Symbol;" || fonts["☑"] != "Segoe UI Symbol;Segoe UI Symbol;Segoe UI Symbol;" ||
		fonts["▲"] != "Segoe UI Symbol;" {
		t.Errorf("fonts of the marks: %q", fonts)
	}
}

// A form (a table with its own signature block) prints on one A4 page,
// portrait, as on paper; a list prints landscape as wide as the page.
func TestExcelFormsPrintOnePagePortrait(t *testing.T) {
	d := Document{Title: "改革自评表", Sections: []Section{
		{Caption: "校级", Columns: []Column{{Title: "指标"}, {Title: "结论"}}, Rows: [][]string{{"1.坚持", "☑是 □否"}},
			Signature: []string{"校团委负责人（签字）：＿＿＿＿　（盖章）"}},
		{Caption: "名单", Columns: []Column{{Title: "姓名"}}, Rows: [][]string{{"陈思远"}}}}}
	var buf bytes.Buffer
	if err := WriteDocumentXLSX(&buf, d); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []struct {
		orientation string
		tall        int
	}{{"portrait", 1}, {"landscape", 0}} {
		l, err := f.GetPageLayout(f.GetSheetName(i))
		if err != nil {
			t.Fatal(err)
		}
		if *l.Orientation != want.orientation || *l.FitToHeight != want.tall || *l.FitToWidth != 1 {
			t.Errorf("sheet %d: %s, %d wide × %d tall; want %s, 1 × %d", i, *l.Orientation, *l.FitToWidth, *l.FitToHeight,
				want.orientation, want.tall)
		}
	}
}

// A title longer than the table is wide wraps, in a row as tall as its
// lines, instead of running off the page.
func TestExcelLongTitleWraps(t *testing.T) {
	d := Document{Title: "改革自评表", Sections: []Section{{Caption: "（二）二级学生会组织（含二级院系、书院、分校区等学生会、研究生会）改革自评表",
		Columns: []Column{{Title: "项目", Width: 30}, {Title: "备注", Width: 10}}, Rows: [][]string{{"1.坚持", ""}}}}}
	var buf bytes.Buffer
	if err := WriteDocumentXLSX(&buf, d); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	id, _ := f.GetCellStyle(sheet, "A1")
	style, _ := f.GetStyle(id)
	h, _ := f.GetRowHeight(sheet, 1)
	if style.Alignment == nil || !style.Alignment.WrapText || h < 40 {
		t.Errorf("title: wrapped %v, row %.0f pt high", style.Alignment != nil && style.Alignment.WrapText, h)
	}
}

// A table of many long-text columns (会议记录汇总) is laid out to print at
// 75 % or more, its long texts wrapping, instead of shrunk to fit:
// LibreOffice printed the meetings at 45 %, too small to read.
func TestWideTablesFitThePageUnshrunk(t *testing.T) {
	long := strings.Repeat("学习全国学联二十七大精神；各部门汇报上周工作。", 2)
	s := Section{Columns: []Column{{Title: "日期"}, {Title: "会议"}, {Title: "类别"}, {Title: "组织"}, {Title: "出席"},
		{Title: "记录人"}, {Title: "要点"}, {Title: "上期问题"}, {Title: "整改措施"}, {Title: "下期工作"}}}
	for range 4 {
		s.Rows = append(s.Rows, []string{"2026-09-05", "第6周政治业务学习暨委员会会议", "二级学院学生会工作报告", "校学生会",
			"代表 128 人，实到 121 人", "陈思远", long, long, long, long})
	}
	widths := xlsxWidths(s, landscapeMM)
	if room := landscapeMM / xlsxLeastScale / xlsxUnitMM; sum(widths) > room+0.01 {
		t.Fatalf("columns %v units, %.0f in all: more than the %.0f that print at 75 %%", widths, sum(widths), room)
	}
	if widths[0] < displayWidth("2026-09-05") || widths[5] < displayWidth("陈思远") {
		t.Fatalf("a date or a name wraps: %v", widths)
	}
	narrow := Section{Columns: []Column{{Title: "姓名"}, {Title: "学号"}}, Rows: [][]string{{"陈思远", "2020001"}}}
	if w := xlsxWidths(narrow, landscapeMM); w[0] > 12 || w[1] > 12 {
		t.Fatalf("a narrow table's columns are widened: %v", w)
	}
}
