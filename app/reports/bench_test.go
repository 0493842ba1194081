package reports

import (
	"io"
	"testing"

	"tuanxue/app/apptest"
)

// BenchmarkReportTables makes every report of the 20,000-cadre college.
func BenchmarkReportTables(b *testing.B) {
	svc := apptest.Big(b)
	for _, r := range All {
		b.Run(r.Name, func(b *testing.B) {
			for b.Loop() {
				if _, err := r.Make(svc, Options{Semester: fall2020}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRosterPDF prints the whole roster of 20,000.
func BenchmarkRosterPDF(b *testing.B) {
	svc := apptest.Big(b)
	doc, err := roster(svc, Options{Semester: fall2020})
	if err != nil || len(doc.Sections[0].Rows) != 20_000 {
		b.Fatalf("%v", err)
	}
	for b.Loop() {
		if err := Write(io.Discard, doc, "pdf"); err != nil {
			b.Fatal(err)
		}
	}
}
