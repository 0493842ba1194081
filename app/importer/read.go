// Package importer reads a cadre roster from an .xlsx or .csv file, checks
// every row against the rules, shows what would change, and writes the good
// rows in one transaction when the teacher confirms.
package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Errors for files that are not rosters. Their text is shown to the
// teacher; a refusal may say more than these (which file, which line) and
// still match them with errors.Is.
var (
	ErrTooLarge    = errors.New("文件太大：名册文件一般只有几 MB，请确认选择的是名册表格")
	ErrEncrypted   = errors.New("文件已加密，或是旧版 Excel 97–2003（.xls）格式：请在 Excel 中取消密码，另存为 .xlsx 后再导入")
	ErrNotTable    = errors.New("这个文件不是表格：请选择 Excel（.xlsx）或 CSV 文件")
	ErrNoHeader    = errors.New("没有找到表头：表格中须有一行同时包含“姓名”和“学号”两列")
	ErrTooManyRows = fmt.Errorf("名册超过 %d 行，请分成几个文件导入", MaxRows)
	ErrDamaged     = errors.New("文件已损坏：请在 Excel 中打开它，确认内容完整后另存为 .xlsx 再导入；如果打不开，请重新获取文件")
	ErrTruncated   = errors.New("文件不完整：它在中途结束，可能没有下载或复制完整，请重新获取文件")
	ErrEncoding    = errors.New("文件的文字编码无法识别（不是 UTF-8 或 GBK）：请在 Excel 中打开后另存为“CSV UTF-8（逗号分隔）”或 .xlsx 再导入")
	ErrBadQuotes   = errors.New("引号没有配对")
)

// Refused reports whether err is the reader's refusal of a file, whose
// text is written for the teacher, rather than a failure of the program.
func Refused(err error) bool {
	var r *refusal
	if errors.As(err, &r) {
		return true
	}
	for _, e := range []error{ErrTooLarge, ErrEncrypted, ErrNotTable, ErrNoHeader, ErrTooManyRows, ErrDamaged,
		ErrTruncated, ErrEncoding, ErrBadQuotes} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// refusal is a reason to refuse a file, worded for this file, that still
// matches one of the errors above.
type refusal struct {
	msg  string
	kind error
}

func (e *refusal) Error() string { return e.msg }
func (e *refusal) Unwrap() error { return e.kind }

func refuse(kind error, format string, args ...any) error {
	return &refusal{fmt.Sprintf(format, args...), kind}
}

// Table is a roster file read into text cells: the header's columns and the
// data rows below it.
type Table struct {
	Header  []string       // the header row as written (of a two-row header, the row naming each column)
	Columns map[Column]int // column → index in each row
	Ignored []string       // headers that mean nothing to the program
	Rows    []Row
	// Notices say, in Chinese, one sentence each, what the reader left out
	// or read in a way the teacher should check: hidden rows, other sheets,
	// cells beyond the last column read, an unpaired quote read as text.
	// The preview and the import report must show them: nothing in the
	// file is left out without a word.
	Notices []string
	// HeaderLine is the row, as the spreadsheet numbers it, where the
	// header ends; rows above it (titles) are not data.
	HeaderLine int
}

// Row is one data row with its number as the spreadsheet shows it.
type Row struct {
	Line  int
	Cells []string
	// Problem is why the reader refuses the row, if it does: the last row
	// of a file that ends in its middle.
	Problem string
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
// content, not its name: teachers rename files. Every row of the file is
// either in the Table, named in its Notices, or the file is refused with
// the reason.
func ReadFile(path string) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, openError(err)
	}
	if info.IsDir() {
		return nil, refuse(ErrNotTable, "这是一个文件夹，不是名册文件：请选择其中的 Excel（.xlsx）或 CSV 文件")
	}
	if info.Size() > MaxFileSize {
		return nil, ErrTooLarge
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, openError(err)
	}
	if len(b) > MaxFileSize {
		return nil, ErrTooLarge
	}
	return read(b)
}

// openError says in Chinese why a file could not be opened or read; the
// system's own words, in English, only as the technical detail of a cause
// without a sentence of its own. It still matches the system's error.
func openError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &refusal{"找不到这个文件：它可能已被移动、改名或删除", err}
	case errors.Is(err, fs.ErrPermission):
		return &refusal{"没有权限读取这个文件：请把它复制到桌面等自己的文件夹后再导入", err}
	}
	return &refusal{"读取文件时出错，可能是 U 盘或网络盘已断开。技术细节（请转告帮助你的老师）：" + err.Error(), err}
}

// read reads a roster from the bytes of a file.
func read(b []byte) (*Table, error) {
	switch {
	case bytes.HasPrefix(b, oleMagic):
		return nil, ErrEncrypted
	case bytes.HasPrefix(b, zipMagic), bytes.HasPrefix(b, []byte("PK\x05\x06")):
		return readXLSX(b)
	}
	if err := notText(b); err != nil {
		return nil, err
	}
	return readCSV(b)
}

// notText refuses the kinds of file that are often mistaken for a roster:
// a web page saved as .xls by an old school system, an Excel 2003 XML
// workbook, a PDF.
func notText(b []byte) error {
	head := bytes.ToLower(b[:min(len(b), 1024)])
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("%pdf")):
		return refuse(ErrNotTable, "这是 PDF 文件，不是表格：请选择 Excel（.xlsx）或 CSV 文件")
	case bytes.HasPrefix(head, []byte("<!doctype html")), bytes.HasPrefix(head, []byte("<html")),
		bytes.HasPrefix(head, []byte("<table")), bytes.HasPrefix(head, []byte("<meta")):
		return refuse(ErrNotTable, "这是网页（HTML）文件，只是名字像 Excel 表格：请在 Excel 中打开它，另存为 .xlsx 后再导入")
	case bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("urn:schemas-microsoft-com:office:spreadsheet")):
		return refuse(ErrNotTable, "这是 Excel 2003 XML 表格：请在 Excel 中打开它，另存为 .xlsx 后再导入")
	}
	return nil
}
