package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/go-pdf/fpdf"

	"tuanxue/assets"
)

const (
	font       = "wqy"
	bodySize   = 9.5
	lineHeight = 5.2 // mm per line of body text
	cellPad    = 1.2
	charWidth  = 3.4 // mm per CJK character at the body size
)

// WritePDF prints a document on A4: portrait, or landscape when a table is
// too wide; the bundled font embedded as a subset; title, subtitle and
// header lines; each table's header row repeated on every page; long cells
// wrapped, never cut; page N / M at the foot; a signature line if asked.
func WritePDF(w io.Writer, d Document) error {
	// A character is about 3.4 mm at the body size: a table wider than a
	// portrait page's 180 mm turns the page.
	orientation := "P"
	for _, s := range d.Sections {
		if s.width()*charWidth > 180 {
			orientation = "L"
		}
	}
	p := fpdf.New(orientation, "mm", "A4", "")
	p.AddUTF8FontFromBytes(font, "", assets.Font)
	p.SetTitle(d.Title, true)
	p.SetCreator("团学台账", true)
	p.AliasNbPages("{nb}")
	p.SetMargins(15, 15, 15)
	p.SetAutoPageBreak(false, 15)
	p.SetFooterFunc(func() {
		p.SetY(-12)
		p.SetFont(font, "", 8)
		p.SetTextColor(90, 90, 90)
		p.CellFormat(0, 5, fmt.Sprintf("第 %d 页 / 共 {nb} 页", p.PageNo()), "", 0, "C", false, 0, "")
	})
	pw := &pdfWriter{p: p}
	p.AddPage()
	pw.heading(d)
	for _, s := range d.Sections {
		pw.section(s)
	}
	for _, para := range d.Paragraphs {
		pw.paragraph(para)
	}
	for _, c := range d.Charts {
		pw.chart(c)
	}
	if d.Signature {
		pw.signature()
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("PDF：%w", err)
	}
	return p.Output(w)
}

type pdfWriter struct {
	p *fpdf.Fpdf
}

func (w *pdfWriter) bottom() float64 {
	_, h := w.p.GetPageSize()
	return h - 18
}

func (w *pdfWriter) contentWidth() float64 {
	pw, _ := w.p.GetPageSize()
	l, _, r, _ := w.p.GetMargins()
	return pw - l - r
}

func (w *pdfWriter) heading(d Document) {
	p := w.p
	p.SetFont(font, "", 16)
	p.SetTextColor(0, 0, 0)
	p.CellFormat(0, 9, d.Title, "", 1, "C", false, 0, "")
	if d.Subtitle != "" {
		p.SetFont(font, "", 9)
		p.SetTextColor(70, 70, 70)
		p.CellFormat(0, 5, d.Subtitle, "", 1, "C", false, 0, "")
	}
	p.SetTextColor(0, 0, 0)
	p.SetFont(font, "", bodySize)
	for _, f := range d.Header {
		w.wrapped(f.Label+"："+f.Value, w.contentWidth(), lineHeight)
	}
	p.Ln(2)
}

// wrap splits text into lines no wider than width, at any character (Chinese
// has no spaces to break at) and at line breaks.
func (w *pdfWriter) wrap(text string, width float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, r := range para {
			if line != "" && w.p.GetStringWidth(line+string(r)) > width {
				lines = append(lines, line)
				line = ""
			}
			line += string(r)
		}
		lines = append(lines, line)
	}
	return lines
}

func (w *pdfWriter) wrapped(text string, width, lh float64) {
	l, _, _, _ := w.p.GetMargins()
	for _, line := range w.wrap(text, width) {
		w.breakIfNeeded(lh)
		w.p.SetX(l)
		w.cellText(width, line, "L")
		w.p.Ln(lh)
	}
}

func (w *pdfWriter) breakIfNeeded(h float64) bool {
	if w.p.GetY()+h > w.bottom() {
		w.p.AddPage()
		w.p.SetFont(font, "", bodySize)
		return true
	}
	return false
}

