package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"tuanxue/data"
)

// Assessment is a stored semester assessment.
type Assessment = data.Assessment

// Weights are the shares of the four component scores in the total, in
// percent: 自评, 部门评议, 主席团评议, 团委评议.
type Weights [4]float64

// DefaultWeights: self-assessment 10 %, the three reviews 30 % each.
var DefaultWeights = Weights{10, 30, 30, 30}

// ComponentNames label the four scores.
var ComponentNames = [4]string{"自评", "部门评议", "主席团评议", "团委评议"}

const settingWeights = "assessment_weights"

// AssessmentWeights reads the weights in force.
func (s *Service) AssessmentWeights() (Weights, error) {
	text, err := s.store.Setting(settingWeights)
	if err != nil || text == "" {
		return DefaultWeights, err
	}
	var w Weights
	parts := strings.Split(text, ",")
	if len(parts) != 4 {
		return DefaultWeights, nil
	}
	for i, p := range parts {
		w[i], _ = strconv.ParseFloat(p, 64)
	}
	return w, nil
}

// SaveAssessmentWeights stores new weights; they must add up to 100.
func (s *Service) SaveAssessmentWeights(w Weights) error {
	sum := 0.0
	parts := make([]string, 4)
	for i, x := range w {
		if x < 0 || x > 100 {
			return ValidationError{{"Weights", "权重请填 0–100"}}
		}
		sum += x
		parts[i] = strconv.FormatFloat(x, 'f', -1, 64)
	}
	if math.Abs(sum-100) > 0.001 {
		return ValidationError{{"Weights", fmt.Sprintf("四项权重之和应为 100，现在是 %g", sum)}}
	}
	return s.store.SetSettings(map[string]string{settingWeights: strings.Join(parts, ",")})
}

// Total weighs the component scores; nil until every weighted score is in.
func (w Weights) Total(scores [4]*float64) *float64 {
	total, ok := w.sum(scores)
	if !ok {
		return nil
	}
	return rounded(total)
}

func (w Weights) sum(scores [4]*float64) (float64, bool) {
	total := 0.0
	for i, sc := range scores {
		if w[i] == 0 {
			continue
		}
		if sc == nil {
			return 0, false
		}
		total += *sc * w[i] / 100
	}
	return total, true
}

func rounded(f float64) *float64 {
	f = math.Round(f*10) / 10
	return &f
}

// Weighting is how a semester total is made: the four weights, and the
// share of the total the term's 述职评议 takes (0: shown beside it only).
type Weighting struct {
	Weights Weights
	Review  float64 // percent
}

// Weighting reads the weights and the review's share in force.
func (s *Service) Weighting() (Weighting, error) {
	w, err := s.AssessmentWeights()
	if err != nil {
		return Weighting{Weights: w}, err
	}
	p, err := s.ReviewParams()
	return Weighting{Weights: w, Review: p.Weight}, err
}

// Total weighs a person's scores. With a share for the review and a review
// score (percent of its full marks), that share of the total is the
// review's and the rest the four scores'; someone who gave no work report
// (a 干事) is assessed on the four alone. The review score counted is
// returned with the total, nil when none was.
func (w Weighting) Total(scores [4]*float64, review *float64) (total, counted *float64) {
	base, ok := w.Weights.sum(scores)
	switch {
	case !ok:
		return nil, nil
	case w.Review == 0 || review == nil:
		return rounded(base), nil
	}
	return rounded((base*(100-w.Review) + *review*w.Review) / 100), review
}

// Describe says the formula in words, above the assessment grid.
func (w Weighting) Describe() string {
	t := fmt.Sprintf("总分 = 自评×%g%% + 部门评议×%g%% + 主席团评议×%g%% + 团委评议×%g%%", w.Weights[0], w.Weights[1], w.Weights[2], w.Weights[3])
	if w.Review > 0 {
		t += fmt.Sprintf("；参加述职评议的人，总分 = 上式×%g%% + 述职评议得分率×%g%%", 100-w.Review, w.Review)
	}
	return t + "；等次默认按总分：优秀 ≥ 90，良好 ≥ 80，合格 ≥ 60"
}

// GradeFor proposes the grade of a total: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60.
func GradeFor(total float64) string {
	switch {
	case total >= 90:
		return data.GradeExcellent
	case total >= 80:
		return data.GradeGood
	case total >= 60:
		return data.GradePass
	}
	return data.GradeFail
}

// AssessmentDraft is one row of the assessment grid as typed.
type AssessmentDraft struct {
	PersonID       uint
	Name           string // for messages
	OrganizationID *uint
	Scores         [4]string
	Grade          string // code; "" takes the grade of the total
	Comments       string
	// Version is that of the row's assessment as the grid read it, 0 when
	// there was none: a row entered or changed in another office since is
	// not overwritten.
	Version int
}

// RowError is what is wrong with one row of a batch.
type RowError struct {
	Row int // 0-based
	ValidationError
}

// BatchError lists the rows of a batch that could not be saved.
type BatchError []RowError

func (b BatchError) Error() string {
	parts := make([]string, len(b))
	for i, r := range b {
		parts[i] = fmt.Sprintf("第 %d 行：%s", r.Row+1, r.ValidationError.Error())
	}
	return strings.Join(parts, "\n")
}

