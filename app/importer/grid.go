package importer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// gridRow is one non-blank row of a sheet: its number as the spreadsheet
// shows it and its cleaned cells, without trailing empty ones.
type gridRow struct {
	line    int
	cells   []string
	problem string // why the reader refuses the row, if it does
}

// grid is a sheet as read: its non-blank rows in order and what the reader
// left out of them.
type grid struct {
	rows       []gridRow
	hidden     []int        // non-blank rows hidden in Excel, not read
	wide       []int        // rows with text right of column MaxColumns, not read
	notices    []string     // said by the reader, e.g. a quote read as text
	merges     []mergeRange // filled in by table, not as read
	hiddenCols []int        // columns with text hidden in Excel, not read
	bytes      int          // text kept in cells, bounded by maxCellBytes
}

// add keeps a row if it has any text. It reports false when the sheet has
// more rows than a roster may.
func (g *grid) add(line int, cells []string) error {
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) == 0 {
		return nil
	}
	if len(g.rows) >= MaxRows+headerLookout {
		return ErrTooManyRows
	}
	for _, c := range cells {
		g.bytes += len(c)
	}
	if g.bytes > maxCellBytes {
		return refuse(ErrTooLarge, "表格中的文字太多（超过 %d MB）：请确认选择的是名册表格", maxCellBytes>>20)
	}
	g.rows = append(g.rows, gridRow{line: line, cells: cells})
	return nil
}

// table finds the header and builds the Table. Merged ranges are filled
// in first over the rows where the header may be, every column, then
// below them only in the columns the table uses: a range merged over
// unused columns of 50,000 rows costs nothing.
func (g *grid) table() (*Table, error) {
	rows := g.rows
	if !sort.SliceIsSorted(rows, func(i, j int) bool { return rows[i].line < rows[j].line }) {
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].line < rows[j].line })
	}
	budget := 2 * (MaxRows + headerLookout) * MaxColumns
	top := min(len(rows), headerLookout+maxHeaderRows)
	if err := g.fillMerges(rows[:top], func(int) bool { return true }, &budget); err != nil {
		return nil, err
	}
	start, n, ok := findHeader(g.rows)
	if !ok {
		return nil, ErrNoHeader
	}
	head := g.rows[start : start+n]
	t := &Table{HeaderLine: head[n-1].line}
	t.Columns, t.Header, t.Ignored = combineHeader(head)
	used := map[int]bool{}
	for _, i := range t.Columns {
		used[i+1] = true
	}
	if err := g.fillMerges(rows[top:], func(c int) bool { return used[c] }, &budget); err != nil {
		return nil, err
	}
	t.Rows = make([]Row, 0, len(g.rows)-start-n)
	for _, r := range g.rows[start+n:] {
		t.Rows = append(t.Rows, Row{Line: r.line, Cells: r.cells, Problem: r.problem})
	}
	if len(t.Rows) > MaxRows {
		return nil, ErrTooManyRows
	}
	var above []int
	for _, r := range g.rows[:start] {
		if looksLikeData(r, t.Columns) {
			above = append(above, r.line)
		}
	}
	if len(above) > 0 {
		t.Notices = append(t.Notices, fmt.Sprintf("表头在第 %d 行，它上面的%s没有读取", head[0].line, lineList(above)))
	}
	var hidden []int
	for _, l := range g.hidden {
		if l > t.HeaderLine {
			hidden = append(hidden, l)
		}
	}
	if len(hidden) > 0 {
		t.Notices = append(t.Notices, lineList(hidden)+"在 Excel 中被隐藏，没有导入")
	}
	if len(g.hiddenCols) > 0 {
		letters := make([]string, len(g.hiddenCols))
		for i, c := range g.hiddenCols {
			letters[i] = columnLetters(c)
		}
		t.Notices = append(t.Notices, strings.Join(letters, "、")+" 列在 Excel 中被隐藏，没有读取")
	}
	if len(g.wide) > 0 {
		t.Notices = append(t.Notices, fmt.Sprintf("%s在第 %d 列（%s 列）右边还有内容，没有读取", lineList(g.wide), MaxColumns, columnLetters(MaxColumns)))
	}
	t.Notices = append(t.Notices, g.notices...)
	return t, nil
}

