package importer

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The fuzz tests run with the seeds in testdata/fuzz and the corpus of
// testdata/hostile on every `go test`, and for a few seconds each in
// `make test` (`make fuzz`). Their invariants: the reader never panics,
// never takes more than a bounded amount of memory, and never loses a row
// without a word: every row of the input is in the Table, above its
// header, or named in a notice.

// maxAlloc bounds what one read of a small fuzz input may allocate.
func maxAlloc(input int) uint64 { return 64<<20 + 200*uint64(input) }

// measure reads b and fails if the read allocated more than maxAlloc.
func measure(t *testing.T, b []byte) (*Table, error) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	tbl, err := read(b)
	runtime.ReadMemStats(&after)
	if grown := after.TotalAlloc - before.TotalAlloc; grown > maxAlloc(len(b)) {
		t.Fatalf("reading %d bytes allocated %d MB", len(b), grown>>20)
	}
	return tbl, err
}

// addCorpus adds the files of testdata/hostile whose names end in one of
// exts as seeds.
func addCorpus(f *testing.F, exts ...string) {
	entries, _ := os.ReadDir(filepath.Join("testdata", "hostile"))
	for _, e := range entries {
		for _, ext := range exts {
			if strings.HasSuffix(e.Name(), ext) {
				b, err := os.ReadFile(filepath.Join("testdata", "hostile", e.Name()))
				if err != nil {
					f.Fatal(err)
				}
				f.Add(b)
			}
		}
	}
}

