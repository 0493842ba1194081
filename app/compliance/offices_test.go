package compliance

import (
	"sync"
	"testing"

	"tuanxue/app"
	"tuanxue/app/apptest"
)

// Several offices start on a new shared database at the same moment: each
// finds the built-in rule sets missing and adds them; all start, and every
// set is there once.
func TestOfficesStartingTogetherAddTheBuiltinsOnce(t *testing.T) {
	cfg := apptest.Config(t)
	offices := []*app.Service{apptest.Open(t, cfg), apptest.Open(t, cfg), apptest.Open(t, cfg), apptest.Open(t, cfg)}
	errs := make([]error, len(offices))
	var wg sync.WaitGroup
	for i, svc := range offices {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = EnsureBuiltins(svc)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("office %d: %v", i, err)
		}
	}
	sets, err := offices[0].Store().RuleSets()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, s := range sets {
		if s.BuiltinKey != nil {
			seen[*s.BuiltinKey]++
		}
	}
	if len(seen) != len(builtins) {
		t.Fatalf("built-in sets %v, want %d", seen, len(builtins))
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("%s added %d times", k, n)
		}
	}
}
