package importer

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"tuanxue/data"
)

// The seeds are in testdata/fuzz/FuzzParseTerm and FuzzStudentNo: ranges
// in every spelling, Excel serials, dates after today, control and bidi
// characters, look-alike letters.

// FuzzParseTerm: a term cell is read as a start not after today and an end
// not before it, or refused with short messages that show no raw control
// character; what is read reads the same once written as the roster
// export writes it.
func FuzzParseTerm(f *testing.F) {
	today := data.NewDate(2020, 10, 15)
	f.Add("2023-09-10 至 2024-06-30")
	f.Fuzz(func(t *testing.T, s string) {
		start, end, problems := parseTerm(s, today)
		if len(problems) > 0 {
			if !start.IsZero() || !end.IsZero() {
				t.Fatalf("%q refused but read as %s–%s", s, start, end)
			}
			for _, msg := range problems {
				checkMessage(t, s, msg)
			}
			return
		}
		if strings.TrimSpace(s) == "" {
			if !start.IsZero() || !end.IsZero() {
				t.Fatalf("blank %q read as %s–%s", s, start, end)
			}
			return
		}
		switch {
		case start.IsZero():
			t.Fatalf("%q read without a start", s)
		case today.Before(start):
			t.Fatalf("%q starts after today: %s", s, start)
		case !end.IsZero() && end.Before(start):
			t.Fatalf("%q ends before it starts: %s–%s", s, start, end)
		}
		again, againEnd, problems := parseTerm(termText(start, end), today)
		if len(problems) > 0 || !sameDay(again, start) || !sameDay(againEnd, end) {
			t.Fatalf("%q → %q → %s–%s %v", s, termText(start, end), again, againEnd, problems)
		}
	})
}

var storedNo = regexp.MustCompile(`^[0-9A-Za-z]{4,20}$`)

// FuzzStudentNo: a 学号 is 4–20 letters and digits, matched without letter
// case, read the same a second time; or it is refused with a short
// message that shows no raw control character.
func FuzzStudentNo(f *testing.F) {
	f.Add("a2024777001")
	f.Fuzz(func(t *testing.T, s string) {
		no, key, note, problem := parseStudentNo(s)
		checkMessage(t, s, note)
		if problem != "" {
			checkMessage(t, s, problem)
			if no != "" || key != "" {
				t.Fatalf("%q refused but read as %q", s, no)
			}
			return
		}
		if !storedNo.MatchString(no) || key != strings.ToUpper(no) {
			t.Fatalf("%q read as %q, key %q", s, no, key)
		}
		if again, againKey, againNote, p := parseStudentNo(no); again != no || againKey != key || againNote != "" || p != "" {
			t.Fatalf("%q read as %q, then as %q %q %q", s, no, again, againNote, p)
		}
		if _, lowerKey, _, _ := parseStudentNo(strings.ToLower(no)); lowerKey != key {
			t.Fatalf("%q and its lower case are two people: %q %q", no, key, lowerKey)
		}
	})
}

// checkMessage: a message about a cell shows no character that could move
// a terminal's cursor, reverse the text or hide, and stays short whatever
// the cell holds.
func checkMessage(t *testing.T, cell, msg string) {
	t.Helper()
	if !utf8.ValidString(msg) {
		t.Fatalf("message about %q is not UTF-8: %q", cell, msg)
	}
	for _, r := range msg {
		if forbidden(r) || invisible(r) {
			t.Fatalf("message about %q shows %U raw: %q", cell, r, msg)
		}
	}
	if n := utf8.RuneCountInString(msg); n > 200 {
		t.Fatalf("message about %q is %d characters long", cell, n)
	}
}
