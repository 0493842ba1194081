package app

import (
	"fmt"
	"strconv"
	"strings"

	"tuanxue/data"
)

// ObjectionDraft is one line of the 异议 register as filled in.
type ObjectionDraft struct {
	ID         uint
	Version    int // as read, so a save over a newer one is refused
	RoundID    uint
	ReceivedOn string
	RaisedBy   string // 异议人; 匿名 is a name here
	Content    string
	Handling   string // 处理情况; empty while the objection is open
	HandledOn  string
}

// ObjectionDraftOf fills the 异议 form from a stored objection.
func ObjectionDraftOf(o Objection) ObjectionDraft {
	return ObjectionDraft{ID: o.ID, Version: o.Version, RoundID: o.RoundID, ReceivedOn: o.ReceivedOn.String(),
		RaisedBy: o.RaisedBy, Content: o.Content, Handling: o.Handling, HandledOn: o.HandledOn.String()}
}

// SaveObjection validates and stores a line of the 异议 register.
func (s *Service) SaveObjection(d ObjectionDraft) (Objection, error) {
	var v ValidationError
	o := Objection{ID: d.ID, Version: d.Version, RoundID: d.RoundID}
	o.ReceivedOn = parseDay(&v, "ReceivedOn", "收到日期", d.ReceivedOn)
	if o.ReceivedOn.IsZero() && v.For("ReceivedOn") == "" {
		v.add("ReceivedOn", "请填写收到异议的日期")
	}
	notAfter(&v, "ReceivedOn", "收到日期", o.ReceivedOn, s.Today())
	o.RaisedBy = strings.TrimSpace(d.RaisedBy)
	if o.RaisedBy == "" {
		v.add("RaisedBy", "请填写异议人（不愿署名的写“匿名”）")
	}
	o.RaisedBy = cleanName(&v, "RaisedBy", "异议人", o.RaisedBy, MaxNameLen)
	o.Content = cleanText(&v, "Content", "异议内容", d.Content, MaxNotesLen)
	if o.Content == "" {
		v.add("Content", "请填写异议内容")
	}
	o.Handling = cleanText(&v, "Handling", "处理情况", d.Handling, MaxNotesLen)
	o.HandledOn = parseDay(&v, "HandledOn", "处理日期", d.HandledOn)
	notAfter(&v, "HandledOn", "处理日期", o.HandledOn, s.Today())
	inOrder(&v, "HandledOn", "收到日期", "处理日期", o.ReceivedOn, o.HandledOn)
	switch {
	case o.Handling != "" && o.HandledOn.IsZero() && v.For("HandledOn") == "":
		v.add("HandledOn", "填了处理情况，请同时填写处理日期")
	case o.Handling == "" && !o.HandledOn.IsZero():
		v.add("Handling", "填了处理日期，请同时填写处理情况")
	}
	if _, err := s.store.Round(d.RoundID); err != nil {
		v.add("", "选拔不存在，可能已被删除")
	}
	if err := v.Err(); err != nil {
		return o, err
	}
	err := s.store.SaveObjection(&o)
	return o, err
}

// Objections lists a round's 异议 register.
func (s *Service) Objections(roundID uint) ([]Objection, error) { return s.store.Objections(roundID) }

// ObjectionOpen reports an objection not handled yet.
func ObjectionOpen(o Objection) bool { return o.Handling == "" }

// ObjectionColumns are the columns of the 异议 register.
var ObjectionColumns = []string{"收到日期", "异议人", "异议内容", "处理情况", "处理日期"}

// ObjectionCells describes the register, one row per objection.
func ObjectionCells(os []Objection) [][]string {
	out := make([][]string, len(os))
	for i, o := range os {
		handling := o.Handling
		if ObjectionOpen(o) {
			handling = "（未处理）"
		}
		out[i] = []string{o.ReceivedOn.String(), o.RaisedBy, o.Content, handling, o.HandledOn.String()}
	}
	return out
}

