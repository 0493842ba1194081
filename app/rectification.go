package app

import (
	"fmt"
	"slices"
	"strings"

	"tuanxue/app/report"
	"tuanxue/data"
)

// Rectification is a ledger item; RectLog a line of its progress; Evidence
// a file that proves it.
type (
	Rectification = data.Rectification
	RectLog       = data.RectLog
	Evidence      = data.Evidence
)

// RectDraft is the item form as filled in.
type RectDraft struct {
	ID             uint
	Version        int // as read, so a save over a newer one is refused
	FoundOn        string
	Problem        string
	Source         string
	Category       string
	RuleText       string
	Measures       string
	OrganizationID *uint
	Responsible    string
	Deadline       string
}

// RectDraftOf fills the form from a stored item.
func RectDraftOf(r Rectification) RectDraft {
	return RectDraft{ID: r.ID, Version: r.Version, FoundOn: r.FoundOn.String(), Problem: r.Problem, Source: r.Source, Category: r.Category,
		RuleText: r.RuleText, Measures: r.Measures, OrganizationID: r.OrganizationID, Responsible: r.Responsible,
		Deadline: r.Deadline.String()}
}

// SaveRect validates and stores an item's details (its status moves by
// Advance). A new item starts 待整改 in the academic year it was found.
func (s *Service) SaveRect(d RectDraft) (Rectification, error) {
	var v ValidationError
	r := Rectification{Status: data.RectOpen}
	if d.ID != 0 {
		old, err := s.store.Rectification(d.ID)
		if err != nil {
			return r, err
		}
		r = old
		r.Version = d.Version // the version the form read, not the one stored now
	}
	r.Problem = cleanName(&v, "Problem", "问题", d.Problem, 500)
	r.Category = cleanText(&v, "Category", "类别", d.Category, 20)
	r.RuleText = cleanText(&v, "RuleText", "相关指标", d.RuleText, 500)
	r.Measures = cleanText(&v, "Measures", "整改措施", d.Measures, MaxNotesLen)
	r.Responsible = cleanText(&v, "Responsible", "责任人", d.Responsible, 20)
	r.Source, r.OrganizationID = d.Source, d.OrganizationID
	if TextOf(RectSources, r.Source) == r.Source {
		v.add("Source", "请选择问题来源")
	}
	r.FoundOn = parseDay(&v, "FoundOn", "发现日期", d.FoundOn)
	if r.FoundOn.IsZero() && v.For("FoundOn") == "" {
		v.add("FoundOn", "请填写发现日期")
	}
	notAfter(&v, "FoundOn", "发现日期", r.FoundOn, s.Today())
	r.Deadline = parseDay(&v, "Deadline", "整改期限", d.Deadline)
	inOrder(&v, "Deadline", "发现日期", "整改期限", r.FoundOn, r.Deadline)
	if r.ID == 0 && !r.FoundOn.IsZero() {
		r.Year = SemesterAt(r.FoundOn.Time()).Year()
	}
	if err := v.Err(); err != nil {
		return r, err
	}
	var log *RectLog
	if d.ID == 0 {
		log = &RectLog{LoggedOn: s.Today(), Status: r.Status, Note: "登记问题"}
	}
	return r, s.refused(s.store.SaveRectification(&r, log), orgOf(r.OrganizationID))
}

// Advance is a change of an item's status with what it needs: a measure
// taken and a completion date for 已完成, a verifier and a date for 已销号,
// a reason for going back.
type Advance struct {
	To           string
	MeasureTaken string
	CompletedOn  string
	Verifier     string
	VerifiedOn   string
	Note         string // the reason when going back; a remark otherwise
}

func statusRank(code string) int {
	return slices.IndexFunc(RectStatuses, func(l Label) bool { return l.Code == code })
}

// AdvanceRect moves an item to another status and logs it.
func (s *Service) AdvanceRect(id uint, a Advance) (Rectification, error) {
	r, err := s.store.Rectification(id)
	if err != nil {
		return r, err
	}
	var v ValidationError
	was := r.Status
	from, to := statusRank(r.Status), statusRank(a.To)
	note := cleanText(&v, "Note", "说明", a.Note, 500)
	switch {
	case to < 0:
		v.add("To", "请选择新的状态")
	case to == from:
		v.add("To", "状态没有变化")
	case to < from && note == "":
		v.add("Note", fmt.Sprintf("退回到“%s”须说明理由", TextOf(RectStatuses, a.To)))
	}
	// 已完成 needs a measure taken and a completion date; moving on to 已销号
	// keeps the ones given when it was completed.
	if to >= statusRank(data.RectDone) && to > from {
		if strings.TrimSpace(a.MeasureTaken) != "" || from < statusRank(data.RectDone) {
			r.MeasureTaken = cleanText(&v, "MeasureTaken", "已采取的措施", a.MeasureTaken, MaxNotesLen)
		}
		if r.MeasureTaken == "" && v.For("MeasureTaken") == "" {
			v.add("MeasureTaken", "请填写已采取的整改措施")
		}
		if a.CompletedOn != "" || r.CompletedOn.IsZero() {
			r.CompletedOn = s.requiredDay(&v, "CompletedOn", "完成日期", a.CompletedOn)
		}
		inOrder(&v, "CompletedOn", "发现日期", "完成日期", r.FoundOn, r.CompletedOn)
	}
	if a.To == data.RectClosed {
		r.Verifier = cleanText(&v, "Verifier", "验收人", a.Verifier, 20)
		if r.Verifier == "" && v.For("Verifier") == "" {
			v.add("Verifier", "销号须填写验收人")
		}
		r.VerifiedOn = s.requiredDay(&v, "VerifiedOn", "销号日期", a.VerifiedOn)
		inOrder(&v, "VerifiedOn", "完成日期", "销号日期", r.CompletedOn, r.VerifiedOn)
	}
	if to >= 0 && to < statusRank(data.RectClosed) {
		r.Verifier, r.VerifiedOn = "", data.Date{}
	}
	if to >= 0 && to < statusRank(data.RectDone) {
		r.CompletedOn = data.Date{}
	}
	if err := v.Err(); err != nil {
		return r, err
	}
	r.Status = a.To
	line := fmt.Sprintf("状态由“%s”改为“%s”", TextOf(RectStatuses, was), TextOf(RectStatuses, a.To))
	if note != "" {
		line += "：" + note
	}
	return r, s.refused(s.store.SaveRectification(&r, &RectLog{LoggedOn: s.Today(), Status: a.To, Note: line}), orgOf(r.OrganizationID))
}

