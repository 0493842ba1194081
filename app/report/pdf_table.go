package report

import (
	"strings"

	"github.com/go-pdf/fpdf"
)

// pdfRow is a row laid out: each cell's lines, the row's height.
type pdfRow struct {
	lines  [][]string
	height float64
}

// layRow wraps each cell of a row to its column's width.
func (w *pdfWriter) layRow(widths []float64, cells []string, header bool) pdfRow {
	r := pdfRow{lines: make([][]string, len(widths))}
	n := 1
	for i, width := range widths {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		switch {
		case header:
			r.lines[i] = breakHeader(w.m, text, width-2*cellPad, bodySize)
		case text != "":
			r.lines[i] = breakLines(w.m, text, width-2*cellPad, bodySize)
		}
		n = max(n, len(r.lines[i]))
	}
	r.height = float64(n)*lineHeight + 1
	return r
}

// section draws a table across the page, its columns sized from their
// content; the header row comes again on each new page. A form's table may
// start a page of its own, with its legend and header lines above it and
// its signature lines below. A table with no rows says so under its header.
func (w *pdfWriter) section(s Section) {
	p := w.p
	if s.NewPage && w.drawn {
		p.AddPage()
	}
	w.drawn = true
	p.SetFont(font, "", bodySize)
	widths := columnWidths(s, w.contentWidth(), pdfTable)
	align := make([]string, len(s.Columns))
	for i, k := range s.kinds() {
		align[i] = "L"
		if rightAligned(k) {
			align[i] = "R"
		}
	}
	titles := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		titles[i] = c.Title
	}
	header := w.layRow(widths, titles, true)
	first := header.height + lineHeight + 1
	if len(s.Rows) > 0 {
		first = header.height + w.layRow(widths, s.Rows[0], false).height
	}
	// The caption, legend and header lines stay with the table's first row.
	above := 0.0
	if s.Caption != "" {
		above += 7
	}
	for _, text := range append(s.Notes, fieldLines(s.Header)...) {
		above += float64(len(w.wrap(text, w.contentWidth()))) * lineHeight
	}
	w.breakIfNeeded(above + first)
	if s.Caption != "" {
		p.SetFont(font, "", 11)
		w.text(0, 7, s.Caption, "L")
		p.Ln(7)
		p.SetFont(font, "", bodySize)
	}
	for _, text := range append(s.Notes, fieldLines(s.Header)...) {
		w.wrapped(text, w.contentWidth(), lineHeight)
	}
	w.row(widths, header, nil, true, false)
	if len(s.Rows) == 0 {
		w.row([]float64{sum(widths)}, pdfRow{lines: [][]string{{s.emptyNote()}}, height: lineHeight + 1}, []string{"C"}, false, false)
	}
	full := []float64{sum(widths)}
	for i, cells := range s.Rows {
		var r pdfRow
		if s.span(i) && len(cells) > 0 {
			r = w.layRow(full, cells[:1], false)
		} else {
			r = w.layRow(widths, cells, false)
		}
		if w.breakIfNeeded(r.height) {
			w.row(widths, header, nil, true, false) // the header again on the new page
		}
		if s.span(i) {
			w.row(full, r, []string{"L"}, false, s.alert(i))
			continue
		}
		w.row(widths, r, align, false, s.alert(i))
	}
	p.Ln(3)
	if len(s.Signature) > 0 {
		w.signatureLines(s.Signature)
	}
}

// fieldLines writes header fields as "label：value".
func fieldLines(fields []Field) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.Label + "：" + f.Value
	}
	return out
}

