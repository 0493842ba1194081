package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

// orgID finds an organization of the sample by name.
func orgID(t *testing.T, svc *app.Service, name string) uint {
	t.Helper()
	id, err := FindOrganization(svc, name)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// A title the reform does not allow (部长助理) is named in 情况, counted in
// 合计 and not as a 干事, and the row stands out.
func TestScaleNamesTitlesTheReformDoesNotAllow(t *testing.T) {
	svc := sampleService(t)
	union := orgID(t, svc, "信息工程学院学生会")
	depts, err := svc.Departments(union)
	if err != nil || len(depts) == 0 {
		t.Fatal(err)
	}
	p, err := svc.SavePerson(app.PersonDraft{StudentNo: "2019029901", Name: "韩梦琪", College: "信息工程学院", Grade: "2019",
		PoliticalStatus: data.PoliticalMasses})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveAppointment(app.AppointmentDraft{PersonID: p.ID, OrganizationID: union, DepartmentID: &depts[0].ID,
		Post: "部长助理", StartOn: "2020-09-01", SelectedBy: data.SelectedByOther}); err != nil {
		t.Fatal(err)
	}
	d := make(t, svc, "scale", Options{Semester: fall2020})
	s := d.Sections[0]
	r := row(t, s, "信息工程学院学生会")
	// 干事 20 as before, 合计 31 with her, 1 群众 (her), 28 of 31 applied.
	if got := strings.Join(r[6:12], ","); got != "20,31,30,1,29,93.5%" {
		t.Errorf("干事, 合计, 上限, 群众, 递交, 比例: %s", got)
	}
	if !strings.Contains(r[12], "“部长助理”1 人（韩梦琪）") || strings.Contains(r[12], "符合") {
		t.Errorf("情况 %q", r[12])
	}
	for i, row := range s.Rows {
		if row[0] == "信息工程学院学生会" && !s.Alerts[i] {
			t.Error("the row does not stand out")
		}
	}
}

// The ledger prints what an inspection asks: measures, completion, who
// accepted it and when; the meetings their attendance and what the minutes
// record; 退出情况表 only the organization asked for.
func TestLedgerMeetingsAndExitsPrintWhatAnInspectionReads(t *testing.T) {
	svc := sampleService(t)
	ledger := make(t, svc, "ledger", Options{Semester: fall2020}).Sections[0]
	var titles []string
	for _, c := range ledger.Columns {
		titles = append(titles, c.Title)
	}
	if got := strings.Join(titles, ","); got != "发现日期,问题,来源,责任组织,责任人,整改措施,整改期限,完成日期,状态,验收 / 销号,提示" {
		t.Errorf("ledger columns %s", got)
	}
	closed := false
	for _, r := range ledger.Rows {
		if r[8] == "已销号" {
			closed = true
			if !strings.Contains(r[5], "落实：指定宣传部负责平台运营") || r[7] == "" || !strings.HasPrefix(r[9], "林振华 2020-") {
				t.Errorf("closed item %q", r)
			}
		}
	}
	if !closed {
		t.Errorf("no closed item in %q", ledger.Rows)
	}

	meetings := make(t, svc, "meetings", Options{Semester: fall2020}).Sections[0]
	var congress, study []string
	for _, r := range meetings.Rows {
		switch r[2] {
		case "学生代表大会":
			congress = r
		case "学习会":
			study = r
		}
	}
	if meetings.Columns[5].Title != "记录人" {
		t.Errorf("meetings columns %v", meetings.Columns)
	}
	if congress == nil || !strings.HasPrefix(congress[4], "代表 ") || congress[6] != "选举产生主席团" {
		t.Errorf("congress row %q", congress)
	}
	if study == nil || study[4] == "" || study[5] != "陈思远" || study[7]+study[8]+study[9] == "" {
		t.Errorf("study meeting row %q", study)
	}

	all := make(t, svc, "exits", Options{Semester: spring2020})
	if len(all.Sections[1].Rows) == 0 {
		t.Fatal("the sample has an exit in spring 2020")
	}
	org := all.Sections[1].Rows[0][3]
	other := "机电工程学院学生会"
	if org == other {
		other = "校学生会"
	}
	mine := make(t, svc, "exits", Options{Semester: spring2020, OrganizationID: orgID(t, svc, org)})
	theirs := make(t, svc, "exits", Options{Semester: spring2020, OrganizationID: orgID(t, svc, other)})
	if len(mine.Sections[1].Rows) != len(all.Sections[1].Rows) || len(theirs.Sections[1].Rows) != 0 ||
		row(t, theirs.Sections[0], "合计")[1] != "0" || !strings.HasPrefix(theirs.Title, other) {
		t.Errorf("--org: %d exits of %s, %d of %s (%s)", len(mine.Sections[1].Rows), org, len(theirs.Sections[1].Rows), other, theirs.Title)
	}
}

// A semester with nothing recorded says so, in the tables and the charts,
// rather than printing a bare header or an empty chart.
func TestAnEmptySemesterSaysSo(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext (poppler-utils) is needed; make test installs it")
	}
	svc := sampleService(t)
	empty := app.Semester{StartYear: 2016, Term: 1}
	for name, want := range map[string][]string{
		"selection": {report.EmptyNote},
		"meetings":  {report.EmptyNote},
		"training":  {report.EmptyNote, "近四个学期无培训记录"},
		"ledger":    {"本学年无整改事项"},
	} {
		path := filepath.Join(t.TempDir(), name+".pdf")
		var buf bytes.Buffer
		if err := Write(&buf, make(t, svc, name, Options{Semester: empty}), "pdf"); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(path, buf.Bytes(), 0o600)
		out, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(out), w) {
				t.Errorf("%s of an empty semester lacks %q:\n%s", name, w, out)
			}
		}
	}
}
