package importer

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean narrows a cell (see narrow) and trims every kind of space around
// it, including the ideographic and no-break ones and a stray BOM.
func clean(s string) string {
	return strings.TrimFunc(narrow(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\ufeff'
	})
}

// narrow turns the full-width forms of ASCII (U+FF01–U+FF5E: digits, Latin
// letters, punctuation, as a Chinese input method types them) into ASCII,
// and an ideographic space into a plain one in a cell that is otherwise
// ASCII (a number such as ２０２０　０１). Everything else stays as
// written: full-width katakana, the middle dot of 阿依古丽・买买提, an
// ideographic space in a name.
func narrow(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r >= '\uff01' && r <= '\uff5e' || r == '\u3000' })
	if i < 0 {
		return s
	}
	ascii := true
	for _, r := range s {
		if r >= utf8.RuneSelf && !(r >= '\uff01' && r <= '\uff5e') && r != '\u3000' {
			ascii = false
			break
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r >= '\uff01' && r <= '\uff5e':
			r -= 0xff01 - 0x21
		case r == '\u3000' && ascii:
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// quoteRunes is how much of a value a message shows.
const quoteRunes = 40

// Quote shows a cell value inside a message: between “ ”, with control,
// escape, bidi and invisible characters written out (\x1b, \n, <U+202E>,
// <U+200B>) so that a value can neither move the cursor of a terminal,
// reverse the text around it nor hide a character, and cut to 40
// characters with “…”. Every message that repeats what a cell says should
// show it through Quote.
func Quote(s string) string {
	return "“" + Printable(s) + "”"
}

// Printable is Quote without the quotation marks.
func Printable(s string) string { return printable(s, quoteRunes) }

// PrintablePath is a file's path for a message: written out as Printable
// writes a value, but whole, since a teacher's file names are often longer
// than a value a message shows and the name is what tells the file.
func PrintablePath(path string) string { return printable(path, maxPathRunes) }

// maxPathRunes is more than any file system lets a path have.
const maxPathRunes = 4096

func printable(s string, limit int) string {
	var b strings.Builder
	for n := 0; s != ""; n++ {
		if n == limit {
			b.WriteString("…")
			break
		}
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case hidden(r):
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteRune(r)
		}
		s = s[size:]
	}
	return b.String()
}

// hidden tells the characters a message must not show as they are:
// controls, format characters (bidi overrides, zero-width spaces, BOM),
// line and paragraph separators, spaces that look like a plain one,
// private-use, surrogate and unassigned code points.
func hidden(r rune) bool {
	switch {
	case r == ' ' || r == '\u3000':
		return false
	case unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs, unicode.Zl, unicode.Zp, unicode.Zs):
		return true
	}
	return !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S)
}
