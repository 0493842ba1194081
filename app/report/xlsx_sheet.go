package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// sheetWriter fills one sheet row by row.
type sheetWriter struct {
	f      *excelize.File
	name   string
	st     styles
	row    int       // the next row, from 1
	widths []float64 // the columns' widths, in Excel's units
	last   string    // the last column's letters
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// line writes a text across the sheet's columns, as tall as it wraps.
func (w *sheetWriter) line(text string, style int) {
	cell := cellName(1, w.row)
	_ = setText(w.f, w.name, cell, text)
	_ = w.f.MergeCell(w.name, cell, fmt.Sprintf("%s%d", w.last, w.row))
	_ = w.f.SetCellStyle(w.name, cell, cell, style)
	_ = w.f.SetRowHeight(w.name, w.row, rowHeight(lineCount(text, sum(w.widths))))
	w.row++
}

func writeSheet(f *excelize.File, name string, d Document, s Section, st styles) error {
	page := landscapeMM
	if len(s.Signature) > 0 { // a form: portrait, as pageSetup prints it
		page = portraitMM
	}
	w := &sheetWriter{f: f, name: name, st: st, row: 1, widths: xlsxWidths(s, page)}
	w.last, _ = excelize.ColumnNumberToName(max(len(s.Columns), 1))
	for i, width := range w.widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(name, col, col, width); err != nil {
			return err
		}
	}
	title := d.Title
	if s.Caption != "" {
		title += "：" + s.Caption
	}
	w.line(title, st.title)
	// 16-point text, wrapped within the table's width: a form's title such
	// as "改革自评表：（二）二级学生会组织（含…）改革自评表" ran off the page.
	_ = f.SetRowHeight(name, 1, 22*float64(lineCount(title, sum(w.widths)*11/16))+6)
	w.line(d.Subtitle, st.line)
	for _, text := range append(fieldLines(d.Header), append(s.Notes, fieldLines(s.Header)...)...) {
		w.line(text, st.line)
	}
	headerRow := w.row
	if err := w.header(s); err != nil {
		return err
	}
	if len(s.Rows) == 0 {
		w.line(s.emptyNote(), st.empty)
	}
	kinds := s.kinds()
	for i, r := range s.Rows {
		if err := w.dataRow(s, i, r, kinds); err != nil {
			return err
		}
	}
	lines := s.Signature
	if d.Signature {
		lines = append(lines, "团委书记（签字）：　　　　　　　　（盖章）　　　　年　　月　　日")
	}
	if len(lines) > 0 {
		w.row++
		for _, text := range lines {
			w.line(text, st.line)
		}
	}
	return pageSetup(f, name, headerRow, w.last, w.row-1, len(s.Signature) > 0)
}

// header writes the column titles, broken between words where they wrap.
func (w *sheetWriter) header(s Section) error {
	m := bundled()
	lines := 1
	for i, c := range s.Columns {
		text := c.Title
		if displayWidth(text) > w.widths[i]-2 { // 1 em = 1 mm = 2 units
			text = strings.Join(breakHeader(m, c.Title, (w.widths[i]-2)/2, 72/25.4), "\n")
		}
		lines = max(lines, strings.Count(text, "\n")+1)
		if err := w.f.SetCellStr(w.name, cellName(i+1, w.row), text); err != nil {
			return err
		}
	}
	_ = w.f.SetCellStyle(w.name, cellName(1, w.row), fmt.Sprintf("%s%d", w.last, w.row), w.st.header)
	_ = w.f.SetRowHeight(w.name, w.row, rowHeight(lines))
	w.row++
	return nil
}

// dataRow writes a row, each cell as its column's kind: a group heading
// across the table, or typed cells.
func (w *sheetWriter) dataRow(s Section, i int, cells []string, kinds []string) error {
	if s.span(i) && len(cells) > 0 {
		w.line(cells[0], w.st.span)
		return nil
	}
	lines := 1
	for j := range w.widths {
		text := ""
		if j < len(cells) {
			text = cells[j]
		}
		style := w.st.body[kinds[j]]
		if s.alert(i) {
			style = w.st.alert[kinds[j]]
		}
		cell := cellName(j+1, w.row)
		if err := w.f.SetCellStyle(w.name, cell, cell, style); err != nil {
			return err
		}
		if err := setTyped(w.f, w.name, cell, text, kinds[j]); err != nil {
			return err
		}
		lines = max(lines, lineCount(text, w.widths[j]))
	}
	_ = w.f.SetRowHeight(w.name, w.row, rowHeight(lines))
	w.row++
	return nil
}

