package app

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"tuanxue/app/report"
	"tuanxue/data"
)

// MeetingDraft is the meeting form as filled in.
type MeetingDraft struct {
	ID                  uint
	Version             int // as read, so a save over a newer one is refused
	Kind                string
	Title               string
	HeldOn              string
	OrganizationID      uint
	ReportingOrgID      *uint
	ReportForm          string
	Place               string
	Recorder            string
	DelegatesElected    string
	DelegatesPresent    string
	StudentsRepresented string
	NonCadreDelegates   string
	PresidiumElected    bool
	CongressForm        string // data.CongressByDelegates or data.CongressAssembly
	FromKit             bool   // the four congress numbers are counted from the delegates register
	Minutes             string
	Problems            string
	Measures            string
	NextTasks           string
}

// MeetingDraftOf fills the form from a stored meeting.
func MeetingDraftOf(m Meeting) MeetingDraft {
	n := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	return MeetingDraft{ID: m.ID, Version: m.Version, Kind: m.Kind, Title: m.Title, HeldOn: m.HeldOn.String(), OrganizationID: m.OrganizationID,
		ReportingOrgID: m.ReportingOrgID, ReportForm: m.ReportForm, Place: m.Place, Recorder: m.Recorder,
		DelegatesElected: n(m.DelegatesElected), DelegatesPresent: n(m.DelegatesPresent),
		StudentsRepresented: n(m.StudentsRepresented), NonCadreDelegates: n(m.NonCadreDelegates),
		PresidiumElected: m.PresidiumElected, CongressForm: m.CongressForm, FromKit: m.FromKit, Minutes: m.Minutes, Problems: m.Problems, Measures: m.Measures, NextTasks: m.NextTasks}
}

// SaveMeeting validates and stores a meeting.
func (s *Service) SaveMeeting(d MeetingDraft) (Meeting, error) {
	var v ValidationError
	m := Meeting{ID: d.ID, Version: d.Version, Kind: d.Kind, OrganizationID: d.OrganizationID}
	m.Title = cleanName(&v, "Title", "会议名称", d.Title, 100)
	m.Place = cleanText(&v, "Place", "地点", d.Place, MaxNameLen)
	if strings.TrimSpace(d.Recorder) != "" {
		m.Recorder = cleanName(&v, "Recorder", "记录人", d.Recorder, MaxNameLen)
	}
	for _, f := range []struct {
		dst   *string
		field string
		label string
		text  string
	}{{&m.Minutes, "Minutes", "会议记录", d.Minutes}, {&m.Problems, "Problems", "上期存在问题", d.Problems},
		{&m.Measures, "Measures", "整改措施", d.Measures}, {&m.NextTasks, "NextTasks", "下期工作安排", d.NextTasks}} {
		*f.dst = cleanText(&v, f.field, f.label, f.text, 10*MaxNotesLen)
	}
	if TextOf(MeetingKinds, m.Kind) == m.Kind {
		v.add("Kind", "请选择会议类别")
	}
	m.HeldOn = s.sessionDay(&v, d.HeldOn)
	m.Semester = SemesterAt(m.HeldOn.Time()).String()
	if _, err := s.store.Organization(d.OrganizationID); err != nil {
		v.add("OrganizationID", "请选择召开会议的组织")
	}
	switch m.Kind {
	case data.MeetingCongress:
		s.checkCongress(&v, &m, d)
	case data.MeetingReport:
		s.checkReport(&v, &m, d)
	}
	if err := v.Err(); err != nil {
		return m, err
	}
	return m, s.refused(s.store.SaveMeeting(&m), m.OrganizationID)
}

