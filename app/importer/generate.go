package importer

import (
	"fmt"
	"math/rand/v2"
	"strconv"
)

// Spec describes a college whose roster Generate invents: for tests,
// benchmarks and the sample college.
type Spec struct {
	Colleges     []string // 二级学院 names; each gets a 学生会
	SchoolUnion  string   // the 校级学生会
	SchoolDepts  []string
	CollegeDepts []string
	Cadres       int // rows to make in all
	Seed         uint64
	Year         int // the grade of the youngest cadres
}

var (
	surnames   = []rune("陈林黄张李王吴刘蔡杨郑许谢洪郭邱曾廖赖周徐苏叶庄吕江何萧罗高潘简朱钟彭游詹胡施沈余卢梁赵颜柯翁魏孙戴方宋")
	givenChars = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅琳晓东海鹏宇浩然思雨欣怡佳琪子涵梓轩俊杰雅婷诗涵嘉欣泽楷喆堃玥")
	majors     = []string{"机电一体化技术", "计算机应用技术", "电子商务", "会计", "数控技术", "软件技术", "市场营销", "物流管理"}
)

// Generate invents a roster: the school union's 主席团 and departments
// first, then each college union's, then plain 干事 rows spread over all
// departments until Cadres rows exist. Names, 学号 and phones are made up.
func Generate(s Spec) *Table {
	rng := rand.New(rand.NewPCG(s.Seed, 7))
	t := &Table{Header: []string{"姓名", "学号", "性别", "二级学院", "专业", "班级", "年级", "联系电话",
		"政治面貌", "递交入党申请书日期", "所属组织", "部门", "职务", "任职开始日期"}}
	t.Columns, _ = matchHeader(t.Header)
	type slot struct{ org, dept, post, college string }
	var slots []slot
	add := func(org, college string, presidium int, depts []string) {
		slots = append(slots, slot{org, "", "主席", college})
		for i := 1; i < presidium; i++ {
			slots = append(slots, slot{org, "", "副主席", college})
		}
		for _, d := range depts {
			slots = append(slots, slot{org, d, "部长", college}, slot{org, d, "副部长", college})
		}
	}
	add(s.SchoolUnion, s.Colleges[0], 3, s.SchoolDepts)
	for _, c := range s.Colleges {
		add(c+"学生会", c, 2, s.CollegeDepts)
	}
	heads := len(slots)
	for i := 0; len(slots) < s.Cadres; i++ {
		c := s.Colleges[i%len(s.Colleges)]
		if i%4 == 0 {
			slots = append(slots, slot{s.SchoolUnion, s.SchoolDepts[(i/4)%len(s.SchoolDepts)], "干事", c})
		} else {
			slots = append(slots, slot{c + "学生会", s.CollegeDepts[i%len(s.CollegeDepts)], "干事", c})
		}
	}
	slots = slots[:min(len(slots), max(s.Cadres, heads))]
	for i, sl := range slots {
		ci := indexOf(s.Colleges, sl.college)
		grade := s.Year - rng.IntN(3)
		major := majors[(ci*3+i)%len(majors)]
		political := "共青团员"
		applied := ""
		switch r := rng.IntN(20); {
		case r == 0:
			political = "中共党员"
		case r == 1:
			political = "预备党员"
		case r < 5:
			political = "入党积极分子"
		}
		if political != "共青团员" || rng.IntN(10) < 8 {
			applied = fmt.Sprintf("%d-09-%02d", grade, 15+rng.IntN(14)) // within a month of enrolment
		}
		gender := "男"
		if rng.IntN(2) == 0 {
			gender = "女"
		}
		t.Rows = append(t.Rows, Row{Line: i + 2, Cells: []string{
			name(rng), fmt.Sprintf("%d%02d%05d", grade, ci+1, i+1), gender, sl.college, major,
			fmt.Sprintf("%d级%s%d班", grade%100, string([]rune(major)[:2]), 1+i%3), strconv.Itoa(grade),
			fmt.Sprintf("1%d%09d", 3+rng.IntN(7), rng.IntN(1_000_000_000)), political, applied,
			sl.org, sl.dept, sl.post, fmt.Sprintf("%d-09-%02d", s.Year, 10+i%15),
		}})
	}
	return t
}

func name(rng *rand.Rand) string {
	n := string(surnames[rng.IntN(len(surnames))]) + string(givenChars[rng.IntN(len(givenChars))])
	if rng.IntN(3) > 0 {
		n += string(givenChars[rng.IntN(len(givenChars))])
	}
	return n
}

func indexOf(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return 0
}
