package reports

import (
	"archive/zip"
	"bytes"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tuanxue/app"
	"tuanxue/app/apptest"
	"tuanxue/app/report"
)

var (
	sampleService = apptest.Sample
	fall2020      = apptest.Fall2020
	spring2020    = app.Semester{StartYear: 2019, Term: 2}
)

func make(t *testing.T, svc *app.Service, name string, o Options) report.Document {
	t.Helper()
	r, err := Find(name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := r.Make(svc, o)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

func row(t *testing.T, s report.Section, first string) []string {
	t.Helper()
	for _, r := range s.Rows {
		if r[0] == first {
			return r
		}
	}
	t.Fatalf("no row %q in %q", first, s.Rows)
	return nil
}

// TestReportFiguresOfTheSampleCollege checks each report against figures
// worked out by hand from the sample (app/sample*.go).
func TestReportFiguresOfTheSampleCollege(t *testing.T) {
	svc := sampleService(t)

	// Each count with its cap beside it: 主席团 3 of 5, 6 departments of 6,
	// 12 heads, 36 staff, 51 of 40; no 群众; 49 of 51 have applied to join
	// the Party (all but n = 20 and 40, 共青团员 with no application).
	scale := make(t, svc, "scale", Options{Semester: fall2020}).Sections[0]
	if got := strings.Join(row(t, scale, "校学生会")[1:12], ","); got != "3,5,6,6,12,36,51,40,0,49,96.1%" {
		t.Errorf("school union staffing %s, want 3,5,6,6,12,36,51,40,0,49,96.1%%", got)
	}
	if !strings.Contains(row(t, scale, "校学生会")[12], "51 人，超过 40 人") || !scale.Alerts[0] {
		t.Errorf("school union breach %q", row(t, scale, "校学生会")[12])
	}
	if got := strings.Join(row(t, scale, "机电工程学院学生会")[1:13], ","); got != "2,3,4,,8,20,30,30,0,28,93.3%,符合" {
		t.Errorf("college union %s", got)
	}

	// Scores 72 + (13i mod 27) for the 51 in post, one set to 不合格 (54.1);
	// last year's chair was still in post for two weeks, not assessed.
	dist := make(t, svc, "assessment", Options{Semester: spring2020}).Sections
	if got := strings.Join(row(t, dist[0], "校学生会")[1:], ","); got != "18,17,15,1,1,52" {
		t.Errorf("grades of the school union %s, want 18,17,15,1,1,52", got)
	}
	if len(dist[1].Rows) != 1 || dist[1].Rows[0][2] != "校学生会" {
		t.Errorf("不合格名单 %q", dist[1].Rows)
	}

	exits := make(t, svc, "exits", Options{Semester: spring2020}).Sections
	if got := row(t, exits[0], "届满")[1]; got != "1" || exits[1].Rows[0][2] != "许嘉堃" {
		t.Errorf("exits %q / %q", exits[0].Rows, exits[1].Rows)
	}

	training := make(t, svc, "training", Options{Semester: fall2020}).Sections
	if got := training[0].Rows[0][7]; got != "45/51（88%）" {
		t.Errorf("attendance of the cadre training %q", got)
	}
	if len(training[1].Rows) != 141 {
		t.Errorf("per-person rows %d", len(training[1].Rows))
	}

	// The forms themselves: forms_test.go.
	self := make(t, svc, "selfcheck", Options{Semester: fall2020})
	if len(self.Sections) != 4 || len(self.Sections[0].Rows) != 12 {
		t.Fatalf("self-check: %d tables, %d school rows", len(self.Sections), len(self.Sections[0].Rows))
	}
	staff := self.Sections[0].Rows[3]
	if !strings.HasPrefix(staff[0], "校级学生会组织工作人员不超过40人") || staff[1] != "未达标" || staff[2] != "实有51" {
		t.Errorf("staff item %q", staff)
	}

	cov := make(t, svc, "coverage", Options{Semester: fall2020}).Sections[0]
	first := row(t, cov, "机电工程学院学生会")
	// Where nothing is recorded the grid says so (无记录), not that nothing
	// happened ("！未召开"); the row stands out instead.
	if first[1] != "实有 30 人 / 上限 30" || first[2] != "无记录" || !strings.HasPrefix(first[3], "2020-") || first[4] != "无记录" {
		t.Errorf("coverage %q", first)
	}
	if row(t, cov, "信息工程学院学生会")[3] != "无记录" || !cov.Alerts[1] {
		t.Errorf("late report not marked: %q", row(t, cov, "信息工程学院学生会"))
	}
	for _, r := range cov.Rows {
		if strings.Contains(strings.Join(r, ""), "！") {
			t.Errorf("a ！ in %q", r)
		}
	}

	draft := make(t, svc, "draft", Options{Semester: fall2020})
	var text strings.Builder
	for _, p := range draft.Paragraphs {
		text.WriteString(p.Text)
	}
	for _, want := range []string{"实有工作人员 51 人", "出席 45/51（88%）", "在任工作人员 141 人", "整改期限为"} { // more in draft_test.go
		if !strings.Contains(text.String(), want) {
			t.Errorf("draft lacks %q", want)
		}
	}
}

func TestExcelOfAReportCellByCell(t *testing.T) {
	svc := sampleService(t)
	var buf bytes.Buffer
	if err := Write(&buf, make(t, svc, "scale", Options{Semester: fall2020}), "xlsx"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Sheet1")
	want := [][]string{
		{"学生会组织规模统计表"},
		nil, // subtitle: school and date
		{"组织", "主席团", "主席团上限", "工作部门", "部门上限", "部门负责人", "干事", "合计", "人数上限", "群众", "递交入党申请书", "比例", "情况"},
	}
	if rows[0][0] != want[0][0] || !strings.HasPrefix(rows[1][0], app.SampleSchool) || strings.Join(rows[2], ",") != strings.Join(want[2], ",") {
		t.Fatalf("head rows %q", rows[:3])
	}
	if strings.Join(rows[3][:12], ",") != "校学生会,3,5,6,6,12,36,51,40,0,49,96.1%" {
		t.Fatalf("first data row %q", rows[3])
	}
	style, _ := f.GetCellStyle("Sheet1", "A4")
	st, _ := f.GetStyle(style)
	if st.Font == nil || st.Font.Color != "BE001E" {
		t.Fatal("breach row not red")
	}
}

// TestPDFOfAManyPageRoster reads the PDF back as text: Chinese, page
// numbers, and the header row again on page 2.
func TestPDFOfAManyPageRoster(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext (poppler-utils) is needed; make test installs it")
	}
	svc := sampleService(t)
	path := filepath.Join(t.TempDir(), "名册.pdf")
	f, _ := os.Create(path)
	if err := Write(f, make(t, svc, "roster", Options{Semester: fall2020}), "pdf"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	pages := func(n int) string {
		out, err := exec.Command("pdftotext", "-f", itoa(n), "-l", itoa(n), "-layout", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	// pdftotext keeps or drops the narrow spaces of "第 1 页" as the rest of
	// the page leads it to: compare without them.
	one, two := pages(1), pages(2)
	if !strings.Contains(one, "学生骨干名册") || !strings.Contains(one, "潮汕职业技术学院") || !strings.Contains(noSpace(one), "第1页/共") {
		t.Fatalf("page 1:\n%s", one)
	}
	if !strings.Contains(two, "学号") || !strings.Contains(two, "建议退出原因") || !strings.Contains(noSpace(two), "第2页/共") {
		t.Fatalf("page 2 lacks the header row or the page number:\n%s", two)
	}
	info, _ := exec.Command("pdfinfo", path).Output()
	if !strings.Contains(string(info), "Pages:") || strings.Contains(string(info), "Pages:           1\n") {
		t.Fatalf("roster of 141 should take several pages:\n%s", info)
	}
	// The font is embedded, and only the glyphs used: the file is a small
	// part of the 4.6 MB font.
	fonts, _ := exec.Command("pdffonts", path).Output()
	if !strings.Contains(string(fonts), "CID TrueType      Identity-H       yes") {
		t.Fatalf("font not embedded:\n%s", fonts)
	}
	if st, _ := os.Stat(path); st.Size() > 400<<10 {
		t.Fatalf("PDF of %d KB: the font is not subset", st.Size()>>10)
	}
}

// TestChartsOfTheSampleCollege: the dashboard's charts agree with the
// figures of the reports' tables.
func TestChartsOfTheSampleCollege(t *testing.T) {
	svc := sampleService(t)
	charts, err := Charts(svc, Options{Semester: fall2020})
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]report.Chart{}
	for _, c := range charts {
		byTitle[c.Title] = c
	}
	bar := func(chart, label string) report.Bar {
		t.Helper()
		for _, b := range byTitle[chart].Bars {
			if b.Label == label {
				return b
			}
		}
		t.Fatalf("no bar %q in chart %q: %+v", label, chart, byTitle[chart])
		return report.Bar{}
	}
	school := bar(ChartStaff, "校学生会")
	if school.Value != 51 || school.Limit != 40 || !school.Marked() {
		t.Errorf("school union staff %+v, want 51 over the limit 40", school)
	}
	if b := bar(ChartStaff, "机电工程学院学生会"); b.Value != 30 || b.Limit != 30 || b.Marked() {
		t.Errorf("college union staff %+v, want 30 at the limit 30", b)
	}
	if b := bar(ChartPresidium, "校学生会"); b.Value != 3 || b.Limit != 5 || b.Marked() {
		t.Errorf("school presidium %+v", b)
	}
	if b := bar(ChartDepartments, "校学生会"); b.Value != 6 || b.Limit != 6 {
		t.Errorf("school departments %+v", b)
	}

	// Grades: the same totals as the 等次分布 table's 合计 row.
	spring := make(t, svc, "assessment", Options{Semester: spring2020})
	total := row(t, spring.Sections[0], "合计")
	for i, b := range spring.Charts[0].Bars {
		if strconv.Itoa(b.Value) != total[i+1] {
			t.Errorf("grade bar %s = %d, table says %s", b.Label, b.Value, total[i+1])
		}
	}
	if b := spring.Charts[0].Bars[3]; b.Label != "不合格" || b.Value != 1 || !b.Alert {
		t.Errorf("不合格 bar %+v", b)
	}

	// Trainings: four semesters ending with this one, counted as the report lists them.
	tc := byTitle[ChartTrainings]
	if len(tc.Bars) != 4 || tc.Bars[3].Key != fall2020.String() || tc.Bars[0].Key != fall2020.Prev().Prev().Prev().String() {
		t.Fatalf("training chart semesters %+v", tc.Bars)
	}
	for _, b := range tc.Bars {
		sem, _ := app.ParseSemester(b.Key)
		listed := len(make(t, svc, "training", Options{Semester: sem}).Sections[0].Rows)
		if b.Value != listed {
			t.Errorf("%s: %d trainings in the chart, %d in the report", b.Label, b.Value, listed)
		}
	}
	if tc.Bars[3].Value == 0 || !strings.HasPrefix(tc.Bars[3].Note, "出勤率 ") {
		t.Errorf("this semester's trainings %+v", tc.Bars[3])
	}

	// Rectification: every item of the ledger in one bar, overdue ones marked.
	items, _ := svc.Ledger(app.RectFilter{Semester: fall2020})
	n, overdue := 0, 0
	for _, b := range byTitle[ChartLedger].Bars {
		n += b.Value
		if b.Alert {
			overdue++
		}
	}
	if n != len(items) || n == 0 {
		t.Errorf("ledger chart counts %d items, the ledger has %d", n, len(items))
	}
	for _, item := range items {
		if svc.Overdue(item) && overdue == 0 {
			t.Errorf("an overdue item but no marked bar: %+v", byTitle[ChartLedger].Bars)
		}
	}
}

// TestScalePDFCarriesTheStaffingChart: the chart's title, legend and each
// union's figures are text in the PDF, so they print in the bundled font.
func TestScalePDFCarriesTheStaffingChart(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext (poppler-utils) is needed; make test installs it")
	}
	path := filepath.Join(t.TempDir(), "scale.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := report.WritePDF(f, make(t, sampleService(t), "scale", Options{Semester: fall2020})); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{ChartStaff, ChartPresidium, ChartDepartments, "在上限内", "超出上限",
		"51 人 · 上限 40 · 超出 11", "30 人 · 上限 30", "3 人 · 上限 5", "工作人员数"} {
		if !strings.Contains(text, want) {
			t.Errorf("the scale PDF lacks %q:\n%s", want, text)
		}
	}
	if dir := os.Getenv("TUANXUE_KEEP_PDF"); dir != "" { // to look at it: pdftoppm
		data, _ := os.ReadFile(path)
		os.WriteFile(filepath.Join(dir, "scale.pdf"), data, 0o644)
	}
}

func TestDocxOfTheDraftOpens(t *testing.T) {
	svc := sampleService(t)
	draft := make(t, svc, "draft", Options{Semester: fall2020})
	var buf bytes.Buffer
	if err := Write(&buf, draft, "docx"); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal("not a Word file:", err)
	}
	var pictures []*zip.File
	hasBody := false
	for _, f := range z.File {
		hasBody = hasBody || f.Name == "word/document.xml"
		if strings.HasPrefix(f.Name, "word/media/") {
			pictures = append(pictures, f)
		}
	}
	if !hasBody || len(draft.Charts) != 6 || len(pictures) != len(draft.Charts) {
		t.Fatalf("body %v, %d pictures for %d charts", hasBody, len(pictures), len(draft.Charts))
	}
	// Print quality: 300 dpi across the 174 mm a chart takes.
	r, err := pictures[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(r)
	if err != nil {
		t.Fatal(err)
	}
	if w := img.Bounds().Dx(); w < 2054 { // 174 mm × 300 / 25.4
		t.Errorf("chart picture %d px wide, below 300 dpi", w)
	}
	if dir := os.Getenv("TUANXUE_KEEP_PDF"); dir != "" {
		r, _ := pictures[0].Open()
		data, _ := io.ReadAll(r)
		os.WriteFile(filepath.Join(dir, "chart1.png"), data, 0o644)
	}
}

func TestListAndFind(t *testing.T) {
	if len(All) != 23 {
		t.Fatalf("%d reports", len(All))
	}
	if r, err := Find("改革自评表"); err != nil || r.Name != "selfcheck" {
		t.Fatalf("find by title: %v %v", r.Name, err)
	}
	if _, err := Find("名单"); err == nil {
		t.Fatal("unknown report found")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func noSpace(s string) string { return strings.ReplaceAll(s, " ", "") }
