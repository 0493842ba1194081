package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestHostileFilesAreRefused: files that are not rosters get a message,
// never a panic, and never unbounded memory.
func TestHostileFilesAreRefused(t *testing.T) {
	cases := []struct {
		name string
		make func(t *testing.T) string
		want error
	}{
		{"empty file", func(t *testing.T) string { return writeFile(t, "空.csv", nil) }, ErrNoHeader},
		{"a picture", func(t *testing.T) string {
			return writeFile(t, "photo.xlsx", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
		}, ErrNotTable},
		{"a Word document", func(t *testing.T) string { return writeFile(t, "名册.xlsx", zipWith(t, "word/document.xml", 10)) }, ErrNotTable},
		{"an encrypted workbook", makeEncrypted, ErrEncrypted},
		{"an old .xls", func(t *testing.T) string {
			return writeFile(t, "名册.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...))
		}, ErrEncrypted},
		{"a zip bomb", makeZipBomb, ErrTooLarge},
		{"a 100 MB sheet", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "huge.xlsx")
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			f.Write([]byte("PK\x03\x04"))
			f.Truncate(100 << 20)
			f.Close()
			return path
		}, ErrTooLarge},
		{"a sheet without 姓名 and 学号", func(t *testing.T) string {
			return writeXLSX(t, [][]any{{"名称", "编号"}, {"校学生会", "1"}}, nil)
		}, ErrNoHeader},
		{"too many rows", func(t *testing.T) string {
			var b strings.Builder
			b.WriteString("姓名,学号\n")
			for i := 0; i < MaxRows+20; i++ {
				b.WriteString("张三,2020\n")
			}
			return writeFile(t, "many.csv", []byte(b.String()))
		}, ErrTooManyRows},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.make(t)
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := ReadFile(path)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 300<<20 {
				t.Fatalf("reading it grew the heap by %d MB", grown>>20)
			}
		})
	}
}

// zipWith makes a zip holding one file of n MB of spaces.
func zipWith(t *testing.T, name string, mb int) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, err := z.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < mb; i++ {
		w.Write(chunk)
	}
	z.Close()
	return buf.Bytes()
}

// makeZipBomb builds a real workbook whose sheet unzips to more than the
// limit (a larger bomb would only make the test slower to build).
func makeZipBomb(t *testing.T) string {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	add := func(name, content string) {
		w, _ := z.Create(name)
		w.Write([]byte(content))
	}
	add("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	add("xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	add("xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	w, _ := z.Create("xl/worksheets/sheet1.xml")
	w.Write([]byte(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`))
	pad := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < MaxUnzipped>>20+10; i++ {
		w.Write(pad)
	}
	w.Write([]byte(`</sheetData></worksheet>`))
	z.Close()
	if buf.Len() > 1<<20 {
		t.Fatalf("bomb is %d bytes, should compress well", buf.Len())
	}
	return writeFile(t, "bomb.xlsx", buf.Bytes())
}

func makeEncrypted(t *testing.T) string {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "学号"})
	path := filepath.Join(t.TempDir(), "加密.xlsx")
	if err := f.SaveAs(path, excelize.Options{Password: "123456"}); err != nil {
		t.Fatal(err)
	}
	return path
}
