package reports

import (
	"strings"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/data"
)

// The national self-assessment forms, version by version, as
// reference/self-assessment-forms.md records them from the colleges' own
// publications (S1–S8 there). Only their layout lives here; the wording of
// the indicators is the rule sets' (compliance/builtin.go). Where a copy
// of a form cannot tell, the comment says so and the form prints nothing
// of its own invention.

// formVersion is how one version of the national form prints.
type formVersion struct {
	// title heads the document. The 2021—2024 pages open with
	// "一、改革自评表": the "一、" numbers the table within the college's
	// publication, so the title is the heading without it.
	title   string
	school  formTable
	college formTable
	// legend is the ★/▲ line above the school table, per school year.
	legend func(year string) string
}

// formTable is one union's table of a version.
type formTable struct {
	caption  string
	columns  []report.Column
	answer   func(outcome string) string // the conclusion cell of a result
	groups   map[string]string           // a heading row over the items of a number: 2020's "3.机构和人员规模"
	linkRow  bool                        // a first row "自评公开链接 | link" (二级, S3)
	section  string                      // a heading row before the items: "二级学生会组织情况" (S3)
	closing  string                      // a last free-text row: "问题不足（选填）" (S3)
	unmarked bool                        // items print without ★/▲
}

// Answers as the forms take them: boxes (☑ ticked, □ blank, ☑是 □否 as
// S5 shows the real glyphs), the words 达标 / 未达标 (2020), or 是 / 否
// written in (the 二级 table: "请填写是/否"). 数据不足 leaves the cell
// blank: no tick without a basis.
func boxes(outcome string) string {
	switch outcome {
	case compliance.Pass:
		return "☑是 □否"
	case compliance.Fail:
		return "□是 ☑否"
	}
	return "□是 □否"
}

func passWords(outcome string) string {
	switch outcome {
	case compliance.Pass:
		return "达标"
	case compliance.Fail:
		return "未达标"
	}
	return ""
}

func yesNo(outcome string) string {
	switch outcome {
	case compliance.Pass:
		return "是"
	case compliance.Fail:
		return "否"
	}
	return ""
}

// collegeTable is the 二级 table of 2021 (S3), the only complete one found.
// The 2021—2022 to 2023—2024 二级 tables are not readable in any copy (S7
// gives their title only), so their pages print S3's columns, rows and
// closing row under that title. S3's column reads "符合标准情(请填写是/否)",
// a slip for 符合标准情况 (reference §2). Whether S3's link row comes before
// or after the column heads cannot be seen; it is the first row here.
func collegeTable(caption string) formTable {
	return formTable{caption: caption, unmarked: true, linkRow: true, section: "二级学生会组织情况", closing: "问题不足（选填）",
		answer: yesNo, columns: []report.Column{{Title: "项目", Width: 46}, {Title: "符合标准情况（请填写是/否）", Width: 11},
			{Title: "备注", Width: 20}}}
}

const collegeCaption = "（二）二级学生会组织（含二级院系、书院、分校区等学生会、研究生会）改革自评表"

// schoolTable2021 is the 校级 table of the 自评表 (S4–S6, S8). Their header
// block (组织名称, 二级数量, 核查, 自评公开链接 on the 2021 备案表) is not in
// the readable part of any copy; the school form's header is the filler's
// block (see formHeader).
var schoolTable2021 = formTable{caption: "（一）校级学生会组织改革自评表", answer: boxes,
	columns: []report.Column{{Title: "指标", Width: 46}, {Title: "结论", Width: 9}, {Title: "备注", Width: 20}}}

var formVersions = map[string]formVersion{
	// 2020 (S1): 项目 / 验收结论 / 备注, 达标 / 未达标, no marks, the
	// "3.机构和人员规模" heading over three unnumbered rows. Nothing after
	// item 9 is readable, its 院系 part included: the 二级 unions' pages
	// print S3's 2021 table under S3's own title, without the "（一）" that
	// numbers it on S3's page.
	compliance.Form2020: {
		title: "高校学生会组织深化改革评估备案表",
		school: formTable{answer: passWords, unmarked: true, groups: map[string]string{"3": "机构和人员规模"},
			columns: []report.Column{{Title: "项目", Width: 46}, {Title: "验收结论", Width: 7}, {Title: "备注", Width: 20}}},
		college: collegeTable("二级学生会组织改革自评表"),
	},
	// 2021—2022 and 2022—2023 (S4–S7). The legend names the school year
	// (S4, S5); S6 prints it without the year, as here for any other year.
	compliance.Form2021: {
		title:   "改革自评表",
		school:  schoolTable2021,
		college: collegeTable(collegeCaption),
		legend: func(year string) string {
			if year == "2021—2022" || year == "2022—2023" {
				return "标注“★”为核心指标；标注“▲”为观测指标，" + year + "学年暂不作硬性要求。"
			}
			return "标注“★”为核心指标；标注“▲”为观测指标。"
		},
	},
	// 2023—2024 (S8): the ▲ sentence is gone from the legend. S8 heads the
	// table "（一）校级学生会组织改革自评" without 表, taken here as the
	// publishing college's slip like the others the reference lists.
	compliance.Form2023: {
		title:   "改革自评表",
		school:  schoolTable2021,
		college: collegeTable(collegeCaption),
		legend:  func(string) string { return "标注“★”为核心指标。" },
	},
}

// formYear writes a school year as the forms do: 2021—2022.
func formYear(sem app.Semester) string { return strings.Replace(sem.Year(), "-", "—", 1) }

// itemNumber writes an item's number as the forms print it: "1★." for a
// core item (2021—2022 on), "2." otherwise.
func itemNumber(r compliance.Rule, unmarked bool) string {
	if !unmarked {
		switch r.Mark {
		case data.MarkCore:
			return r.Number + "★."
		case data.MarkObserved:
			return r.Number + "▲."
		}
	}
	return r.Number + "."
}
