package app

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"tuanxue/data"
)

// Semester is one term of an academic year: 2020-2021-1 is the autumn term
// (第一学期) of the year 2020–2021, 2020-2021-2 its spring term.
type Semester struct {
	StartYear int // 2020 for 2020-2021
	Term      int // 1 autumn, 2 spring
}

var semesterPattern = regexp.MustCompile(`^(\d{4})-(\d{4})-([12])$`)

// ParseSemester reads the 2020-2021-1 form.
func ParseSemester(s string) (Semester, error) {
	m := semesterPattern.FindStringSubmatch(s)
	if m == nil {
		return Semester{}, fmt.Errorf("学期格式不对：%q，应为 2020-2021-1", s)
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	if b != a+1 {
		return Semester{}, fmt.Errorf("学年 %d-%d 的两个年份应相邻", a, b)
	}
	t, _ := strconv.Atoi(m[3])
	return Semester{a, t}, nil
}

// SemesterAt is the semester a day falls in: August to January belong to
// the autumn term, February to July to the spring term.
func SemesterAt(t time.Time) Semester {
	y, m := t.Year(), t.Month()
	switch {
	case m >= time.August:
		return Semester{y, 1}
	case m == time.January:
		return Semester{y - 1, 1}
	default:
		return Semester{y - 1, 2}
	}
}

// String is the stored form, 2020-2021-1.
func (s Semester) String() string {
	return fmt.Sprintf("%d-%d-%d", s.StartYear, s.StartYear+1, s.Term)
}

// Year is the academic year, 2020-2021.
func (s Semester) Year() string { return fmt.Sprintf("%d-%d", s.StartYear, s.StartYear+1) }

// Label is how people say it: 2020-2021学年第一学期.
func (s Semester) Label() string {
	return s.Year() + "学年" + [...]string{"", "第一学期", "第二学期"}[s.Term]
}

// Next is the following semester.
func (s Semester) Next() Semester {
	if s.Term == 1 {
		return Semester{s.StartYear, 2}
	}
	return Semester{s.StartYear + 1, 1}
}

// Prev is the preceding semester.
func (s Semester) Prev() Semester {
	if s.Term == 2 {
		return Semester{s.StartYear, 1}
	}
	return Semester{s.StartYear - 1, 2}
}

// Before reports whether s comes earlier than o.
func (s Semester) Before(o Semester) bool {
	return s.StartYear < o.StartYear || s.StartYear == o.StartYear && s.Term < o.Term
}

// SemesterChoices lists, newest first, the semesters a select box offers
// around the given ones: from two years before the earliest to one
// semester after the latest.
func SemesterChoices(around ...Semester) []Semester {
	if len(around) == 0 {
		return nil
	}
	first, last := around[0], around[0]
	for _, s := range around[1:] {
		if s.Before(first) {
			first = s
		}
		if last.Before(s) {
			last = s
		}
	}
	for i := 0; i < 4; i++ {
		first = first.Prev()
	}
	var out []Semester
	for s := last.Next(); !s.Before(first); s = s.Prev() {
		out = append(out, s)
	}
	return out
}

// Start is the first day of the semester: 1 August or 1 February.
func (s Semester) Start() data.Date {
	if s.Term == 1 {
		return data.NewDate(s.StartYear, time.August, 1)
	}
	return data.NewDate(s.StartYear+1, time.February, 1)
}

// End is the last day of the semester: 31 January or 31 July.
func (s Semester) End() data.Date {
	if s.Term == 1 {
		return data.NewDate(s.StartYear+1, time.January, 31)
	}
	return data.NewDate(s.StartYear+1, time.July, 31)
}
