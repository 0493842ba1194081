package importer

import "strings"

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