// section draws a table, scaled to the page width.
func (w *pdfWriter) section(s Section) {
	p := w.p
	if s.Caption != "" {
		w.breakIfNeeded(3 * lineHeight)
		p.SetFont(font, "", 11)
		p.CellFormat(0, 7, s.Caption, "", 1, "L", false, 0, "")
	}
	p.SetFont(font, "", bodySize)
	scale := w.contentWidth() / s.width()
	widths := make([]float64, len(s.Columns))
	header := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		widths[i], header[i] = colWidth(c)*scale, c.Title
	}
	w.row(widths, header, true, false)
	for i, r := range s.Rows {
		if w.breakIfNeeded(w.rowHeight(widths, r)) {
			w.row(widths, header, true, false) // the header again on the new page
		}
		w.row(widths, r, false, s.alert(i))
	}
	p.Ln(3)
}

func (w *pdfWriter) rowHeight(widths []float64, cells []string) float64 {
	lines := 1
	for i, c := range cells {
		if i < len(widths) {
			lines = max(lines, len(w.wrap(c, widths[i]-2*cellPad)))
		}
	}
	return float64(lines)*lineHeight + 1
}

// row draws one row; every cell gets the row's full height so borders line
// up, and each cell's lines are wrapped inside it.
func (w *pdfWriter) row(widths []float64, cells []string, header, alert bool) {
	p := w.p
	h := w.rowHeight(widths, cells)
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
	for i := range widths {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		style := "D"
		if header {
			style = "FD"
		}
		p.SetDrawColor(120, 120, 120)
		p.Rect(x, y, widths[i], h, style)
		align := "L"
		if header {
			align = "C"
		}
		for j, line := range w.wrap(text, widths[i]-2*cellPad) {
			p.SetXY(x+cellPad, y+0.5+float64(j)*lineHeight)
			w.cellText(widths[i]-2*cellPad, line, align)
		}
		x += widths[i]
	}
	p.SetTextColor(0, 0, 0)
	p.SetXY(x-sum(widths), y+h)
}

// cellText writes a line of a cell. The font has no ☑, which the reform
// forms print in their 结论 column, so check boxes are drawn.
func (w *pdfWriter) cellText(width float64, line, align string) {
	if !strings.ContainsAny(line, "☑□") {
		w.p.CellFormat(width, lineHeight, line, "", 0, align, false, 0, "")
		return
	}
	p := w.p
	x, y := p.GetXY()
	box := 3.0
	for _, r := range line {
		switch r {
		case '☑', '□':
			p.Rect(x, y+1.1, box, box, "D")
			if r == '☑' {
				p.Line(x+0.6, y+2.6, x+1.3, y+3.5)
				p.Line(x+1.3, y+3.5, x+2.6, y+1.5)
			}
			x += box + 0.6
		default:
			s := string(r)
			p.SetXY(x, y)
			p.CellFormat(p.GetStringWidth(s), lineHeight, s, "", 0, "L", false, 0, "")
			x += p.GetStringWidth(s)
		}
	}
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

func (w *pdfWriter) paragraph(para Paragraph) {
	p := w.p
	if para.Heading {
		w.breakIfNeeded(3 * lineHeight)
		p.SetFont(font, "", 12)
		p.Ln(2)
		w.wrapped(para.Text, w.contentWidth(), 7)
		p.SetFont(font, "", 10.5)
		return
	}
	p.SetFont(font, "", 10.5)
	w.wrapped("　　"+para.Text, w.contentWidth(), 6.5)
}

func (w *pdfWriter) signature() {
	w.breakIfNeeded(20)
	p := w.p
	p.Ln(8)
	p.SetFont(font, "", 11)
	p.CellFormat(0, 7, "团委书记（签字）：＿＿＿＿＿＿＿＿　　　　（盖章）", "", 1, "R", false, 0, "")
	p.CellFormat(0, 7, "年　　月　　日", "", 1, "R", false, 0, "")
}
