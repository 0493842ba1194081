package reports

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/data"
)

// The forms are compared with reference/self-assessment-forms.md, copied
// verbatim into testdata: its tables are parsed here, and the corrections
// the reference itself documents (half-width punctuation, the slips of the
// publishing colleges) are made in this file, each where it applies.

// refItem is one row of a reference table.
type refItem struct{ no, mark, text, prompt string }

// refSections splits the reference into its numbered sections.
func refSections(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile("testdata/self-assessment-forms.md")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, part := range strings.Split(string(b), "\n## ")[1:] {
		num, _, _ := strings.Cut(part, ".")
		out[num] = part
	}
	return out
}

var (
	annotation = regexp.MustCompile(`\s+\((page|sic|printed|S\d|blank)[^)]*\)\s*$`)
	itemNo     = regexp.MustCompile(`^(\d+[a-c]?|—)$`)
	boldCols   = regexp.MustCompile(`Columns:? \*\*(.+?)\*\*`)
)

// refTable reads the items of a section's table.
func refTable(section string) []refItem {
	var out []refItem
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		cells := strings.Split(strings.TrimSpace(line), "|")
		cells = cells[1 : len(cells)-1]
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if !itemNo.MatchString(cells[0]) {
			continue
		}
		it := refItem{no: cells[0]}
		if len(cells) == 4 {
			it.mark = cells[1]
			cells = []string{cells[0], cells[2], cells[3]}
		}
		it.text = annotation.ReplaceAllString(cells[1], "")
		it.prompt = annotation.ReplaceAllString(cells[2], "")
		out = append(out, it)
	}
	return out
}

// fullWidth prints the pages' half-width punctuation as the forms do
// (reference §2), and drops the space the archive puts before a bracket.
func fullWidth(s string) string {
	s = strings.NewReplacer(",", "，", "(", "（", ")", "）", ":", "：", ";", "；").Replace(s)
	return strings.ReplaceAll(strings.ReplaceAll(s, " （", "（"), "” ", "”")
}

// prompt is the 备注 prompt a row must print, "" for none: the part before
// the blank ("实有"), or the whole prompt ("召开日期为：").
func prompt(p string) string {
	switch {
	case p == "—", p == "(heading row)", p == "free text":
		return ""
	case strings.HasPrefix(p, "not visible"): // 2021—23 item 11: S1 and S8 print 召开日期为:
		return "召开日期为："
	}
	before, _, _ := strings.Cut(fullWidth(p), "__")
	return strings.TrimSpace(before)
}

// formOf is the self-assessment form of a semester with its school and
// first 二级 table.
func formOf(t *testing.T, svc *app.Service, sem app.Semester) (report.Document, report.Section, report.Section) {
	t.Helper()
	d := make(t, svc, "selfcheck", Options{Semester: sem})
	if len(d.Sections) != 4 {
		t.Fatalf("%s: %d forms, want the school union's and three 二级", sem.Year(), len(d.Sections))
	}
	return d, d.Sections[0], d.Sections[1]
}

func columns(s report.Section) string {
	var out []string
	for _, c := range s.Columns {
		out = append(out, c.Title)
	}
	return strings.Join(out, " | ")
}

// checkItems compares a table's item rows with the reference's, their 备注
// with its prompts and their answers with the version's.
func checkItems(t *testing.T, name string, rows [][]string, want []refItem, marked bool, answers []string) {
	t.Helper()
	if len(rows) != len(want) {
		t.Errorf("%s: %d rows, the reference has %d:\n%q", name, len(rows), len(want), rows)
		return
	}
	for i, it := range want {
		text := fullWidth(it.text)
		var first string
		switch {
		case it.prompt == "(heading row)":
			first = it.no + "." + text
		case len(it.no) > 1 && it.no[len(it.no)-1] >= 'a': // 3a–3c: unnumbered rows under the heading
			first = text
		case marked && it.mark == "★":
			first = it.no + "★." + text
		default:
			first = it.no + "." + text
		}
		got := rows[i][0]
		if it.mark == "none shown" && got == it.no+"★."+text { // 2023—24: whether ★ survives cannot be seen
			got = it.no + "." + text
		}
		if got != first {
			t.Errorf("%s row %s:\n got  %s\n want %s", name, it.no, rows[i][0], first)
		}
		if p := prompt(it.prompt); !strings.HasPrefix(rows[i][2], p) {
			t.Errorf("%s row %s: 备注 %q does not start with the form's prompt %q", name, it.no, rows[i][2], p)
		}
		if strings.Count(rows[i][2], "实有") > 1 || strings.Contains(rows[i][2], "学生会：") {
			t.Errorf("%s row %s: 备注 %q", name, it.no, rows[i][2])
		}
		if it.prompt != "(heading row)" && !slices.Contains(answers, rows[i][1]) {
			t.Errorf("%s row %s: answer %q, the form takes %q", name, it.no, rows[i][1], answers)
		}
	}
}

