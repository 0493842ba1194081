package importer

import (
	"io"
	"strconv"
	"strings"
)

// sheetReader streams one worksheet's XML. Only the first MaxColumns
// columns of a row are kept; the cells of a sheet and the merged ranges
// are counted as they come and the sheet is refused past a bound.
type sheetReader struct {
	sst  []string
	keep bool // keep the rows; otherwise only count those with text
	g    *grid
	rows int // non-blank rows, hidden ones included

	row    [MaxColumns]string
	width  int  // columns used in row
	line   int  // the row's number
	hidden bool // the row is hidden
	wide   bool // the row has text right of MaxColumns
	col    int  // the last cell's column
	inRow  int  // cells in the row
	cells  int  // cells in the sheet
	merges []mergeRange
	// hiddenCol marks the columns hidden in Excel (by number, from 1);
	// their cells are not read, and those with text are said.
	hiddenCol, hiddenText [MaxColumns + 1]bool
	inData                bool // inside <sheetData>
	inRowEl               bool // inside <row>
	inMerge               bool // inside <mergeCells>
}

type mergeRange struct{ r1, c1, r2, c2 int }

// cell is the cell being read.
type cell struct {
	col      int
	kind     string // the t attribute
	value    strings.Builder
	inValue  bool // inside <v>, or <t> of an inline string
	phonetic int  // inside <rPh>
}

// readSheet reads a sheet: when keep, its rows and merged ranges into a
// grid (whose table fills the ranges in); always, how many rows have text.
func (p *xlsxPackage) readSheet(name string, sst []string, keep bool) (*grid, int, error) {
	rc, err := p.open(name)
	if err != nil {
		return nil, 0, damaged(err)
	}
	defer rc.Close()
	s := &sheetReader{sst: sst, keep: keep, g: &grid{}}
	if err := s.read(newXMLScanner(rc)); err != nil {
		return nil, 0, err
	}
	if keep {
		s.g.merges = s.merges
		for c := 1; c <= MaxColumns; c++ {
			if s.hiddenText[c] {
				s.g.hiddenCols = append(s.g.hiddenCols, c)
			}
		}
	}
	return s.g, s.rows, nil
}

func (s *sheetReader) read(x *xmlScanner) error {
	var c *cell
	for {
		err := x.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch x.kind {
		case tokStart:
			switch name := string(x.name); {
			case name == "sheetData":
				s.inData = true
			case name == "mergeCells":
				s.inMerge = true
			case name == "col" && !s.inData:
				s.hideColumns(x)
			case name == "row" && s.inData:
				if err := s.startRow(x); err != nil {
					return err
				}
				s.inRowEl = true
			case name == "c" && s.inData && !s.inRowEl:
				return refuseDamaged("有单元格不在任何一行中")
			case name == "c" && s.inData:
				if c, err = s.startCell(x); err != nil {
					return err
				}
			case c != nil && name == "rPh":
				c.phonetic++
			case c != nil && (name == "v" || name == "t") && c.phonetic == 0:
				c.inValue = true
			case name == "mergeCell" && s.inMerge:
				if err := s.merge(x.attr("ref")); err != nil {
					return err
				}
			}
		case tokEnd:
			switch name := string(x.name); {
			case name == "sheetData":
				s.inData = false
			case name == "mergeCells":
				s.inMerge = false
			case name == "row" && s.inData:
				if err := s.endRow(); err != nil {
					return err
				}
				s.inRowEl = false
			case name == "c" && c != nil:
				if err := s.endCell(c); err != nil {
					return err
				}
				c = nil
			case c != nil && name == "rPh":
				c.phonetic--
			case c != nil && (name == "v" || name == "t"):
				c.inValue = false
			}
		case tokText:
			if c != nil && c.inValue {
				if c.value.Len()+len(x.text) > 1<<20 {
					return ErrDamaged // Excel holds at most 32,767 characters in a cell
				}
				c.value.Write(x.text)
			}
		}
	}
}

func (s *sheetReader) startRow(x *xmlScanner) error {
	if s.inRow > 0 || s.width > 0 {
		if err := s.endRow(); err != nil { // a row not closed
			return err
		}
	}
	line := s.line + 1
	if r := x.attr("r"); r != "" {
		n, err := strconv.Atoi(r)
		if err != nil || n < 1 || n > excelRows {
			return ErrDamaged
		}
		line = n
	}
	v := x.attr("hidden")
	s.line, s.hidden, s.wide, s.col, s.inRow = line, v == "1" || v == "true", false, 0, 0
	return nil
}

