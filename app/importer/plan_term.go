package importer

import (
	"fmt"
	"strings"

	"tuanxue/app"
	"tuanxue/data"
)

// rangeSeparators part the two dates of a term written as a range:
// "2023-09-10 至 2024-06-30", as the program's own roster export writes it,
// and the ways teachers write it. A hyphen parts them too, when both sides
// are dates (see splitTerm).
var rangeSeparators = []string{"至", "到", "～", "~", "〜", "—", "–", "－"}

// openEnds are what the end of a range says of a term still running.
var openEnds = map[string]bool{"": true, "今": true, "至今": true, "现在": true, "今天": true, "在任": true}

// parseTerm reads a 任职开始日期 / 任职起止 cell: one date (the start), or a
// range whose end is kept ("至今" leaves it open). Dates may be Excel
// serial numbers. A start after today, or an end before the start, is a
// problem. Every problem quotes the cell through Quote.
func parseTerm(s string, today data.Date) (start, end data.Date, problems []string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return start, end, nil
	}
	left, right, isRange := splitTerm(s)
	if left == "" {
		return start, end, []string{fmt.Sprintf("%s没有写开始日期，请写成 2023-09-10 或 2023-09-10 至 2024-06-30", Quote(s))}
	}
	var msg string
	if start, msg = oneDate("任职开始日期", left); msg != "" {
		problems = append(problems, msg)
	}
	if isRange && !openEnds[right] {
		if end, msg = oneDate("任职结束日期", right); msg != "" {
			problems = append(problems, msg)
		}
	}
	if len(problems) > 0 {
		return data.Date{}, data.Date{}, problems
	}
	if today.Before(start) {
		problems = append(problems, fmt.Sprintf("任职开始日期（%s）晚于今天（%s）", start, today))
	}
	if !end.IsZero() && end.Before(start) {
		problems = append(problems, fmt.Sprintf("任职结束日期（%s）早于开始日期（%s）", end, start))
	}
	if len(problems) > 0 {
		return data.Date{}, data.Date{}, problems
	}
	return start, end, nil
}

// withEnd joins a 任职结束日期 column to the term's cell, so that a roster
// giving start and end in two columns reads as "开始 至 结束" does. An end
// without a start, or one that contradicts the range the term's cell
// already gives, is a problem.
func withEnd(term, endCell string) (string, string) {
	switch {
	case endCell == "":
		return term, ""
	case term == "":
		return term, "写了任职结束日期，但没有写任职开始日期"
	}
	left, right, isRange := splitTerm(term)
	if !isRange {
		return term + " 至 " + endCell, ""
	}
	same := openEnds[right] && openEnds[endCell]
	if !openEnds[right] && !openEnds[endCell] {
		a, msgA := oneDate("", right)
		b, msgB := oneDate("", endCell)
		same = msgA == "" && msgB == "" && sameDay(a, b)
	}
	if !same {
		return term, fmt.Sprintf("任职起止%s与任职结束日期%s不一致", Quote(term), Quote(endCell))
	}
	return left + " 至 " + right, ""
}

// splitTerm parts a range into its two sides; a single date is all left.
func splitTerm(s string) (left, right string, isRange bool) {
	for _, sep := range rangeSeparators {
		if l, r, ok := strings.Cut(s, sep); ok {
			return strings.TrimSpace(l), strings.TrimSpace(r), true
		}
	}
	// 2023-09-10-2024-06-30, 2023.09 - 2024.06: the hyphen where both
	// sides read as dates (or the right says the term runs on).
	for i := 0; i < len(s); i++ {
		if s[i] != '-' {
			continue
		}
		l, r := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
		if r == "" || l == "" {
			continue
		}
		if _, msg := oneDate("", l); msg != "" {
			continue
		}
		if _, msg := oneDate("", r); msg == "" || openEnds[r] {
			return l, r, true
		}
	}
	return s, "", false
}

// oneDate reads one date: text, or an Excel serial number.
func oneDate(label, s string) (data.Date, string) {
	if len(s) > 40 {
		return data.Date{}, fmt.Sprintf("%s格式不对：%s", label, Quote(s))
	}
	d, msg := app.ParseDate(label, dateText(s))
	if msg != "" {
		return d, fmt.Sprintf("%s（%s）", msg, Quote(s))
	}
	return d, ""
}

// termText writes a term as the roster export does, for messages.
func termText(start, end data.Date) string {
	return app.Term(app.Appointment{StartOn: start, EndOn: end})
}

func sameDay(a, b data.Date) bool { return a.String() == b.String() }
