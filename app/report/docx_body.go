package report

import (
	"encoding/xml"
	"fmt"
	"math"
	"strings"
)

// twips converts mm to twentieths of a point, Word's unit of length.
func twips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

// emu converts mm to English Metric Units, DrawingML's unit of length.
func emu(mm float64) int { return int(math.Round(mm * 36000)) }

// pPr is what a paragraph sets beyond its style.
type pPr struct {
	style     string
	align     string // left, center, right; "" from the style
	keepNext  bool
	pageBreak bool // starts a new page
	before    bool // a little room above (a signature block)
}

func (p pPr) xml() string {
	var b strings.Builder
	b.WriteString("<w:pPr>")
	if p.style != "" {
		fmt.Fprintf(&b, `<w:pStyle w:val="%s"/>`, p.style)
	}
	if p.keepNext {
		b.WriteString("<w:keepNext/>")
	}
	if p.pageBreak {
		b.WriteString("<w:pageBreakBefore/>")
	}
	if p.before {
		b.WriteString(`<w:spacing w:before="240"/>`)
	}
	if p.align != "" {
		fmt.Fprintf(&b, `<w:jc w:val="%s"/>`, p.align)
	}
	b.WriteString("</w:pPr>")
	return b.String()
}

// runProps is what a run sets beyond its paragraph's style.
type runProps struct {
	bold  bool
	color string  // RRGGBB
	size  float64 // points; 0 from the style
}

func (r runProps) xml(mark rune) string {
	if !r.bold && r.color == "" && r.size == 0 && mark == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<w:rPr>")
	if f := markFont(mark); f != "" {
		fmt.Fprintf(&b, `<w:rFonts w:ascii="%[1]s" w:eastAsia="%[1]s" w:hAnsi="%[1]s" w:cs="%[1]s" w:hint="eastAsia"/>`, f)
	}
	if r.bold {
		b.WriteString("<w:b/>")
	}
	if r.color != "" {
		fmt.Fprintf(&b, `<w:color w:val="%s"/>`, r.color)
	}
	if r.size > 0 {
		fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, int(r.size*2), int(r.size*2))
	}
	b.WriteString("</w:rPr>")
	return b.String()
}

// para writes a paragraph of one run of text.
func (x *docxWriter) para(p pPr, text string) { x.paraRuns(p, runProps{}, text) }

// paraRuns writes a paragraph whose text is set with r; line breaks in the
// text stay line breaks, check boxes get a symbol font.
func (x *docxWriter) paraRuns(p pPr, r runProps, text string) {
	b := &x.b
	b.WriteString("<w:p>")
	b.WriteString(p.xml())
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("<w:r><w:br/></w:r>")
		}
		for _, piece := range splitMarks(line) {
			mark := []rune(piece)[0]
			if !isFormMark(mark) {
				mark = 0
			}
			fmt.Fprintf(b, `<w:r>%s<w:t xml:space="preserve">`, r.xml(mark))
			xml.EscapeText(b, []byte(piece))
			b.WriteString("</w:t></w:r>")
		}
	}
	b.WriteString("</w:p>")
}

// markFont is the font a form's mark is set in, the same in Word and
// Excel: Segoe UI Symbol, which every Windows since 7 has, with ☑, □ and ▲
// of one size (宋体 lacks ☑). Left to an office suite's fallback, □ came out
// as a dot beside a full ☑, and ▲ as a speck.
func markFont(mark rune) string {
	switch mark {
	case '☑', '□', '▲':
		return "Segoe UI Symbol"
	}
	return ""
}

func isFormMark(r rune) bool { return markFont(r) != "" }

// splitMarks cuts a line into runs of text and single marks (☑ □ ▲).
func splitMarks(line string) []string {
	var out []string
	start := 0
	for i, r := range line {
		if !isFormMark(r) {
			continue
		}
		if i > start {
			out = append(out, line[start:i])
		}
		out = append(out, string(r))
		start = i + len(string(r))
	}
	if start < len(line) {
		out = append(out, line[start:])
	}
	return out
}

// picture writes chart picture n (word/media/chartN.png), w × h mm, centred.
func (x *docxWriter) picture(n int, w, h float64, title string) {
	cx, cy := emu(w), emu(h)
	b := &x.b
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:drawing>`)
	fmt.Fprintf(b, `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/>`, cx, cy)
	fmt.Fprintf(b, `<wp:docPr id="%d" name="图表 %d" descr="`, n, n)
	xml.EscapeText(b, []byte(title))
	b.WriteString(`"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`)
	b.WriteString(`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`)
	fmt.Fprintf(b, `<pic:nvPicPr><pic:cNvPr id="%d" name="chart%d.png"/><pic:cNvPicPr/></pic:nvPicPr>`, n, n)
	fmt.Fprintf(b, `<pic:blipFill><a:blip r:embed="rIdChart%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`, n)
	fmt.Fprintf(b, `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm>`, cx, cy)
	b.WriteString(`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`)
}

// sectPr ends the body with the page: A4 either way, margins, the footer.
func (x *docxWriter) sectPr() {
	g := x.page
	w, h, orient := twips(a4Short), twips(a4Long), ""
	if g.landscape {
		w, h, orient = h, w, ` w:orient="landscape"`
	}
	fmt.Fprintf(&x.b, `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>`+
		`<w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`+
		`<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>`,
		w, h, orient, twips(g.top), twips(g.right), twips(g.bottom), twips(g.left), twips(min(g.bottom-8, 28)))
}
