package app

import "tuanxue/data"

// The 述职评议 as one component of the semester assessment: its score is
// read for the people of a grid, and a saved or deleted review brings the
// totals it was weighed into up to date in the same transaction.

// reviewScores reads the review score (percent of full marks) of each of
// these people in a semester; someone reviewed twice keeps the worse
// result's score, as everywhere else.
func (s *Service) reviewScores(semester string, personIDs []uint) (map[uint]*float64, error) {
	rows, err := s.store.ReviewResultsIn(semester, personIDs)
	if err != nil {
		return nil, err
	}
	p, err := s.ReviewParams()
	if err != nil {
		return nil, err
	}
	out := make(map[uint]*float64, len(rows))
	for id, r := range rows {
		out[id] = p.Percent(r.ReviewReporter)
	}
	return out, nil
}

// refreshTotals weighs the people's current review scores into their
// assessments of the semester. A grade that was the one proposed by the
// old total follows the new total; a grade a teacher chose stays. Nothing
// is rewritten while the review has no share of the total.
func (s *Service) refreshTotals(semester string, personIDs []uint) error {
	w, err := s.Weighting()
	if err != nil || w.Review == 0 || len(personIDs) == 0 {
		return err
	}
	reviews, err := s.reviewScores(semester, personIDs)
	if err != nil {
		return err
	}
	stored, err := s.store.AssessmentsIn(semester, personIDs)
	if err != nil {
		return err
	}
	var changed []data.Assessment
	for id, a := range stored {
		scores := [4]*float64{a.SelfScore, a.DepartmentScore, a.PresidiumScore, a.LeagueScore}
		total, counted := w.Total(scores, reviews[id])
		if total == nil || same(total, a.Total) && same(counted, a.ReviewScore) {
			continue
		}
		if a.Total != nil && a.Grade == GradeFor(*a.Total) {
			a.Grade = GradeFor(*total)
		}
		a.Total, a.ReviewScore = total, counted
		changed = append(changed, a)
	}
	return s.store.SaveAssessments(changed)
}

func same(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// reporterIDs lists the people of a review session.
func reporterIDs(r ReviewRecord) []uint {
	ids := make([]uint, len(r.Reporters))
	for i, p := range r.Reporters {
		ids[i] = p.PersonID
	}
	return ids
}
