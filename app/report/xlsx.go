package report

import (
	"io"

	"github.com/xuri/excelize/v2"
)

const sheet = "Sheet1"

// WriteXLSX writes t as a workbook ready to print: title and subtitle rows,
// a styled header that is frozen on screen and repeated on every printed
// page, column widths, every cell as text (学号 keep their leading zeros),
// A4 landscape fitted to the page width.
func WriteXLSX(w io.Writer, t Table) error {
	f := excelize.NewFile()
	defer f.Close()
	styles, err := newStyles(f)
	if err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(max(len(t.Columns), 1))
	_ = f.SetCellStr(sheet, "A1", t.Title)
	_ = f.MergeCell(sheet, "A1", last+"1")
	_ = f.SetCellStyle(sheet, "A1", "A1", styles.title)
	_ = f.SetCellStr(sheet, "A2", t.Subtitle)
	_ = f.MergeCell(sheet, "A2", last+"2")
	_ = f.SetRowHeight(sheet, 1, 28)

	header := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Title
		name, _ := excelize.ColumnNumberToName(i + 1)
		width := c.Width
		if width == 0 {
			width = 12
		}
		_ = f.SetColWidth(sheet, name, name, width+2)
	}
	if err := f.SetSheetRow(sheet, "A3", &header); err != nil {
		return err
	}
	_ = f.SetCellStyle(sheet, "A3", last+"3", styles.header)

	for i, r := range t.Rows {
		row := make([]any, len(r))
		for j, v := range r {
			row[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+4)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
	}
	if len(t.Rows) > 0 {
		end, _ := excelize.CoordinatesToCellName(len(t.Columns), len(t.Rows)+3)
		_ = f.SetCellStyle(sheet, "A4", end, styles.body)
	}
	if err := pageSetup(f, last); err != nil {
		return err
	}
	return f.Write(w)
}

type styles struct{ title, header, body int }

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1},
	}
	var s styles
	var err error
	if s.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}); err != nil {
		return s, err
	}
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Color: []string{"F2DCDB"}, Pattern: 1},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border:    border}); err != nil {
		return s, err
	}
	s.body, err = f.NewStyle(&excelize.Style{NumFmt: 49, Border: border,
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	return s, err
}

func pageSetup(f *excelize.File, lastCol string) error {
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	size, orientation, fit := 9, "landscape", true // 9 = A4
	one, zero := 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation,
		FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: sheet + "!$3:$3", Scope: sheet})
}