func (s *Service) requiredDay(v *ValidationError, field, label, text string) data.Date {
	d := parseDay(v, field, label, text)
	if d.IsZero() && v.For(field) == "" {
		v.add(field, "请填写"+label)
	}
	notAfter(v, field, label, d, s.Today())
	return d
}

// LogProgress adds a dated note to an item's log.
func (s *Service) LogProgress(id uint, note string) error {
	var v ValidationError
	note = cleanName(&v, "Note", "进展说明", note, 500)
	if err := v.Err(); err != nil {
		return err
	}
	r, err := s.store.Rectification(id)
	if err != nil {
		return err
	}
	return s.store.AddRectLog(&RectLog{ItemID: id, LoggedOn: s.Today(), Status: r.Status, Note: note})
}

// Overdue reports whether an item is past its deadline and not finished.
func (s *Service) Overdue(r Rectification) bool {
	return !r.Deadline.IsZero() && r.Deadline.Before(s.Today()) &&
		r.Status != data.RectDone && r.Status != data.RectClosed
}

// RectFilter selects ledger items.
type RectFilter struct {
	Semester       Semester // its academic year
	Status         string
	OrganizationID uint
	Source         string
	OverdueOnly    bool
}

// Ledger lists the items of an academic year and those carried over.
func (s *Service) Ledger(f RectFilter) ([]Rectification, error) {
	start := Semester{f.Semester.StartYear, 1}.Start()
	all, err := s.store.RectificationsFor(f.Semester.Year(), start)
	if err != nil {
		return nil, err
	}
	var out []Rectification
	for _, r := range all {
		switch {
		case f.Status != "" && r.Status != f.Status:
		case f.OrganizationID != 0 && (r.OrganizationID == nil || *r.OrganizationID != f.OrganizationID):
		case f.Source != "" && r.Source != f.Source:
		case f.OverdueOnly && !s.Overdue(r):
		default:
			out = append(out, r)
		}
	}
	return out, nil
}

// LedgerColumns are the ledger's columns.
var LedgerColumns = []report.Column{{Title: "发现日期", Width: 6}, {Title: "问题", Width: 26}, {Title: "来源", Width: 4},
	{Title: "责任组织", Width: 8}, {Title: "责任人", Width: 4}, {Title: "整改期限", Width: 6}, {Title: "状态", Width: 4},
	{Title: "提示", Width: 10}}

// LedgerCells describes items for the ledger; overdue ones say so in words,
// not in colour alone.
func (s *Service) LedgerCells(rs []Rectification, year string) ([][]string, error) {
	tree, err := s.OrgTree()
	if err != nil {
		return nil, err
	}
	out := make([][]string, len(rs))
	for i, r := range rs {
		org := ""
		if r.OrganizationID != nil {
			o, _ := tree.Get(*r.OrganizationID)
			org = o.Name
		}
		note := ""
		if s.Overdue(r) {
			days := int(s.Today().Time().Sub(r.Deadline.Time()).Hours() / 24)
			note = fmt.Sprintf("！逾期 %d 天", days)
		}
		if r.Year < year {
			note = strings.TrimSpace(note + " 上学年结转")
		}
		out[i] = []string{r.FoundOn.String(), r.Problem, TextOf(RectSources, r.Source), org, r.Responsible,
			r.Deadline.String(), TextOf(RectStatuses, r.Status), note}
	}
	return out, nil
}

// RectFile is everything the item form shows.
type RectFile struct {
	Item     Rectification
	Log      []RectLog
	Evidence []Evidence
}

// RectFile reads an item with its log and files.
func (s *Service) RectFile(id uint) (RectFile, error) {
	var f RectFile
	var err error
	if f.Item, err = s.store.Rectification(id); err != nil {
		return f, err
	}
	if f.Log, err = s.store.RectLogs(id); err != nil {
		return f, err
	}
	f.Evidence, err = s.store.EvidenceOf(id)
	return f, err
}

// DeleteRect moves an item with its log and files to the recycle bin.
func (s *Service) DeleteRect(id uint) error {
	r, _ := s.store.Rectification(id)
	return s.refused(s.store.DeleteRectification(id), orgOf(r.OrganizationID))
}