// DefaultClosingNote is what a 公示 closes with when the teacher has
// written nothing: 无异议, or the objections and how each was handled.
func DefaultClosingNote(p Publicity, os []Objection) string {
	if p.StartOn.IsZero() {
		return ""
	}
	end := ChineseDate(PublicityEnd(p))
	if len(os) == 0 {
		return fmt.Sprintf("公示期已于%s结束，公示期间未收到异议。", end)
	}
	parts := make([]string, len(os))
	open := 0
	for i, o := range os {
		handling := o.Handling
		if ObjectionOpen(o) {
			handling, open = "尚未处理", open+1
		}
		parts[i] = fmt.Sprintf("%d. %s收到%s的异议：%s；处理情况：%s", i+1, ChineseDate(o.ReceivedOn), o.RaisedBy, o.Content, handling)
	}
	head := fmt.Sprintf("公示期已于%s结束，公示期间收到异议%d件，均已处理。", end, len(os))
	if open > 0 {
		head = fmt.Sprintf("公示期已于%s结束，公示期间收到异议%d件，其中%d件尚未处理。", end, len(os), open)
	}
	return head + "\n" + strings.Join(parts, "\n")
}

// AdmitWarning says why appointing from a round should wait: its 公示期
// still runs (or has not begun), or an objection is open. "" when nothing
// stands in the way, and for a round without a 公示.
func (s *Service) AdmitWarning(roundID uint) (string, error) {
	p, err := s.PublicityOf(roundID)
	if err != nil || p.ID == 0 || p.StartOn.IsZero() {
		return "", err
	}
	var why []string
	if end := PublicityEnd(p); !end.Before(s.Today()) {
		why = append(why, fmt.Sprintf("公示期%s尚未结束", PublicityPeriod(p)))
	}
	os, err := s.store.Objections(roundID)
	if err != nil {
		return "", err
	}
	open := 0
	for _, o := range os {
		if ObjectionOpen(o) {
			open++
		}
	}
	if open > 0 {
		why = append(why, "有 "+strconv.Itoa(open)+" 件异议尚未处理")
	}
	if len(why) == 0 {
		return "", nil
	}
	return strings.Join(why, "，") + "。公示期满且异议处理完毕后再任职为宜。", nil
}

// PublicColumns are the only fields a 公示 or a public roster shows.
var PublicColumns = []string{"姓名", "学院", "年级", "拟任职务"}

// PublicRows lists a round's admitted candidates (录用) by their public
// fields only: never 学号, phone, scores or ranking.
func (s *Service) PublicRows(roundID uint) ([][]string, error) {
	return s.admittedRows(roundID, func(c Candidate, p Person) []string {
		return []string{p.Name, p.College, GradeText(p.Grade), s.proposedPost(c)}
	})
}

// InternalColumns are the columns of a round's internal roster.
var InternalColumns = []string{"姓名", "学号", "学院", "年级", "专业班级", "联系电话", "政治面貌", "拟任职务", "审批进度", "任职"}

// InternalRows lists a round's admitted candidates with what the office
// keeps of them: 学号, class, phone, political status, approvals.
func (s *Service) InternalRows(roundID uint) ([][]string, error) {
	return s.admittedRows(roundID, func(c Candidate, p Person) []string {
		progress := "审批齐全"
		if missing := MissingSteps(c); len(missing) > 0 {
			progress = "待" + strings.Join(missing, "、")
		}
		appointed := "未任职"
		if c.AppointmentID != nil {
			appointed = "已任职"
		}
		return []string{p.Name, p.StudentNo, p.College, GradeText(p.Grade), strings.TrimSpace(p.Major + " " + p.ClassName),
			p.Phone, TextOf(PoliticalStatuses, p.PoliticalStatus), s.proposedPost(c), progress, appointed}
	})
}

// admittedRows is a row for each of a round's admitted candidates (录用), made
// from the candidate and the person.
func (s *Service) admittedRows(roundID uint, row func(Candidate, Person) []string) ([][]string, error) {
	cs, err := s.store.Candidates(roundID)
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, c := range cs {
		if c.Result != data.ResultAdmitted {
			continue
		}
		p, err := s.store.Person(c.PersonID)
		if err != nil {
			return nil, err
		}
		out = append(out, row(c, p))
	}
	return out, nil
}

// proposedPost is 拟任职务: the department and the post (宣传部干事), or the
// post alone in the 主席团.
func (s *Service) proposedPost(c Candidate) string {
	if c.DepartmentID == nil || strings.HasPrefix(c.Post, s.deptName(c.DepartmentID)) {
		return c.Post
	}
	return s.deptName(c.DepartmentID) + c.Post
}

// GradeText writes a year of enrolment as 2020级, or "" when unknown.
func GradeText(year int) string {
	if year == 0 {
		return ""
	}
	return strconv.Itoa(year) + "级"
}
