package report

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

const sheet = "Sheet1"

// WriteXLSX writes a list as a workbook ready to print.
func WriteXLSX(w io.Writer, t Table) error { return WriteDocumentXLSX(w, DocumentOf(t)) }

// WriteDocumentXLSX writes a document, one sheet per table: title,
// subtitle and header lines above a styled header row that is frozen on
// screen and repeated on every printed page; column widths; every cell as
// text (学号 keep their leading zeros); A4 landscape fitted to the width.
// A text document becomes one column of paragraphs.
func WriteDocumentXLSX(w io.Writer, d Document) error {
	f := excelize.NewFile()
	defer f.Close()
	styles, err := newStyles(f)
	if err != nil {
		return err
	}
	sections := d.Sections
	if len(sections) == 0 {
		s := Section{Columns: []Column{{Title: d.Title, Width: 100}}}
		for _, p := range d.Paragraphs {
			s.Rows = append(s.Rows, []string{p.Text})
		}
		sections = []Section{s}
	}
	for i, s := range sections {
		name := sheet
		if i > 0 || s.Caption != "" {
			name = sheetName(s.Caption, i)
		}
		if i == 0 {
			if err := f.SetSheetName(sheet, name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := writeSheet(f, name, d, s, styles); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// sheetName makes a valid, unique sheet name: at most 31 characters.
func sheetName(caption string, i int) string {
	if caption == "" {
		return fmt.Sprintf("表%d", i+1)
	}
	r := []rune(caption)
	if len(r) > 28 {
		r = r[:28]
	}
	return fmt.Sprintf("%d %s", i+1, string(r))
}

func writeSheet(f *excelize.File, name string, d Document, s Section, st styles) error {
	last, _ := excelize.ColumnNumberToName(max(len(s.Columns), 1))
	row := 1
	line := func(text string, style int) {
		cell := fmt.Sprintf("A%d", row)
		_ = f.SetCellStr(name, cell, text)
		_ = f.MergeCell(name, cell, fmt.Sprintf("%s%d", last, row))
		if style != 0 {
			_ = f.SetCellStyle(name, cell, cell, style)
		}
		row++
	}
	title := d.Title
	if s.Caption != "" {
		title += "：" + s.Caption
	}
	line(title, st.title)
	_ = f.SetRowHeight(name, 1, 28)
	line(d.Subtitle, 0)
	for _, fl := range d.Header {
		line(fl.Label+"："+fl.Value, 0)
	}
	headerRow := row
	header := make([]any, len(s.Columns))
	for i, c := range s.Columns {
		header[i] = c.Title
		col, _ := excelize.ColumnNumberToName(i + 1)
		_ = f.SetColWidth(name, col, col, colWidth(c)+2)
	}
	if err := f.SetSheetRow(name, fmt.Sprintf("A%d", headerRow), &header); err != nil {
		return err
	}
	_ = f.SetCellStyle(name, fmt.Sprintf("A%d", headerRow), fmt.Sprintf("%s%d", last, headerRow), st.header)
	for i, r := range s.Rows {
		cells := make([]any, len(r))
		for j, v := range r {
			cells[j] = v
		}
		if err := f.SetSheetRow(name, fmt.Sprintf("A%d", headerRow+1+i), &cells); err != nil {
			return err
		}
		style := st.body
		if s.alert(i) {
			style = st.alert
		}
		_ = f.SetCellStyle(name, fmt.Sprintf("A%d", headerRow+1+i), fmt.Sprintf("%s%d", last, headerRow+1+i), style)
	}
	if d.Signature {
		sig := headerRow + len(s.Rows) + 2
		_ = f.SetCellStr(name, fmt.Sprintf("A%d", sig), "团委书记（签字）：　　　　　　　　（盖章）　　　　年　　月　　日")
	}
	return pageSetup(f, name, headerRow)
}

type styles struct{ title, header, body, alert int }

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
	body := excelize.Style{NumFmt: 49, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}
	if s.body, err = f.NewStyle(&body); err != nil {
		return s, err
	}
	body.Font = &excelize.Font{Color: "BE001E"}
	s.alert, err = f.NewStyle(&body)
	return s, err
}

func pageSetup(f *excelize.File, name string, headerRow int) error {
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: headerRow,
		TopLeftCell: fmt.Sprintf("A%d", headerRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	size, orientation, fit := 9, "landscape", true // 9 = A4
	one, zero := 1, 0
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation,
		FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", name, headerRow, headerRow), Scope: name})
}
