package app

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"

	"tuanxue/data"
)

// Publicity and Objection are a round's stored 公示 and 异议.
type (
	Publicity = data.Publicity
	Objection = data.Objection
)

// DefaultPublicityDays is the usual 公示期: five working days.
const DefaultPublicityDays = 5

// PublicityDraft is the 公示 form as filled in.
type PublicityDraft struct {
	ID          uint
	Version     int // as read, so a save over a newer one is refused
	RoundID     uint
	StartOn     string
	Days        string // working days; empty is DefaultPublicityDays
	Holidays    string // 节假日, dates separated by commas, spaces or lines
	Workdays    string // 调休上班日, likewise
	ClosingNote string
}

// PublicityOf reads a round's 公示, or a new one (ID 0, five days) when
// the round has none yet.
func (s *Service) PublicityOf(roundID uint) (Publicity, error) {
	p, err := s.store.PublicityOf(roundID)
	if errors.Is(err, data.ErrNotFound) {
		return Publicity{RoundID: roundID, Days: DefaultPublicityDays}, nil
	}
	return p, err
}

// PublicityDraftOf fills the 公示 form from a stored 公示.
func PublicityDraftOf(p Publicity) PublicityDraft {
	days := p.Days
	if days == 0 {
		days = DefaultPublicityDays
	}
	return PublicityDraft{ID: p.ID, Version: p.Version, RoundID: p.RoundID, StartOn: p.StartOn.String(),
		Days: strconv.Itoa(days), Holidays: strings.ReplaceAll(p.Holidays, ",", "、"),
		Workdays: strings.ReplaceAll(p.Workdays, ",", "、"), ClosingNote: p.ClosingNote}
}

// CheckPublicity validates a 公示 form without saving it: the screen shows
// the end date it gives while the teacher types.
func CheckPublicity(d PublicityDraft) (Publicity, ValidationError) {
	var v ValidationError
	p := Publicity{ID: d.ID, Version: d.Version, RoundID: d.RoundID}
	p.StartOn = parseDay(&v, "StartOn", "公示开始日期", d.StartOn)
	if p.StartOn.IsZero() && v.For("StartOn") == "" {
		v.add("StartOn", "请填写公示开始日期")
	}
	p.Days = DefaultPublicityDays
	if text := strings.TrimSpace(width.Narrow.String(d.Days)); text != "" {
		n, err := strconv.Atoi(text)
		if err != nil || n < 1 || n > 30 {
			v.add("Days", "公示期应为 1–30 个工作日")
		} else {
			p.Days = n
		}
	}
	holidays := parseDays(&v, "Holidays", "节假日", d.Holidays)
	workdays := parseDays(&v, "Workdays", "调休上班日", d.Workdays)
	for _, w := range workdays {
		if wd := w.Time().Weekday(); wd != time.Saturday && wd != time.Sunday {
			v.add("Workdays", fmt.Sprintf("调休上班日应是周六或周日：%s 是%s", w, weekdayNames[wd]))
		}
		if slices.Contains(holidays, w) {
			v.add("Workdays", fmt.Sprintf("%s 不能既是节假日又是调休上班日", w))
		}
	}
	p.Holidays, p.Workdays = joinDays(holidays), joinDays(workdays)
	p.ClosingNote = cleanText(&v, "ClosingNote", "公示结果", d.ClosingNote, MaxNotesLen)
	return p, v
}

var weekdayNames = [7]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// SavePublicity validates and stores a round's 公示.
func (s *Service) SavePublicity(d PublicityDraft) (Publicity, error) {
	p, v := CheckPublicity(d)
	if _, err := s.store.Round(d.RoundID); err != nil {
		v.add("", "选拔不存在，可能已被删除")
	}
	if err := v.Err(); err != nil {
		return p, err
	}
	err := s.store.SavePublicity(&p)
	return p, err
}

// parseDays reads a list of dates typed as teachers write them, separated
// by commas, 、, spaces or lines; sorted, each once.
func parseDays(v *ValidationError, field, label, text string) []data.Date {
	var out []data.Date
	for _, part := range strings.FieldsFunc(text, func(c rune) bool {
		return c == ',' || c == '，' || c == '、' || c == ';' || c == '；' || c == ' ' || c == '\n' || c == '\t' || c == '　'
	}) {
		d := parseDay(v, field, label+"“"+part+"”", part)
		if !d.IsZero() && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b data.Date) int { return a.Time().Compare(b.Time()) })
	return out
}

func joinDays(ds []data.Date) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.String()
	}
	return strings.Join(parts, ",")
}

// CalendarOf is the working calendar a 公示 marks.
func CalendarOf(p Publicity) WorkCalendar {
	var v ValidationError
	return WorkCalendar{Holidays: parseDays(&v, "", "", p.Holidays), Workdays: parseDays(&v, "", "", p.Workdays)}
}

// PublicityEnd is the last day of a 公示期; zero when it has no start.
func PublicityEnd(p Publicity) data.Date { return CalendarOf(p).EndAfter(p.StartOn, p.Days) }

// PublicityPeriod writes a 公示期 as "2024年9月23日至2024年9月27日（5个工作日）".
func PublicityPeriod(p Publicity) string {
	if p.StartOn.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s至%s（%d个工作日）", ChineseDate(p.StartOn), ChineseDate(PublicityEnd(p)), p.Days)
}

// ChineseDate writes a day as 2024年9月23日.
func ChineseDate(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	t := d.Time()
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}
