package app

import (
	"testing"
	"time"

	"tuanxue/data"
	"tuanxue/data/pgtest"
)

// An item due today is not overdue yet, even late in the evening by the
// service's clock; one due yesterday is overdue by one day.
func TestItemDueTodayIsNotOverdue(t *testing.T) {
	evening := func() time.Time { return time.Date(2020, 10, 15, 23, 30, 0, 0, time.Local) }
	st, err := data.Open(data.Config{Dir: t.TempDir(), URL: pgtest.Schema(t), Now: evening})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := New(st, evening)
	item := func(deadline string) Rectification {
		r, err := s.SaveRect(RectDraft{Problem: "期限 " + deadline, Source: "self_check", FoundOn: "2020-10-01", Deadline: deadline})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	today, yesterday := item("2020-10-15"), item("2020-10-14")

	if s.Overdue(today) {
		t.Error("an item due today counts as overdue")
	}
	if !s.Overdue(yesterday) {
		t.Error("an item due yesterday does not count as overdue")
	}
	cells, err := s.LedgerCells([]Rectification{today, yesterday}, "2020-2021")
	if err != nil {
		t.Fatal(err)
	}
	if note := cells[0][7]; note != "" {
		t.Errorf("due today: note %q, want none", note)
	}
	if note := cells[1][7]; note != "！逾期 1 天" {
		t.Errorf("due yesterday: note %q, want ！逾期 1 天", note)
	}
	overdue, err := s.Ledger(RectFilter{Semester: Semester{2020, 1}, OverdueOnly: true})
	if err != nil || len(overdue) != 1 || overdue[0].ID != yesterday.ID {
		t.Fatalf("only overdue: %+v %v", overdue, err)
	}
}
