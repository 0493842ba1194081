package app

import (
	"time"

	"tuanxue/data"
)

// WorkCalendar says which days are working days: Monday to Friday, except
// the dates marked as 节假日, plus the weekend dates marked as 调休上班日.
type WorkCalendar struct {
	Holidays []data.Date // 节假日: off, even on a weekday
	Workdays []data.Date // 调休上班日: worked, even on a Saturday or Sunday
}

// IsWorkingDay reports whether d is a working day in the calendar.
func (c WorkCalendar) IsWorkingDay(d data.Date) bool {
	for _, w := range c.Workdays {
		if w == d {
			return true
		}
	}
	for _, h := range c.Holidays {
		if h == d {
			return false
		}
	}
	wd := d.Time().Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// EndAfter is the day on which a period of n working days starting on
// start ends: start counts when it is a working day, and a start on a
// weekend or holiday begins with the next working day. n < 1 is 1.
func (c WorkCalendar) EndAfter(start data.Date, n int) data.Date {
	if start.IsZero() {
		return data.Date{}
	}
	d, counted := start, 0
	for {
		if c.IsWorkingDay(d) {
			counted++
			if counted >= n {
				return d
			}
		}
		d = nextDay(d)
	}
}

// WorkingDays counts the working days from from to to, both included.
func (c WorkCalendar) WorkingDays(from, to data.Date) int {
	n := 0
	for d := from; !from.IsZero() && !to.Before(d); d = nextDay(d) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}

func nextDay(d data.Date) data.Date { return data.DateOf(d.Time().AddDate(0, 0, 1)) }
