package app

import (
	"testing"

	"tuanxue/data"
)

func day(t *testing.T, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func days(t *testing.T, ss ...string) []data.Date {
	out := make([]data.Date, len(ss))
	for i, s := range ss {
		out[i] = day(t, s)
	}
	return out
}

// Working days across weekends, marked holidays and 调休 days: the
// National Day week of 2024 (10-01..10-07 off, Sunday 09-29 and Saturday
// 10-12 worked) among them.
func TestPublicityWorkingDays(t *testing.T) {
	national := func(t *testing.T) WorkCalendar {
		return WorkCalendar{Holidays: days(t, "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-07"),
			Workdays: days(t, "2024-09-29", "2024-10-12")}
	}
	tests := []struct {
		name    string
		cal     func(t *testing.T) WorkCalendar
		start   string
		n       int
		end     string
		counted int // working days from start to end
	}{
		{"a plain week, Monday to Friday", nil, "2024-09-09", 5, "2024-09-13", 5},
		{"from Wednesday over a weekend", nil, "2024-09-11", 5, "2024-09-17", 5},
		{"a start on Saturday waits for Monday", nil, "2024-09-14", 5, "2024-09-20", 5},
		{"a start on Sunday waits for Monday", nil, "2024-09-15", 1, "2024-09-16", 1},
		{"one day on a Friday", nil, "2024-09-13", 1, "2024-09-13", 1},
		{"zero days is one", nil, "2024-09-13", 0, "2024-09-13", 1},
		{"over the National Day holidays", national, "2024-09-26", 5, "2024-10-08", 5},
		{"a 调休 Sunday counts", national, "2024-09-27", 3, "2024-09-30", 3},
		{"a 调休 Saturday counts", national, "2024-10-08", 5, "2024-10-12", 5},
		{"a start on a holiday waits for the next working day", national, "2024-10-01", 1, "2024-10-08", 1},
		{"a holiday on a weekday is skipped", func(t *testing.T) WorkCalendar {
			return WorkCalendar{Holidays: days(t, "2024-09-16", "2024-09-17")}
		}, "2024-09-13", 3, "2024-09-19", 3},
		{"across a year end", nil, "2024-12-30", 5, "2025-01-03", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cal WorkCalendar
			if tt.cal != nil {
				cal = tt.cal(t)
			}
			start := day(t, tt.start)
			got := cal.EndAfter(start, tt.n)
			if got != day(t, tt.end) {
				t.Errorf("EndAfter(%s, %d) = %s, want %s", tt.start, tt.n, got, tt.end)
			}
			if n := cal.WorkingDays(start, got); n != tt.counted {
				t.Errorf("WorkingDays(%s, %s) = %d, want %d", tt.start, got, n, tt.counted)
			}
		})
	}
	var cal WorkCalendar
	if n := cal.WorkingDays(day(t, "2024-09-13"), day(t, "2024-09-09")); n != 0 {
		t.Errorf("an end before the start counts %d days", n)
	}
	if !cal.EndAfter(data.Date{}, 5).IsZero() {
		t.Error("no start, yet an end")
	}
}
