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
	"tuanxue/app/compliance"
)

var (
	tenDigits = regexp.MustCompile(`\d{10}`)
	// a phone in any way it is written: 13812345678, 138 1234 5678,
	// 138-1234-5678, 0754-88888888, 0754 8888 8888
	anyPhone = regexp.MustCompile(`1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}[\s-]?\d{3,4}[\s-]?\d{4}`)
	xmlTag   = regexp.MustCompile(`<[^>]*>`)
)

// The disclosure of the sample college's year, with a teacher's note that
// carries a 学号 and a phone: the preamble and the legend, every form as a
// text table, the unit and the date; the HTML one page with nothing
// outside it; no 学号, phone or personal ranking in any format.
func TestDisclosureOfTheSampleYear(t *testing.T) {
	svc := sampleService(t)
	for _, c := range []struct {
		year   string
		sem    app.Semester
		answer string // a cell of the school form as the version answers
	}{
		{"2020—2021", fall2020, "达标"},                                  // the current year: its semester; the 2020 备案表
		{"2023-2024", app.Semester{StartYear: 2023, Term: 2}, "☑是 □否"}, // another year: its spring; the 2023—2024 自评表
	} {
		t.Run(c.year, func(t *testing.T) {
			year, err := ParseYear(c.year)
			if err != nil {
				t.Fatal(err)
			}
			sem, err := SemesterOfYear(svc, year)
			if err != nil || sem != c.sem {
				t.Fatalf("the year's semester: %v %v", sem, err)
			}
			checkDisclosure(t, svc, sem, c.answer)
		})
	}
}

func checkDisclosure(t *testing.T, svc *app.Service, sem app.Semester, answer string) {
	r, _, err := compliance.RunForm(svc, sem)
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range r.Results {
		if res.Org.Name == "机电工程学院学生会" && res.Rule.Number == "12" {
			if _, err := compliance.SaveConclusion(svc, compliance.ConclusionDraft{OrganizationID: res.Org.ID, Semester: sem,
				Rule: res.Rule, Outcome: compliance.Pass, Note: "党委会听取汇报，联系人2020010203（电话 138 1234 5678，0754-88889999）",
				RecordedBy: "黄思远"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	d := make(t, svc, "disclosure", Options{Semester: sem})
	if d.Title != "潮汕职业技术学院"+formYear(sem)+"学年学生会（研究生会）改革情况公开" {
		t.Errorf("title %q", d.Title)
	}
	form := make(t, svc, "selfcheck", Options{Semester: sem})
	if len(d.Sections) != len(form.Sections) || len(d.Sections) != 4 {
		t.Fatalf("%d tables, want the form's %d", len(d.Sections), len(form.Sections))
	}
	first := d.Sections[0]
	wantNotes := []string{preamble(formYear(sem)), "一、" + form.Title}
	if !strings.HasPrefix(first.Notes[0], "为落实") || !strings.HasSuffix(first.Notes[0], "现将我校"+formYear(sem)+"学年学生会（研究生会）改革情况公开如下：") ||
		first.Notes[0] != wantNotes[0] || first.Notes[1] != wantNotes[1] {
		t.Errorf("opening %q", first.Notes)
	}
	for i, s := range d.Sections {
		if len(s.Signature) != 0 || len(s.Rows) != len(form.Sections[i].Rows) {
			t.Errorf("table %d: %d rows (form %d), signature %q", i, len(s.Rows), len(form.Sections[i].Rows), s.Signature)
		}
		for _, f := range s.Header {
			if f.Label != "组织名称" && f.Label != "填报单位" {
				t.Errorf("table %d prints %s", i, f.Label)
			}
		}
	}
	if n := len(d.Paragraphs); n != 2 || d.Paragraphs[0].Text != "潮汕职业技术学院团委" || d.Paragraphs[1].Text != "2020年10月15日" {
		t.Errorf("unit and date %v", d.Paragraphs)
	}

	texts := map[string]string{}
	for _, format := range []string{"html", "pdf", "docx"} {
		var b bytes.Buffer
		if err := Write(&b, d, format); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		switch format {
		case "html":
			texts[format] = b.String()
		case "docx":
			texts[format] = xmlTag.ReplaceAllString(docxBody(t, b.Bytes()), "")
		case "pdf":
			path := filepath.Join(t.TempDir(), "d.pdf")
			os.WriteFile(path, b.Bytes(), 0o644)
			out, err := exec.Command("pdftotext", path, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			texts[format] = string(out)
		}
	}
	for format, text := range texts {
		wants := []string{"为落实", "改革情况公开如下", "机电工程学院学生会", "党委会听取汇报", "潮汕职业技术学院团委"}
		wants = append(wants, form.Sections[0].Notes...) // the version's legend, if it has one
		for _, want := range wants {
			if !strings.Contains(strings.ReplaceAll(text, "\n", ""), want) {
				t.Errorf("%s: no %q", format, want)
			}
		}
		if m := tenDigits.FindString(text); m != "" {
			t.Errorf("%s holds a 10-digit number %q", format, m)
		}
		if m := anyPhone.FindString(text); m != "" {
			t.Errorf("%s holds a phone number %q", format, m)
		}
		for _, personal := range []string{"排名", "不及格"} {
			// only as the indicators' own wording, never a person's figure
			for _, line := range strings.Split(text, "\n") {
				if strings.Contains(line, personal+"：") {
					t.Errorf("%s: %q", format, line)
				}
			}
		}
	}
	page := texts["html"]
	if !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.Contains(page, `<meta charset="utf-8">`) {
		t.Errorf("not a page: %.80q", page)
	}
	for _, outside := range []string{"<script", "<img", "<link", "<style", "src=", "href=", "http:", "https:", "url(", "@import", "class="} {
		if strings.Contains(strings.ToLower(page), outside) {
			t.Errorf("the page holds %q", outside)
		}
	}
	if n := strings.Count(page, "<table"); n != 4 {
		t.Errorf("%d tables in the page, want 4", n)
	}
	if !strings.Contains(page, "<td style=\"border:1px solid #000;padding:4px 6px;vertical-align:middle;font-size:14px;text-align:left;\">"+answer+"</td>") {
		t.Error("the school form's answers are not text cells")
	}
}

// Redaction masks what could be a 学号 or a phone, and leaves dates and
// counts alone.
func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"学号2020010203":    "学号＊＊＊＊＊＊＊＊＊＊",
		"电话138 1234 5678": "电话＊＊＊＊＊＊＊＊＊＊＊＊＊",
		"0754-88889999":   "＊＊＊＊＊＊＊＊＊＊＊＊＊",
		"召开日期为：2020年9月10日，实有51人": "召开日期为：2020年9月10日，实有51人",
		"2020-10-15": "2020-10-15",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseYear(t *testing.T) {
	for _, text := range []string{"2023-2024", "2023—2024", "2023－2024学年"} {
		if sem, err := ParseYear(text); err != nil || sem != (app.Semester{StartYear: 2023, Term: 1}) {
			t.Errorf("%q: %v %v", text, sem, err)
		}
	}
	for _, text := range []string{"2023-2025", "2023", "2023-2024-1", ""} {
		if _, err := ParseYear(text); err == nil {
			t.Errorf("%q taken", text)
		}
	}
}
