package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/app/reports"
	"tuanxue/data"
)

var checkColumns = []report.Column{{Title: "指标", Width: 3}, {Title: "结论", Width: 4}, {Title: "情况", Width: 40}}

// orgChecks is the organization screen's 改革指标 tab: how the selected
// union stands against the rule set in force this semester, and where a
// teacher records a conclusion of their own on an indicator (人工结论) —
// what no record can prove, printed on the 改革自评表 with its basis.
// Below, the chosen indicator's evidence, with the files attached to it.
type orgChecks struct {
	svc      *app.Service
	win      fyne.Window
	org      app.Organization
	sem      app.Semester
	report   compliance.Report
	results  []compliance.Result
	evidence [][]reports.EvidenceLine // by result
	panel    *indicatorEvidence
	row      int // the selected result, -1 for none
	hint     *widget.Label
	table    *widget.Table
	conclude *widget.Button
	box      fyne.CanvasObject
}

func newOrgChecks(svc *app.Service, win fyne.Window) *orgChecks {
	c := &orgChecks{svc: svc, win: win, hint: widget.NewLabel(""), row: -1}
	c.hint.Wrapping = fyne.TextWrapWord
	c.table = newListTable(checkColumns, func() int { return len(c.results) }, func(row, col int) (string, bool) {
		r := c.results[row]
		outcome := app.TextOf(compliance.Outcomes, r.Outcome)
		if r.Manual() {
			outcome += "（人工）"
		}
		cells := []string{markedNumber(r.Rule), outcome, r.Sentence}
		return cells[col], r.Outcome == compliance.Fail
	})
	c.table.OnSelected = func(id widget.TableCellID) {
		c.row = id.Row
		setEnabled(c.conclude, c.row >= 0 && c.row < len(c.results))
		c.showEvidence()
	}
	c.panel = newIndicatorEvidence(svc, win, c.reloadEvidence)
	c.conclude = widget.NewButton("人工结论…", func() {
		if c.row >= 0 && c.row < len(c.results) {
			c.openConclusion(c.results[c.row])
		}
	})
	c.conclude.Disable()
	top := container.NewBorder(nil, nil, nil, c.conclude, c.hint)
	split := container.NewVSplit(c.table, c.panel.object())
	split.Offset = 0.5
	c.box = container.NewBorder(top, nil, nil, nil, split)
	return c
}

// showEvidence shows the selected indicator's evidence below the table.
func (c *orgChecks) showEvidence() {
	if c.row < 0 || c.row >= len(c.results) || c.row >= len(c.evidence) {
		c.panel.show(nil, app.IndicatorRef{}, nil)
		return
	}
	res := c.results[c.row]
	ref := app.IndicatorRef{OrganizationID: c.org.ID, Year: c.sem.Year(), Indicator: compliance.IndicatorOf(res.Rule)}
	c.panel.show(&res, ref, c.evidence[c.row])
}

// reloadEvidence reads the evidence again after a file was attached or
// removed, keeping the indicator chosen.
func (c *orgChecks) reloadEvidence() {
	ev, err := reports.UnionEvidence(c.svc, c.report, c.org)
	if err != nil {
		showError(err, c.win)
		return
	}
	c.evidence = ev
	c.showEvidence()
}

// openConclusion records, changes or withdraws the teacher's conclusion on
// one indicator of the union for the school year.
func (c *orgChecks) openConclusion(res compliance.Result) {
	f := newForm()
	d := compliance.ConclusionDraft{OrganizationID: res.Org.ID, Semester: c.sem, Rule: res.Rule, RecordedBy: c.svc.Operator()}
	records := res.Sentence
	if res.Manual() {
		records = res.CheckedSentence
	}
	if k := res.Conclusion; k != nil {
		d.ID, d.Version, d.Outcome, d.Note, d.RecordedBy = k.ID, k.Version, k.Outcome, k.Note, k.RecordedBy
	}
	var labels []string
	for _, l := range compliance.ConclusionOutcomes {
		labels = append(labels, l.Text)
	}
	outcome := f.newSelect("Outcome", labels, func() {})
	note := f.newNotes("Note", func() {})
	who := f.newEntry("RecordedBy", "如：林振华", func() {})
	f.load(func() {
		outcome.SetSelected(app.TextOf(compliance.ConclusionOutcomes, d.Outcome))
		note.SetText(d.Note)
		who.SetText(d.RecordedBy)
	})
	item := widget.NewLabel(markedNumber(res.Rule) + ". " + res.Rule.Text)
	item.Wrapping = fyne.TextWrapWord
	checked := widget.NewLabel("按记录核对：" + records)
	checked.Wrapping = fyne.TextWrapWord
	f.add("_rule", "指标", item)
	f.add("_records", "记录", checked)
	if k := res.Conclusion; k != nil {
		f.add("_last", "上次", widget.NewLabel(k.RecordedBy+"，"+k.UpdatedAt.Local().Format("2006-01-02 15:04")))
	}
	f.add("Outcome", "结论", outcome)
	f.add("Note", "依据", note)
	f.add("RecordedBy", "确认人", who)
	formDialog(res.Org.Name+" · "+c.sem.Year()+"学年 · 人工结论", "保存", f, c.win, func() error {
		d.Outcome = "-" // nothing chosen: refused with a message beside the field
		for _, l := range compliance.ConclusionOutcomes {
			if l.Text == outcome.Selected {
				d.Outcome = l.Code
			}
		}
		d.Note, d.RecordedBy = note.Text, who.Text
		if _, err := compliance.SaveConclusion(c.svc, d); err != nil {
			return err
		}
		c.show(c.org)
		return nil
	}).Show()
}

func (c *orgChecks) object() fyne.CanvasObject { return c.box }

// selectCheck chooses the indicator whose check is key, with its evidence
// (for screenshots and tests).
func (c *orgChecks) selectCheck(key string) error {
	for i, r := range c.results {
		if r.Rule.CheckKey == key {
			id := widget.TableCellID{Row: i, Col: 0}
			c.table.Select(id)
			c.table.ScrollTo(id) // again: the split below took its height since
			c.table.Refresh()
			return nil
		}
	}
	return fmt.Errorf("%s: no indicator %s", c.org.Name, key)
}

// show checks org, if it is a student union.
func (c *orgChecks) show(org app.Organization) {
	c.org, c.results, c.evidence, c.row = org, nil, nil, -1
	c.table.UnselectAll()
	setEnabled(c.conclude, false)
	defer c.table.Refresh()
	defer c.showEvidence()
	if org.Kind != data.KindSchoolUnion && org.Kind != data.KindCollegeUnion {
		c.hint.SetText("改革指标只对校级和二级学院学生会检查。")
		return
	}
	settings, err := c.svc.Settings()
	if err != nil {
		showError(err, c.win)
		return
	}
	c.sem = settings.Semester
	r, err := compliance.Run(c.svc, settings.Semester)
	if err != nil {
		showError(err, c.win)
		return
	}
	c.report, c.results = r, r.For(org.ID)
	if c.evidence, err = reports.UnionEvidence(c.svc, r, org); err != nil {
		showError(err, c.win)
		return
	}
	n := map[string]int{}
	for _, res := range c.results {
		n[res.Outcome]++
	}
	c.hint.SetText(org.Name + " · " + settings.Semester.Label() + " · 依据" + r.Set.Name + "：达标 " +
		itoa(n[compliance.Pass]) + "，未达标 " + itoa(n[compliance.Fail]) + "，数据不足 " + itoa(n[compliance.Insufficient]))
}
