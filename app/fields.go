package app

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"tuanxue/data"
)

// Limits of free-text fields, in characters.
const (
	MaxNameLen  = 50
	MaxNotesLen = 2000
)

// cleanName trims a name and checks it is 1–max characters on one line.
func cleanName(v *ValidationError, field, label, s string, max int) string {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0:
		v.add(field, "请填写"+label)
	case n > max:
		v.add(field, fmt.Sprintf("%s最多 %d 个字，现在有 %d 个字", label, max, n))
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		v.add(field, label+"不能包含换行或制表符")
	}
	return s
}

// cleanText trims free text and checks its length.
func cleanText(v *ValidationError, field, label, s string, max int) string {
	s = strings.TrimSpace(s)
	if n := utf8.RuneCountInString(s); n > max {
		v.add(field, fmt.Sprintf("%s最多 %d 个字，现在有 %d 个字", label, max, n))
	}
	return s
}

var (
	mobilePattern   = regexp.MustCompile(`^1[3-9]\d{9}$`)
	landlinePattern = regexp.MustCompile(`^0\d{2,3}-?\d{7,8}(-\d{1,6})?$`)
)

// cleanPhone accepts an 11-digit mobile number or a landline with area code;
// spaces are dropped, and an empty phone is allowed.
func cleanPhone(v *ValidationError, field, s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(width.Narrow.String(s)), " ", "")
	if s != "" && !mobilePattern.MatchString(s) && !landlinePattern.MatchString(s) {
		v.add(field, "电话格式不对：请填 11 位手机号，或带区号的座机号，如 0663-1234567")
	}
	return s
}

var (
	datePattern  = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)
	monthPattern = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$`) // 2020年9月: the 1st
)

// parseDay reads a date as teachers write it: 2020-06-15, 2020/6/15,
// 2020.6.15 or 2020年6月15日, with full-width digits from a Chinese input
// method too. Empty text is the zero Date.
func parseDay(v *ValidationError, field, label, s string) data.Date {
	s = strings.TrimSpace(width.Narrow.String(s))
	if s == "" {
		return data.Date{}
	}
	m := datePattern.FindStringSubmatch(s)
	if ym := monthPattern.FindStringSubmatch(s); m == nil && ym != nil {
		m = append(ym, "1") // rosters often give only the month
	}
	if m == nil {
		v.add(field, label+"格式不对，请写成 2020-06-15")
		return data.Date{}
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		v.add(field, fmt.Sprintf("%s不存在：%d 年 %d 月没有 %d 日", label, y, mo, d))
		return data.Date{}
	}
	if y < 1900 || y > 2200 {
		v.add(field, label+"的年份不对")
		return data.Date{}
	}
	return data.NewDate(y, time.Month(mo), d)
}

// notAfter flags a date later than limit (usually today).
func notAfter(v *ValidationError, field, label string, d, limit data.Date) {
	if !d.IsZero() && limit.Before(d) {
		v.add(field, fmt.Sprintf("%s（%s）不能晚于今天", label, d))
	}
}

// inOrder flags an end date before its start date.
func inOrder(v *ValidationError, field, startLabel, endLabel string, start, end data.Date) {
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		v.add(field, fmt.Sprintf("%s不能早于%s（%s）", endLabel, startLabel, start))
	}
}

// FormatDate writes a date the way forms show it.
func FormatDate(d data.Date) string { return d.String() }

// ParseDate reads a date as teachers type it (see parseDay); msg explains
// what is wrong, or is "".
func ParseDate(label, s string) (d data.Date, msg string) {
	var v ValidationError
	d = parseDay(&v, "", label, s)
	return d, v.For("")
}
