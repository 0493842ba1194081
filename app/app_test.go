package app

import (
	"testing"
	"time"

	"tuanxue/data"
	"tuanxue/data/pgtest"
)

// testNow is the fixed clock of the app tests: the day of the source
// college's 2020 congress.
var testNow = func() time.Time { return time.Date(2020, 10, 15, 10, 0, 0, 0, time.Local) }

func newTestService(t *testing.T) *Service {
	t.Helper()
	st, err := data.Open(data.Config{Dir: t.TempDir(), URL: pgtest.Schema(t), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(st, testNow)
}

func mustOrg(t *testing.T, s *Service, d OrgDraft) Organization {
	t.Helper()
	if d.Status == "" {
		d.Status = data.StatusActive
	}
	o, err := s.SaveOrganization(d)
	if err != nil {
		t.Fatalf("save %q: %v", d.Name, err)
	}
	return o
}

func orgCount(t *testing.T, s *Service) int {
	t.Helper()
	tree, err := s.OrgTree()
	if err != nil {
		t.Fatal(err)
	}
	return tree.Len()
}