// hideColumns notes the columns a <col hidden="1" min= max=> hides.
func (s *sheetReader) hideColumns(x *xmlScanner) {
	if v := x.attr("hidden"); v != "1" && v != "true" {
		return
	}
	lo, err1 := strconv.Atoi(x.attr("min"))
	hi, err2 := strconv.Atoi(x.attr("max"))
	if err1 != nil || err2 != nil || lo < 1 {
		return
	}
	for c := lo; c <= min(hi, MaxColumns); c++ {
		s.hiddenCol[c] = true
	}
}

func (s *sheetReader) startCell(x *xmlScanner) (*cell, error) {
	s.inRow++
	s.cells++
	if s.inRow > excelColumns {
		return nil, refuseDamaged("第 %d 行的单元格超过 Excel 的上限（%d 列）", s.line, excelColumns)
	}
	if s.cells > maxSheetCells {
		return nil, refuse(ErrTooLarge, "表格的单元格太多（超过 %d 个）：请确认选择的是名册表格", maxSheetCells)
	}
	col := s.col + 1
	if r := x.attr("r"); r != "" {
		c, _, ok := parseRef(r)
		if !ok {
			return nil, ErrDamaged
		}
		col = c
	}
	if col > excelColumns {
		return nil, refuseDamaged("第 %d 行的单元格超过 Excel 的上限（%d 列）", s.line, excelColumns)
	}
	s.col = col
	return &cell{col: col, kind: x.attr("t")}, nil
}

func refuseDamaged(format string, args ...any) error {
	return refuse(ErrDamaged, "文件已损坏："+format+"。请在 Excel 中打开它，另存为 .xlsx 后再导入", args...)
}

// endCell keeps the cell's value, turning a shared string's number into
// its text.
func (s *sheetReader) endCell(c *cell) error {
	v := c.value.String()
	switch c.kind {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(s.sst) {
			return refuseDamaged("第 %d 行有一个单元格的文字找不到", s.line)
		}
		v = s.sst[i]
	case "inlineStr", "str":
		v = unescapeOOXML(v)
	}
	v = clean(v)
	if v == "" {
		return nil
	}
	if c.col > MaxColumns {
		s.wide = true
		return nil
	}
	if s.hiddenCol[c.col] {
		s.hiddenText[c.col] = s.hiddenText[c.col] || !s.hidden
		return nil
	}
	s.row[c.col-1] = v
	s.width = max(s.width, c.col)
	return nil
}

func (s *sheetReader) endRow() error {
	cells := s.row[:s.width]
	blank := s.width == 0
	if !blank || s.wide {
		s.rows++
	}
	if s.keep {
		switch {
		case s.hidden && (!blank || s.wide):
			s.g.hidden = append(s.g.hidden, s.line)
		case s.hidden:
		default:
			if s.wide {
				s.g.wide = append(s.g.wide, s.line)
			}
			if !blank {
				if err := s.g.add(s.line, append([]string(nil), cells...)); err != nil {
					return err
				}
			}
		}
	}
	clear(cells)
	s.width, s.inRow = 0, 0
	return nil
}

// merge notes a merged range.
func (s *sheetReader) merge(ref string) error {
	if !s.keep {
		return nil
	}
	if len(s.merges) >= maxMerges {
		return refuse(ErrTooLarge, "表格中合并的单元格太多（超过 %d 处）：请取消合并后另存，再导入", maxMerges)
	}
	from, to, _ := strings.Cut(ref, ":")
	if to == "" {
		to = from
	}
	c1, r1, ok1 := parseRef(from)
	c2, r2, ok2 := parseRef(to)
	if !ok1 || !ok2 || r1 == 0 || r2 == 0 {
		return nil // a range Excel would not write: nothing to fill
	}
	if c1 > c2 {
		c1, c2 = c2, c1
	}
	if r1 > r2 {
		r1, r2 = r2, r1
	}
	s.merges = append(s.merges, mergeRange{r1, c1, r2, c2})
	return nil
}

// parseRef reads a cell reference such as "AB12" (or "$AB$12") into its
// column and row; a reference without a row (as in "A:C") has row 0.
func parseRef(ref string) (col, row int, ok bool) {
	ref = strings.ReplaceAll(ref, "$", "")
	i := 0
	for i < len(ref) && i < 4 {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
		i++
	}
	if i == 0 || col > excelColumns {
		return 0, 0, false
	}
	if i == len(ref) {
		return col, 0, true
	}
	row, err := strconv.Atoi(ref[i:])
	if err != nil || row < 1 || row > excelRows {
		return 0, 0, false
	}
	return col, row, true
}
