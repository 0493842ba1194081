package reports

import (
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/app/apptest"
	"tuanxue/app/report"
	"tuanxue/data"
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
// 20,000-cadre college, as each visit to 概览 does. Most of it is the two
// GROUP BY queries over the appointments in post ("two aggregates"); "C floor" runs the same two queries in the
// sqlite3 shell (C) on the same file, ten times in one process, and reports
// the time of one pair (ms/pair): the ratio of the two is what a pure-Go
// SQLite costs.
func BenchmarkDashboardCharts(b *testing.B) {
	svc := apptest.Big(b)
	b.Run("charts", func(b *testing.B) {
		for b.Loop() {
			if _, err := Charts(svc, Options{Semester: fall2020}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("two aggregates", func(b *testing.B) {
		for b.Loop() {
			if _, err := svc.StaffCountsOn(data.NewDate(2020, 10, 15), data.KindSchoolUnion, data.KindCollegeUnion); err != nil {
				b.Fatal(err)
			}
			if _, err := svc.RosterGradeCounts(app.RosterFilter{Status: data.RosterInPost, From: fall2020.Start(),
				To: fall2020.End(), Semester: fall2020.String()}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("C floor", func(b *testing.B) {
		sqlFloor(b, filepath.Join(svc.DataDir(), "tuanxue.db"), chartQueries, 10)
	})
}

// chartQueries are the charts' two aggregates as GORM writes them for fall
// 2020 on the day of apptest.Now.
const chartQueries = `SELECT a.organization_id, count(*) AS total,
	count(CASE WHEN a.department_id IS NULL AND a.post IN ('主席','执行主席','轮值主席','副主席','部长','副部长','干事') THEN 1 END) AS presidium
	FROM appointments AS a JOIN organizations AS o ON o.id = a.organization_id AND o.deleted_at IS NULL
	WHERE a.deleted_at IS NULL AND a.person_id NOT IN (SELECT id FROM people WHERE deleted_at IS NOT NULL) AND o.kind IN ('school_union','college_union') AND a.start_on <= '2020-10-15'
	AND (a.end_on IS NULL OR a.end_on >= '2020-10-15') GROUP BY a.organization_id;
SELECT COALESCE(s.grade, '') AS grade, count(*) AS n FROM appointments AS a
	JOIN organizations AS o ON o.id = a.organization_id AND o.deleted_at IS NULL
	LEFT JOIN assessments AS s ON s.person_id = a.person_id AND s.semester = '2020-2021-1' AND s.deleted_at IS NULL
	WHERE a.person_id NOT IN (SELECT id FROM people WHERE deleted_at IS NOT NULL) AND a.deleted_at IS NULL AND a.start_on <= '2021-01-31' AND (a.end_on IS NULL OR a.end_on >= '2020-10-15')
	GROUP BY COALESCE(s.grade, '');
`

// sqlFloor runs queries reps times in one sqlite3 shell per iteration, with
// the program's page cache, and reports the time of one run of them.
func sqlFloor(b *testing.B, file, queries string, reps int) {
	shell, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Skip("no sqlite3 shell (apt-get install sqlite3)")
	}
	script := "PRAGMA cache_size=-32768;\n" + strings.Repeat(queries, reps)
	for b.Loop() {
		cmd := exec.Command(shell, "-readonly", file)
		cmd.Stdin = strings.NewReader(script)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*reps), "ms/pair")
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
