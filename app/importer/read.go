// Package importer reads a cadre roster from an .xlsx or .csv file, checks
// every row against the rules, shows what would change, and writes the good
// rows in one transaction when the teacher confirms.
package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Limits that keep a hostile or mistaken file from exhausting memory.
const (
	MaxFileSize   = 30 << 20  // a roster of 50,000 people is under 10 MB
	MaxUnzipped   = 100 << 20 // refuses zip bombs
	MaxRows       = 50_000
	headerLookout = 15 // rows searched for the header
)

// Errors for files that are not rosters. Their text is shown to the teacher.
var (
	ErrTooLarge    = errors.New("文件太大：名册文件一般只有几 MB，请确认选择的是名册表格")
	ErrEncrypted   = errors.New("文件已加密，或是旧版 Excel 97–2003（.xls）格式：请在 Excel 中取消密码，另存为 .xlsx 后再导入")
	ErrNotTable    = errors.New("这个文件不是表格：请选择 Excel（.xlsx）或 CSV 文件")
	ErrNoHeader    = errors.New("没有找到表头：表格中须有一行同时包含“姓名”和“学号”两列")
	ErrTooManyRows = fmt.Errorf("名册超过 %d 行，请分成几个文件导入", MaxRows)
)

// Table is a roster file read into text cells: the header's columns and the
// data rows below it.
type Table struct {
	Header  []string       // the header row as written
	Columns map[Column]int // column → index in each row
	Ignored []string       // headers that mean nothing to the program
	Rows    []Row
}

// Row is one data row with its number as the spreadsheet shows it.
type Row struct {
	Line  int
	Cells []string
}

// Get returns the cleaned text of column c in the row, or "".
func (t *Table) Get(r Row, c Column) string {
	i, ok := t.Columns[c]
	if !ok || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// Has reports whether the file has column c.
func (t *Table) Has(c Column) bool { _, ok := t.Columns[c]; return ok }

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// ReadFile reads a roster from path. The kind of file is told by its
// content, not its name: teachers rename files.
func ReadFile(path string) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("打不开文件：%w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > MaxFileSize {
		return nil, ErrTooLarge
	}
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(head, oleMagic):
		return nil, ErrEncrypted
	case bytes.HasPrefix(head, zipMagic):
		if err := checkZip(f, info.Size()); err != nil {
			return nil, err
		}
		return readXLSX(f)
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize))
	if err != nil {
		return nil, err
	}
	return readCSV(b)
}

// checkZip refuses, before anything is unpacked, a zip whose entries say
// they unpack to more than MaxUnzipped; excelize's own limit still guards
// against entries that lie about their size.
func checkZip(f *os.File, size int64) error {
	z, err := zip.NewReader(f, size)
	if err != nil {
		return ErrNotTable
	}
	var total uint64
	for _, e := range z.File {
		total += e.UncompressedSize64
	}
	if total > MaxUnzipped {
		return fmt.Errorf("文件解压后有 %d MB，可能已损坏或不是名册：%w", total>>20, ErrTooLarge)
	}
	_, err = f.Seek(0, io.SeekStart)
	return err
}

// grid is a sheet as rows of raw text cells.
type grid [][]string

// table finds the header and builds the Table.
func (g grid) table() (*Table, error) {
	for i := 0; i < len(g) && i < headerLookout; i++ {
		cols, ignored := matchHeader(g[i])
		if _, ok := cols[ColName]; !ok {
			continue
		}
		if _, ok := cols[ColStudentNo]; !ok {
			continue
		}
		t := &Table{Columns: cols, Ignored: ignored}
		for _, c := range g[i] {
			t.Header = append(t.Header, clean(c))
		}
		for j := i + 1; j < len(g); j++ {
			if blank(g[j]) {
				continue
			}
			cells := make([]string, len(g[j]))
			for k, c := range g[j] {
				cells[k] = clean(c)
			}
			t.Rows = append(t.Rows, Row{Line: j + 1, Cells: cells})
		}
		return t, nil
	}
	return nil, ErrNoHeader
}

func blank(cells []string) bool {
	for _, c := range cells {
		if clean(c) != "" {
			return false
		}
	}
	return true
}

// clean turns full-width letters and digits into ASCII and trims every
// kind of space, including the ideographic and no-break ones.
func clean(s string) string {
	return strings.TrimFunc(width.Narrow.String(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\ufeff'
	})
}
