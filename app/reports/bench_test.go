package reports

import (
	"io"
	"testing"

	"tuanxue/app/apptest"
	"tuanxue/app/report"
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

// BenchmarkDashboardCharts computes the dashboard's six charts of the
// 20,000-cadre college, as each visit to 概览 does.
func BenchmarkDashboardCharts(b *testing.B) {
	svc := apptest.Big(b)
	for b.Loop() {
		if _, err := Charts(svc, Options{Semester: fall2020}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChartPicture draws the staffing chart as a 300-dpi picture.
func BenchmarkChartPicture(b *testing.B) {
	charts, err := Charts(apptest.Sample(b), Options{Semester: fall2020})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := report.WriteChartPNG(io.Discard, charts[0]); err != nil {
			b.Fatal(err)
		}
	}
}
