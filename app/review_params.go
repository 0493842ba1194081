package app

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"tuanxue/data"
)

// ReviewParams are the numbers of 述职评议 a college sets: the aspects
// scored and the full marks of each, and the thresholds of the results in
// percent of the full total. Kept in settings beside the assessment
// weights, which they feed.
type ReviewParams struct {
	Aspects   []string `json:"aspects"`
	AspectMax float64  `json:"aspect_max"` // full marks of one aspect
	Excellent float64  `json:"excellent"`  // 优秀 from this percent of the full total
	Pass      float64  `json:"pass"`       // 合格
	Basic     float64  `json:"basic"`      // 基本合格; below it 不合格
	// Weight is the share, in percent, of a reporter's semester assessment
	// total that the review's score takes; 0 leaves it beside the total.
	Weight float64 `json:"weight"`
}

// DefaultReviewParams: five aspects of 20 points, 优秀 ≥ 90, 合格 ≥ 75,
// 基本合格 ≥ 60 of 100.
var DefaultReviewParams = ReviewParams{
	Aspects:   []string{"政治态度", "道德品行", "学习情况", "工作成效", "纪律作风"},
	AspectMax: 20, Excellent: 90, Pass: 75, Basic: 60,
}

// ReviewResults label the results of a review.
var ReviewResults = []Label{
	{data.ReviewExcellent, "优秀"}, {data.ReviewPass, "合格"}, {data.ReviewBasic, "基本合格"}, {data.ReviewFail, "不合格"},
}

const settingReviewParams = "review_params"

// ReviewParams reads the parameters in force; the defaults until a
// teacher changes them.
func (s *Service) ReviewParams() (ReviewParams, error) {
	text, err := s.store.Setting(settingReviewParams)
	if err != nil || text == "" {
		return DefaultReviewParams, err
	}
	p := DefaultReviewParams
	p.Aspects = nil // read into a slice of its own: Unmarshal would write over the defaults' array
	if json.Unmarshal([]byte(text), &p) != nil || p.check() != nil {
		return DefaultReviewParams, nil
	}
	return p, nil
}

// SaveReviewParamsText stores the parameters as typed in settings: the
// aspects separated by 、 or commas, the numbers as text.
func (s *Service) SaveReviewParamsText(aspects, max, excellent, pass, basic, weight string) (ReviewParams, error) {
	p := ReviewParams{}
	for _, a := range strings.FieldsFunc(aspects, func(r rune) bool { return strings.ContainsRune("、,，;；", r) }) {
		if a = strings.TrimSpace(a); a != "" {
			p.Aspects = append(p.Aspects, a)
		}
	}
	var v ValidationError
	num := func(field, label, text string) float64 {
		f, err := strconv.ParseFloat(strings.TrimSpace(width.Narrow.String(text)), 64)
		if err != nil {
			v.add(field, label+"请填数字")
		}
		return f
	}
	p.AspectMax = num("AspectMax", "每项满分", max)
	p.Excellent = num("Excellent", "优秀分数线", excellent)
	p.Pass = num("Pass", "合格分数线", pass)
	p.Basic = num("Basic", "基本合格分数线", basic)
	if strings.TrimSpace(weight) != "" {
		p.Weight = num("Weight", "计入考核总分的比例", weight)
	}
	if err := v.Err(); err != nil {
		return p, err
	}
	if err := p.check(); err != nil {
		return p, err
	}
	b, _ := json.Marshal(p)
	return p, s.store.SetSettings(map[string]string{settingReviewParams: string(b)})
}

func (p ReviewParams) check() error {
	var v ValidationError
	seen := map[string]bool{}
	for _, a := range p.Aspects {
		if seen[a] {
			v.add("Aspects", "评议项目“"+a+"”重复")
		}
		seen[a] = true
		if len([]rune(a)) > 10 {
			v.add("Aspects", "评议项目“"+a+"”太长，最多 10 个字")
		}
	}
	switch {
	case len(p.Aspects) == 0:
		v.add("Aspects", "请至少填写一个评议项目")
	case len(p.Aspects) > 10:
		v.add("Aspects", "评议项目最多 10 项")
	}
	if p.AspectMax <= 0 || p.AspectMax > 100 {
		v.add("AspectMax", "每项满分请填 1–100")
	}
	if !(0 < p.Basic && p.Basic <= p.Pass && p.Pass <= p.Excellent && p.Excellent <= 100) {
		v.add("Excellent", "分数线应满足 0 < 基本合格 ≤ 合格 ≤ 优秀 ≤ 100")
	}
	if p.Weight < 0 || p.Weight > 100 || math.IsNaN(p.Weight) {
		v.add("Weight", "计入考核总分的比例请填 0–100")
	}
	return v.Err()
}

// Percent is a reporter's total in percent of the full marks of the
// aspects it was scored on; nil while not scored.
func (p ReviewParams) Percent(r data.ReviewReporter) *float64 {
	if r.Total == nil || len(r.Scores) == 0 {
		return nil
	}
	return rounded(min(*r.Total*100/p.FullMarks(len(r.Scores)), 100))
}

// FullMarks is the full total of a review scored on n aspects.
func (p ReviewParams) FullMarks(n int) float64 { return p.AspectMax * float64(n) }

// ResultFor proposes the result of a total out of full.
func (p ReviewParams) ResultFor(total, full float64) string {
	pct := total * 100 / full
	switch {
	case pct >= p.Excellent-1e-9:
		return data.ReviewExcellent
	case pct >= p.Pass-1e-9:
		return data.ReviewPass
	case pct >= p.Basic-1e-9:
		return data.ReviewBasic
	}
	return data.ReviewFail
}

// Describe says the thresholds in words, for forms and reports.
func (p ReviewParams) Describe() string {
	full := p.FullMarks(len(p.Aspects))
	at := func(pct float64) string { return strconv.FormatFloat(full*pct/100, 'f', -1, 64) }
	return fmt.Sprintf("评议项目 %s，每项满分 %g 分，总分 %g 分；优秀 ≥ %s，合格 ≥ %s，基本合格 ≥ %s，以下为不合格",
		strings.Join(p.Aspects, "、"), p.AspectMax, full, at(p.Excellent), at(p.Pass), at(p.Basic))
}
