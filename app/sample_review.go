package app

import (
	"fmt"

	"tuanxue/data"
)

// sampleReviews is last semester's 述职评议 of every union, held five weeks
// before its end: the 主席团 and the department heads in post that day
// report, scored on the default aspects. In the school union one head
// fails (and is flagged 建议退出) and one passes only 基本合格; the last
// 二级学院 union's panel has as many teachers as students, so the checks
// show one finding.
func (b *sampleBuilder) sampleReviews(sem Semester) {
	if b.err != nil {
		return
	}
	tree, err := b.s.OrgTree()
	b.fail(err)
	last := sem.Prev()
	held := data.DateOf(last.End().Time().AddDate(0, -1, -10))
	unions := tree.OfKinds(data.KindSchoolUnion, data.KindCollegeUnion)
	for i, u := range unions {
		if b.err != nil {
			return
		}
		cands, err := b.s.ReviewCandidates(u.ID, held)
		b.fail(err)
		d := ReviewDraft{OrganizationID: u.ID, Semester: last.String(), HeldOn: held.String(),
			Place: "学生活动中心 201 会议室", Aspects: DefaultReviewParams.Aspects, Panel: samplePanel(i, i == len(unions)-1)}
		for j, c := range cands {
			row := ReporterDraft{PersonID: c.PersonID, Name: c.Name}
			for k := range d.Aspects {
				row.Scores = append(row.Scores, fmt.Sprint(15+(j*7+k*3+i)%6))
			}
			if i == 0 && j == 4 {
				row.Scores = []string{"12", "11", "10", "9", "10"}
				row.Comments = "本学期部门工作计划未落实，多次无故缺席例会"
			}
			if i == 0 && j == 6 {
				row.Scores = []string{"14", "13", "12", "12", "13"}
			}
			d.Reporters = append(d.Reporters, row)
		}
		_, err = b.s.SaveReview(d)
		b.fail(err)
	}
}

// samplePanel is a review panel: two teachers and five students at the
// school union, three at a 二级学院 union; two only when evenOnly.
func samplePanel(i int, evenOnly bool) []PanelistDraft {
	panel := []PanelistDraft{{Name: "王丽华", Role: "组长（校团委副书记）"}, {Name: "陈建国", Role: "辅导员"}}
	students := []string{"刘思琪", "张浩然", "李梓涵", "黄嘉怡", "吴俊杰"}
	n := 5
	if i > 0 {
		n = 3
		panel[0].Role = "组长（学院团委书记）"
	}
	if evenOnly {
		n = 2
	}
	for k := 0; k < n; k++ {
		role := "学生代表"
		if k == 0 {
			role = "学生代表（记分）"
		}
		panel = append(panel, PanelistDraft{Name: students[(k+i)%len(students)], Student: true, Role: role})
	}
	return panel
}
