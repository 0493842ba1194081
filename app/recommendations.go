package app

import "tuanxue/data"

// Recommendation is a stored 推优 record.
type Recommendation = data.Recommendation

// RecommendationStages are the steps of 推优 (团员推优 / "团三优").
var RecommendationStages = []string{"团支部推荐", "二级学院团委审核", "校团委审核", "推荐给党组织"}

// RecommendationResults are the outcomes of a step.
var RecommendationResults = []string{"通过", "未通过", "待定"}

// RecommendationDraft is the 推优 form as filled in.
type RecommendationDraft struct {
	ID       uint
	Version  int // as read, so a save over a newer one is refused
	PersonID uint
	Branch   string
	HeldOn   string
	Stage    string
	Result   string
	Notes    string
}

// SaveRecommendation validates and stores a 推优 record.
func (s *Service) SaveRecommendation(d RecommendationDraft) (Recommendation, error) {
	var v ValidationError
	r := Recommendation{ID: d.ID, Version: d.Version, PersonID: d.PersonID, Stage: d.Stage, Result: d.Result}
	r.Branch = cleanText(&v, "Branch", "团支部", d.Branch, MaxNameLen)
	r.Notes = cleanText(&v, "Notes", "备注", d.Notes, MaxNotesLen)
	r.HeldOn = parseDay(&v, "HeldOn", "日期", d.HeldOn)
	if r.HeldOn.IsZero() && v.For("HeldOn") == "" {
		v.add("HeldOn", "请填写日期")
	}
	notAfter(&v, "HeldOn", "日期", r.HeldOn, s.Today())
	if r.Stage == "" {
		v.add("Stage", "请选择推优环节")
	}
	if _, err := s.store.Person(d.PersonID); err != nil {
		v.add("", "人员不存在")
	}
	if err := v.Err(); err != nil {
		return r, err
	}
	err := s.store.SaveRecommendation(&r)
	return r, err
}
