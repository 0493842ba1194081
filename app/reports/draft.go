package reports

import (
	"fmt"
	"strings"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
)

// draft is the 自评报告 draft, in the shape of a real report like the
// source college's (seed/): addressee, opening, the sections of that report
// with numbered headings 一、（一）1., problems and rectification, a closing
// paragraph and the sign-off. Every figure comes from the records, in
// sentences of our own; what the records cannot know is a visible
// placeholder 【请补充：……】 for the teacher, never a count of nothing
// where a teacher would write three.
func draft(svc *app.Service, o Options) (report.Document, error) {
	f, err := gatherDraft(svc, o)
	if err != nil {
		return report.Document{}, err
	}
	w := &draftWriter{}
	f.opening(w)
	f.reform(w)
	f.structure(w)
	f.cadres(w)
	f.problems(w)
	f.closing(w)
	charts, err := Charts(svc, o)
	if err != nil {
		return report.Document{}, err
	}
	if err := f.gradesOfText(charts); err != nil {
		return report.Document{}, err
	}
	return report.Document{Title: f.unitName() + "深化改革自评报告", Paragraphs: w.paras, Charts: charts}, nil
}

// gradesOfText makes the grade chart show the semester the text reports:
// early in a semester nobody is assessed yet, and the text gives the last
// semester's grades, so the chart does too, and says which semester.
func (f *draftFacts) gradesOfText(charts []report.Chart) error {
	if f.gradesOf == f.o.Semester {
		return nil
	}
	last, err := assessment(f.svc, Options{Semester: f.gradesOf, OrganizationID: f.o.OrganizationID})
	if err != nil {
		return err
	}
	for i := range charts {
		if charts[i].Title == ChartGrades {
			charts[i] = last.Charts[0]
			charts[i].Title = ChartGrades + "（" + f.gradesOf.Label() + "）"
		}
	}
	return nil
}

// ask is a placeholder for what only the teacher knows.
func ask(what string) string { return "【请补充：" + what + "】" }

// draftWriter numbers the headings as official documents do.
type draftWriter struct {
	paras    []report.Paragraph
	counters [4]int
}

var chineseNumbers = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

func (w *draftWriter) heading(level int, text string) {
	w.counters[level]++
	for l := level + 1; l < len(w.counters); l++ {
		w.counters[l] = 0
	}
	n := w.counters[level]
	var number string
	switch level {
	case 1:
		number = chineseNumbers[n-1] + "、"
	case 2:
		number = "（" + chineseNumbers[n-1] + "）"
	default:
		number = fmt.Sprintf("%d.", n)
	}
	w.paras = append(w.paras, report.Paragraph{Heading: true, Level: level, Text: number + text})
}

// para adds a paragraph of the non-empty sentences given.
func (w *draftWriter) para(sentences ...string) {
	var out []string
	for _, s := range sentences {
		if s != "" {
			out = append(out, s)
		}
	}
	if len(out) > 0 {
		w.paras = append(w.paras, report.Paragraph{Text: strings.Join(out, "")})
	}
}

func (w *draftWriter) aligned(align, text string) {
	w.paras = append(w.paras, report.Paragraph{Text: text, Align: align})
}

// unitName is the school union as the report names itself.
func (f *draftFacts) unitName() string {
	if f.school != nil {
		return fullName(f.settings, *f.school)
	}
	if f.settings.SchoolName != "" {
		return f.settings.SchoolName + "学生会"
	}
	return ask("学校名称") + "学生会"
}

func (f *draftFacts) opening(w *draftWriter) {
	to := f.settings.Addressee
	if to == "" {
		to = ask("上级学生联合会名称，可在“系统设置”中填写")
	}
	w.aligned(report.AlignLeft, to+"：")
	w.para(fmt.Sprintf("%s学年，%s按照学生会组织深化改革的要求，对照%s逐项开展自查。", formYear(f.o.Semester),
		f.unitName(), f.basis()), f.unionsSentence(),
		ask("本学年学生会工作的总体情况和主要成效"))
	w.para("经过自查，现将有关情况报告如下：")
}

// basis names what the check compared against: the national forms, or the
// set the college made its own.
func (f *draftFacts) basis() string {
	switch key, national := compliance.NationalOf(f.check.Set); {
	case !national:
		return "“" + f.check.Set.Name + "”"
	case key == compliance.Form2020:
		return "《高校学生会组织深化改革评估备案表》"
	}
	return "《校级学生会组织改革自评表》和《二级学生会组织改革自评表》"
}

func (f *draftFacts) unionsSentence() string {
	inPost := f.inPost()
	n := len(f.colleges)
	if f.school != nil {
		n++
	}
	if n == 0 {
		return "系统中尚未登记学生会组织。"
	}
	return fmt.Sprintf("全校现有学生会组织 %d 个（校级学生会 %d 个、二级学院学生会 %d 个），在任工作人员 %d 人。",
		n, n-len(f.colleges), len(f.colleges), len(inPost))
}

func (f *draftFacts) closing(w *draftWriter) {
	w.para("下一步，", f.unitName(), "将对照改革要求，逐项落实上述整改措施，按期完成整改并销号，",
		"持续规范学生会组织建设。", ask("下一步工作打算"))
	w.aligned(report.AlignRight, f.unitName())
	w.aligned(report.AlignRight, chineseDate(f.svc.Today()))
}
