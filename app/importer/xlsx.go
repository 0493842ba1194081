package importer

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readXLSX reads the first sheet that has a roster header. Cells are read
// raw, so a 学号 stored as a number keeps every digit and a date is its
// serial number (turned into a date when its column is known).
func readXLSX(r io.Reader) (*Table, error) {
	f, err := excelize.OpenReader(r, excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    MaxUnzipped,
		UnzipXMLSizeLimit: 16 << 20,
	})
	if err != nil {
		return nil, openError(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		g, err := readSheet(f, sheet)
		if err != nil {
			return nil, err
		}
		if t, err := g.table(); err == nil {
			return t, nil
		}
	}
	return nil, ErrNoHeader
}

func openError(err error) error {
	switch {
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return ErrEncrypted
	case strings.Contains(err.Error(), "unzip size exceeds"):
		return fmt.Errorf("文件解压后过大，可能已损坏或不是名册：%w", ErrTooLarge)
	}
	return ErrNotTable
}

// readSheet streams a sheet row by row and fills merged cells with their
// value, so a 所属组织 merged over twenty rows belongs to each of them.
func readSheet(f *excelize.File, sheet string) (grid, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, openError(err)
	}
	defer rows.Close()
	var g grid
	for rows.Next() {
		if len(g) >= MaxRows+headerLookout {
			return nil, ErrTooManyRows
		}
		cells, err := rows.Columns()
		if err != nil {
			return nil, openError(err)
		}
		g = append(g, cells)
	}
	if err := rows.Error(); err != nil {
		return nil, openError(err)
	}
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil, openError(err)
	}
	for _, m := range merged {
		g.fill(m)
	}
	return g, nil
}

// fill copies a merged range's value into every cell of the range.
func (g grid) fill(m excelize.MergeCell) {
	c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
	c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
	if err1 != nil || err2 != nil || r1 < 1 || c1 < 1 {
		return
	}
	value := ""
	if r1-1 < len(g) && c1-1 < len(g[r1-1]) {
		value = g[r1-1][c1-1]
	}
	for r := r1; r <= r2 && r <= len(g); r++ {
		row := g[r-1]
		for c := c1; c <= c2 && c <= 1024; c++ {
			for len(row) < c {
				row = append(row, "")
			}
			if row[c-1] == "" {
				row[c-1] = value
			}
		}
		g[r-1] = row
	}
}
