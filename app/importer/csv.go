package importer

import (
	"fmt"
	"strings"
	"unicode"
)

// readCSV reads a CSV (or tab-, semicolon-separated) roster. It reads the
// text itself rather than with encoding/csv, whose quote rules let one
// stray quote swallow every row up to the next quote: here a field opened
// by a quote may run over several lines only when it is closed as Excel
// closes it and none of its lines looks like a row of its own; otherwise
// the quote is kept as text, or, if the row then does not have the
// file's number of columns, the file is refused naming the row.
func readCSV(b []byte) (*Table, error) {
	text, err := decodeText(b)
	if err != nil {
		return nil, err
	}
	text = strings.TrimPrefix(text, "\ufeff")
	if strings.TrimSpace(text) == "" {
		return nil, refuse(ErrNoHeader, "文件是空的：%s", ErrNoHeader)
	}
	sep := sniffSeparator(text)
	p := &csvParser{s: text, sep: sep, width: modalWidth(text, sep), end: -1}
	g := &grid{}
	for line := 1; p.pos < len(p.s); line++ {
		cells, stray, err := p.record()
		if err != nil {
			return nil, err
		}
		if stray {
			if p.fields != p.width {
				return nil, refuse(ErrBadQuotes, "第 %d 行的引号没有配对，后面的几行会被读成这一行的一个单元格：请在 Excel 或记事本中检查这一行的引号（\"）后再导入", line)
			}
			g.notices = append(g.notices, fmt.Sprintf("第 %d 行有不成对的引号（\"），已当作文字读取，请核对这一行", line))
		}
		cut := p.pos >= len(p.s) && !p.eol && p.fields < p.width && p.fields > 1
		if len(cells) > MaxColumns {
			if !blankCells(cells[MaxColumns:]) {
				g.wide = append(g.wide, line)
			}
			cells = cells[:MaxColumns]
		}
		for i, c := range cells {
			cells[i] = clean(c)
		}
		if err := g.add(line, cells); err != nil {
			return nil, err
		}
		// A last row cut short is refused with the reason; said once, on
		// the row itself, or as a notice if the reader kept no row of it.
		if n := len(g.rows); cut && n > 0 && g.rows[n-1].line == line {
			g.rows[n-1].problem = fmt.Sprintf("文件在这一行中途结束（只有 %d 列，少于其他行的 %d 列），它的最后一格可能也不完整：请核对文件是否完整", p.fields, p.width)
		} else if cut {
			g.notices = append(g.notices, fmt.Sprintf("最后一行（第 %d 行）只有 %d 列，少于其他行的 %d 列：文件可能不完整，请核对", line, p.fields, p.width))
		}
	}
	return g.table()
}

func blankCells(cells []string) bool {
	for _, c := range cells {
		if clean(c) != "" {
			return false
		}
	}
	return true
}

// csvParser reads records from CSV text. Lines end with CRLF, LF or CR
// alone (old Macs); a cell with line breaks in it is quoted.
type csvParser struct {
	s     string
	sep   string
	width int  // the number of fields most lines have
	pos   int  // where the next record starts
	eol   bool // the last record read ended with a line break
	// scanned counts the bytes read inside quotes; a file whose quotes
	// make the reader go over its text more than a few times is refused.
	scanned, budget int
	endFrom, end    int // the line ending at end was found from endFrom
	fields          int // in the last record read
}

var errTooManyQuotes = refuse(ErrBadQuotes, "文件中有大量不成对的引号（\"）：请在 Excel 中打开它，另存为 .xlsx 后再导入")

// record reads the record at p.pos: its fields, and whether a quote in it
// could not be paired and was read as text (the record then is the one
// line). Fields past MaxColumns are kept only to tell whether they are
// blank, up to a bound.
func (p *csvParser) record() (fields []string, stray bool, err error) {
	start := p.pos
	if p.budget == 0 {
		p.budget = 4*len(p.s) + 1<<20
	}
	if p.scanned > p.budget {
		return nil, false, errTooManyQuotes
	}
	if fields, ok := p.strict(); ok {
		return fields, false, nil
	}
	p.pos = start
	return p.literal(), true, nil
}

// strict reads a record by the CSV rules. It fails when a quoted field is
// not closed, is closed with something after the quote, or runs over a
// line that holds as many separators as a row, or when a record with a
// field over several lines has not the file's number of fields: a stray
// quote.
func (p *csvParser) strict() ([]string, bool) {
	var fields []string
	lines := false
	for {
		var f string
		if strings.HasPrefix(p.s[p.pos:], `"`) {
			var ok bool
			if f, ok = p.quoted(false); !ok {
				return nil, false
			}
			lines = lines || strings.Contains(f, "\n")
		} else {
			f = p.plain()
		}
		fields = p.appendField(fields, f)
		if p.endOfRecord() {
			return fields, !lines || p.fields == p.width
		}
		p.pos += len(p.sep)
	}
}

