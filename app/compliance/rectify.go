package compliance

import (
	"fmt"

	"tuanxue/app"
	"tuanxue/data"
)

// Rectify turns a result that is not 达标 into a ledger item (整改事项): the
// sentence becomes the problem, with the rule's wording, the union and a
// deadline a month away. An open item for the same rule and union is not
// made twice.
func Rectify(svc *app.Service, r Result) (app.Rectification, error) {
	if r.Outcome == Pass {
		return app.Rectification{}, app.ValidationError{{Field: "", Message: "这一项已达标，不需要整改"}}
	}
	ruleText := fmt.Sprintf("指标 %s：%s", r.Rule.Number, r.Rule.Text)
	sem := app.SemesterAt(svc.Today().Time())
	open, err := svc.Ledger(app.RectFilter{Semester: sem, OrganizationID: r.Org.ID})
	if err != nil {
		return app.Rectification{}, err
	}
	for _, item := range open {
		if item.RuleText == ruleText && item.Status != data.RectClosed && item.Status != data.RectDone {
			return item, app.ValidationError{{Field: "", Message: fmt.Sprintf("这一项已有整改事项（%s 登记，%s）",
				item.FoundOn, app.TextOf(app.RectStatuses, item.Status))}}
		}
	}
	today := svc.Today()
	return svc.SaveRect(app.RectDraft{FoundOn: today.String(), Problem: r.Sentence, Source: "self_check", Category: "改革指标",
		RuleText: ruleText, OrganizationID: &r.Org.ID, Deadline: data.DateOf(today.Time().AddDate(0, 1, 0)).String()})
}