// SaveAssessments validates a grid of assessments for one semester and
// stores them all in one transaction, or none when any row is wrong.
func (s *Service) SaveAssessments(semester string, drafts []AssessmentDraft) error {
	if _, err := ParseSemester(semester); err != nil {
		return ValidationError{{"Semester", err.Error()}}
	}
	w, err := s.Weighting()
	if err != nil {
		return err
	}
	reviews, err := s.reviewScores(semester, draftPeople(drafts))
	if err != nil {
		return err
	}
	var bad BatchError
	out := make([]Assessment, 0, len(drafts))
	for i, d := range drafts {
		a, v := checkAssessment(w, reviews[d.PersonID], semester, d)
		if len(v) > 0 {
			bad = append(bad, RowError{i, v})
			continue
		}
		if a.Total != nil || a.Grade != "" || a.Comments != "" {
			out = append(out, a)
		}
	}
	if len(bad) > 0 {
		return bad
	}
	orgID := uint(0)
	if len(drafts) > 0 && drafts[0].OrganizationID != nil {
		orgID = *drafts[0].OrganizationID // a grid is one union's
	}
	return s.refused(s.store.SaveAssessments(out), orgID)
}

func draftPeople(drafts []AssessmentDraft) []uint {
	ids := make([]uint, len(drafts))
	for i, d := range drafts {
		ids[i] = d.PersonID
	}
	return ids
}

func checkAssessment(w Weighting, review *float64, semester string, d AssessmentDraft) (Assessment, ValidationError) {
	var v ValidationError
	a := Assessment{PersonID: d.PersonID, Version: d.Version, Semester: semester, OrganizationID: d.OrganizationID,
		Grade: d.Grade}
	var scores [4]*float64
	for i, text := range d.Scores {
		text = strings.TrimSpace(width.Narrow.String(text))
		if text == "" {
			continue
		}
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || f < 0 || f > 100 {
			v.add(fmt.Sprintf("Scores%d", i), fmt.Sprintf("%s的%s应为 0–100 的分数", d.Name, ComponentNames[i]))
			continue
		}
		scores[i] = &f
	}
	a.SelfScore, a.DepartmentScore, a.PresidiumScore, a.LeagueScore = scores[0], scores[1], scores[2], scores[3]
	a.Total, a.ReviewScore = w.Total(scores, review)
	if a.Grade == "" && a.Total != nil {
		a.Grade = GradeFor(*a.Total)
	}
	if a.Grade != "" && TextOf(Grades, a.Grade) == a.Grade {
		v.add("Grade", "请选择考核等次")
	}
	a.Comments = cleanText(&v, "Comments", "评语", d.Comments, 500)
	return a, v
}

// Assessments lists a person's assessments, newest first.
func (s *Service) Assessments(personID uint) ([]Assessment, error) {
	return s.store.AssessmentsOf(personID)
}

// SheetRow is one person on the assessment grid of a department.
type SheetRow struct {
	PersonID uint
	Name     string
	Post     string
	Existing *Assessment // what was entered before, if anything
	Review   string      // the semester's 述职评议 result with its total, "" when not reviewed
	// ReviewScore is that review's score in percent of its full marks,
	// which the total weighs in when the review has a share.
	ReviewScore *float64
}

// AssessmentSheet lists the people in post in a department (or the 主席团
// when deptID is nil) during a semester, with their assessments so far.
func (s *Service) AssessmentSheet(orgID uint, deptID *uint, sem Semester) ([]SheetRow, error) {
	f := RosterFilter{OrganizationID: orgID, DepartmentID: deptID, Presidium: deptID == nil,
		Status: data.RosterInPost, From: sem.Start(), To: sem.End(), Semester: sem.String()}
	ids, err := s.RosterIDs(f)
	if err != nil {
		return nil, err
	}
	rows, err := s.RosterRows(ids, sem.String())
	if err != nil {
		return nil, err
	}
	personIDs := make([]uint, len(rows))
	for i, r := range rows {
		personIDs[i] = r.PersonID
	}
	existing, err := s.store.AssessmentsIn(sem.String(), personIDs)
	if err != nil {
		return nil, err
	}
	reviews, err := s.store.ReviewResultsIn(sem.String(), personIDs)
	if err != nil {
		return nil, err
	}
	params, err := s.ReviewParams()
	if err != nil {
		return nil, err
	}
	out := make([]SheetRow, 0, len(rows))
	seen := map[uint]bool{}
	for _, r := range rows {
		if seen[r.PersonID] {
			continue // two terms in one semester: one assessment
		}
		seen[r.PersonID] = true
		row := SheetRow{PersonID: r.PersonID, Name: r.Name, Post: r.Post}
		if a, ok := existing[r.PersonID]; ok {
			row.Existing = &a
		}
		if rv, ok := reviews[r.PersonID]; ok {
			row.Review = ReviewResultText(rv.Result, rv.Total)
			row.ReviewScore = params.Percent(rv.ReviewReporter)
		}
		out = append(out, row)
	}
	return out, nil
}

// ScoreText writes a stored score back into a grid cell.
func ScoreText(f *float64) string { return score(f) }

// SaveWeightsText stores weights as typed in settings.
func (s *Service) SaveWeightsText(texts [4]string) (Weights, error) {
	var w Weights
	for i, t := range texts {
		f, err := strconv.ParseFloat(strings.TrimSpace(width.Narrow.String(t)), 64)
		if err != nil {
			return w, ValidationError{{"Weights", ComponentNames[i] + "的权重请填数字"}}
		}
		w[i] = f
	}
	return w, s.SaveAssessmentWeights(w)
}
