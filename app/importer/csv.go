package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// readCSV reads a CSV roster. Excel on a Chinese Windows saves CSV in GBK,
// so text that is not valid UTF-8 is decoded as GB18030.
func readCSV(b []byte) (*Table, error) {
	if bytes.IndexByte(b, 0) >= 0 {
		return nil, ErrNotTable
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
		if err != nil {
			return nil, ErrNotTable
		}
		b = decoded
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = false
	if first, _, _ := strings.Cut(string(b), "\n"); !strings.Contains(first, ",") && strings.Contains(first, "\t") {
		r.Comma = '\t'
	}
	var g grid
	for {
		rec, err := r.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, ErrNotTable
		}
		if len(g) >= MaxRows+headerLookout {
			return nil, ErrTooManyRows
		}
		g = append(g, rec)
	}
	return g.table()
}
