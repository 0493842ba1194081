package reports

import (
	"fmt"
	"regexp"
	"strconv"

	"tuanxue/app"
)

var yearPattern = regexp.MustCompile(`^(\d{4})\s*[-—–－~～至]\s*(\d{4})(学年)?$`)

// ParseYear reads a school year as teachers write it: 2023-2024, or as the
// forms print it, 2023—2024 (also with a full-width dash or 学年 after it).
// It gives the year's first semester.
func ParseYear(text string) (app.Semester, error) {
	m := yearPattern.FindStringSubmatch(text)
	if m == nil {
		return app.Semester{}, fmt.Errorf("学年格式不对：“%s”，应为 2023-2024 或 2023—2024", text)
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	if b != a+1 {
		return app.Semester{}, fmt.Errorf("学年 %d-%d 的两个年份应相邻", a, b)
	}
	return app.Semester{StartYear: a, Term: 1}, nil
}

// SemesterOfYear is the semester a school year's forms are made for: the
// current semester when the year is the current one (early in the year the
// spring has not come), otherwise the year's last semester, as at the end
// of the year the self-assessment is filed.
func SemesterOfYear(svc *app.Service, year app.Semester) (app.Semester, error) {
	settings, err := svc.Settings()
	if err != nil {
		return app.Semester{}, err
	}
	if settings.Semester.StartYear == year.StartYear {
		return settings.Semester, nil
	}
	return app.Semester{StartYear: year.StartYear, Term: 2}, nil
}
