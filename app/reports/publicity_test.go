package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

// The 公示 of the sample's round, its public roster report and its internal
// roster: the public ones name 姓名/学院/年级/职务 and never a 学号 or a phone.
func TestPublicityNoticeAndRosters(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext (poppler-utils) is needed; make test installs it")
	}
	svc := sampleService(t)
	rounds, err := svc.Rounds(fall2020.String())
	if err != nil || len(rounds) == 0 {
		t.Fatalf("sample rounds %v %v", rounds, err)
	}
	round := rounds[0]
	if _, err := Notice(svc, round.ID); app.Message(err) != "请先填写公示开始日期并保存" {
		t.Fatalf("a notice without a start: %v", err)
	}
	cs, _ := svc.Candidates(round.ID)
	var admitted []data.Person
	for _, c := range cs {
		d := app.CandidateDraftOf(c)
		d.Result = data.ResultAdmitted
		if _, err := svc.SaveCandidate(d); err != nil {
			t.Fatal(err)
		}
		p, _ := svc.Person(c.PersonID)
		admitted = append(admitted, p)
	}
	if _, err := svc.SavePublicity(app.PublicityDraft{RoundID: round.ID, StartOn: "2020-09-28",
		Holidays: "2020-10-01,2020-10-02,2020-10-05,2020-10-06,2020-10-07,2020-10-08", Workdays: "2020-10-10",
		ClosingNote: "公示期满，无异议。"}); err != nil {
		t.Fatal(err)
	}
	notice, err := Notice(svc, round.ID)
	if err != nil {
		t.Fatal(err)
	}
	public := make(t, svc, "publicity", Options{Semester: fall2020})
	internal, err := InternalRoster(svc, round.ID)
	if err != nil {
		t.Fatal(err)
	}
	number := regexp.MustCompile(`\d{10,}|1[3-9]\d{9}`)
	for name, doc := range map[string]struct {
		d      report.Document
		public bool
		want   []string
	}{
		"notice": {notice, true, []string{"关于" + round.Title + "拟任人选的公示", "2020年9月28日至2020年10月10日（5个工作日）",
			"公示结果", "公示期满，无异议。", "拟任职务"}},
		"roster":   {public, true, []string{round.Title, "2020年9月28日至2020年10月10日", "职务"}},
		"internal": {internal, false, []string{"录用名册（内部）", "异议登记", "公示期间未收到异议", admitted[0].StudentNo}},
	} {
		for _, format := range Formats {
			var buf bytes.Buffer
			if err := Write(&buf, doc.d, format); err != nil {
				t.Fatalf("%s.%s: %v", name, format, err)
			}
			if format != "pdf" {
				continue
			}
			path := filepath.Join(t.TempDir(), name+".pdf")
			os.WriteFile(path, buf.Bytes(), 0o600)
			out, err := exec.Command("pdftotext", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			text := strings.ReplaceAll(string(out), "\n", "")
			for _, w := range append(doc.want, admitted[0].Name) {
				if !strings.Contains(text, w) {
					t.Errorf("%s lacks %q:\n%s", name, w, out)
				}
			}
			if doc.public && number.MatchString(text) {
				t.Errorf("%s shows a number of a person: %q", name, number.FindString(text))
			}
		}
	}
}
