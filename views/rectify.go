package views

import (
	"fmt"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/data"
)

// ruleText is how a ledger item names the indicator it comes from.
func ruleText(r compliance.Result) string {
	return fmt.Sprintf("指标 %s：%s", r.Rule.Number, r.Rule.Text)
}

// openItemFor finds the item of this academic year still open for the
// result's indicator and union, if there is one.
func openItemFor(svc *app.Service, r compliance.Result) (app.Rectification, bool, error) {
	items, err := svc.Ledger(app.RectFilter{Semester: app.SemesterAt(svc.Today().Time()), OrganizationID: r.Org.ID})
	if err != nil {
		return app.Rectification{}, false, err
	}
	text := ruleText(r)
	for _, item := range items {
		if item.RuleText == text && item.Status != data.RectClosed && item.Status != data.RectDone {
			return item, true, nil
		}
	}
	return app.Rectification{}, false, nil
}

// rectDraftFor is a new ledger item for a result that is not 达标: its
// sentence is the problem, with the indicator's wording, the union and a
// deadline a month away.
func rectDraftFor(svc *app.Service, r compliance.Result) app.RectDraft {
	today := svc.Today()
	return app.RectDraft{FoundOn: today.String(), Problem: r.Sentence, Source: "self_check", Category: "改革指标",
		RuleText: ruleText(r), OrganizationID: &r.Org.ID, Deadline: today.Time().AddDate(0, 1, 0).Format("2006-01-02")}
}

// itemLine names an open item on the button that opens it.
func itemLine(item app.Rectification) string {
	return fmt.Sprintf("已有整改事项：%s，%s 登记", app.TextOf(app.RectStatuses, item.Status), item.FoundOn)
}
