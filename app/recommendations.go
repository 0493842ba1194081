package app

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"tuanxue/data"
)

// Recommendation is a stored 推优 record.
type Recommendation = data.Recommendation

// RecommendationStages are the steps of 推优 (团员推优 / "团三优").
var RecommendationStages = []string{"团支部推荐", "二级学院团委审核", "校团委审核", "推荐给党组织"}

// StageBranchMeeting is the step taken by the branch meeting: the one whose
// numbers and quota are checked.
const StageBranchMeeting = "团支部推荐"

// RecommendationResults are the outcomes of a step.
var RecommendationResults = []string{"通过", "未通过", "待定"}

// MinRecommendAge is the age below which a 推优 cannot be recorded at all.
const MinRecommendAge = 18

// RecommendationDraft is the 推优 form as filled in.
type RecommendationDraft struct {
	ID            uint
	Version       int // as read, so a save over a newer one is refused
	PersonID      uint
	Branch        string
	HeldOn        string
	Stage         string
	Result        string
	Notes         string
	BranchMembers string // 团员人数 (应到)
	Present       string // 实到
	VotesFor      string // 赞成票
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
	r.BranchMembers = parseOptionalCount(&v, "BranchMembers", "团员人数", d.BranchMembers)
	r.Present = parseOptionalCount(&v, "Present", "实到人数", d.Present)
	r.VotesFor = parseOptionalCount(&v, "VotesFor", "赞成票", d.VotesFor)
	checkMeetingNumbers(&v, r)
	p, err := s.store.Person(d.PersonID)
	if err != nil {
		v.add("", "人员不存在")
	} else if !p.BornOn.IsZero() && !r.HeldOn.IsZero() && AgeOn(p.BornOn, r.HeldOn) < MinRecommendAge {
		v.add("HeldOn", fmt.Sprintf("%s 出生于 %s，推优日期时未满 %d 周岁，不能推优", p.Name, p.BornOn, MinRecommendAge))
	}
	if err := v.Err(); err != nil {
		return r, err
	}
	err = s.store.SaveRecommendation(&r)
	return r, err
}

// checkMeetingNumbers refuses numbers no meeting can have.
func checkMeetingNumbers(v *ValidationError, r Recommendation) {
	if r.BranchMembers != nil && *r.BranchMembers == 0 {
		v.add("BranchMembers", "团员人数不能为 0")
	}
	if r.BranchMembers != nil && r.Present != nil && *r.Present > *r.BranchMembers {
		v.add("Present", fmt.Sprintf("实到 %d 人多于团员人数 %d 人", *r.Present, *r.BranchMembers))
	}
	if r.BranchMembers != nil && r.VotesFor != nil && *r.VotesFor > *r.BranchMembers {
		v.add("VotesFor", fmt.Sprintf("赞成票 %d 票多于团员人数 %d 人", *r.VotesFor, *r.BranchMembers))
	} else if r.Present != nil && r.VotesFor != nil && *r.VotesFor > *r.Present {
		v.add("VotesFor", fmt.Sprintf("赞成票 %d 票多于实到 %d 人", *r.VotesFor, *r.Present))
	}
}

// parseOptionalCount reads a head count; empty text is "not recorded".
func parseOptionalCount(v *ValidationError, field, label, text string) *int {
	text = strings.TrimSpace(width.Narrow.String(text))
	text = strings.TrimRight(text, "人票 ")
	if text == "" {
		return nil
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 0 || n > 9999 {
		v.add(field, label+"请填 0–9999 的整数")
		return nil
	}
	return &n
}

// AgeOn is the age in whole years on a day of someone born on born.
func AgeOn(born, on data.Date) int {
	b, d := born.Time(), on.Time()
	age := d.Year() - b.Year()
	if d.Month() < b.Month() || (d.Month() == b.Month() && d.Day() < b.Day()) {
		age--
	}
	return age
}

// Recommendations lists every 推优 record.
func (s *Service) Recommendations() ([]Recommendation, error) { return s.store.Recommendations() }
