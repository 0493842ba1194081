package reports

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tuanxue/app"
	"tuanxue/app/apptest"
	"tuanxue/app/importer"
	"tuanxue/data/pgtest"
)

// Two offices on one server: the 校团委 imports the 20,000-cadre roster
// while a 二级学院 teacher prints reports. Every report, however many reads
// it takes, shows the roster before the import or after it, never half.
func TestReportsDuringAnImportSeeOldOrNewRoster(t *testing.T) {
	pgtest.Need(t)
	cfg := apptest.Config(t)
	importing, reading := apptest.Open(t, cfg), apptest.Open(t, cfg)
	plan, err := importer.Make(importing, importer.Generate(apptest.BigSpec), importer.Options{CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	var done atomic.Bool
	var importErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, importErr = importer.Apply(importing, plan)
		done.Store(true)
	}()

	roster, _ := Find("roster")
	seen := map[int]int{} // cadres a report showed: how many times
	for !done.Load() {
		// Two reads of one report, apart in time: the import may commit
		// in between, the snapshot must not notice.
		var first, second int
		err := reading.Snapshot(func(snap *app.Service) error {
			d, err := roster.Make(snap, Options{Semester: apptest.Fall2020})
			if err != nil {
				return err
			}
			first = len(d.Sections[0].Rows)
			time.Sleep(20 * time.Millisecond)
			d, err = roster.Make(snap, Options{Semester: apptest.Fall2020})
			second = len(d.Sections[0].Rows)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if first != second {
			t.Fatalf("one report saw %d cadres, then %d", first, second)
		}
		seen[first]++
	}
	wg.Wait()
	if importErr != nil {
		t.Fatal(importErr)
	}
	d, err := roster.Make(reading, Options{Semester: apptest.Fall2020})
	if err != nil {
		t.Fatal(err)
	}
	after := len(d.Sections[0].Rows)
	t.Logf("cadres shown by the reports made during the import: %v; after it: %d", seen, after)
	for n := range seen {
		if n != 0 && n != after {
			t.Errorf("a report showed %d cadres: neither before (0) nor after (%d)", n, after)
		}
	}
	if seen[0] == 0 || after < apptest.BigSpec.Cadres {
		t.Errorf("reports during the import %v, after %d: the test proves nothing", seen, after)
	}
}
