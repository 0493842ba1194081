package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"tuanxue/data"
)

// Review records of 述职评议.
type (
	Review         = data.Review
	ReviewRecord   = data.ReviewRecord
	ReviewPanelist = data.ReviewPanelist
	ReviewReporter = data.ReviewReporter
)

// ReviewDraft is a 述职评议 session as its form holds it.
type ReviewDraft struct {
	ID             uint
	Version        int // as read, so a save over a newer one is refused
	OrganizationID uint
	Semester       string
	HeldOn         string
	Place          string
	Notes          string
	Panel          []PanelistDraft
	// Aspects are the columns of the scores: the stored session's own, or
	// the parameters' for a new one.
	Aspects   []string
	Reporters []ReporterDraft
}

// PanelistDraft is one row of the panel as typed.
type PanelistDraft struct {
	Name    string
	Student bool
	Role    string
}

// ReporterDraft is one row of the score grid as typed.
type ReporterDraft struct {
	PersonID uint
	Name     string // for messages
	Scores   []string
	Result   string // code; "" takes the result of the total
	Comments string
}

// SaveReview validates a session with its panel and reporters and stores
// it in one transaction; when anything is wrong nothing is saved. A panel
// that is not mostly students is saved (the teacher may still be adding
// members) but said by PanelProblem and by the compliance check.
func (s *Service) SaveReview(d ReviewDraft) (ReviewRecord, error) {
	var v ValidationError
	r := ReviewRecord{Review: Review{ID: d.ID, Version: d.Version, OrganizationID: d.OrganizationID}}
	sem, err := ParseSemester(d.Semester)
	if err != nil {
		v.add("Semester", "请选择学期")
	}
	r.Semester = sem.String()
	if o, err := s.store.Organization(d.OrganizationID); err != nil || !isUnion(o.Kind) {
		v.add("OrganizationID", "请选择进行述职评议的学生会")
	}
	r.HeldOn = parseDay(&v, "HeldOn", "评议日期", d.HeldOn)
	if r.HeldOn.IsZero() && v.For("HeldOn") == "" {
		v.add("HeldOn", "请填写评议日期")
	}
	notAfter(&v, "HeldOn", "评议日期", r.HeldOn, s.Today())
	if err == nil && !r.HeldOn.IsZero() && (r.HeldOn.Before(sem.Start()) || sem.End().Before(r.HeldOn)) {
		v.add("HeldOn", fmt.Sprintf("评议日期应在%s内（%s 至 %s）", sem.Label(), sem.Start(), sem.End()))
	}
	r.Place = cleanText(&v, "Place", "地点", d.Place, MaxNameLen)
	r.Notes = cleanText(&v, "Notes", "备注", d.Notes, MaxNotesLen)
	r.Panel = checkPanel(&v, d.Panel)
	if len(v) == 0 {
		r.Reporters = s.checkReporters(&v, d, r.HeldOn)
	}
	if err := v.Err(); err != nil {
		return r, err
	}
	var before ReviewRecord
	if r.ID != 0 {
		before, _ = s.store.ReviewRecordOf(r.ID)
	}
	err = s.InTransaction(func(tx *Service) error {
		if err := tx.store.SaveReview(&r); err != nil {
			return err
		}
		return tx.refreshReviewed(before, r)
	})
	return r, s.refused(err, r.OrganizationID)
}

// refreshReviewed brings up to date the assessments of everyone in these
// versions of a session (one dropped from its reporters loses its score).
func (s *Service) refreshReviewed(records ...ReviewRecord) error {
	for _, r := range records {
		if r.Semester == "" {
			continue
		}
		if err := s.refreshTotals(r.Semester, reporterIDs(r)); err != nil {
			return err
		}
	}
	return nil
}

func isUnion(kind string) bool { return kind == data.KindSchoolUnion || kind == data.KindCollegeUnion }

// checkPanel keeps the rows with a name; a row with a role but no name is
// refused.
func checkPanel(v *ValidationError, rows []PanelistDraft) []ReviewPanelist {
	var out []ReviewPanelist
	for i, row := range rows {
		name := strings.TrimSpace(row.Name)
		role := cleanText(v, "Panel", "职责", row.Role, MaxNameLen)
		if name == "" {
			if role != "" {
				v.add("Panel", fmt.Sprintf("评议小组第 %d 行请填写姓名", i+1))
			}
			continue
		}
		name = cleanName(v, "Panel", "评议小组成员姓名", name, MaxNameLen)
		out = append(out, ReviewPanelist{Name: name, Student: row.Student, Role: role})
	}
	if len(out) == 0 {
		v.add("Panel", "请填写评议小组成员")
	}
	return out
}

