package app

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"tuanxue/app/report"
	"tuanxue/data"
)

// SelectionRound and Candidate are stored selection records.
type (
	SelectionRound = data.SelectionRound
	Candidate      = data.Candidate
)

// RoundDraft is the selection round form as filled in.
type RoundDraft struct {
	ID               uint
	Version          int // as read, so a save over a newer one is refused
	OrganizationID   uint
	Semester         string
	Kind             string
	Title            string
	HeldOn           string
	ApproverLeagueID *uint
	ScoreItems       string // 笔试,面试,民主测评
	Notes            string
}

// DefaultScoreItems are offered for a new round.
const DefaultScoreItems = "笔试,面试,民主测评"

// ScoreItemsOf splits a round's score items.
func ScoreItemsOf(r SelectionRound) []string {
	var out []string
	for _, item := range strings.FieldsFunc(r.ScoreItems, func(c rune) bool { return c == ',' || c == '，' || c == '、' }) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// SaveRound validates and stores a selection round.
func (s *Service) SaveRound(d RoundDraft) (SelectionRound, error) {
	var v ValidationError
	r := SelectionRound{ID: d.ID, Version: d.Version, OrganizationID: d.OrganizationID, Semester: d.Semester, Kind: d.Kind,
		ApproverLeagueID: d.ApproverLeagueID}
	r.Title = cleanName(&v, "Title", "名称", d.Title, MaxNameLen)
	r.HeldOn = parseDay(&v, "HeldOn", "选拔日期", d.HeldOn)
	r.Notes = cleanText(&v, "Notes", "备注", d.Notes, MaxNotesLen)
	r.ScoreItems = strings.Join(ScoreItemsOf(SelectionRound{ScoreItems: d.ScoreItems}), ",")
	if _, err := ParseSemester(d.Semester); err != nil {
		v.add("Semester", "请选择学期")
	}
	if TextOf(RoundKinds, d.Kind) == d.Kind {
		v.add("Kind", "请选择选拔类型")
	}
	if _, err := s.store.Organization(d.OrganizationID); err != nil {
		v.add("OrganizationID", "请选择组织")
	}
	if d.ApproverLeagueID != nil {
		if o, err := s.store.Organization(*d.ApproverLeagueID); err != nil || o.Kind != data.KindLeague {
			v.add("ApproverLeagueID", "审批单位须是团委")
		}
	}
	if err := v.Err(); err != nil {
		return r, err
	}
	err := s.store.SaveRound(&r)
	return r, err // r after the save: its new version is what the screen has read
}

// Rounds lists the rounds of a semester.
func (s *Service) Rounds(semester string) ([]SelectionRound, error) { return s.store.Rounds(semester) }

// Candidates lists a round's candidates.
func (s *Service) Candidates(roundID uint) ([]Candidate, error) { return s.store.Candidates(roundID) }

// CandidateDraft is one candidate as filled in.
type CandidateDraft struct {
	ID            uint
	Version       int // as read, so a save over a newer one is refused
	RoundID       uint
	PersonID      uint
	DepartmentID  *uint // nil: 主席团
	Post          string
	Scores        map[string]string // score item → score as typed
	Result        string
	RecommendedOn string // 学院团组织推荐
	PartyAgreedOn string // 学院党组织同意
	ReviewedOn    string // 学工部门与校团委审核
	DecidedOn     string // 校党委决定
	Notes         string
}

// ApprovalSteps name the dated steps of a candidate, in order.
var ApprovalSteps = [4]string{"学院团组织推荐", "学院党组织同意", "学工部门与校团委审核", "校党委决定"}

// SaveCandidate validates and stores a candidate.
func (s *Service) SaveCandidate(d CandidateDraft) (Candidate, error) {
	var v ValidationError
	c := Candidate{ID: d.ID, Version: d.Version, RoundID: d.RoundID, PersonID: d.PersonID, DepartmentID: d.DepartmentID,
		Result: d.Result}
	if c.Result == "" {
		c.Result = data.ResultPending
	}
	if d.ID != 0 {
		old, err := s.store.Candidate(d.ID)
		if err == nil && old.AppointmentID != nil {
			c.AppointmentID, c.Result = old.AppointmentID, data.ResultAdmitted
		}
	}
	c.Post = cleanName(&v, "Post", "应聘职务", d.Post, 20)
	c.Notes = cleanText(&v, "Notes", "备注", d.Notes, MaxNotesLen)
	round, err := s.store.Round(d.RoundID)
	if err != nil {
		v.add("", "选拔不存在，可能已被删除")
	}
	if _, err := s.store.Person(d.PersonID); err != nil {
		v.add("PersonID", "请选择人员")
	}
	scores := map[string]float64{}
	for _, item := range ScoreItemsOf(round) {
		text := strings.TrimSpace(width.Narrow.String(d.Scores[item]))
		if text == "" {
			continue
		}
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || f < 0 || f > 100 {
			v.add("Scores", fmt.Sprintf("%s成绩应为 0–100 的分数", item))
			continue
		}
		scores[item] = f
	}
	b, _ := json.Marshal(scores)
	c.Scores = string(b)
	steps := [4]*data.Date{&c.RecommendedOn, &c.PartyAgreedOn, &c.ReviewedOn, &c.DecidedOn}
	texts := [4]string{d.RecommendedOn, d.PartyAgreedOn, d.ReviewedOn, d.DecidedOn}
	fields := [4]string{"RecommendedOn", "PartyAgreedOn", "ReviewedOn", "DecidedOn"}
	var last data.Date
	lastName := ""
	for i := range steps {
		*steps[i] = parseDay(&v, fields[i], ApprovalSteps[i]+"日期", texts[i])
		notAfter(&v, fields[i], ApprovalSteps[i]+"日期", *steps[i], s.Today())
		if steps[i].IsZero() {
			continue
		}
		inOrder(&v, fields[i], lastName+"日期", ApprovalSteps[i]+"日期", last, *steps[i])
		last, lastName = *steps[i], ApprovalSteps[i]
	}
	if err := v.Err(); err != nil {
		return c, err
	}
	err = s.store.SaveCandidate(&c)
	return c, err
}

// CandidateScores reads a candidate's scores.
func CandidateScores(c Candidate) map[string]float64 {
	out := map[string]float64{}
	_ = json.Unmarshal([]byte(c.Scores), &out)
	return out
}

// MissingSteps lists the approval steps a candidate still lacks before
// appointment (reform rule 9): all four for the 主席团, the first and the
// third for department members.
func MissingSteps(c Candidate) []string {
	dates := [4]data.Date{c.RecommendedOn, c.PartyAgreedOn, c.ReviewedOn, c.DecidedOn}
	needed := []int{0, 2}
	if IsPresidiumPost(c.Post) {
		needed = []int{0, 1, 2, 3}
	}
	var out []string
	for _, i := range needed {
		if dates[i].IsZero() {
			out = append(out, ApprovalSteps[i])
		}
	}
	return out
}

// Admit appoints a candidate (录用): the post starts on startOn, through
// the same rules as any appointment, and the candidate is marked 录用.
func (s *Service) Admit(candidateID uint, startOn string) (Appointment, error) {
	c, err := s.store.Candidate(candidateID)
	if err != nil {
		return Appointment{}, err
	}
	if c.AppointmentID != nil {
		return Appointment{}, ValidationError{{"", "已经录用并任职"}}
	}
	if missing := MissingSteps(c); len(missing) > 0 {
		return Appointment{}, ValidationError{{"", "录用前须完成审批：缺少" + strings.Join(missing, "、") + "的日期"}}
	}
	round, err := s.store.Round(c.RoundID)
	if err != nil {
		return Appointment{}, err
	}
	a, v := s.CheckAppointment(AppointmentDraft{PersonID: c.PersonID, OrganizationID: round.OrganizationID,
		DepartmentID: c.DepartmentID, Post: c.Post, StartOn: startOn, SelectedBy: data.SelectedByRound, RoundID: &round.ID})
	if err := v.Err(); err != nil {
		return a, err
	}
	return a, s.store.Admit(c.ID, &a)
}

// CandidateColumns are the columns of a round's candidate list: the fixed
// ones around the round's own score items.
func CandidateColumns(r SelectionRound) []report.Column {
	cols := []report.Column{{Title: "姓名", Width: 4}, {Title: "学号", Width: 6}, {Title: "应聘职务", Width: 5}, {Title: "部门", Width: 5}}
	for _, item := range ScoreItemsOf(r) {
		cols = append(cols, report.Column{Title: item, Width: 4})
	}
	return append(cols, report.Column{Title: "审批进度", Width: 16}, report.Column{Title: "结果", Width: 4})
}

// CandidateCells describes a round's candidates, one row each.
func (s *Service) CandidateCells(r SelectionRound, cs []Candidate) [][]string {
	out := make([][]string, len(cs))
	for i, c := range cs {
		p, _ := s.store.Person(c.PersonID)
		row := []string{p.Name, p.StudentNo, c.Post, s.deptName(c.DepartmentID)}
		scores := CandidateScores(c)
		for _, item := range ScoreItemsOf(r) {
			if v, ok := scores[item]; ok {
				row = append(row, strconv.FormatFloat(v, 'f', -1, 64))
			} else {
				row = append(row, "")
			}
		}
		progress := "审批齐全"
		if missing := MissingSteps(c); len(missing) > 0 {
			progress = "待" + strings.Join(missing, "、")
		}
		out[i] = append(row, progress, TextOf(CandidateResults, c.Result))
	}
	return out
}

// CandidateDraftOf fills the candidate form from a stored candidate.
func CandidateDraftOf(c Candidate) CandidateDraft {
	d := CandidateDraft{ID: c.ID, Version: c.Version, RoundID: c.RoundID, PersonID: c.PersonID, DepartmentID: c.DepartmentID,
		Post: c.Post, Result: c.Result, RecommendedOn: c.RecommendedOn.String(), PartyAgreedOn: c.PartyAgreedOn.String(),
		ReviewedOn: c.ReviewedOn.String(), DecidedOn: c.DecidedOn.String(), Notes: c.Notes, Scores: map[string]string{}}
	for k, v := range CandidateScores(c) {
		d.Scores[k] = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return d
}
