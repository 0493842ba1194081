package importer

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A cell can carry characters nobody sees in Excel: a zero-width space
// pasted from a web page, a BOM, a bidi mark. Those are stripped, and the
// row says so. Characters that change what a screen or a terminal shows —
// a line break, an escape sequence, a bell, a bidi override that reverses
// the text around it — are a row error: a name holding them would print
// wrongly on every report.

// scrubbed is a cell after scrub.
type scrubbed struct {
	text     string
	stripped []rune // invisible characters taken out
	bad      []rune // control characters and bidi overrides found
}

// scrub takes the invisible characters out of s and finds the forbidden
// ones. Spaces that only look like a plain one (no-break and the like)
// become a plain space; the ideographic space stays as written.
func scrub(s string) scrubbed {
	var out scrubbed
	i := strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 || r < 0x20 || r == 0x7f })
	if i < 0 {
		out.text = s
		return out
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case forbidden(r):
			out.bad = addRune(out.bad, r)
			b.WriteRune(r)
		case invisible(r):
			out.stripped = addRune(out.stripped, r)
		case r != '\u3000' && unicode.Is(unicode.Zs, r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	out.text = strings.TrimSpace(b.String())
	return out
}

func addRune(rs []rune, r rune) []rune {
	for _, x := range rs {
		if x == r {
			return rs
		}
	}
	return append(rs, r)
}

// bidiControl: the embeddings, overrides and isolates that reorder the text
// around them (U+202A–U+202E, U+2066–U+2069).
func bidiControl(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }

// forbidden: control characters (line breaks, tab, escape, bell…), the
// line and paragraph separators, and the bidi controls.
func forbidden(r rune) bool {
	return unicode.IsControl(r) || r == 0x2028 || r == 0x2029 || bidiControl(r)
}

// invisible: format characters that show nothing (zero-width spaces and
// joiners, the BOM, bidi marks, the soft hyphen, tag characters) and the
// fillers that look like nothing.
func invisible(r rune) bool {
	switch r {
	case '\u00ad', '\u034f', '\u115f', '\u1160', '\u17b4', '\u17b5', '\u180e', '\u3164', '\uffa0':
		return true
	}
	return unicode.Is(unicode.Cf, r) && !bidiControl(r)
}

// runeNames are the characters a message names in words.
var runeNames = map[rune]string{
	0x00: "空字符 NUL", 0x07: "响铃符 BEL", 0x08: "退格符", 0x09: "制表符", 0x0a: "换行", 0x0b: "垂直制表符",
	0x0c: "换页符", 0x0d: "回车", 0x1b: "转义符 ESC", 0x7f: "删除符 DEL",
	0x2028: "行分隔符", 0x2029: "段分隔符",
	0x202a: "从左到右嵌入符 LRE", 0x202b: "从右到左嵌入符 RLE", 0x202c: "方向嵌入结束符 PDF",
	0x202d: "从左到右强制符 LRO", 0x202e: "从右到左强制符 RLO",
	0x2066: "从左到右隔离符 LRI", 0x2067: "从右到左隔离符 RLI", 0x2068: "方向隔离符 FSI", 0x2069: "方向隔离结束符 PDI",
	0x00ad: "软连字符", 0x061c: "阿拉伯字母标记", 0x180e: "蒙古文元音分隔符",
	0x200b: "零宽空格", 0x200c: "零宽不连字", 0x200d: "零宽连字", 0x200e: "从左到右标记 LRM", 0x200f: "从右到左标记 RLM",
	0x2060: "零宽不换行空格", 0xfeff: "零宽不换行空格（BOM）",
}

// runeName names a character for a message: 零宽空格（U+200B）.
func runeName(r rune) string {
	name, ok := runeNames[r]
	switch {
	case ok:
	case forbidden(r):
		name = "控制字符"
	default:
		name = "不可见字符"
	}
	return fmt.Sprintf("%s（U+%04X）", name, r)
}

func runeList(rs []rune) string {
	names := make([]string, 0, 3)
	for i, r := range rs {
		if i == 3 {
			names = append(names, "等")
			break
		}
		names = append(names, runeName(r))
	}
	return strings.Join(names, "、")
}

// badReason and strippedNote are what a row says about a scrubbed cell.
func badReason(rs []rune) string {
	var bidi, ctrl bool
	for _, r := range rs {
		if bidiControl(r) {
			bidi = true
		} else {
			ctrl = true
		}
	}
	kind := "控制字符"
	switch {
	case bidi && ctrl:
		kind = "控制字符和改变文字方向的字符"
	case bidi:
		kind = "改变文字方向的字符"
	}
	return fmt.Sprintf("含有%s：%s，请删去后再导入", kind, runeList(rs))
}

func strippedNote(rs []rune) string {
	return fmt.Sprintf("其中看不见的%s已去掉", runeList(rs))
}

// orgKey is the form of an organization's (or a department's) name that
// matching compares: NFKC (full-width letters and digits made plain),
// without any space or invisible character, letters in lower case. Two
// names with the same key are one organization.
func orgKey(s string) string {
	if plainKey(s) {
		return s // most names: nothing to change, and 20,000 rows name a few dozen
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) || invisible(r) || forbidden(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, norm.NFKC.String(s))
}

// plainKey: only CJK ideographs, lower-case letters and digits, which
// orgKey leaves as they are.
func plainKey(s string) bool {
	for _, r := range s {
		if !(r >= 0x4e00 && r <= 0x9fff || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// postKey is a post title as the rules compare it: NFKC, no spaces
// (干 事 is 干事).
func postKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
}

// excelErrors are the values Excel shows, and writes into a CSV, for a
// formula it could not work out.
var excelErrors = map[string]bool{
	"#N/A": true, "#REF!": true, "#VALUE!": true, "#NAME?": true, "#DIV/0!": true, "#NUM!": true,
	"#NULL!": true, "#SPILL!": true, "#CALC!": true, "#GETTING_DATA": true, "#FIELD!": true, "#BLOCKED!": true,
	"#UNKNOWN!": true, "#CONNECT!": true, "#BUSY!": true,
}

// excelError says why a cell holding an Excel error value is refused, or
// "": the value is no one's name, number or date.
func excelError(cell string) string {
	if !strings.HasPrefix(cell, "#") || !excelErrors[strings.ToUpper(cell)] {
		return ""
	}
	return fmt.Sprintf("单元格是 Excel 的错误值 %s（公式没有算出结果），请在 Excel 中改正后再导入", cell)
}

// nameKey is a person's name as two rows or a row and the record are
// compared: without spaces, in NFKC, with every middle dot the same
// (阿依古丽・买买提 and 阿依古丽·买买提 are one name).
func nameKey(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case strings.ContainsRune("·・･•‧∙⋅", r):
			return '·'
		}
		return r
	}, norm.NFKC.String(name))
}
