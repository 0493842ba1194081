package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/data"
)

var checkColumns = []report.Column{{Title: "指标", Width: 3}, {Title: "结论", Width: 4}, {Title: "情况", Width: 40}}

// orgChecks is the organization screen's 改革指标 tab: how the selected
// union stands against the rule set in force this semester.
type orgChecks struct {
	svc     *app.Service
	win     fyne.Window
	org     app.Organization
	results []compliance.Result
	hint    *widget.Label
	table   *widget.Table
	box     fyne.CanvasObject
}

func newOrgChecks(svc *app.Service, win fyne.Window) *orgChecks {
	c := &orgChecks{svc: svc, win: win, hint: widget.NewLabel("")}
	c.hint.Wrapping = fyne.TextWrapWord
	c.table = newListTable(checkColumns, func() int { return len(c.results) }, func(row, col int) (string, bool) {
		r := c.results[row]
		cells := []string{markedNumber(r.Rule), app.TextOf(compliance.Outcomes, r.Outcome), r.Sentence}
		return cells[col], r.Outcome == compliance.Fail
	})
	c.box = container.NewBorder(c.hint, nil, nil, nil, c.table)
	return c
}

func (c *orgChecks) object() fyne.CanvasObject { return c.box }

// show checks org, if it is a student union.
func (c *orgChecks) show(org app.Organization) {
	c.org, c.results = org, nil
	defer c.table.Refresh()
	if org.Kind != data.KindSchoolUnion && org.Kind != data.KindCollegeUnion {
		c.hint.SetText("改革指标只对校级和二级学院学生会检查。")
		return
	}
	settings, err := c.svc.Settings()
	if err != nil {
		showError(err, c.win)
		return
	}
	r, err := compliance.Run(c.svc, settings.Semester)
	if err != nil {
		showError(err, c.win)
		return
	}
	c.results = r.For(org.ID)
	n := map[string]int{}
	for _, res := range c.results {
		n[res.Outcome]++
	}
	c.hint.SetText(org.Name + " · " + settings.Semester.Label() + " · 依据" + r.Set.Name + "：达标 " +
		itoa(n[compliance.Pass]) + "，未达标 " + itoa(n[compliance.Fail]) + "，数据不足 " + itoa(n[compliance.Insufficient]))
}
