package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// readXLSX reads the roster from the first visible sheet that has a
// header. Sheets are read as they stream, with every count bounded before
// anything is kept, so no workbook takes more than a few tens of MB (a
// library that expands a sheet into memory first took 1.7 GB for a row of
// 2 million cells). Cells are read raw, so a 学号 stored as a number keeps
// every digit and a date is its serial number (turned into a date when its
// column is known).
//
// What is not read is said in the Table's Notices: hidden rows, other
// sheets with data, hidden sheets, cells right of column MaxColumns.
func readXLSX(b []byte) (*Table, error) {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, refuse(ErrDamaged, "文件已损坏或不完整（可能没有下载或复制完整）：请在 Excel 中打开它，确认内容完整后另存为 .xlsx 再导入；如果打不开，请重新获取文件")
	}
	pkg, err := openPackage(z)
	if err != nil {
		return nil, err
	}
	wb, err := pkg.workbook()
	if err != nil {
		return nil, err
	}
	sst, err := pkg.sharedStrings(wb.sharedStrings)
	if err != nil {
		return nil, err
	}
	var (
		roster  *Table
		notices []string
		hidden  []string // hidden sheets that hold a roster header
	)
	for _, s := range wb.sheets {
		keep := roster == nil && !s.hidden
		g, rows, err := pkg.readSheet(s.path, sst, keep)
		if err != nil {
			return nil, err
		}
		if keep {
			if t, err := g.table(); err == nil {
				roster = t
				continue
			}
		}
		switch {
		case s.hidden && rows > 0:
			notices = append(notices, fmt.Sprintf("工作表“%s”在 Excel 中被隐藏，其中 %d 行没有读取", Printable(s.name), rows))
		case rows > 0:
			notices = append(notices, fmt.Sprintf("工作表“%s”有 %d 行没有读取", Printable(s.name), rows))
		}
		if s.hidden && roster == nil {
			if g, _, err := pkg.readSheet(s.path, sst, true); err == nil {
				if _, err := g.table(); err == nil {
					hidden = append(hidden, s.name)
				}
			}
		}
	}
	if roster == nil {
		if len(hidden) > 0 {
			return nil, refuse(ErrNoHeader, "没有找到表头：名册在被隐藏的工作表“%s”中，请在 Excel 中取消隐藏这张工作表（或把名册复制到可见的工作表）后再导入", Printable(hidden[0]))
		}
		return nil, ErrNoHeader
	}
	if wb.date1904 {
		shiftDates(roster)
	}
	roster.Notices = append(roster.Notices, notices...)
	return roster, nil
}

// shiftDates turns the date serials of a workbook counted from 1904 (old
// Mac Excel) into the usual ones counted from 1900.
func shiftDates(t *Table) {
	for _, c := range []Column{ColPartyApplied, ColStartOn, ColEndOn} {
		i, ok := t.Columns[c]
		if !ok {
			continue
		}
		for _, r := range t.Rows {
			if i < len(r.Cells) {
				if v, err := strconv.ParseFloat(r.Cells[i], 64); err == nil && v > 0 && v < 100_000 {
					r.Cells[i] = strconv.FormatFloat(v+1462, 'f', -1, 64)
				}
			}
		}
	}
}

// xlsxPackage is the zip of a workbook, its parts found by name whatever
// their case or slashes.
type xlsxPackage struct {
	files map[string]*zip.File
}

func openPackage(z *zip.Reader) (*xlsxPackage, error) {
	p := &xlsxPackage{files: map[string]*zip.File{}}
	var total uint64
	for _, f := range z.File {
		total += f.UncompressedSize64
		name := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/"))
		p.files[name] = f
	}
	if total > MaxUnzipped {
		return nil, refuse(ErrTooLarge, "文件解压后有 %d MB，可能已损坏或不是名册：%s", total>>20, ErrTooLarge)
	}
	return p, nil
}

// open opens a part; reading more than MaxUnzipped from it (a zip whose
// sizes lie) fails.
func (p *xlsxPackage) open(name string) (io.ReadCloser, error) {
	f, ok := p.files[strings.ToLower(name)]
	if !ok {
		return nil, errMissingPart
	}
	rc, err := f.Open()
	if err != nil {
		return nil, damaged(err)
	}
	return &limitedPart{rc, MaxUnzipped}, nil
}

var errMissingPart = errors.New("missing part")

type limitedPart struct {
	io.ReadCloser
	left int64
}

func (l *limitedPart) Read(b []byte) (int, error) {
	if l.left <= 0 {
		return 0, refuse(ErrTooLarge, "文件解压后过大，可能已损坏或不是名册：%s", ErrTooLarge)
	}
	if int64(len(b)) > l.left {
		b = b[:l.left]
	}
	n, err := l.ReadCloser.Read(b)
	l.left -= int64(n)
	return n, err
}

// damaged turns an error met while reading a part into the refusal: a
// size limit stays what it is, anything else means the file is damaged.
func damaged(err error) error {
	var r *refusal
	if errors.As(err, &r) {
		return err
	}
	return ErrDamaged
}

// notWorkbook names what a zip without a workbook is.
func (p *xlsxPackage) notWorkbook() error {
	has := func(name string) bool { _, ok := p.files[name]; return ok }
	switch {
	case has("xl/workbook.bin"):
		return refuse(ErrNotTable, "这是 Excel 二进制工作簿（.xlsb）：请在 Excel 中另存为 .xlsx 后再导入")
	case has("word/document.xml"):
		return refuse(ErrNotTable, "这是 Word 文档，不是表格：请选择 Excel（.xlsx）或 CSV 文件")
	case has("ppt/presentation.xml"):
		return refuse(ErrNotTable, "这是 PowerPoint 演示文稿，不是表格：请选择 Excel（.xlsx）或 CSV 文件")
	case has("content.xml") && has("mimetype"):
		if rc, err := p.open("mimetype"); err == nil {
			b, _ := io.ReadAll(io.LimitReader(rc, 100))
			rc.Close()
			if bytes.Contains(b, []byte("spreadsheet")) {
				return refuse(ErrNotTable, "这是 WPS 或 LibreOffice 的 .ods 表格：请另存为 Excel 工作簿（.xlsx）后再导入")
			}
		}
	}
	return ErrNotTable
}