// checkCongress reads the 学代会 figures: delegates present and delegates
// who are not union cadres cannot exceed the delegates elected.
func (s *Service) checkCongress(v *ValidationError, m *Meeting, d MeetingDraft) {
	m.PresidiumElected = d.PresidiumElected
	m.CongressForm = d.CongressForm
	if TextOf(CongressForms, m.CongressForm) == m.CongressForm {
		v.add("CongressForm", "请选择大会形式")
	}
	if m.ID != 0 {
		counted := []Meeting{*m}
		if err := s.withKitFigures(counted); err != nil {
			v.add("DelegatesElected", Message(err))
			return
		}
		if counted[0].FromKit {
			// The register's numbers are the congress's: the typed ones
			// are written over with them, never checked against them.
			*m = counted[0]
			return
		}
	}
	m.DelegatesElected = parseCount99999(v, "DelegatesElected", "应到代表", d.DelegatesElected)
	m.DelegatesPresent = parseCount99999(v, "DelegatesPresent", "实到代表", d.DelegatesPresent)
	m.StudentsRepresented = parseCount99999(v, "StudentsRepresented", "所代表学生数", d.StudentsRepresented)
	m.NonCadreDelegates = parseCount99999(v, "NonCadreDelegates", "非学生会干部代表", d.NonCadreDelegates)
	if m.DelegatesElected == nil && v.For("DelegatesElected") == "" {
		v.add("DelegatesElected", "请填写应到代表人数")
		return
	}
	if m.DelegatesElected == nil {
		return
	}
	if m.DelegatesPresent != nil && *m.DelegatesPresent > *m.DelegatesElected {
		v.add("DelegatesPresent", fmt.Sprintf("实到代表（%d）不能多于应到代表（%d）", *m.DelegatesPresent, *m.DelegatesElected))
	}
	if m.NonCadreDelegates != nil && *m.NonCadreDelegates > *m.DelegatesElected {
		v.add("NonCadreDelegates", fmt.Sprintf("非学生会干部代表（%d）不能多于代表总数（%d）", *m.NonCadreDelegates, *m.DelegatesElected))
	}
	if m.StudentsRepresented != nil && *m.StudentsRepresented < *m.DelegatesElected {
		v.add("StudentsRepresented", "所代表的学生数不能少于代表人数")
	}
}

// checkReport: a 二级学院 union reports, in a meeting or in writing.
func (s *Service) checkReport(v *ValidationError, m *Meeting, d MeetingDraft) {
	m.ReportingOrgID, m.ReportForm = d.ReportingOrgID, d.ReportForm
	if d.ReportingOrgID == nil {
		v.add("ReportingOrgID", "请选择汇报的二级学院学生会")
	} else if o, err := s.store.Organization(*d.ReportingOrgID); err != nil || o.Kind != data.KindCollegeUnion {
		v.add("ReportingOrgID", "汇报单位须是二级学院学生会")
	}
	if TextOf(ReportForms, d.ReportForm) == d.ReportForm {
		v.add("ReportForm", "请选择汇报形式")
	}
}

func parseCount99999(v *ValidationError, field, label, text string) *int {
	text = strings.TrimSpace(width.Narrow.String(text))
	if text == "" {
		return nil
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 0 || n > 99999 {
		v.add(field, label+"请填 0–99999 的整数")
		return nil
	}
	return &n
}

// Meetings lists the meetings a filter selects, each congress with the
// figures of its delegates register when it has one.
func (s *Service) Meetings(f data.SessionFilter) ([]Meeting, error) {
	ms, err := s.store.Meetings(f)
	if err != nil {
		return nil, err
	}
	return ms, s.withKitFigures(ms)
}

// DeleteMeeting moves a meeting to the recycle bin.
func (s *Service) DeleteMeeting(id uint) error {
	m, _ := s.store.Meeting(id)
	return s.refused(s.store.DeleteMeeting(id), m.OrganizationID)
}

// MeetingColumns are the meeting list's columns.
var MeetingColumns = []report.Column{{Title: "日期", Width: 6}, {Title: "会议", Width: 16}, {Title: "类别", Width: 9},
	{Title: "组织", Width: 9}, {Title: "要点", Width: 28}}

// MeetingCells describes meetings with the figure that matters for each.
func (s *Service) MeetingCells(ms []Meeting) ([][]string, error) {
	tree, err := s.OrgTree()
	if err != nil {
		return nil, err
	}
	out := make([][]string, len(ms))
	for i, m := range ms {
		org, _ := tree.Get(m.OrganizationID)
		out[i] = []string{m.HeldOn.String(), m.Title, TextOf(MeetingKinds, m.Kind), org.Name, meetingGist(m, tree)}
	}
	return out, nil
}

func meetingGist(m Meeting, tree OrgTree) string {
	switch m.Kind {
	case data.MeetingCongress:
		if m.DelegatesElected == nil {
			return ""
		}
		gist := fmt.Sprintf("代表 %d 人", *m.DelegatesElected)
		if m.DelegatesPresent != nil {
			gist += fmt.Sprintf("，实到 %d 人", *m.DelegatesPresent)
		}
		if m.PresidiumElected {
			gist += "，选举产生主席团"
		}
		return gist
	case data.MeetingReport:
		if m.ReportingOrgID != nil {
			o, _ := tree.Get(*m.ReportingOrgID)
			return o.Name + TextOf(ReportForms, m.ReportForm)
		}
	}
	return firstLine(m.NextTasks, m.Minutes)
}

func firstLine(texts ...string) string {
	for _, t := range texts {
		if t = strings.TrimSpace(t); t != "" {
			line, _, _ := strings.Cut(t, "\n")
			return line
		}
	}
	return ""
}