// The 二级 table is S3's (reference §5) in every version: the link row,
// the section heading, items 1–13 and the closing row.
func checkCollege(t *testing.T, ref map[string]string, s report.Section, caption string) {
	t.Helper()
	if s.Caption != caption {
		t.Errorf("二级 caption %q, want %q", s.Caption, caption)
	}
	cols := boldCols.FindStringSubmatch(ref["5"])[1]
	cols = strings.Replace(cols, "符合标准情(", "符合标准情况(", 1) // S3's slip (reference §2)
	if got, want := columns(s), fullWidth(cols); got != want {
		t.Errorf("二级 columns %q, want %q", got, want)
	}
	items := refTable(ref["5"])
	closing := items[len(items)-1]
	if s.Rows[0][0] != "自评公开链接" || s.Rows[1][0] != "二级学生会组织情况" || !s.Spans[1] ||
		s.Rows[len(s.Rows)-1][0] != fullWidth(closing.text) {
		t.Errorf("二级 rows around the items: %q … %q", s.Rows[:2], s.Rows[len(s.Rows)-1])
	}
	checkItems(t, "二级", s.Rows[2:len(s.Rows)-1], items[:len(items)-1], false, []string{"是", "否", ""})
	if !s.NewPage || len(s.Header) != 1 || s.Header[0].Label != "组织名称" || !strings.HasSuffix(s.Header[0].Value, "学生会") ||
		len(s.Signature) == 0 {
		t.Errorf("二级 form's page, header and signature: %v %q %q", s.NewPage, s.Header, s.Signature)
	}
}

