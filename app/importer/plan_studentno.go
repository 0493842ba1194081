package importer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"tuanxue/app"
)

var scientificNo = regexp.MustCompile(`^\d(\.\d+)?[eE][+]?\d+$`)

// parseStudentNo reads a 学号 cell. It returns the number as it will be
// stored, the key rows and records are matched by (the number in upper
// case: a2024777001 and A2024777001 are one person), a note when
// invisible characters were taken out, and a problem when the number
// cannot be trusted, naming the character that spoils it. The rules are
// app.NormalizeStudentNo's; the messages quote the cell safely.
func parseStudentNo(cell string) (no, key, note, problem string) {
	sc := scrub(cell)
	if len(sc.bad) > 0 {
		return "", "", "", badReason(sc.bad)
	}
	if len(sc.stripped) > 0 {
		note = strippedNote(sc.stripped)
	}
	no, msg := app.NormalizeStudentNo(sc.text)
	if msg == "" {
		return no, strings.ToUpper(no), note, ""
	}
	s := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, narrow(sc.text))
	s = strings.TrimSuffix(s, ".0")
	switch {
	case s == "":
		return "", "", note, "请填写学号"
	case scientificNo.MatchString(s):
		return "", "", note, fmt.Sprintf("学号%s是科学计数法，后几位已经丢失；请在 Excel 中把学号列设为“文本”后重新录入", Quote(s))
	}
	for _, r := range s {
		if r >= utf8.RuneSelf || !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return "", "", note, fmt.Sprintf("学号%s格式不对：其中的“%s”（U+%04X）不是数字或英文字母", Quote(s), Printable(string(r)), r)
		}
	}
	return "", "", note, fmt.Sprintf("学号%s格式不对：应为 4–20 位数字或字母，现在是 %d 位", Quote(s), utf8.RuneCountInString(s))
}
