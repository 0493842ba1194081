package report

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// drawnLine writes one line with cellText on a fresh page and returns the
// page's uncompressed content: where each box, tick and piece of text went.
func drawnLine(t *testing.T, line string) []byte {
	t.Helper()
	p := newPDF("P")
	p.SetCompression(false)
	p.AddPage()
	p.SetFont(font, "", bodySize)
	w := &pdfWriter{p: p, m: bundled(), missing: map[rune]bool{}}
	p.SetDrawColor(120, 120, 120) // a table's rules, as row sets them
	p.SetXY(20, 30)
	w.cellText(100, lineHeight, line, "L")
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	rectOp   = regexp.MustCompile(`([\d.]+) [\d.-]+ ([\d.]+) [\d.-]+ re`)
	textOp   = regexp.MustCompile(`BT ([\d.]+) [\d.]+ Td`)
	strokeOp = regexp.MustCompile(`([\d.]+) G\n`)
)

// The check boxes of the forms are drawn, and the words beside them are
// text: "☑是 □否" and "☑学生会/□研究生会" print with each word right after
// its box, as the form has them, never "☑ 学生会/" with the slash under
// the next box (fpdf's cell margin moved the text, not the boxes).
func TestCheckBoxesSitWithTheirWords(t *testing.T) {
	m := bundled()
	mm := func(pt string) float64 { v, _ := strconv.ParseFloat(pt, 64); return v * 25.4 / 72 }
	air := 0.3 // a box is centred in its advance, checkBox wide
	for _, c := range []struct {
		line  string
		words []string // the text between and after the boxes
	}{
		{"☑学生会/□研究生会", []string{"学生会/", "研究生会"}},
		{"☑是 □否", []string{"是 ", "否"}},
		{"□是 ☑否", []string{"是 ", "否"}},
	} {
		page := drawnLine(t, c.line)
		rects, texts := rectOp.FindAllSubmatch(page, -1), textOp.FindAllSubmatch(page, -1)
		if len(rects) != 2 || len(texts) != len(c.words) {
			t.Fatalf("%s: %d boxes and %d pieces of text:\n%s", c.line, len(rects), len(texts), page)
		}
		for i, word := range c.words {
			box, text := mm(string(rects[i][1]))-air, mm(string(texts[i][1]))
			if d := text - (box + checkBox); math.Abs(d) > 0.05 {
				t.Errorf("%s: %q starts %.2f mm after the end of its box", c.line, word, d)
			}
			if i+1 < len(rects) {
				next := mm(string(rects[i+1][1])) - air
				if d := next - (text + m.width(word, bodySize)); math.Abs(d) > 0.05 {
					t.Errorf("%s: the box after %q starts %.2f mm after it", c.line, word, d)
				}
			}
		}
		first := rectOp.FindIndex(page)[0]
		if colours := strokeOp.FindAllSubmatch(page[:first], -1); len(colours) == 0 || string(colours[len(colours)-1][1]) != "0.000" {
			t.Errorf("%s: the boxes are not drawn in black", c.line)
		}
	}
}

// A cell's text starts where the table's padding ends, as its column was
// measured, and a line as wide as the cell ends at its right padding.
func TestCellTextStartsWhereMeasured(t *testing.T) {
	for _, line := range []string{"学生会", "☑是 □否"} {
		page := drawnLine(t, line)
		first := textOp.FindSubmatch(page)
		if rect := rectOp.FindSubmatch(page); rect != nil && rectOp.FindIndex(page)[0] < textOp.FindIndex(page)[0] {
			first = rect
		}
		if x, _ := strconv.ParseFloat(string(first[1]), 64); math.Abs(x*25.4/72-20-boxAir(line)) > 0.05 {
			t.Errorf("%s starts at %.2f mm, want 20", line, x*25.4/72)
		}
	}
}

func boxAir(line string) float64 {
	if isDrawnMark([]rune(line)[0]) {
		return 0.3
	}
	return 0
}

// ▲ is painted over the font's own glyph (a speck that prints like "*"),
// which stays in the text for copying and searching.
func TestTriangleIsPaintedAndKeptInTheText(t *testing.T) {
	page := drawnLine(t, "标注“▲”为观测指标")
	if !bytes.Contains(page, []byte(" l \nf\n")) {
		t.Error("no triangle painted")
	}
	text, _ := pdfText(t, Document{Title: "改革自评表", Sections: []Section{{Notes: []string{"标注“▲”为观测指标"},
		Columns: []Column{{Title: "指标"}}, Rows: [][]string{{"1."}}}}})
	if !strings.Contains(text, "标注“▲”为观测指标") {
		t.Errorf("▲ lost from the text:\n%s", text)
	}
}
