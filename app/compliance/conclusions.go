package compliance

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"tuanxue/app"
	"tuanxue/data"
)

// Conclusion is a teacher's own conclusion on one indicator for one union
// and school year (人工结论). It stands in for what the records say: for the
// items no record can prove (the Party committee hears the union, awards
// are not tied to posts) and where the records are incomplete.
type Conclusion = data.Conclusion

// IndicatorOf names the indicator a rule checks in a way that holds across
// the versions of the form and the college's own set, whose numbers and
// wording differ: its scope and check ("school/staff_cap"). Items checked
// by hand only add their number, since a set has several of them.
func IndicatorOf(r Rule) string {
	if _, known := checks[r.CheckKey]; !known || r.CheckKey == "manual" {
		return r.Scope + "/manual/" + r.Number
	}
	return r.Scope + "/" + r.CheckKey
}

// ConclusionOutcomes are what a teacher may conclude; "" hands the item
// back to the records.
var ConclusionOutcomes = []app.Label{{Code: Pass, Text: "达标（是）"}, {Code: Fail, Text: "未达标（否）"},
	{Code: "", Text: "按记录核对（撤销人工结论）"}}

// ConclusionDraft is the 人工结论 form as filled in.
type ConclusionDraft struct {
	ID             uint // of the conclusion read, 0 for a new one
	Version        int  // as read, so a save over a newer one is refused
	OrganizationID uint
	Semester       app.Semester // any semester of the school year
	Rule           Rule
	Outcome        string // Pass, Fail or ""
	Note           string // the basis, printed in the form's 备注
	RecordedBy     string
}

// Limits of the form.
const (
	maxNoteLen = 200 // the form's 备注 cell, not a report
	maxWhoLen  = 20
)

// SaveConclusion validates and stores a conclusion. A save over one that
// another office changed (or recorded first) since it was read is refused
// with data.ErrConflict.
func SaveConclusion(svc *app.Service, d ConclusionDraft) (Conclusion, error) {
	c := Conclusion{ID: d.ID, Version: d.Version, OrganizationID: d.OrganizationID, Year: d.Semester.Year(),
		Indicator: IndicatorOf(d.Rule), RuleText: d.Rule.Text, Outcome: d.Outcome,
		Note: strings.TrimSpace(d.Note), RecordedBy: strings.TrimSpace(d.RecordedBy)}
	var v app.ValidationError
	switch {
	case d.Outcome != Pass && d.Outcome != Fail && d.Outcome != "":
		v = append(v, app.FieldError{Field: "Outcome", Message: "请选择结论"})
	case d.Outcome == "" && d.ID == 0:
		v = append(v, app.FieldError{Field: "Outcome", Message: "这一项还没有人工结论，不需要撤销"})
	case d.Outcome != "" && c.Note == "":
		v = append(v, app.FieldError{Field: "Note", Message: "请写明依据（会印在自评表的备注里），如“2020年10月党委会听取学生会工作汇报”"})
	}
	if n := utf8.RuneCountInString(c.Note); n > maxNoteLen {
		v = append(v, app.FieldError{Field: "Note", Message: fmt.Sprintf("依据最多 %d 个字（现 %d 个）", maxNoteLen, n)})
	}
	switch n := utf8.RuneCountInString(c.RecordedBy); {
	case n == 0:
		v = append(v, app.FieldError{Field: "RecordedBy", Message: "请填写确认人"})
	case n > maxWhoLen:
		v = append(v, app.FieldError{Field: "RecordedBy", Message: fmt.Sprintf("确认人最多 %d 个字", maxWhoLen)})
	}
	org, err := svc.Store().Organization(d.OrganizationID)
	if err != nil || (org.Kind != data.KindSchoolUnion && org.Kind != data.KindCollegeUnion) {
		v = append(v, app.FieldError{Field: "", Message: "只能对校级或二级学院学生会的指标作人工结论"})
	}
	if err := v.Err(); err != nil {
		return c, err
	}
	err = svc.Store().SaveConclusion(&c)
	if errors.Is(err, data.ErrDuplicate) {
		err = data.ErrConflict // another office recorded one first
	}
	return c, err
}

// conclusionsOf reads a year's conclusions by union and indicator.
func conclusionsOf(svc *app.Service, sem app.Semester) (map[uint]map[string]Conclusion, error) {
	list, err := svc.Store().Conclusions(sem.Year())
	if err != nil {
		return nil, err
	}
	out := map[uint]map[string]Conclusion{}
	for _, c := range list {
		if out[c.OrganizationID] == nil {
			out[c.OrganizationID] = map[string]Conclusion{}
		}
		out[c.OrganizationID][c.Indicator] = c
	}
	return out, nil
}

// apply puts a teacher's conclusion in place of the records' verdict,
// keeping that verdict beside it.
func (r *Result) apply(c Conclusion, ok bool) {
	if !ok {
		return
	}
	r.Conclusion = &c
	if c.Outcome == "" {
		return // withdrawn: the records decide, the record of who withdrew it stays
	}
	r.Checked, r.CheckedSentence = r.Outcome, r.Sentence
	r.Outcome = c.Outcome
	r.Sentence = fmt.Sprintf("%s人工结论为%s：%s（%s，%s）", r.Org.Name, app.TextOf(Outcomes, c.Outcome), c.Note,
		c.RecordedBy, c.UpdatedAt.Local().Format("2006-01-02 15:04"))
	r.brief = ""
}

// Manual reports whether a teacher's conclusion decides the result.
func (r Result) Manual() bool { return r.Conclusion != nil && r.Conclusion.Outcome != "" }
