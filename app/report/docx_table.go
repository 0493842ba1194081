package report

import (
	"fmt"
	"strings"
)

// section writes a table with what goes around it: a form's own page, its
// caption (a heading, so it is in the navigation pane), legend and header
// lines above it, its signature lines below.
func (x *docxWriter) section(s Section) {
	newPage := s.NewPage && x.drawn
	x.drawn = true
	above := []string{}
	above = append(above, s.Notes...)
	above = append(above, fieldLines(s.Header)...)
	if s.Caption != "" {
		x.para(pPr{style: "Heading1", keepNext: true, pageBreak: newPage}, s.Caption)
		newPage = false
	}
	for _, line := range above {
		x.para(pPr{keepNext: true, pageBreak: newPage}, line)
		newPage = false
	}
	if newPage {
		x.b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
	}
	x.table(s)
	if len(s.Signature) > 0 {
		x.signature(s.Signature)
	}
}

// table writes a ruled table: borders on the table itself (not only in its
// style, which some programs ignore), fixed column widths from the content,
// a header row repeated on every page, rows that do not split across pages,
// numbers right-aligned, alerts in red.
func (x *docxWriter) table(s Section) {
	st := x.page.table
	mm := columnWidths(s, x.page.width(), st)
	widths := make([]int, len(mm))
	total := 0
	for i, w := range mm {
		widths[i] = twips(w)
		total += widths[i]
	}
	b := &x.b
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>%s<w:tblLayout w:type="fixed"/>`, total, tableBorders)
	fmt.Fprintf(b, `<w:tblCellMar><w:left w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar>`, twips(docxCellMargin), twips(docxCellMargin))
	b.WriteString(`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString("</w:tblGrid>")

	// The header's lines are broken here, between words, so that Word does
	// not break a header inside a word.
	b.WriteString("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
	m := bundled()
	for i, c := range s.Columns {
		lines := breakHeader(m, c.Title, mm[i]-2*st.pad, st.size)
		x.cell(widths[i], 1, "F2DCDB", pPr{style: "TableText", align: "center"}, runProps{bold: true}, strings.Join(lines, "\n"))
	}
	b.WriteString("</w:tr>")
	if len(s.Rows) == 0 {
		b.WriteString("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
		x.cell(total, len(widths), "", pPr{style: "TableText", align: "center"}, runProps{}, s.emptyNote())
		b.WriteString("</w:tr>")
	}
	kinds := s.kinds()
	for i, r := range s.Rows {
		x.row(s, i, r, widths, total, kinds)
	}
	b.WriteString("</w:tbl>")
	// Two tables in a row would merge into one: a small paragraph between.
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableAfter"/></w:pPr></w:p>`)
}

// row writes a row of cells, or a group heading across the table.
func (x *docxWriter) row(s Section, i int, cells []string, widths []int, total int, kinds []string) {
	var r runProps
	if s.alert(i) {
		r.color = "BE001E"
	}
	x.b.WriteString("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
	if s.span(i) && len(cells) > 0 {
		x.cell(total, len(widths), "F2F2F2", pPr{style: "TableText"}, runProps{bold: true, color: r.color}, cells[0])
		x.b.WriteString("</w:tr>")
		return
	}
	for j, w := range widths {
		text, align := "", ""
		if j < len(cells) {
			text = cells[j]
		}
		if rightAligned(kinds[j]) {
			align = "right"
		}
		x.cell(w, 1, "", pPr{style: "TableText", align: align}, r, text)
	}
	x.b.WriteString("</w:tr>")
}

// cell writes a table cell of width twips spanning span grid columns.
func (x *docxWriter) cell(width, span int, fill string, p pPr, r runProps, text string) {
	b := &x.b
	fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, width)
	if span > 1 {
		fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
	}
	if fill != "" {
		fmt.Fprintf(b, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, fill)
	}
	b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
	x.paraRuns(p, r, text)
	b.WriteString("</w:tc>")
}

// tableBorders rule every table: thin black lines all round and between.
const tableBorders = `<w:tblBorders>` +
	`<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
	`<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
	`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
	`<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
	`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
	`<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
	`</w:tblBorders>`
