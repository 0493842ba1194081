package reports

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDumpReports writes every report of the sample college in every format
// into $TUANXUE_DUMP, to look at with pdftoppm or an office suite.
func TestDumpReports(t *testing.T) {
	dir := os.Getenv("TUANXUE_DUMP")
	if dir == "" {
		t.Skip("TUANXUE_DUMP not set")
	}
	svc := sampleService(t)
	for _, r := range All {
		d := make(t, svc, r.Name, Options{Semester: fall2020})
		for _, format := range Formats {
			f, err := os.Create(filepath.Join(dir, r.Name+"."+format))
			if err != nil {
				t.Fatal(err)
			}
			if err := Write(f, d, format); err != nil {
				t.Errorf("%s.%s: %v", r.Name, format, err)
			}
			f.Close()
		}
	}
}
