package importer

import (
	"errors"
	"slices"
	"testing"
)

// The check of a big roster tells how far it is, and stops when the
// teacher cancels it, having written nothing.
func TestMakeTellsProgressAndCanBeCancelled(t *testing.T) {
	svc := sampleService(t)
	spec := bigCollege
	spec.Cadres = 1_000
	table := Generate(spec)
	var seen []int
	plan, err := Make(svc, table, Options{CreateMissing: true, Progress: func(checked, total int) bool {
		if total != len(table.Rows) {
			t.Fatalf("total %d, want %d", total, len(table.Rows))
		}
		seen = append(seen, checked)
		return true
	}})
	if err != nil || len(plan.Rows) != len(table.Rows) {
		t.Fatalf("plan of %d rows: %v", len(table.Rows), err)
	}
	if len(seen) < 4 || seen[0] != 0 || seen[len(seen)-1] != len(table.Rows) {
		t.Fatalf("progress %v", seen)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] <= seen[i-1] {
			t.Fatalf("progress goes back: %v", seen)
		}
	}

	before, err := svc.Store().Digests()
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	_, err = Make(svc, table, Options{CreateMissing: true, Progress: func(checked, total int) bool {
		calls++
		return calls < 2
	}})
	if !errors.Is(err, ErrCancelled) {
		t.Fatalf("cancelled check: %v", err)
	}
	if after, _ := svc.Store().Digests(); !slices.Equal(after, before) {
		t.Fatalf("a cancelled check changed the records: %+v → %+v", before, after)
	}
}
