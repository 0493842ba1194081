package report

import (
	"bytes"
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
	names := f.GetDefinedName()
	if len(names) != 1 || names[0].RefersTo != "'Sheet1'!$3:$3" {
		t.Fatalf("print titles %+v", names)
	}
	if w, _ := f.GetColWidth(sheet, "A"); w != 14 {
		t.Fatalf("column width %v", w)
	}
}