func TestFormsFollowTheReferenceVersionByVersion(t *testing.T) {
	svc := sampleService(t)
	ref := refSections(t)
	boxes := []string{"☑是 □否", "□是 ☑否", "□是 □否"}

	t.Run("2020 评估备案表", func(t *testing.T) {
		d, school, college := formOf(t, svc, fall2020)
		title := regexp.MustCompile(`- Title: (\S+)`).FindStringSubmatch(ref["3"])[1]
		if d.Title != title || school.Caption != "" || len(school.Notes) != 0 {
			t.Errorf("title %q, caption %q, legend %q; want %q and neither", d.Title, school.Caption, school.Notes, title)
		}
		if got, want := columns(school), boldCols.FindStringSubmatch(ref["3"])[1]; got != want {
			t.Errorf("columns %q, want %q", got, want)
		}
		checkItems(t, "2020", school.Rows, refTable(ref["3"]), false, []string{"达标", "未达标", ""})
		if school.Header[0].Label != "组织名称" || !strings.HasSuffix(school.Header[0].Value, "☑学生会/□研究生会") {
			t.Errorf("header %q", school.Header)
		}
		// S3's heading without the "（一）" that numbers it on its page.
		heading := regexp.MustCompile(`"一、改革自评表 \(一\)(\S+)"`).FindStringSubmatch(ref["5"])[1]
		checkCollege(t, ref, college, heading)
	})

	heading6 := regexp.MustCompile(`Heading \(S4, S5\): "一、(\S+) (\S+)"`).FindStringSubmatch(ref["6"])
	college6 := regexp.MustCompile(`二级 title: "(\S+)"`).FindStringSubmatch(ref["6"])[1]
	legends := map[string]string{}
	for _, m := range regexp.MustCompile(`\| S[45], (\d{4}—\d{4}) \| ([^|]+?) \|`).FindAllStringSubmatch(ref["6"], -1) {
		legends[m[1]] = m[2]
	}
	for _, sem := range []app.Semester{{StartYear: 2021, Term: 1}, {StartYear: 2022, Term: 2}} {
		year := formYear(sem)
		t.Run(year+" 自评表", func(t *testing.T) {
			d, school, college := formOf(t, svc, sem)
			if d.Title != heading6[1] || school.Caption != fullWidth(heading6[2]) {
				t.Errorf("title %q, caption %q; want %q, %q", d.Title, school.Caption, heading6[1], fullWidth(heading6[2]))
			}
			if len(school.Notes) != 1 || school.Notes[0] != fullWidth(legends[year]) {
				t.Errorf("legend %q, want %q", school.Notes, fullWidth(legends[year]))
			}
			if got, want := columns(school), boldCols.FindStringSubmatch(ref["6"])[1]; got != want {
				t.Errorf("columns %q, want %q", got, want)
			}
			checkItems(t, year, school.Rows, refTable(ref["6"]), true, boxes)
			checkCollege(t, ref, college, fullWidth(college6))
		})
	}

	t.Run("2023—2024 自评表", func(t *testing.T) {
		d, school, college := formOf(t, svc, app.Semester{StartYear: 2023, Term: 1})
		legend := regexp.MustCompile(`Legend: \*\*(\S+)\*\*`).FindStringSubmatch(ref["7"])[1]
		if d.Title != heading6[1] || len(school.Notes) != 1 || school.Notes[0] != legend {
			t.Errorf("title %q, legend %q; want %q", d.Title, school.Notes, legend)
		}
		// S8 heads it "(一)校级学生会组织改革自评" (sic, without 表).
		if want := regexp.MustCompile(`Heading: "(\S+)"`).FindStringSubmatch(ref["7"])[1] + "表"; school.Caption != fullWidth(want) {
			t.Errorf("caption %q, want %q", school.Caption, fullWidth(want))
		}
		if got, want := columns(school), boldCols.FindStringSubmatch(ref["7"])[1]; got != want {
			t.Errorf("columns %q, want %q", got, want)
		}
		var items []refItem
		for _, it := range refTable(ref["7"]) {
			switch it.no {
			case "9": // S8 stops at "…审核后"; every other version ends "审核后确定。" (reference §2)
				it.text += "确定。"
			case "12": // cut off on S8: not on the form
				continue
			}
			items = append(items, it)
		}
		checkItems(t, "2023—2024", school.Rows, items, true, boxes)
		checkCollege(t, ref, college, fullWidth(college6))
	})
}

// The college's own commitments (秘书长) are on no national form, and the
// school form's header is the filler's block.
func TestSchoolFormHeaderAndNoCollegeCommitment(t *testing.T) {
	svc := sampleService(t)
	for _, sem := range []app.Semester{fall2020, {StartYear: 2021, Term: 1}, {StartYear: 2023, Term: 1}} {
		d := make(t, svc, "selfcheck", Options{Semester: sem})
		for _, s := range d.Sections {
			for _, r := range s.Rows {
				if strings.Contains(r[0], "校团委专职副书记") {
					t.Errorf("%s: %q", sem.Year(), r[0])
				}
			}
		}
		var labels []string
		for _, f := range d.Sections[0].Header {
			labels = append(labels, f.Label)
		}
		want := "填报单位 填表人 联系电话 填报日期"
		if sem == fall2020 {
			want = "组织名称 填表人 联系电话 填报日期"
		}
		if strings.Join(labels, " ") != want || d.Sections[0].Header[0].Value[:len(app.SampleSchool)] != app.SampleSchool ||
			d.Signature || d.Sections[0].NewPage || len(d.Sections[0].Signature) == 0 {
			t.Errorf("%s: school header %q, signature %v / %q", sem.Year(), d.Sections[0].Header, d.Signature, d.Sections[0].Signature)
		}
	}
	// The school union's choice of its own set changes nothing on the form.
	if err := compliance.UseBuiltinForYear(svc, fall2020, "chaoshan"); err != nil {
		t.Fatal(err)
	}
	d := make(t, svc, "selfcheck", Options{Semester: fall2020})
	if d.Title != "高校学生会组织深化改革评估备案表" || len(d.Sections[0].Rows) != 12 {
		t.Errorf("with the college's own set in force: %q, %d rows", d.Title, len(d.Sections[0].Rows))
	}
}

