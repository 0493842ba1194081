package reports

import (
	"io"
	"sync"
	"testing"

	"tuanxue/app"
	"tuanxue/app/apptest"
)

var (
	bigOnce sync.Once
	big     *app.Service
)

func bigCollege(b *testing.B) *app.Service {
	bigOnce.Do(func() { big = apptest.Big(b) })
	return big
}

// BenchmarkReportTables makes every report of the 20,000-cadre college.
func BenchmarkReportTables(b *testing.B) {
	svc := bigCollege(b)
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
	svc := bigCollege(b)
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