// PanelProblem says what breaks the rule that the panel is mostly
// students, or "" when it keeps it.
func PanelProblem(panel []ReviewPanelist) string {
	students := 0
	for _, p := range panel {
		if p.Student {
			students++
		}
	}
	if len(panel) == 0 || 2*students > len(panel) {
		return ""
	}
	return fmt.Sprintf("评议小组 %d 人中学生 %d 人，未超过半数（学生应占多数）", len(panel), students)
}

// checkReporters checks each reporter against the roster on the day and
// their scores against the parameters.
func (s *Service) checkReporters(v *ValidationError, d ReviewDraft, day data.Date) []ReviewReporter {
	params, err := s.ReviewParams()
	if err != nil {
		v.add("", Message(err))
		return nil
	}
	eligible, err := s.ReviewCandidates(d.OrganizationID, day)
	if err != nil {
		v.add("", Message(err))
		return nil
	}
	posts := map[uint]string{}
	for _, c := range eligible {
		posts[c.PersonID] = c.Post
	}
	seen := map[uint]bool{}
	var out []ReviewReporter
	for i, row := range d.Reporters {
		field := fmt.Sprintf("Reporter%d", i)
		name := s.reporterName(row)
		post, ok := posts[row.PersonID]
		switch {
		case seen[row.PersonID]:
			v.add(field, fmt.Sprintf("%s重复列入述职人", name))
			continue
		case !ok:
			v.add(field, s.notEligible(row.PersonID, name, d.OrganizationID, day))
			continue
		}
		seen[row.PersonID] = true
		rep := ReviewReporter{PersonID: row.PersonID, Post: post}
		rep.Scores, rep.Total = checkScores(v, field, name, params, d.Aspects, row.Scores)
		rep.Result = row.Result
		if rep.Result != "" && TextOf(ReviewResults, rep.Result) == rep.Result {
			v.add(field, name+"的评议结果请从列表中选择")
		}
		if rep.Result == "" && rep.Total != nil {
			rep.Result = params.ResultFor(*rep.Total, params.FullMarks(len(d.Aspects)))
		}
		rep.Comments = cleanText(v, field, name+"的评语", row.Comments, 500)
		out = append(out, rep)
	}
	return out
}

func (s *Service) reporterName(row ReporterDraft) string {
	if row.Name != "" {
		return row.Name
	}
	if p, err := s.store.Person(row.PersonID); err == nil {
		return p.Name
	}
	return "所选人员"
}

// notEligible says why someone may not report to this union's review.
func (s *Service) notEligible(personID uint, name string, orgID uint, day data.Date) string {
	if _, err := s.store.Person(personID); err != nil {
		return "述职人不在名册中（人员不存在或已删除）"
	}
	staff, err := s.store.StaffOn(day, data.KindSchoolUnion, data.KindCollegeUnion)
	if err == nil {
		for _, r := range staff {
			if r.PersonID == personID && r.OrganizationID == orgID {
				return fmt.Sprintf("%s在本学生会任%s，只有主席团成员和部门负责人（部长、副部长）述职", name, r.Post)
			}
		}
	}
	return fmt.Sprintf("%s在 %s 未在本学生会任职，不能述职", name, day)
}

// checkScores reads one reporter's scores: all empty (not scored yet) or
// all filled, each 0 to the full marks of an aspect.
func checkScores(v *ValidationError, field, name string, p ReviewParams, aspects, texts []string) (data.AspectScores, *float64) {
	var out data.AspectScores
	total, blank := 0.0, 0
	for i, aspect := range aspects {
		text := ""
		if i < len(texts) {
			text = strings.TrimSpace(width.Narrow.String(texts[i]))
		}
		if text == "" {
			blank++
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSuffix(text, "分"), 64)
		if err != nil || f < 0 || f > p.AspectMax || math.IsNaN(f) {
			v.add(field, fmt.Sprintf("%s的%s应为 0–%g 的分数", name, aspect, p.AspectMax))
			continue
		}
		out = append(out, data.AspectScore{Aspect: aspect, Score: f})
		total += f
	}
	switch {
	case blank == len(aspects):
		return nil, nil
	case blank > 0:
		v.add(field, fmt.Sprintf("%s还有 %d 项未评分：各项都填或都不填", name, blank))
		return nil, nil
	}
	total = math.Round(total*10) / 10
	return out, &total
}