// checkTable holds for every Table: rows below the header in order,
// within MaxColumns, every cell cleaned and without a carriage return.
func checkTable(t *testing.T, tbl *Table) {
	t.Helper()
	last := tbl.HeaderLine
	for _, r := range tbl.Rows {
		if r.Line <= last {
			t.Fatalf("row %d after row %d (header ends at %d)", r.Line, last, tbl.HeaderLine)
		}
		last = r.Line
		if len(r.Cells) > MaxColumns {
			t.Fatalf("row %d has %d cells", r.Line, len(r.Cells))
		}
		for _, c := range r.Cells {
			if c != clean(c) {
				t.Fatalf("row %d: cell %q is not clean", r.Line, c)
			}
		}
	}
	for _, n := range tbl.Notices {
		if !utf8.ValidString(n) || strings.ContainsAny(n, "\x1b\r\n\u202e") {
			t.Fatalf("notice %q shows a raw control character", n)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	addCorpus(f, ".csv", ".txt", ".tsv", ".xls", ".pdf")
	f.Fuzz(func(t *testing.T, b []byte) {
		if bytes.HasPrefix(b, zipMagic) || bytes.HasPrefix(b, []byte("PK\x05\x06")) || bytes.HasPrefix(b, oleMagic) {
			return // FuzzReadXLSX's
		}
		tbl, err := measure(t, b)
		if err != nil {
			if err.Error() == "" || !utf8.ValidString(err.Error()) {
				t.Fatalf("refusal %q", err)
			}
			return
		}
		checkTable(t, tbl)
		// Every line that looks like a row (as many separators as most
		// lines, and text) starts a row of its own: it is a row of the
		// table, or the header or above it.
		text, err := decodeText(b)
		if err != nil {
			t.Fatalf("read, but cannot decode: %v", err)
		}
		sep := sniffSeparator(text)
		width := modalWidth(text, sep)
		rows := 0
		for line := range physicalLines(strings.TrimPrefix(text, "\ufeff")) {
			if strings.Count(line, sep) < max(1, width-1) {
				continue
			}
			for i, f := range strings.Split(line, sep) {
				if i >= MaxColumns {
					break
				}
				if clean(strings.Trim(f, `"`)) != "" {
					rows++
					break
				}
			}
		}
		if got := len(tbl.Rows) + tbl.HeaderLine; got < rows {
			t.Fatalf("%d lines look like rows, but %d rows and a header ending at %d were read:\n%q", rows, len(tbl.Rows), tbl.HeaderLine, text)
		}
	})
}

// FuzzReadXLSX builds a workbook from a sketch: one row per line, cells
// separated by commas, a row starting with ! hidden, merged ranges such
// as "A1:B2;C3:C9", the text in shared strings or inline. What is read
// must be exactly the sketch's visible rows below the header, with the
// hidden ones named.
func FuzzReadXLSX(f *testing.F) {
	f.Add([]byte("姓名,学号,所属组织\n张三,2020001,校学生会\n!李四,2020002\n王五,2020003"), "", true)
	f.Add([]byte("基本信息,,组织信息\n姓名,学号,所属组织\n张三,1,校学生会\n,2,"), "A1:B1;C3:C4", false)
	f.Fuzz(func(t *testing.T, sketch []byte, merges string, shared bool) {
		lines := strings.Split(string(sketch), "\n")
		if len(lines) > 200 {
			return
		}
		type sketchRow struct {
			line   int
			hidden bool
			cells  []string
		}
		var rows []sketchRow
		var sheet, sst strings.Builder
		strings_ := 0
		for i, l := range lines {
			r := sketchRow{line: i + 1}
			if strings.HasPrefix(l, "!") {
				r.hidden, l = true, l[1:]
			}
			hidden := ""
			if r.hidden {
				hidden = ` hidden="1"`
			}
			fmt.Fprintf(&sheet, `<row r="%d"%s>`, r.line, hidden)
			for j, text := range strings.Split(l, ",") {
				if j >= 100 {
					break
				}
				text = xmlSafe(text)
				r.cells = append(r.cells, text)
				if text == "" {
					continue
				}
				var esc bytes.Buffer
				xml.EscapeText(&esc, []byte(text))
				if shared {
					fmt.Fprintf(&sst, `<si><t xml:space="preserve">%s</t></si>`, esc.String())
					fmt.Fprintf(&sheet, `<c r="%s%d" t="s"><v>%d</v></c>`, colName(j+1), r.line, strings_)
					strings_++
				} else {
					fmt.Fprintf(&sheet, `<c r="%s%d" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, colName(j+1), r.line, esc.String())
				}
			}
			sheet.WriteString(`</row>`)
			rows = append(rows, r)
		}
		after := ""
		if merges != "" {
			var m strings.Builder
			for _, ref := range strings.Split(merges, ";") {
				var esc bytes.Buffer
				xml.EscapeText(&esc, []byte(xmlSafe(ref)))
				fmt.Fprintf(&m, `<mergeCell ref="%s"/>`, esc.String())
			}
			after = "<mergeCells>" + m.String() + "</mergeCells>"
		}
		if !shared {
			sst.Reset()
		}
		b := workbook(t, []testSheet{{name: "Sheet1", xml: sheet.String(), after: after}}, sst.String())
		tbl, err := measure(t, b)
		if err != nil {
			return
		}
		checkTable(t, tbl)
		got := map[int]Row{}
		for _, r := range tbl.Rows {
			got[r.Line] = r
		}
		hiddenNamed := false
		for _, n := range tbl.Notices {
			hiddenNamed = hiddenNamed || strings.Contains(n, "在 Excel 中被隐藏")
		}
		for _, r := range rows {
			text := false
			for j, c := range r.cells {
				if j < MaxColumns && clean(unescapeOOXML(c)) != "" {
					text = true
				}
			}
			row, read := got[r.line]
			switch {
			case r.line <= tbl.HeaderLine:
				if read {
					t.Fatalf("row %d is above the header and a data row", r.line)
				}
			case r.hidden && read:
				t.Fatalf("hidden row %d was read", r.line)
			case r.hidden && text && !hiddenNamed:
				t.Fatalf("hidden row %d is not named: %q", r.line, tbl.Notices)
			case !r.hidden && text && !read:
				t.Fatalf("row %d (%q) was lost: notices %q", r.line, r.cells, tbl.Notices)
			case !r.hidden && !text && read && merges == "":
				t.Fatalf("row %d has no text but was read as %q", r.line, row.Cells)
			case read && merges == "":
				for j := 0; j < MaxColumns && j < max(len(r.cells), len(row.Cells)); j++ {
					want, have := "", ""
					if j < len(r.cells) {
						want = clean(unescapeOOXML(r.cells[j]))
					}
					if j < len(row.Cells) {
						have = row.Cells[j]
					}
					if want != have {
						t.Fatalf("row %d column %d: %q, want %q", r.line, j+1, have, want)
					}
				}
			}
		}
	})
}

// xmlSafe drops what XML 1.0 cannot hold at all.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xfffe || r == 0xffff {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

// FuzzReadSheetXML reads any sheet XML and shared strings: never a panic,
// never more memory than bounded.
func FuzzReadSheetXML(f *testing.F) {
	f.Add(`<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row r="2"><c t="inlineStr"><is><t>张三</t></is></c><c><v>2020001</v></c></row>`,
		`<si><t>姓名</t></si><si><r><t>学</t></r><r><t>号</t></r><rPh><t>ガク</t></rPh></si>`)
	f.Add(`<row><c><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`, "")
	f.Add(`<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>学号</t></is></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells><sheetData>`, "")
	f.Add(`<![CDATA[x]]><!-- c --><?pi?><row r="1"><c t="str"><v>&#x59D3;&#21517;</v></c></row>`, `<si><t>_x000D__x005F_x</t></si>`)
	f.Fuzz(func(t *testing.T, sheet, sst string) {
		b := workbook(t, []testSheet{{name: "Sheet1", xml: sheet}, {name: "Sheet2", xml: sheet, hidden: true}}, sst)
		tbl, err := measure(t, b)
		if err == nil {
			checkTable(t, tbl)
		}
	})
}

// FuzzQuote: a quoted value shows no control, bidi or invisible character
// and no more than 40 characters; narrowing changes nothing but
// full-width ASCII and an ideographic space.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"张三", "\x1b[31m红", "a\u202eb\u200b", "\xff\xfe", strings.Repeat("长", 50), "２０２０　０１", "阿依古丽・买买提 ｱｲ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Quote(s)
		if !utf8.ValidString(q) || utf8.RuneCountInString(q) > quoteRunes*8+3 {
			t.Fatalf("Quote(%q) = %q", s, q)
		}
		for _, r := range strings.TrimSuffix(strings.TrimPrefix(q, "“"), "”") {
			if r < 0x20 || r == 0x7f || hidden(r) {
				t.Fatalf("Quote(%q) = %q shows %U", s, q, r)
			}
		}
		in, out := []rune(s), []rune(narrow(s))
		if !utf8.ValidString(s) {
			return
		}
		if len(in) != len(out) {
			t.Fatalf("narrow(%q) = %q", s, string(out))
		}
		for i := range in {
			switch {
			case in[i] == out[i]:
			case in[i] >= '\uff01' && in[i] <= '\uff5e' && out[i] == in[i]-0xff01+0x21:
			case in[i] == '\u3000' && out[i] == ' ':
			default:
				t.Fatalf("narrow(%q) = %q changes %U", s, string(out), in[i])
			}
			if unicode.IsLetter(in[i]) && in[i] > '\uff5e' && out[i] != in[i] {
				t.Fatalf("narrow changed the letter %U", in[i])
			}
		}
	})
}