// --org prints that union's form alone, under its own header; a college's
// 团委 gives its 学生会.
func TestFormOfOneUnion(t *testing.T) {
	svc := sampleService(t)
	tree, _ := svc.OrgTree()
	college := tree.OfKinds(data.KindCollegeUnion)[1]
	for _, id := range []uint{college.ID, *college.ParentID} {
		d := make(t, svc, "selfcheck", Options{Semester: fall2020, OrganizationID: id})
		if len(d.Sections) != 1 || d.Sections[0].Header[0].Value != app.SampleSchool+college.Name {
			t.Fatalf("--org %d: %d forms, header %q", id, len(d.Sections), d.Sections[0].Header)
		}
	}
	league := tree.OfKinds(data.KindClubFederation)[0]
	if _, err := selfCheck(svc, Options{Semester: fall2020, OrganizationID: league.ID}); err == nil {
		t.Fatal("a form for an organization that is no union")
	}
}

// What the records cannot show prints blank with 数据不足 under the form's
// prompt; a teacher's conclusion prints as the answer with its basis.
func TestFormPrintsDataGapsAndManualConclusions(t *testing.T) {
	svc := sampleService(t)
	sem := app.Semester{StartYear: 2021, Term: 1}
	_, school, college := formOf(t, svc, sem)
	staff := school.Rows[2]
	if staff[1] != "□是 ☑否" || staff[2] != "实有51人" {
		t.Errorf("staff item %q", staff)
	}
	congress := college.Rows[2+8]
	if !strings.HasPrefix(congress[0], "9.") || congress[1] != "" || congress[2] != "召开日期为：\n数据不足：没有学生代表大会记录" {
		t.Errorf("二级 congress item %q", congress)
	}
	heard := college.Rows[2+11]
	if heard[1] != "" || heard[2] != "数据不足：此项没有可核对的记录，须人工确认" {
		t.Errorf("二级 item 12 before a conclusion %q", heard)
	}

	r, _, err := compliance.RunForm(svc, sem)
	if err != nil {
		t.Fatal(err)
	}
	var item compliance.Result
	for _, res := range r.Results {
		if res.Org.Name == "机电工程学院学生会" && res.Rule.Number == "12" {
			item = res
		}
	}
	if _, err := compliance.SaveConclusion(svc, compliance.ConclusionDraft{OrganizationID: item.Org.ID, Semester: sem,
		Rule: item.Rule, Outcome: compliance.Pass, Note: "2021年10月学院党委会听取汇报", RecordedBy: "黄思远"}); err != nil {
		t.Fatal(err)
	}
	_, _, college = formOf(t, svc, sem)
	if heard := college.Rows[2+11]; heard[1] != "是" || heard[2] != "2021年10月学院党委会听取汇报" {
		t.Errorf("二级 item 12 after the conclusion %q", heard)
	}
}

// The official forms print in black: a breach is a ticked 否 and its
// figure, not a red row (the forms have none; a red line photocopies grey
// and reads as a correction).
func TestFormsHaveNoRedRows(t *testing.T) {
	svc := sampleService(t)
	for _, sem := range []app.Semester{fall2020, {StartYear: 2021, Term: 1}, {StartYear: 2023, Term: 1}} {
		d := make(t, svc, "selfcheck", Options{Semester: sem})
		failed := false
		for _, s := range d.Sections {
			for i, r := range s.Rows {
				failed = failed || strings.Contains(strings.Join(r, ""), "☑否") || strings.Contains(strings.Join(r, ""), "未达标")
				if i < len(s.Alerts) && s.Alerts[i] {
					t.Errorf("%s: row %q printed red", sem, r[0])
				}
			}
		}
		if !failed {
			t.Errorf("%s: the sample has no breach to print", sem)
		}
	}
}