// row draws one row; every cell gets the row's full height so borders line
// up, and each cell's lines are set inside it.
func (w *pdfWriter) row(widths []float64, r pdfRow, align []string, header, alert bool) {
	p := w.p
	x, y := p.GetXY()
	switch {
	case header:
		p.SetFillColor(242, 220, 219)
		p.SetTextColor(0, 0, 0)
	case alert:
		p.SetTextColor(190, 0, 30)
	default:
		p.SetTextColor(0, 0, 0)
	}
	p.SetDrawColor(120, 120, 120)
	p.SetLineWidth(0.2)
	for i, width := range widths {
		style := "D"
		if header {
			style = "FD"
		}
		p.Rect(x, y, width, r.height, style)
		a := "C"
		if !header && i < len(align) {
			a = align[i]
		}
		for j, line := range r.lines[i] {
			p.SetXY(x+cellPad, y+0.5+float64(j)*lineHeight)
			w.cellText(width-2*cellPad, lineHeight, line, a)
		}
		x += width
	}
	p.SetTextColor(0, 0, 0)
	p.SetXY(x-sum(widths), y+r.height)
}

// cellText writes a line of a cell. The font has no ☑, which the reform
// forms print in their 结论 column, and its ▲ is a speck, so these marks
// are drawn in black: a box, a box with a solid tick, a filled triangle.
// The words between them are set as runs of text at exactly the place the
// line was measured for, fpdf's cell margin counted once for the whole
// line, so "☑是 □否" prints with each word right after its box.
func (w *pdfWriter) cellText(width, h float64, line, align string) {
	if !strings.ContainsFunc(line, isPaintedMark) {
		w.text(width, h, line, align)
		return
	}
	p := w.p
	x, y := p.GetXY()
	margin := p.GetCellMargin()
	switch lineW := w.m.width(line, w.size()); align {
	case "C":
		x += (width - lineW) / 2
	case "R":
		x += width - margin - lineW
	default:
		x += margin
	}
	p.SetCellMargin(0)
	defer p.SetCellMargin(margin)
	run := 0 // byte offset of the text run not yet written
	for i, r := range line {
		if !isPaintedMark(r) {
			continue
		}
		x = w.textRun(x, y, h, line[run:i])
		x = w.paintMark(r, x, y, h)
		run = i + len(string(r))
	}
	w.textRun(x, y, h, line[run:])
	p.SetXY(x, y)
}

// textRun writes s from x and returns where it ends.
func (w *pdfWriter) textRun(x, y, h float64, s string) float64 {
	if s == "" {
		return x
	}
	width := w.m.width(s, w.size())
	w.p.SetXY(x, y)
	w.text(width, h, s, "L")
	return x + width
}

// paintMark draws a check box or ▲ at x, in the colour of the text, and
// returns where the next character starts.
func (w *pdfWriter) paintMark(r rune, x, y, h float64) float64 {
	p := w.p
	dr, dg, db := p.GetDrawColor()
	lw := p.GetLineWidth()
	tr, tg, tb := p.GetTextColor()
	p.SetDrawColor(tr, tg, tb)
	p.SetFillColor(tr, tg, tb)
	defer func() {
		p.SetDrawColor(dr, dg, db)
		p.SetLineWidth(lw)
	}()
	advance := w.m.runeWidth(r, w.size())
	if r == '▲' { // over the font's own ▲, which keeps it in the text (copy, search)
		w.textRun(x, y, h, "▲")
		em := w.size() * 25.4 / 72
		side := 0.62 * em
		left, base := x+(advance-side)/2, y+h/2+0.36*side
		p.Polygon([]fpdf.PointType{{X: left, Y: base}, {X: left + side, Y: base}, {X: left + side/2, Y: base - 0.87*side}}, "F")
		return x + advance
	}
	box := checkBox - 0.6 // centred in its advance: a little air either side
	left, top := x+(checkBox-box)/2, y+(h-box)/2
	p.SetLineWidth(0.25)
	p.Rect(left, top, box, box, "D")
	if r == '☑' {
		p.SetLineWidth(0.55)
		p.SetLineCapStyle("round")
		p.SetLineJoinStyle("round")
		p.Line(left+0.55, top+1.5, left+1.2, top+2.35)
		p.Line(left+1.2, top+2.35, left+2.55, top+0.45)
		p.SetLineCapStyle("butt")
		p.SetLineJoinStyle("miter")
	}
	return x + advance
}
