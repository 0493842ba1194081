package compliance

import (
	"testing"

	"tuanxue/app/apptest"
)

// BenchmarkCheck20k: the whole check of a college of 20,000 cadres in 13
// unions, with the national set.
func BenchmarkCheck20k(b *testing.B) {
	svc := apptest.Big(b)
	if err := EnsureBuiltins(svc); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		r, err := Run(svc, fall2020)
		if err != nil || len(r.Results) < 13*12 {
			b.Fatalf("%d results, %v", len(r.Results), err)
		}
	}
}
