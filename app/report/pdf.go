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
)

// WritePDF prints a document on A4: portrait, or landscape when its tables
// print on fewer pages across; the bundled font embedded as a subset; title,
// subtitle and header lines; columns sized from their content; each table's
// header row repeated on every page; long cells wrapped by the rules of
// Chinese typesetting, never cut; page N / M at the foot; a signature line
// if asked. A character the font lacks prints as 〓 and is listed at the end.
func WritePDF(w io.Writer, d Document) (err error) {
	defer func() { // fpdf panics on some input; a report must never take the program down
		if r := recover(); r != nil {
			err = fmt.Errorf("PDF：无法生成（%v）", r)
		}
	}()
	orientation := "P"
	if landscape(d, pdfTable) {
		orientation = "L"
	}
	p := newPDF(orientation)
	p.SetTitle(d.Title, true)
	p.SetCreator("团学台账", true)
	p.SetLang("zh-CN")
	p.AliasNbPages("{nb}")
	p.SetMargins(pageMargin, pageMargin, pageMargin)
	p.SetAutoPageBreak(false, pageMargin)
	p.SetFooterFunc(func() {
		p.SetY(-12)
		p.SetFont(font, "", 8)
		p.SetTextColor(90, 90, 90)
		p.CellFormat(0, 5, fmt.Sprintf("第 %d 页 / 共 {nb} 页", p.PageNo()), "", 0, "C", false, 0, "")
	})
	pw := &pdfWriter{p: p, m: bundled(), missing: map[rune]bool{}}
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
	pw.missingNote()
	if err := p.Error(); err != nil {
		return fmt.Errorf("PDF：%w", err)
	}
	return p.Output(w)
}

// newPDF starts an A4 document with the bundled font. Text is set where it
// was measured: fpdf's own cell margin (1 mm) would move every line of a
// cell right past the padding the columns were sized with, "否" onto the
// rule.
func newPDF(orientation string) *fpdf.Fpdf {
	p := fpdf.New(orientation, "mm", "A4", "")
	p.AddUTF8FontFromBytes(font, "", assets.Font)
	p.SetCellMargin(0)
	return p
}

type pdfWriter struct {
	p       *fpdf.Fpdf
	m       *fontMetrics
	missing map[rune]bool // characters printed as 〓
	drawn   bool          // something is on the page below the heading
}

func (w *pdfWriter) bottom() float64 {
	_, h := w.p.GetPageSize()
	return h - 18
}

// top is where a page's content starts.
func (w *pdfWriter) top() float64 {
	_, t, _, _ := w.p.GetMargins()
	return t
}

func (w *pdfWriter) contentWidth() float64 {
	pw, _ := w.p.GetPageSize()
	l, _, r, _ := w.p.GetMargins()
	return pw - l - r
}

// size is the current font size in points.
func (w *pdfWriter) size() float64 {
	pt, _ := w.p.GetFontSize()
	return pt
}

// text writes one line in a cell of the given width, the characters the
// font lacks replaced.
func (w *pdfWriter) text(width, h float64, s, align string) {
	w.p.CellFormat(width, h, w.m.printable(s, w.missing), "", 0, align, false, 0, "")
}

func (w *pdfWriter) heading(d Document) {
	p := w.p
	p.SetFont(font, "", 16)
	p.SetTextColor(0, 0, 0)
	w.centred(d.Title, 9)
	if d.Subtitle != "" {
		p.SetFont(font, "", 9)
		p.SetTextColor(70, 70, 70)
		w.centred(d.Subtitle, 5)
	}
	p.SetTextColor(0, 0, 0)
	p.SetFont(font, "", bodySize)
	for _, f := range d.Header {
		w.wrapped(f.Label+"："+f.Value, w.contentWidth(), lineHeight)
	}
	p.Ln(2)
}

// centred writes a line, or several if it is too long, across the page.
func (w *pdfWriter) centred(s string, h float64) {
	l, _, _, _ := w.p.GetMargins()
	for _, line := range breakLines(w.m, s, w.contentWidth(), w.size()) {
		w.p.SetX(l)
		w.text(w.contentWidth(), h, line, "C")
		w.p.Ln(h)
	}
}

// wrap splits text into lines no wider than width at the current size.
func (w *pdfWriter) wrap(text string, width float64) []string {
	return breakLines(w.m, text, width, w.size())
}

func (w *pdfWriter) wrapped(text string, width, lh float64) {
	l, _, _, _ := w.p.GetMargins()
	for _, line := range w.wrap(text, width) {
		w.breakIfNeeded(lh)
		w.p.SetX(l)
		w.cellText(width, lh, line, "L")
		w.p.Ln(lh)
	}
}

func (w *pdfWriter) breakIfNeeded(h float64) bool {
	if w.p.GetY()+h > w.bottom() {
		size := w.size()
		w.p.AddPage()
		w.p.SetFont(font, "", size)
		return true
	}
	return false
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// Sizes of a text document's headings by level, and of its body text.
var headingSizes = [...]float64{10.5, 13, 12, 11}

func (w *pdfWriter) paragraph(para Paragraph) {
	p := w.p
	w.drawn = true
	level := para.level()
	p.SetFont(font, "", headingSizes[level])
	lh := 6.5
	if level > 0 {
		lh = 7
		w.breakIfNeeded(3 * lineHeight)
		p.Ln(2)
	}
	text, align := para.Text, "L"
	switch para.Align {
	case AlignRight:
		align = "R"
	case AlignLeft:
	default:
		if level == 0 {
			text = "　　" + text
		}
	}
	l, _, _, _ := p.GetMargins()
	for _, line := range w.wrap(text, w.contentWidth()) {
		w.breakIfNeeded(lh)
		p.SetX(l)
		w.cellText(w.contentWidth(), lh, line, align)
		p.Ln(lh)
	}
	p.SetFont(font, "", headingSizes[0])
}

func (w *pdfWriter) signature() {
	w.signatureLines([]string{"团委书记（签字）：＿＿＿＿＿＿＿＿　　　　（盖章）", "年　　月　　日"})
}

// signatureLines writes a signature block, right-aligned, kept together.
func (w *pdfWriter) signatureLines(lines []string) {
	p := w.p
	p.SetFont(font, "", 11)
	w.breakIfNeeded(8 + 7*float64(len(lines)))
	p.Ln(5)
	l, _, _, _ := p.GetMargins()
	for _, line := range lines {
		for _, part := range w.wrap(line, w.contentWidth()) {
			p.SetX(l)
			w.text(w.contentWidth(), 7, part, "R")
			p.Ln(7)
		}
	}
	p.SetFont(font, "", bodySize)
}

// missingNote says which characters printed as 〓, by code, for the teacher
// to write in by hand.
func (w *pdfWriter) missingNote() {
	if len(w.missing) == 0 {
		return
	}
	var codes []string
	for _, r := range sortedRunes(w.missing) {
		codes = append(codes, fmt.Sprintf("U+%04X", r))
	}
	w.p.SetFont(font, "", 9)
	w.p.SetTextColor(190, 0, 30)
	w.p.Ln(3)
	w.wrapped(fmt.Sprintf("注：字库中没有 %d 个字符（%s），已印作“%c”，请手写补正。", len(codes), strings.Join(codes, "、"), Substitute),
		w.contentWidth(), lineHeight)
	w.p.SetTextColor(0, 0, 0)
}