// literal reads the rest of the line at p.pos, a quote that cannot be
// paired within the line taken as text.
func (p *csvParser) literal() []string {
	var fields []string
	for {
		var f string
		start := p.pos
		ok := false
		if strings.HasPrefix(p.s[p.pos:], `"`) {
			f, ok = p.quoted(true)
		}
		if !ok {
			p.pos = start
			f = p.plain()
		}
		fields = p.appendField(fields, f)
		if p.endOfRecord() {
			return fields
		}
		p.pos += len(p.sep)
	}
}

// appendField keeps a field; past a bound only whether the rest is blank
// matters, so a line of a million commas keeps little.
func (p *csvParser) appendField(fields []string, f string) []string {
	if len(fields) == 0 {
		p.fields = 0
	}
	p.fields++
	if len(fields) > MaxColumns {
		if strings.TrimSpace(f) != "" && fields[MaxColumns] == "" {
			fields[MaxColumns] = f
		}
		return fields
	}
	return append(fields, f)
}

// plain reads an unquoted field: up to the separator or the line's end.
// A quote inside it is text.
func (p *csvParser) plain() string {
	rest := p.s[p.pos:p.lineEnd()]
	if i := strings.Index(rest, p.sep); i >= 0 {
		rest = rest[:i]
	}
	p.pos += len(rest)
	return rest
}

// lineEnd is where the line at p.pos ends, found once per line (a line of
// millions of fields must not be searched again for each).
func (p *csvParser) lineEnd() int {
	if p.pos < p.endFrom || p.pos > p.end {
		p.endFrom = p.pos
		if i := strings.IndexAny(p.s[p.pos:], "\r\n"); i >= 0 {
			p.end = p.pos + i
		} else {
			p.end = len(p.s)
		}
	}
	return p.end
}

// quoted reads a field that starts with a quote, which must be closed by
// a quote followed by the separator, a line break or the end of the text.
// A field over several lines (never when oneLine) must not hold a line
// that has as many separators as a row: that line is a row of its own.
func (p *csvParser) quoted(oneLine bool) (string, bool) {
	var b strings.Builder
	i := p.pos + 1
	defer func() { p.scanned += i - p.pos }()
	for i < len(p.s) {
		if p.scanned+i-p.pos > p.budget {
			return "", false
		}
		switch c := p.s[i]; {
		case c == '"' && strings.HasPrefix(p.s[i+1:], `"`):
			b.WriteByte('"')
			i += 2
		case c == '"':
			rest := p.s[i+1:]
			if rest != "" && rest[0] != '\r' && rest[0] != '\n' && !strings.HasPrefix(rest, p.sep) {
				return "", false
			}
			p.pos = i + 1
			return b.String(), true
		case c == '\r' || c == '\n':
			if oneLine {
				return "", false
			}
			if c == '\r' && strings.HasPrefix(p.s[i+1:], "\n") {
				i++
			}
			i++
			b.WriteByte('\n')
			next := p.s[i:]
			if end := strings.IndexAny(next, "\r\n"); end >= 0 {
				next = next[:end]
			}
			if strings.Count(next, p.sep) >= max(1, p.width-1) {
				return "", false
			}
		default:
			b.WriteByte(c)
			i++
		}
	}
	return "", false
}

// endOfRecord tells whether p.pos is at a line break or the end, and
// steps over the line break.
func (p *csvParser) endOfRecord() bool {
	switch {
	case p.pos >= len(p.s):
		p.eol = false
		return true
	case strings.HasPrefix(p.s[p.pos:], "\r\n"):
		p.pos += 2
	case p.s[p.pos] == '\r' || p.s[p.pos] == '\n':
		p.pos++
	default:
		return false
	}
	p.eol = true
	return true
}

// sniffSeparator tells the separator from the first lines: the one that
// splits them into the most known column names; a comma if none does.
func sniffSeparator(text string) string {
	best, bestScore := ",", 0
	for _, sep := range []string{",", "\t", ";", "，", "|"} {
		found := map[Column]bool{}
		lines := 0
		for line := range physicalLines(text) {
			if lines++; lines > headerLookout+maxHeaderRows {
				break
			}
			for _, f := range strings.SplitN(line[:min(len(line), 8192)], sep, MaxColumns+1) {
				if c, ok := headerName(strings.Trim(f, `"`)); ok {
					found[c] = true
				}
			}
		}
		if len(found) > bestScore {
			best, bestScore = sep, len(found)
		}
	}
	return best
}

// modalWidth is the number of fields most non-blank lines have, counting
// every separator (as if no field were quoted).
func modalWidth(text, sep string) int {
	counts := map[int]int{}
	best := 1
	for line := range physicalLines(text) {
		if strings.TrimFunc(line, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(sep, r) }) == "" {
			continue
		}
		n := strings.Count(line, sep) + 1
		counts[n]++
		if counts[n] > counts[best] || counts[n] == counts[best] && n < best {
			best = n
		}
	}
	return best
}

// physicalLines yields the lines of text, ended by CRLF, LF or CR.
func physicalLines(text string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for text != "" {
			end := strings.IndexAny(text, "\r\n")
			if end < 0 {
				yield(text)
				return
			}
			if !yield(text[:end]) {
				return
			}
			if strings.HasPrefix(text[end:], "\r\n") {
				end++
			}
			text = text[end+1:]
		}
	}
}
