package reports

import (
	"os"
	"path/filepath"
	"testing"

	"tuanxue/app"
	"tuanxue/app/report"
)

// TestDumpReports writes every report of the sample college in every format
// into $TUANXUE_DUMP, to look at with pdftoppm or an office suite, and the
// 改革自评表 of each version of the national form (selfcheck-2021-2022-1.pdf
// and so on). The README's pictures of the forms and the draft are pages of
// these files (the Word draft printed by LibreOffice).
func TestDumpReports(t *testing.T) {
	dir := os.Getenv("TUANXUE_DUMP")
	if dir == "" {
		t.Skip("TUANXUE_DUMP not set")
	}
	svc := sampleService(t)
	if err := svc.SetAddressee("揭阳市学生联合会"); err != nil { // as a teacher sets it in 系统设置, for the draft's first line
		t.Fatal(err)
	}
	sem := fall2020 // $TUANXUE_DUMP_SEMESTER, such as 2020-2021-2, for another one
	if text := os.Getenv("TUANXUE_DUMP_SEMESTER"); text != "" {
		var err error
		if sem, err = app.ParseSemester(text); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range All {
		dump(t, dir, r.Name, make(t, svc, r.Name, Options{Semester: sem}))
	}
	for _, sem := range []app.Semester{{StartYear: 2019, Term: 2}, {StartYear: 2021, Term: 1}, {StartYear: 2022, Term: 2}, {StartYear: 2023, Term: 1}} {
		dump(t, dir, "selfcheck-"+sem.String(), make(t, svc, "selfcheck", Options{Semester: sem}))
	}
}

func dump(t *testing.T, dir, name string, d report.Document) {
	t.Helper()
	for _, format := range Formats {
		f, err := os.Create(filepath.Join(dir, name+"."+format))
		if err != nil {
			t.Fatal(err)
		}
		if err := Write(f, d, format); err != nil {
			t.Errorf("%s.%s: %v", name, format, err)
		}
		f.Close()
	}
}