// setTyped writes a cell as a number, a fraction (for a percent format), a
// date or text.
func setTyped(f *excelize.File, name, cell, text, kind string) error {
	if cellKind(text) == kind {
		switch kind {
		case KindNumber:
			v, _ := parseNumber(text)
			return f.SetCellFloat(name, cell, v, -1, 64)
		case KindPercent:
			v, _ := parseNumber(strings.TrimSuffix(text, "%"))
			return f.SetCellFloat(name, cell, v/100, -1, 64)
		case KindDate:
			t, _ := time.Parse(time.DateOnly, text)
			return f.SetCellValue(name, cell, t)
		}
	}
	if text == "" {
		return nil
	}
	return setText(f, name, cell, text)
}

// setText writes a text cell. A form's marks (☑ □ ▲) get runs of their own
// in the fonts Word gets them in (markFont), so that □ beside ☑ is not
// left to a suite's fallback, which printed it as a dot.
func setText(f *excelize.File, name, cell, text string) error {
	if !strings.ContainsFunc(text, isFormMark) {
		return f.SetCellStr(name, cell, text)
	}
	var runs []excelize.RichTextRun
	for _, piece := range splitMarks(text) {
		family := "宋体"
		if r := []rune(piece)[0]; isFormMark(r) {
			family = markFont(r)
		}
		runs = append(runs, excelize.RichTextRun{Text: piece, Font: &excelize.Font{Family: family, Size: 11}})
	}
	return f.SetCellRichText(name, cell, runs)
}

// displayWidth is how many of Excel's width units a text takes: two for a
// Chinese character, one for a Latin one.
func displayWidth(s string) float64 {
	n := 0.0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// The printable width of an A4 sheet with Excel's default margins (0.7″
// each side), and the width of a column unit with 11-point text.
const (
	landscapeMM = 297 - 2*17.8
	portraitMM  = 210 - 2*17.8
	xlsxUnitMM  = 1.9
)

// xlsxTable is a sheet's 11-point text, for the layout the PDF shares,
// with a unit of room each side as the content widths have.
var xlsxTable = tableStyle{size: 11, line: 14.5 * 25.4 / 72, pad: xlsxUnitMM}

// xlsxLeastScale is the smallest a sheet is shrunk to fit its page: 11-point
// text at 75 % still reads as 8 points.
const xlsxLeastScale = 0.75

// xlsxWidths sizes the columns from their content: the longest line of a
// cell, up to 50 units (longer text wraps), the header's widest word, and
// the column's Width as a floor. A table so wide that its page (pageMM)
// would shrink it below xlsxLeastScale, too small to read, is laid out as
// on a PDF page of that width instead: short cells on one line, long texts
// wrapping.
func xlsxWidths(s Section, pageMM float64) []float64 {
	out := make([]float64, len(s.Columns))
	m := bundled()
	for i, c := range s.Columns {
		head := 0.0
		for _, u := range headerUnits(m, c.Title, 72/25.4) {
			head = max(head, displayWidth(c.Title[u.start:u.end]))
		}
		// A header of up to eight characters on one line; a longer one
		// on two, broken between its words.
		whole := displayWidth(c.Title)
		if whole > 16 {
			whole = math.Ceil(whole / 2)
		}
		out[i] = max(head, whole, c.Width)
	}
	for row, r := range s.Rows {
		if s.span(row) {
			continue
		}
		for i := range min(len(r), len(out)) {
			for line := range strings.SplitSeq(r[i], "\n") {
				out[i] = max(out[i], min(displayWidth(line), 50))
			}
		}
	}
	for i := range out {
		out[i] += 2
	}
	room := pageMM / xlsxLeastScale
	if sum(out) <= room/xlsxUnitMM {
		return out
	}
	for i, mm := range columnWidths(s, room, xlsxTable) {
		out[i] = mm / xlsxUnitMM
	}
	return out
}

// lineCount is how many lines a text wraps to in a column width units wide.
func lineCount(text string, width float64) int {
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		n += max(1, int(math.Ceil(displayWidth(line)/max(width-1.5, 1))))
	}
	return n
}

// rowHeight is the height in points of a row of lines of 11-point text.
func rowHeight(lines int) float64 { return float64(lines)*14.5 + 4 }

// pageSetup sets A4 landscape fitted to the width, or for a form (a table
// with its own signature block: one union's 改革自评表) A4 portrait on one
// page, as the form is on paper.
func pageSetup(f *excelize.File, name string, headerRow int, lastCol string, lastRow int, form bool) error {
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: headerRow,
		TopLeftCell: fmt.Sprintf("A%d", headerRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	size, orientation, fit := 9, "landscape", true // 9 = A4
	one, tall := 1, 0                              // tall: pages down, 0 as many as it takes
	if form {
		orientation, tall = "portrait", 1
	}
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation,
		FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页 / 共 &N 页"}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area",
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", name, lastCol, max(lastRow, headerRow)), Scope: name}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", name, headerRow, headerRow), Scope: name})
}
