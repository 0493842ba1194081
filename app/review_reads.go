package app

import (
	"fmt"
	"strconv"

	"tuanxue/data"
)

// ReviewCandidate is someone who reports to a union's review: in post on
// the day in its 主席团 or as a department head.
type ReviewCandidate struct {
	PersonID uint
	Name     string
	Post     string // 主席, 宣传部部长
}

// isHead reports whether a department post is one of its heads (负责人).
func isHead(post string) bool { return post == PostMinister || post == PostViceMinister }

// ReviewCandidates lists who reports to the union's review on day, in
// roster order: the 主席团, then the heads of each department.
func (s *Service) ReviewCandidates(orgID uint, day data.Date) ([]ReviewCandidate, error) {
	staff, err := s.store.StaffOn(day, data.KindSchoolUnion, data.KindCollegeUnion)
	if err != nil {
		return nil, err
	}
	depts, err := s.store.Departments(orgID)
	if err != nil {
		return nil, err
	}
	deptName := map[uint]string{}
	for _, d := range depts {
		deptName[d.ID] = d.Name
	}
	var out []ReviewCandidate
	seen := map[uint]bool{}
	for _, r := range staff {
		if r.OrganizationID != orgID || seen[r.PersonID] {
			continue
		}
		post := r.Post
		switch {
		case r.DepartmentID == nil:
		case isHead(r.Post):
			post = deptName[*r.DepartmentID] + r.Post
		default:
			continue
		}
		seen[r.PersonID] = true
		out = append(out, ReviewCandidate{PersonID: r.PersonID, Name: r.Name, Post: post})
	}
	return out, nil
}

// Reviews lists the 述职评议 sessions of a semester, newest first.
func (s *Service) Reviews(semester string) ([]Review, error) { return s.store.Reviews(semester) }

// ReviewRecord reads a session with its panel and reporters.
func (s *Service) ReviewRecord(id uint) (ReviewRecord, error) { return s.store.ReviewRecordOf(id) }

// DeleteReview moves a session to the recycle bin; the totals it was
// weighed into are made again without it.
func (s *Service) DeleteReview(id uint) error {
	r, err := s.store.ReviewRecordOf(id)
	if err != nil {
		return err
	}
	return s.InTransaction(func(tx *Service) error {
		if err := tx.store.DeleteReview(id); err != nil {
			return err
		}
		return tx.refreshReviewed(r)
	})
}

// ReviewOf finds a union's session of a semester; ok is false when it has
// none yet.
func (s *Service) ReviewOf(orgID uint, semester string) (ReviewRecord, bool, error) {
	rs, err := s.store.Reviews(semester)
	if err != nil {
		return ReviewRecord{}, false, err
	}
	for _, r := range rs {
		if r.OrganizationID == orgID {
			rec, err := s.store.ReviewRecordOf(r.ID)
			return rec, err == nil, err
		}
	}
	return ReviewRecord{}, false, nil
}

// AspectsOf are the aspects a stored session was scored on: those of its
// first scored reporter, else the parameters' (nothing scored yet).
func AspectsOf(rec ReviewRecord, p ReviewParams) []string {
	for _, r := range rec.Reporters {
		if len(r.Scores) > 0 {
			out := make([]string, len(r.Scores))
			for i, sc := range r.Scores {
				out[i] = sc.Aspect
			}
			return out
		}
	}
	return p.Aspects
}

// ScoreOf is a reporter's score of one aspect as grid text.
func ScoreOf(r ReviewReporter, aspect string) string {
	for _, sc := range r.Scores {
		if sc.Aspect == aspect {
			return strconv.FormatFloat(sc.Score, 'f', -1, 64)
		}
	}
	return ""
}

// ReviewResultText is a result with its total: "合格（82 分）".
func ReviewResultText(result string, total *float64) string {
	text := TextOf(ReviewResults, result)
	if total != nil {
		text += fmt.Sprintf("（%s 分）", score(total))
	}
	return text
}

// reviewExitReason is the 建议退出 reason of a failed review, in the words
// of the assessment's: "2020—2021学年第一学期述职评议不合格".
func reviewExitReason(semester string) string {
	return semesterLabel(semester) + "述职评议不合格"
}