// fillMerges copies each merged range's value into the cells of the range
// in rows (in line order) and in the columns want takes, so a 所属组织
// merged over twenty rows belongs to each of them. Only rows with text of
// their own are filled, and only the columns read; a range's value is its
// top-left cell, found among all the rows.
func (g *grid) fillMerges(rows []gridRow, want func(col int) bool, budget *int) error {
	if len(rows) == 0 {
		return nil
	}
	for _, m := range g.merges {
		c2 := min(m.c2, MaxColumns)
		if m.c1 > MaxColumns || m.r2 < rows[0].line || m.r1 > rows[len(rows)-1].line {
			continue
		}
		cols := make([]int, 0, 4)
		for c := m.c1; c <= c2; c++ {
			if want(c) {
				cols = append(cols, c)
			}
		}
		if len(cols) == 0 {
			continue
		}
		k := sort.Search(len(g.rows), func(i int) bool { return g.rows[i].line >= m.r1 })
		if k == len(g.rows) || g.rows[k].line != m.r1 || m.c1 > len(g.rows[k].cells) {
			continue
		}
		value := g.rows[k].cells[m.c1-1]
		if value == "" {
			continue
		}
		i := sort.Search(len(rows), func(i int) bool { return rows[i].line >= m.r1 })
		for ; i < len(rows) && rows[i].line <= m.r2; i++ {
			if *budget -= len(cols); *budget < 0 {
				return refuseDamaged("合并的单元格互相重叠")
			}
			r := &rows[i]
			if last := cols[len(cols)-1]; len(r.cells) < last {
				r.cells = append(r.cells, make([]string, last-len(r.cells))...)
			}
			for _, c := range cols {
				if r.cells[c-1] == "" {
					r.cells[c-1] = value
				}
			}
		}
	}
	return nil
}

// looksLikeData tells whether a row above the header holds a person: two
// different texts above 姓名 and 学号, where a title or a group title
// (merged over both) has one or none.
func looksLikeData(r gridRow, cols map[Column]int) bool {
	at := func(c Column) string {
		if i := cols[c]; i < len(r.cells) {
			return r.cells[i]
		}
		return ""
	}
	name, no := at(ColName), at(ColStudentNo)
	return name != "" && no != "" && name != no
}

// lineList names rows for a message: "第 4、5、9–11 行"; a long list ends
// with how many rows it names.
func lineList(lines []int) string {
	lines = append([]int(nil), lines...)
	sort.Ints(lines)
	var parts []string
	for i := 0; i < len(lines); {
		j := i
		for j+1 < len(lines) && lines[j+1] <= lines[j]+1 {
			j++
		}
		switch {
		case lines[j]-lines[i] >= 2:
			parts = append(parts, fmt.Sprintf("%d–%d", lines[i], lines[j]))
		case lines[j] != lines[i]:
			parts = append(parts, strconv.Itoa(lines[i]), strconv.Itoa(lines[j]))
		default:
			parts = append(parts, strconv.Itoa(lines[i]))
		}
		i = j + 1
	}
	const shown = 12
	if len(parts) > shown {
		return fmt.Sprintf("第 %s… 行（共 %d 行）", strings.Join(parts[:shown], "、"), len(lines))
	}
	return "第 " + strings.Join(parts, "、") + " 行"
}

// columnLetters names column n (1-based) as Excel does: 1 → A, 64 → BL.
func columnLetters(n int) string {
	s := ""
	for n > 0 {
		n--
		s = string(rune('A'+n%26)) + s
		n /= 26
	}
	return s
}
