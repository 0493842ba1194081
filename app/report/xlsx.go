package report

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"
)

const sheet = "Sheet1"

// WriteXLSX writes a list as a workbook ready to print.
func WriteXLSX(w io.Writer, t Table) error { return WriteDocumentXLSX(w, DocumentOf(t)) }

// WriteDocumentXLSX writes a document, one sheet per table: title,
// subtitle and header lines above a styled header row that is frozen on
// screen and repeated on every printed page; counts, ratios and dates as
// numbers and dates, so that they sum and sort, 学号 and other codes as text
// with their leading zeros; columns as wide as their content, a Chinese
// character counted twice; rows as tall as their wrapped text; A4 landscape
// fitted to the width, its print area and page numbers set. The charts of
// the PDF become native Excel charts on a sheet of their own. A text
// document becomes one column of paragraphs.
func WriteDocumentXLSX(w io.Writer, d Document) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDefaultFont("宋体"); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sections := d.Sections
	if len(sections) == 0 {
		sections = []Section{textSection(d)}
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
		if err := writeSheet(f, name, d, s, st); err != nil {
			return err
		}
	}
	if err := writeCharts(f, d.Charts, st); err != nil {
		return err
	}
	now := time.Now().UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Title: d.Title, Subject: d.Subtitle, Creator: "团学台账",
		LastModifiedBy: "团学台账", Language: "zh-CN", Created: now, Modified: now}); err != nil {
		return err
	}
	return f.Write(w)
}

// textSection puts a text document's paragraphs in one column.
func textSection(d Document) Section {
	s := Section{Columns: []Column{{Title: d.Title, Width: 100}}}
	for _, p := range d.Paragraphs {
		s.Rows = append(s.Rows, []string{p.Text})
		s.Spans = append(s.Spans, p.Heading)
	}
	return s
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

// styles are the workbook's cell styles: per kind of cell, plain and red.
type styles struct {
	title, line, header, span, empty int
	body, alert                      map[string]int // by kind
	chartHead, chartTitle            int
}

// songti names 宋体 in a style's font: a font without a name is not the
// workbook's default in every suite (LibreOffice printed such cells in a
// Latin serif face).
func songti(f excelize.Font) *excelize.Font {
	f.Family = "宋体"
	return &f
}

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1},
	}
	s := styles{body: map[string]int{}, alert: map[string]int{}}
	var err error
	add := func(dst *int, style excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(&style)
		}
	}
	wrap := &excelize.Alignment{Vertical: "center", WrapText: true}
	add(&s.title, excelize.Style{Font: songti(excelize.Font{Bold: true, Size: 16}),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	add(&s.line, excelize.Style{Alignment: wrap})
	add(&s.chartTitle, excelize.Style{Font: songti(excelize.Font{Bold: true, Size: 13}), Alignment: &excelize.Alignment{Vertical: "center"}})
	header := excelize.Style{Font: songti(excelize.Font{Bold: true}), Border: border,
		Fill:      excelize.Fill{Type: "pattern", Color: []string{"F2DCDB"}, Pattern: 1},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}
	add(&s.header, header)
	add(&s.chartHead, header)
	add(&s.span, excelize.Style{Font: songti(excelize.Font{Bold: true}), Border: border, Alignment: wrap,
		Fill: excelize.Fill{Type: "pattern", Color: []string{"F2F2F2"}, Pattern: 1}})
	add(&s.empty, excelize.Style{Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	percent, date := "0.0%", "yyyy-mm-dd"
	for _, k := range []string{KindText, KindNumber, KindPercent, KindDate} {
		body := excelize.Style{Border: border, Alignment: wrap}
		switch k {
		case KindText:
			body.NumFmt = 49 // @: text, as typed
		case KindPercent:
			body.CustomNumFmt = &percent
		case KindDate:
			body.CustomNumFmt = &date
			body.Alignment = &excelize.Alignment{Horizontal: "left", Vertical: "center"}
		}
		var plain, red int
		add(&plain, body)
		body.Font = songti(excelize.Font{Color: "BE001E"})
		add(&red, body)
		s.body[k], s.alert[k] = plain, red
	}
	return s, err
}
