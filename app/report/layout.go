package report

import (
	"strconv"
	"strings"
	"time"
)

// What a cell holds, for alignment (numbers to the right) and for Excel
// (numbers, percentages and dates as such, not text).
const (
	KindText    = "text"    // and codes that look like numbers: 学号, phone numbers
	KindNumber  = "number"  // 3, 1.5
	KindPercent = "percent" // 90.2%
	KindDate    = "date"    // 2020-10-15
)

// EmptyNote is what an empty table or chart says, unless it says otherwise.
const EmptyNote = "本学期无记录"

// cellKind tells what a cell's text is. Whole numbers of more than six
// digits are codes (学号, 电话), not counts; so is anything with a leading
// zero.
func cellKind(s string) string {
	switch {
	case s == "":
		return ""
	case isDate(s):
		return KindDate
	case strings.HasSuffix(s, "%"):
		if _, ok := parseNumber(strings.TrimSuffix(s, "%")); ok {
			return KindPercent
		}
	default:
		if _, ok := parseNumber(s); ok {
			return KindNumber
		}
	}
	return KindText
}

func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// parseNumber reads a count or a decimal as the tables print them.
func parseNumber(s string) (float64, bool) {
	digits := strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(digits, ".")
	if whole == "" || len(whole) > 6 || (len(whole) > 1 && whole[0] == '0') || strings.Contains(frac, ".") {
		return 0, false
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// codeTitles name columns of codes that look like numbers.
var codeTitles = []string{"学号", "工号", "电话", "手机", "联系电话", "身份证号", "邮编", "QQ"}

// kinds works out each column's kind: the kind every filled cell of the
// column shares; a column of mixed cells, or of codes, is text.
func (s Section) kinds() []string {
	out := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		for _, t := range codeTitles {
			if c.Title == t {
				out[i] = KindText
			}
		}
		if out[i] != "" {
			continue
		}
		for row, r := range s.Rows {
			if i >= len(r) || s.span(row) {
				continue
			}
			k := cellKind(r[i])
			switch {
			case k == "" || k == out[i]:
			case out[i] == "":
				out[i] = k
			default:
				out[i] = KindText
			}
			if out[i] == KindText {
				break
			}
		}
		if out[i] == "" {
			out[i] = KindText
		}
	}
	return out
}

// rightAligned: numbers line up on their last digit.
func rightAligned(kind string) bool { return kind == KindNumber || kind == KindPercent }

// tableStyle is how a table's text is set: its size, the height of a line
// and the padding inside a cell, in points and mm.
type tableStyle struct {
	size, line, pad float64
}

var pdfTable = tableStyle{size: bodySize, line: lineHeight, pad: cellPad}

// columnWidths sizes a table's columns from their content to fill avail mm:
// each column at least as wide as its widest word (so no word is cut) and
// its header's widest word; names, dates and other short cells on one line
// when the room allows; then the room left shared in proportion to what
// each column needs to print its longest cell on one line (the automatic
// table layout of web browsers). A column's Width, when set, is a floor.
func columnWidths(s Section, avail float64, st tableStyle) []float64 {
	least, most := columnNeeds(s, avail, st)
	n := len(least)
	em := bundled().runeWidth('中', st.size)
	var sumLeast, sumMost float64
	for i := range n {
		sumLeast, sumMost = sumLeast+least[i], sumMost+most[i]
	}
	// Names, dates and short words stay on one line when the room allows:
	// the long texts wrap instead.
	if short := shortWidth(least, most, em); short <= avail {
		for i := range n {
			if most[i] <= shortCell*em {
				least[i] = most[i]
			}
		}
		sumLeast = short
	}
	widths := make([]float64, n)
	switch {
	case sumMost <= avail: // everything on one line; the rest shared out
		for i := range n {
			widths[i] = most[i] + (avail-sumMost)*most[i]/sumMost
		}
	case sumLeast >= avail: // too many columns: shrink them all alike
		for i := range n {
			widths[i] = least[i] * avail / sumLeast
		}
	default:
		for i := range n {
			widths[i] = least[i] + (avail-sumLeast)*(most[i]-least[i])/(sumMost-sumLeast)
		}
	}
	return widths
}

// columnNeeds measures each column, padding included: the least width (its
// widest word, or a third of the room for a long address) and the most (its
// longest cell on one line).
func columnNeeds(s Section, avail float64, st tableStyle) (least, most []float64) {
	m := bundled()
	n := len(s.Columns)
	least, most = make([]float64, n), make([]float64, n)
	em := m.runeWidth('中', st.size)
	for i, c := range s.Columns {
		least[i] = widest(m, c.Title, st.size, true)
		most[i] = max(least[i], longest(m, c.Title, st.size))
		if c.Width > 0 {
			least[i] = max(least[i], min(c.Width, 4)*em)
		}
	}
	for row, r := range s.Rows {
		if s.span(row) {
			continue // it takes the whole width, whatever the columns
		}
		for i := range min(n, len(r)) {
			if r[i] == "" {
				continue
			}
			least[i] = max(least[i], min(widest(m, r[i], st.size, false), avail/3))
			most[i] = max(most[i], longest(m, r[i], st.size))
		}
	}
	for i := range n {
		least[i] += 2 * st.pad
		most[i] = max(most[i]+2*st.pad, least[i])
	}
	return least, most
}

// shortWidth is the width a table needs for its short cells on one line
// and its long ones at their widest word.
func shortWidth(least, most []float64, em float64) float64 {
	w := 0.0
	for i := range least {
		if most[i] <= shortCell*em {
			w += most[i]
		} else {
			w += least[i]
		}
	}
	return w
}

// shortCell is the longest text, in characters, that a column keeps on one
// line before long texts get any room.
const shortCell = 10

// tableHeight is the height in mm a table takes at the given widths.
func tableHeight(s Section, widths []float64, st tableStyle) float64 {
	m := bundled()
	h := rowLines(s.Columns, widths, nil, st, true)
	for row, r := range s.Rows {
		if s.span(row) && len(r) > 0 {
			h += float64(len(breakLines(m, r[0], sum(widths)-2*st.pad, st.size)))
			continue
		}
		h += rowLines(s.Columns, widths, r, st, false)
	}
	return h * st.line
}

// rowLines counts the lines of a row's tallest cell.
func rowLines(cols []Column, widths []float64, cells []string, st tableStyle, header bool) float64 {
	m := bundled()
	lines := 1
	for i, w := range widths {
		var n int
		switch {
		case header:
			n = len(breakHeader(m, cols[i].Title, w-2*st.pad, st.size))
		case i < len(cells) && cells[i] != "":
			n = len(breakLines(m, cells[i], w-2*st.pad, st.size))
		}
		lines = max(lines, n)
	}
	return float64(lines)
}

// A4 in mm, and the printable width with our 15 mm margins.
const (
	a4Short, a4Long = 210.0, 297.0
	pageMargin      = 15.0
)

// landscape tells whether a document's tables need the page across: when
// their names, dates and short words would not fit side by side on one
// line along it, or when they print on fewer pages across.
func landscape(d Document, st tableStyle) bool {
	narrow, wide := a4Short-2*pageMargin, a4Long-2*pageMargin
	em := bundled().runeWidth('中', st.size)
	for _, s := range d.Sections {
		if least, most := columnNeeds(s, narrow, st); shortWidth(least, most, em) > narrow || squeezed(s, least, most, narrow, st) {
			return true
		}
	}
	pages := func(width, height float64) float64 {
		total := 0.0
		for _, s := range d.Sections {
			total += tableHeight(s, columnWidths(s, width, st), st)
		}
		return total / height
	}
	return pages(wide, a4Short-2*pageMargin-6) < 0.9*pages(narrow, a4Long-2*pageMargin-6)
}

// squeezed tells whether a table across the narrow page leaves a column of
// long texts (comments, findings) fewer than narrowText characters a line:
// a comment of a line or two would stand as a column of many short lines.
func squeezed(s Section, least, most []float64, avail float64, st tableStyle) bool {
	em := bundled().runeWidth('中', st.size)
	for i, w := range columnWidths(s, avail, st) {
		if most[i] > shortCell*em && w < min(most[i], narrowText*em) {
			return true
		}
	}
	return false
}

// narrowText is the fewest characters a line of long text gets before the
// page is turned.
const narrowText = 8
