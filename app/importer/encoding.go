package importer

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// decodeText turns the bytes of a text table into UTF-8. Excel saves CSV in
// UTF-8 (with a BOM), in the system's code page (GBK on a Chinese
// Windows), or as “Unicode text”: UTF-16 with a BOM and tabs. A file in
// another encoding (Big5 from a Taiwanese or Hong Kong template, a file
// pieced together from two) is refused rather than read as nonsense.
func decodeText(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		b = b[3:]
	case bytes.HasPrefix(b, []byte("\xff\xfe\x00\x00")), bytes.HasPrefix(b, []byte("\x00\x00\xfe\xff")):
		return "", refuse(ErrEncoding, "文件是 UTF-32 编码的文字：请在 Excel 中打开后另存为“CSV UTF-8（逗号分隔）”或 .xlsx 再导入")
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		return decodeUTF16(b[2:], unicode.LittleEndian)
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		return decodeUTF16(b[2:], unicode.BigEndian)
	}
	if bytes.IndexByte(b, 0) >= 0 {
		if e, ok := utf16Without(b); ok {
			return decodeUTF16(b, e)
		}
		return "", ErrNotTable
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	if cut := incompleteUTF8(b); cut > 0 && utf8.Valid(b[:len(b)-cut]) {
		return "", truncated(b[:len(b)-cut])
	}
	if utf8Share(b) >= 0.6 {
		bad := 0
		for utf8.FullRune(b[bad:]) {
			r, size := utf8.DecodeRune(b[bad:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			bad += size
		}
		return "", refuse(ErrEncoding, "文件第 %d 行有无法识别的文字：文件的其余部分是 UTF-8，这一行可能是从另一种编码的文件中复制来的。请在 Excel 中检查这一行，另存为“CSV UTF-8（逗号分隔）”或 .xlsx 再导入", bytes.Count(b[:bad], []byte("\n"))+1)
	}
	return decodeChinese(b)
}

// decodeUTF16 decodes UTF-16 text whose BOM, if any, is gone.
func decodeUTF16(b []byte, e unicode.Endianness) (string, error) {
	if len(b)%2 != 0 {
		s, _ := unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder().String(string(b[:len(b)-1]))
		return "", truncated([]byte(s))
	}
	s, err := unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder().String(string(b))
	if err != nil {
		return "", ErrEncoding
	}
	if i := strings.IndexRune(s, utf8.RuneError); i >= 0 {
		if i == len(s)-len(string(utf8.RuneError)) {
			return "", truncated([]byte(s[:i]))
		}
		return "", refuse(ErrEncoding, "文件第 %d 行有无法识别的文字：它可能已损坏，请在 Excel 中打开后另存为 .xlsx 再导入", lineOf(s, i))
	}
	if strings.IndexByte(s, 0) >= 0 {
		return "", ErrNotTable
	}
	return s, nil
}

// utf16Without tells whether text without a BOM is UTF-16, and its byte
// order, from where the zero bytes of its ASCII characters fall.
func utf16Without(b []byte) (unicode.Endianness, bool) {
	b = b[:min(len(b), 4096)]
	var even, odd int
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	switch {
	case odd > 4*even && odd >= len(b)/8:
		return unicode.LittleEndian, true
	case even > 4*odd && even >= len(b)/8:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

// incompleteUTF8 tells how many bytes at the end of b begin a UTF-8
// character that is not there: the file was cut inside it.
func incompleteUTF8(b []byte) int {
	for n := 1; n <= 3 && n <= len(b); n++ {
		c := b[len(b)-n]
		if c < 0x80 {
			return 0
		}
		if c >= 0xc0 { // the first byte of a character
			need := 2
			switch {
			case c >= 0xf0:
				need = 4
			case c >= 0xe0:
				need = 3
			}
			if need > n {
				return n
			}
			return 0
		}
	}
	return 0
}

// truncated says on which line a cut file ends.
func truncated(good []byte) error {
	return refuse(ErrTruncated, "文件不完整：它在第 %d 行中途结束，可能没有下载或复制完整，请重新获取文件", bytes.Count(good, []byte("\n"))+1)
}

func lineOf(s string, i int) int { return strings.Count(s[:i], "\n") + 1 }

// decodeChinese decodes text that is not UTF-8: GBK (GB18030) when it reads
// as such, and a clear refusal for Big5 or a mixture, which would read as
// GBK without an error but as nonsense. Common simplified characters are
// GB2312 pairs (both bytes 0xA1–0xFE); Big5 and UTF-8 text read as GBK fall
// outside far more often.
func decodeChinese(b []byte) (string, error) {
	gb, bad := decode(simplifiedchinese.GB18030, b)
	if bad >= 0 && bad == len(gb)-len(string(utf8.RuneError)) && isLead(b[len(b)-1]) {
		return "", truncated([]byte(gb[:bad]))
	}
	if bad < 0 && (gb2312Share(b) >= 0.85 || strings.Contains(gb, "姓名") && strings.Contains(gb, "学号")) {
		return gb, nil
	}
	if _, bad5 := decode(traditionalchinese.Big5, b); bad5 < 0 && big5Share(b) >= 0.9 {
		return "", refuse(ErrEncoding, "文件的文字编码不是 UTF-8 或 GBK，可能是繁体中文 Big5（台湾、香港的表格常用）：请在 Excel 中打开后另存为“CSV UTF-8（逗号分隔）”或 .xlsx 再导入")
	}
	if bad >= 0 {
		return "", refuse(ErrEncoding, "文件第 %d 行有无法识别的文字，它的编码不是 UTF-8 或 GBK：请在 Excel 中打开后另存为“CSV UTF-8（逗号分隔）”或 .xlsx 再导入", lineOf(gb, bad))
	}
	return "", ErrEncoding
}

// decode decodes b and tells where the first character it could not read
// is in the result, or -1.
func decode(e encoding.Encoding, b []byte) (string, int) {
	s, err := e.NewDecoder().String(string(b))
	if err != nil {
		return "", 0
	}
	return s, strings.IndexRune(s, utf8.RuneError)
}

// utf8Share is the share of the bytes above ASCII in b that form valid
// UTF-8 characters: nearly all in a UTF-8 file with a damaged line, few in
// GBK text.
func utf8Share(b []byte) float64 {
	var high, valid int
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size == 1:
			high++
		case size > 1:
			high += size
			valid += size
		}
		b = b[size:]
	}
	if high == 0 {
		return 0
	}
	return float64(valid) / float64(high)
}

func isLead(c byte) bool { return c >= 0x81 && c <= 0xfe }

// gb2312Share is the share of double-byte characters in b that are in
// GB2312, the common simplified characters and punctuation.
func gb2312Share(b []byte) float64 {
	var pairs, common int
	for i := 0; i+1 < len(b); i++ {
		c := b[i]
		if c < 0x80 {
			continue
		}
		if c >= 0x81 && c <= 0x84 && b[i+1] >= 0x30 && b[i+1] <= 0x39 { // a GB18030 four-byte character
			pairs++
			i += 3
			continue
		}
		pairs++
		if c >= 0xa1 && c <= 0xf7 && b[i+1] >= 0xa1 && b[i+1] <= 0xfe {
			common++
		}
		i++
	}
	if pairs == 0 {
		return 1
	}
	return float64(common) / float64(pairs)
}

// big5Share is the share of double-byte characters in b that are Big5
// characters (lead 0xA1–0xF9, trail 0x40–0x7E or 0xA1–0xFE).
func big5Share(b []byte) float64 {
	var pairs, big5 int
	for i := 0; i+1 < len(b); i++ {
		c := b[i]
		if c < 0x80 {
			continue
		}
		pairs++
		t := b[i+1]
		if c >= 0xa1 && c <= 0xf9 && (t >= 0x40 && t <= 0x7e || t >= 0xa1 && t <= 0xfe) {
			big5++
		}
		i++
	}
	if pairs == 0 {
		return 0
	}
	return float64(big5) / float64(pairs)
}
