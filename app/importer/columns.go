package importer

import (
	"fmt"
	"strings"
)

// Column is a field the importer understands.
type Column int

// The columns of a roster file.
const (
	ColName Column = iota
	ColStudentNo
	ColGender
	ColCollege
	ColMajor
	ColClass
	ColGrade
	ColPhone
	ColPolitical
	ColPartyApplied
	ColOrg
	ColOrgKind
	ColDept
	ColPost
	ColStartOn
	ColEndOn
	columnCount
)

// columnNames are the headers a column is known by: the first is the name
// used in messages, the others are common variants.
var columnNames = [columnCount][]string{
	ColName:         {"姓名", "学生姓名", "名字"},
	ColStudentNo:    {"学号", "学生学号", "学籍号"},
	ColGender:       {"性别"},
	ColCollege:      {"二级学院", "学院", "院系", "系部", "所在学院", "所在院系"},
	ColMajor:        {"专业", "专业名称", "所学专业"},
	ColClass:        {"班级", "所在班级", "班级名称"},
	ColGrade:        {"年级", "入学年份", "入学年级"},
	ColPhone:        {"联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "电话号码"},
	ColPolitical:    {"政治面貌"},
	ColPartyApplied: {"递交入党申请书日期", "递交入党申请书时间", "入党申请书递交日期", "入党申请日期", "递交入党申请书"},
	ColOrg:          {"所属组织", "组织", "组织名称", "任职组织", "所在组织", "所在单位", "单位", "组织机构"},
	ColOrgKind:      {"组织类型", "组织类别"},
	ColDept:         {"部门", "所在部门", "工作部门", "部门名称"},
	ColPost:         {"职务", "职位", "岗位", "担任职务", "现任职务"},
	ColStartOn:      {"任职开始日期", "任职日期", "任职时间", "开始日期", "任职起始日期", "任职起止"},
	ColEndOn:        {"任职结束日期", "任职截止日期", "结束日期", "离任日期", "卸任日期", "任职结束时间"},
}

// Name is the column's header as messages name it.
func (c Column) Name() string { return columnNames[c][0] }

// matchHeader maps the cells of a header row to columns. Marks such as "*"
// or "（必填）" and spaces around a header are ignored.
func matchHeader(cells []string) (map[Column]int, []string) {
	cols := map[Column]int{}
	var ignored []string
	for i, cell := range cells {
		h := normalizeHeader(cell)
		if h == "" {
			continue
		}
		found := false
		for c := Column(0); c < columnCount; c++ {
			for _, name := range columnNames[c] {
				if h == name {
					if _, dup := cols[c]; !dup {
						cols[c] = i
					}
					found = true
				}
			}
		}
		if !found {
			ignored = append(ignored, strings.TrimSpace(cell))
		}
	}
	return cols, ignored
}

func normalizeHeader(s string) string {
	s = clean(s)
	for _, mark := range []string{"*", "＊", "（必填）", "(必填)", "（选填）", "(选填)", "：", ":", " ", "\n"} {
		s = strings.ReplaceAll(s, mark, "")
	}
	return s
}

// headerName tells which column a header cell names, if any.
func headerName(cell string) (Column, bool) {
	h := normalizeHeader(cell)
	if h == "" {
		return 0, false
	}
	for c := Column(0); c < columnCount; c++ {
		for _, name := range columnNames[c] {
			if h == name {
				return c, true
			}
		}
	}
	return 0, false
}

// findHeader finds the header among the first rows: the row, or two or
// three adjacent rows, where 姓名 and 学号 are. A header of two rows has
// group titles (基本信息, 组织信息) merged over the column names below them;
// either row may hold 姓名 and 学号 (merged down over both), and the
// columns are found in both.
func findHeader(rows []gridRow) (start, n int, ok bool) {
	for i := 0; i < len(rows) && i < headerLookout; i++ {
		for n := 1; n <= maxHeaderRows && i+n <= len(rows); n++ {
			if n > 1 && !continuesHeader(rows[i:i+n-1], rows[i+n-1]) {
				break
			}
			cols, _, _ := combineHeader(rows[i : i+n])
			_, name := cols[ColName]
			_, no := cols[ColStudentNo]
			if !name || !no {
				continue
			}
			for i+n < len(rows) && n < maxHeaderRows && continuesHeader(rows[i:i+n], rows[i+n]) {
				n++
			}
			return i, n, true
		}
	}
	return 0, 0, false
}

// continuesHeader tells whether next is one more row of the header made of
// rows: the row right below, naming at least one column, and holding
// nothing else under a column already named. A data row always has
// something under 姓名 or 学号 that is not a column name. Each row above
// must name a column itself: a row of group titles alone adds nothing the
// row below does not say, and a row of data above the header is not part
// of it.
func continuesHeader(rows []gridRow, next gridRow) bool {
	last := rows[len(rows)-1]
	if next.line != last.line+1 {
		return false
	}
	for _, r := range rows {
		names := false
		for _, c := range r.cells {
			if _, ok := headerName(c); ok {
				names = true
				break
			}
		}
		if !names {
			return false
		}
	}
	named := func(j int) bool {
		for _, r := range rows {
			if j < len(r.cells) {
				if _, ok := headerName(r.cells[j]); ok {
					return true
				}
			}
		}
		return false
	}
	adds := false
	for j, cell := range next.cells {
		if cell == "" || j < len(last.cells) && cell == last.cells[j] {
			continue // empty, or a cell merged down from the row above
		}
		if _, ok := headerName(cell); ok {
			adds = true
		} else if named(j) {
			return false
		}
	}
	return adds
}

// combineHeader maps the columns of a header of one or more rows. For each
// column the lowest cell that names a known column counts; the header text
// of a column is that cell, or else its lowest non-empty cell.
func combineHeader(rows []gridRow) (map[Column]int, []string, []string) {
	width := 0
	for _, r := range rows {
		width = max(width, len(r.cells))
	}
	cols := map[Column]int{}
	header := make([]string, width)
	var ignored []string
	for j := 0; j < width; j++ {
		found := false
		for k := len(rows) - 1; k >= 0; k-- {
			if j >= len(rows[k].cells) || rows[k].cells[j] == "" {
				continue
			}
			cell := rows[k].cells[j]
			if header[j] == "" {
				header[j] = cell
			}
			if c, ok := headerName(cell); ok {
				if first, dup := cols[c]; dup {
					// a second 姓名 or 职务 column: named, not read
					ignored = append(ignored, fmt.Sprintf("%s（%s 列，与 %s 列重名，只读了 %s 列）", cell,
						columnLetters(j+1), columnLetters(first+1), columnLetters(first+1)))
				} else {
					cols[c] = j
				}
				header[j], found = cell, true
				break
			}
		}
		if !found && header[j] != "" {
			ignored = append(ignored, header[j])
		}
	}
	return cols, header, ignored
}
