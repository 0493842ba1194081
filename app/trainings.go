package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"tuanxue/app/report"
	"tuanxue/data"
)

// Training, Meeting and Attendance are stored session records.
type (
	Training   = data.Training
	Meeting    = data.Meeting
	Attendance = data.Attendance
)

// TrainingDraft is the training form as filled in.
type TrainingDraft struct {
	ID          uint
	Version     int // as read, so a save over a newer one is refused
	Title       string
	Kind        string
	HeldOn      string
	Hours       string
	Place       string
	OrganizerID *uint
	Speaker     string
	Summary     string
}

// TrainingDraftOf fills the form from a stored training.
func TrainingDraftOf(t Training) TrainingDraft {
	return TrainingDraft{ID: t.ID, Version: t.Version, Title: t.Title, Kind: t.Kind, HeldOn: t.HeldOn.String(),
		Hours: strconv.FormatFloat(t.Hours, 'f', -1, 64), Place: t.Place, OrganizerID: t.OrganizerID,
		Speaker: t.Speaker, Summary: t.Summary}
}

// SaveTraining validates and stores a training session.
func (s *Service) SaveTraining(d TrainingDraft) (Training, error) {
	var v ValidationError
	t := Training{ID: d.ID, Version: d.Version, Kind: d.Kind, OrganizerID: d.OrganizerID}
	t.Title = cleanName(&v, "Title", "主题", d.Title, 100)
	t.Place = cleanText(&v, "Place", "地点", d.Place, MaxNameLen)
	t.Speaker = cleanText(&v, "Speaker", "主讲人", d.Speaker, MaxNameLen)
	t.Summary = cleanText(&v, "Summary", "内容摘要", d.Summary, MaxNotesLen)
	if TextOf(TrainingKinds, t.Kind) == t.Kind {
		v.add("Kind", "请选择类别")
	}
	t.HeldOn = s.sessionDay(&v, d.HeldOn)
	t.Semester = SemesterAt(t.HeldOn.Time()).String()
	t.Hours = parseHours(&v, d.Hours)
	if d.OrganizerID != nil {
		if _, err := s.store.Organization(*d.OrganizerID); err != nil {
			v.add("OrganizerID", "主办组织不存在")
		}
	}
	if err := v.Err(); err != nil {
		return t, err
	}
	return t, s.refused(s.store.SaveTraining(&t), orgOf(t.OrganizerID))
}

// sessionDay reads a session's date: required, and not in the future, since
// what is recorded here has taken place.
func (s *Service) sessionDay(v *ValidationError, text string) data.Date {
	d := parseDay(v, "HeldOn", "日期", text)
	if d.IsZero() && v.For("HeldOn") == "" {
		v.add("HeldOn", "请填写日期")
	}
	notAfter(v, "HeldOn", "日期", d, s.Today())
	return d
}

// parseHours reads the length of a session: 0.5 to 24 hours, in halves.
func parseHours(v *ValidationError, text string) float64 {
	text = strings.TrimSpace(width.Narrow.String(text))
	h, err := strconv.ParseFloat(text, 64)
	switch {
	case text == "":
		v.add("Hours", "请填写学时")
	case err != nil || h <= 0 || h > 24:
		v.add("Hours", "学时请填 0.5–24 的数")
	case math.Mod(h*2, 1) != 0:
		v.add("Hours", "学时以半小时为单位，如 1.5")
	}
	return h
}

// Trainings lists the trainings a filter selects.
func (s *Service) Trainings(f data.SessionFilter) ([]Training, error) { return s.store.Trainings(f) }

// DeleteTraining moves a training to the recycle bin.
func (s *Service) DeleteTraining(id uint) error {
	t, _ := s.store.Training(id)
	return s.refused(s.store.DeleteTraining(id), orgOf(t.OrganizerID))
}

// TrainingColumns are the training list's columns.
var TrainingColumns = []report.Column{{Title: "日期", Width: 6}, {Title: "主题", Width: 16}, {Title: "类别", Width: 7},
	{Title: "学时", Width: 3}, {Title: "主办", Width: 8}, {Title: "主讲人", Width: 5}, {Title: "地点", Width: 7},
	{Title: "出席率", Width: 9}}

// TrainingCells describes trainings with their attendance rate.
func (s *Service) TrainingCells(ts []Training) ([][]string, error) {
	counts := map[string]map[uint]data.AttendanceCount{}
	tree, err := s.OrgTree()
	if err != nil {
		return nil, err
	}
	out := make([][]string, len(ts))
	for i, t := range ts {
		if counts[t.Semester] == nil {
			if counts[t.Semester], err = s.store.TrainingAttendance(t.Semester); err != nil {
				return nil, err
			}
		}
		organizer := ""
		if t.OrganizerID != nil {
			o, _ := tree.Get(*t.OrganizerID)
			organizer = o.Name
		}
		out[i] = []string{t.HeldOn.String(), t.Title, TextOf(TrainingKinds, t.Kind), score(&t.Hours), organizer,
			t.Speaker, t.Place, Rate(counts[t.Semester][t.ID])}
	}
	return out, nil
}

// Rate writes an attendance rate: "45/50（90%）", or "未点名".
func Rate(c data.AttendanceCount) string {
	if c.Marked == 0 {
		return "未点名"
	}
	return fmt.Sprintf("%d/%d（%.0f%%）", c.Present, c.Marked, 100*float64(c.Present)/float64(c.Marked))
}

// TrainingByPerson sums each person's trainings of a semester.
func (s *Service) TrainingByPerson(sem Semester) (map[uint]data.PersonTraining, error) {
	return s.store.TrainingByPerson(sem.String())
}

// PersonTrainingColumns are the columns of the person form's training tab.
var PersonTrainingColumns = []report.Column{{Title: "日期", Width: 6}, {Title: "主题", Width: 18},
	{Title: "类别", Width: 7}, {Title: "学时", Width: 3}, {Title: "出席情况", Width: 4}}

// PersonTrainings lists a person's trainings and sums up a semester:
// "本学期参加培训 3 次，共 6 学时（骨干培训 1 次）".
func (s *Service) PersonTrainings(personID uint, sem Semester) ([][]string, string, error) {
	rows, err := s.store.TrainingsOf(personID)
	if err != nil {
		return nil, "", err
	}
	cells := make([][]string, len(rows))
	var sum data.PersonTraining
	for i, r := range rows {
		cells[i] = []string{r.HeldOn.String(), r.Title, TextOf(TrainingKinds, r.Kind), score(&r.Hours), TextOf(AttendanceMarks, r.Status)}
		if r.Semester == sem.String() && r.Status == data.AttendPresent {
			sum.Sessions++
			sum.Hours += r.Hours
			if r.Kind == data.TrainingCadre {
				sum.Cadre++
			}
		}
	}
	line := fmt.Sprintf("%s参加培训 %d 次，共 %g 学时（骨干培训 %d 次）", sem.Label(), sum.Sessions, sum.Hours, sum.Cadre)
	return cells, line, nil
}
