package compliance

import (
	"fmt"
	"strings"

	"tuanxue/app"
	"tuanxue/data"
)

func init() {
	checks["reviews"] = checkReviews
	checks["review_awards"] = checkReviewAwards
}

// reviewOf reads a union's 述职评议 of a semester, once per check run.
func (f *facts) reviewOf(orgID uint, sem app.Semester) (*app.ReviewRecord, error) {
	key := sem.String()
	if f.reviews == nil {
		f.reviews = map[string]map[uint]app.ReviewRecord{}
	}
	if _, ok := f.reviews[key]; !ok {
		list, err := f.svc.Reviews(key)
		if err != nil {
			return nil, err
		}
		byOrg := map[uint]app.ReviewRecord{}
		for _, r := range list {
			if f.day.Before(r.HeldOn) {
				continue
			}
			rec, err := f.svc.ReviewRecord(r.ID)
			if err != nil {
				return nil, err
			}
			byOrg[r.OrganizationID] = rec
		}
		f.reviews[key] = byOrg
	}
	rec, ok := f.reviews[key][orgID]
	if !ok {
		return nil, nil
	}
	return &rec, nil
}

// reviewDue is the first day a semester's review is expected: its last
// two months (reviews are held in the last teaching month, December or
// June).
func reviewDue(sem app.Semester) data.Date {
	return data.DateOf(sem.End().Time().AddDate(0, -2, 1))
}

// checkReviews: the 主席团 and department heads report each semester to a
// panel made up mostly of students, and every one of them gets a result.
func checkReviews(f *facts, u *union, _ params, r *Result) {
	rec, err := f.reviewOf(u.org.ID, f.sem)
	if err != nil {
		r.set(Insufficient, "读取述职评议记录失败："+app.Message(err))
		return
	}
	if rec == nil {
		if f.day.Before(reviewDue(f.sem)) {
			r.set(Pass, fmt.Sprintf("%s本学期述职评议尚未到期（%s 起进行）", u.org.Name, reviewDue(f.sem)))
			return
		}
		r.set(Fail, u.org.Name+"本学期未开展述职评议")
		return
	}
	r.Figure, r.Value = "评议日期为："+rec.HeldOn.String(), rec.HeldOn.String()
	var fails, missing []string
	if p := app.PanelProblem(rec.Panel); p != "" {
		fails = append(fails, u.org.Name+p)
	}
	due, err := f.svc.ReviewCandidates(u.org.ID, rec.HeldOn)
	if err != nil {
		r.set(Insufficient, "读取述职人失败："+app.Message(err))
		return
	}
	reported := map[uint]data.ReviewReporter{}
	for _, rep := range rec.Reporters {
		reported[rep.PersonID] = rep
	}
	var absent []string
	for _, c := range due {
		if _, ok := reported[c.PersonID]; !ok {
			absent = append(absent, c.Post+c.Name)
			r.Links = append(r.Links, Link{"person", c.PersonID, c.Name})
		}
	}
	if len(absent) > 0 {
		fails = append(fails, fmt.Sprintf("%s述职评议缺 %d 人未述职（%s）", u.org.Name, len(absent), strings.Join(absent, "、")))
	}
	unscored := 0
	for _, rep := range rec.Reporters {
		if rep.Result == "" {
			unscored++
		}
	}
	if unscored > 0 {
		missing = append(missing, fmt.Sprintf("%s述职评议有 %d 人尚无评议结果", u.org.Name, unscored))
	}
	switch {
	case len(fails) > 0:
		r.set(Fail, strings.Join(fails, "；"))
	case len(missing) > 0:
		r.set(Insufficient, "数据不足："+strings.Join(missing, "；"))
	default:
		r.set(Pass, u.org.Name+reviewSummary(rec))
	}
}

// reviewSummary: "于 2021-01-08 述职评议 6 人：优秀 2 人、合格 3 人、不合格
// 1 人；评议小组 7 人，其中学生 5 人".
func reviewSummary(rec *app.ReviewRecord) string {
	count := map[string]int{}
	for _, rep := range rec.Reporters {
		count[rep.Result]++
	}
	var parts []string
	for _, l := range app.ReviewResults {
		if count[l.Code] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 人", l.Text, count[l.Code]))
		}
	}
	students := 0
	for _, p := range rec.Panel {
		if p.Student {
			students++
		}
	}
	return fmt.Sprintf("于 %s 述职评议 %d 人：%s；评议小组 %d 人，其中学生 %d 人", rec.HeldOn, len(rec.Reporters),
		strings.Join(parts, "、"), len(rec.Panel), students)
}

// checkReviewAwards: awards follow the review results (二级 item 11). The
// program keeps no awards, so the records show whether there are review
// results to follow: the union's latest review of this or the previous
// semester, with a panel made up mostly of students.
func checkReviewAwards(f *facts, u *union, _ params, r *Result) {
	var rec *app.ReviewRecord
	for _, sem := range []app.Semester{f.sem, f.sem.Prev()} {
		found, err := f.reviewOf(u.org.ID, sem)
		if err != nil {
			r.set(Insufficient, "读取述职评议记录失败："+app.Message(err))
			return
		}
		if found != nil {
			rec = found
			break
		}
	}
	switch {
	case rec == nil:
		r.set(Fail, u.org.Name+"本学期和上学期均未开展述职评议，评奖评优没有评议结果可依据")
	case app.PanelProblem(rec.Panel) != "":
		r.set(Fail, u.org.Name+"述职评议的"+app.PanelProblem(rec.Panel)+"，其结果不宜作为评奖评优的依据")
	case len(rec.Reporters) == 0:
		r.set(Insufficient, u.org.Name+"述职评议没有登记述职人和评议结果")
	default:
		r.Figure, r.Value = "评议日期为："+rec.HeldOn.String(), rec.HeldOn.String()
		r.set(Pass, u.org.Name+"评奖评优可依据其述职评议结果："+reviewSummary(rec))
	}
}
