package report

import (
	"math"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"tuanxue/assets"
)

// Substitute stands where the bundled font has no glyph for a character:
// 〓 (geta), the mark Chinese typesetting uses for a missing character.
const Substitute = '〓'

// fontMetrics are the advance widths of the bundled font, read once, for
// every character of the Basic Multilingual Plane it covers. fpdf keeps
// widths in thousandths of an em, rounded; so do we, so that what we measure
// is what fpdf draws.
type fontMetrics struct {
	advance []uint16 // per BMP rune, in 1/1000 em
	covered []bool   // per BMP rune: the font has a glyph
}

var bundled = sync.OnceValue(func() *fontMetrics {
	m := &fontMetrics{advance: make([]uint16, 1<<16), covered: make([]bool, 1<<16)}
	f, err := sfnt.Parse(assets.Font)
	if err != nil {
		return m // the font is tested in assets; nothing is covered here
	}
	var buf sfnt.Buffer
	upem := float64(f.UnitsPerEm())
	for r := rune(0); r < 1<<16; r++ {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			continue
		}
		adv, err := f.GlyphAdvance(&buf, g, fixed.Int26_6(f.UnitsPerEm()), 0)
		if err != nil {
			continue
		}
		m.covered[r] = true
		m.advance[r] = uint16(math.Round(1000 * float64(adv) / upem))
	}
	return m
})

// drawnMarks are the check boxes of the forms, drawn as lines because the
// font has no ☑; they are as wide as checkBox.
const checkBox = 3.6 // mm

func isDrawnMark(r rune) bool { return r == '☑' || r == '□' }

// isPaintedMark: the marks the PDF paints: the check boxes, which the font
// lacks, and ▲, painted over the font's own glyph (a speck that prints like
// "*"), whose width it keeps.
func isPaintedMark(r rune) bool { return isDrawnMark(r) || r == '▲' }

// covers tells whether a character prints: the font has it, or it is a check
// box we draw, or it is a line break.
func (m *fontMetrics) covers(r rune) bool {
	return r == '\n' || isDrawnMark(r) || (r >= 0 && r < 1<<16 && m.covered[r])
}

// runeWidth is a character's width in mm at size points.
func (m *fontMetrics) runeWidth(r rune, size float64) float64 {
	if isDrawnMark(r) {
		return checkBox
	}
	if r < 0 || r >= 1<<16 || !m.covered[r] {
		r = Substitute
	}
	return float64(m.advance[r]) * size / 1000 * 25.4 / 72
}

// width is the width of a string in mm at size points.
func (m *fontMetrics) width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += m.runeWidth(r, size)
	}
	return w
}

// printable replaces the characters the font lacks (characters outside the
// Basic Multilingual Plane such as 𠮷, emoji, rare CJK) by Substitute, and
// records them in missing; fpdf would draw a box for them, or panic.
func (m *fontMetrics) printable(s string, missing map[rune]bool) string {
	ok := true
	for _, r := range s {
		if !m.covers(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case m.covers(r):
		case r == '\t' || r == '\r':
			r = ' '
		case r < ' ' || r == 0xFEFF || r == 0x200B: // controls and invisible marks: nothing to see
			continue
		default:
			if missing != nil {
				missing[r] = true
			}
			r = Substitute
		}
		out = append(out, r)
	}
	return string(out)
}

// Unprintable lists the characters of a document that the bundled font
// cannot draw, in order: the PDF prints Substitute for each of them and
// says so under the last table; a window can warn before it is printed.
// Every text field of the document is looked at, including ones added later.
func Unprintable(d Document) []rune {
	m := bundled()
	missing := map[rune]bool{}
	eachString(reflect.ValueOf(d), func(s string) { m.printable(s, missing) })
	return sortedRunes(missing)
}

func sortedRunes(set map[rune]bool) []rune {
	out := make([]rune, 0, len(set))
	for r := range set {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// eachString calls f with every string inside v.
func eachString(v reflect.Value, f func(string)) {
	switch v.Kind() {
	case reflect.String:
		f(v.String())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				eachString(v.Field(i), f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			eachString(v.Index(i), f)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachString(v.Elem(), f)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			eachString(k, f)
			eachString(v.MapIndex(k), f)
		}
	}
}
