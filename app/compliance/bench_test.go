package compliance

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tuanxue/app/apptest"
)

// BenchmarkCheck20k: the whole check of a college of 20,000 cadres in 13
// unions, with the national set. Most of it is reading the people in post
// (StaffOn): the checks name the people concerned and link each of them,
// so their rows are read, not counted. "C floor" runs that one query in the
// sqlite3 shell (C) on the same file, five times in one process, and
// reports one run (ms/query).
func BenchmarkCheck20k(b *testing.B) {
	svc := apptest.Big(b)
	if err := EnsureBuiltins(svc); err != nil {
		b.Fatal(err)
	}
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			r, err := Run(svc, fall2020)
			if err != nil || len(r.Results) < 13*12 {
				b.Fatalf("%d results, %v", len(r.Results), err)
			}
		}
	})
	b.Run("C floor", func(b *testing.B) {
		shell, err := exec.LookPath("sqlite3")
		if err != nil {
			b.Skip("no sqlite3 shell (apt-get install sqlite3)")
		}
		const reps = 5
		script := "PRAGMA cache_size=-32768;\n" + strings.Repeat(staffQuery, reps)
		for b.Loop() {
			cmd := exec.Command(shell, "-readonly", filepath.Join(svc.DataDir(), "tuanxue.db"))
			cmd.Stdin = strings.NewReader(script)
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("%v: %s", err, out)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*reps), "ms/query")
	})
}

// staffQuery is StaffOn as GORM writes it for the day of apptest.Now.
const staffQuery = `SELECT a.id, a.person_id, a.organization_id, a.department_id, p.name, a.post, p.grade,
	p.political_status, p.party_applied_on, p.rank_percent, p.failed_courses FROM appointments AS a
	JOIN people AS p ON p.id = a.person_id AND p.deleted_at IS NULL
	JOIN organizations AS o ON o.id = a.organization_id AND o.deleted_at IS NULL
	WHERE a.deleted_at IS NULL AND o.kind IN ('school_union','college_union') AND a.start_on <= '2020-10-15'
	AND (a.end_on IS NULL OR a.end_on >= '2020-10-15')
	ORDER BY a.organization_id, a.department_id NULLS FIRST, a.post_rank, a.person_id, a.start_on;
`
