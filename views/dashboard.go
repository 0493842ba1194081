package views

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/app/reports"
)

var breachColumns = []report.Column{{Title: "组织", Width: 8}, {Title: "指标", Width: 17}, {Title: "结论", Width: 4},
	{Title: "情况", Width: 40}}

// dashboard is 概览: the semester's key figures and, first of all, where the
// unions fall short of the reform indicators.
type dashboard struct {
	svc       *app.Service
	win       fyne.Window
	open      func(compliance.Link) // shows the record behind a result
	semesters []app.Semester
	semester  *widget.Select
	setName   *widget.Label
	figures   *fyne.Container
	breaches  []compliance.Result
	selected  int     // the row of the breach shown in detail, -1 for none
	orgWidth  float32 // the 组织 column, as wide as the longest name listed
	table     *widget.Table
	detail    *widget.Label
	links     *fyne.Container
	charts    *fyne.Container
	tabs      *container.AppTabs
	chartsTab *container.TabItem
	root      fyne.CanvasObject
	checks    int // checks run since the screen was built: a later one wins over the first
}

func newDashboard(svc *app.Service, win fyne.Window, open func(compliance.Link)) *dashboard {
	d := &dashboard{svc: svc, win: win, open: open, selected: -1, setName: widget.NewLabel(""), figures: container.NewGridWithColumns(3),
		detail: widget.NewLabel("点击一条查看详情和相关记录。"), links: container.NewHBox(),
		charts: container.NewGridWithColumns(2)}
	d.detail.Wrapping = fyne.TextWrapWord
	settings, _ := svc.Settings()
	d.semesters = app.SemesterChoices(app.SemesterAt(svc.Today().Time()), settings.Semester)
	labels := semesterLabels(d.semesters)
	d.semester = newChoice(labels, func(string) {
		if d.root != nil { // not while the screen is built: the first check comes after the first frame
			d.reload()
		}
	})
	d.table = newListTable(breachColumns, func() int { return len(d.breaches) }, func(row, col int) (string, bool) {
		return d.cellText(row, col), d.breaches[row].Outcome == compliance.Fail
	})
	d.table.OnSelected = func(id widget.TableCellID) {
		d.selected = id.Row
		d.showDetail(d.breaches[id.Row])
	}
	refresh := widget.NewButtonWithIcon("重新检查", theme.ViewRefreshIcon(), d.reload)
	top := container.NewVBox(
		container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(260, d.semester.MinSize().Height), d.semester),
			refresh, d.setName),
		d.figures)
	// A wrapped label reports one line's height until laid out: give the
	// detail a fixed room that scrolls if the rule's wording is long.
	detail := container.NewVScroll(d.detail)
	detail.SetMinSize(fyne.NewSize(0, 72))
	bottom := container.NewVBox(widget.NewSeparator(), detail, d.links)
	d.chartsTab = container.NewTabItem("图表", container.NewVScroll(d.charts))
	d.tabs = container.NewAppTabs(
		container.NewTabItem("未达标和数据不足的指标", container.NewBorder(nil, bottom, nil, nil, d.table)), d.chartsTab)
	// The charts read the whole roster: drawn when looked at, not on every visit.
	d.tabs.OnSelected = func(tab *container.TabItem) {
		if tab == d.chartsTab {
			d.drawCharts()
		}
	}
	d.semester.SetSelected(settings.Semester.Label())
	d.root = container.NewPadded(container.NewBorder(top, nil, nil, nil, d.tabs))
	d.checkFirst()
	return d
}

// checkFirst runs the first check off the window's thread, so that the
// window draws before the overview of a large college is computed; its
// result is shown unless a check run since (重新检查, a change) showed a
// newer one.
func (d *dashboard) checkFirst() {
	sem, checks := d.sem(), d.checks
	d.detail.SetText("正在检查……")
	var o compliance.Overview
	var err error
	inBackground(func() {
		err = app.Guard(dataFolder, func() (err error) { o, err = compliance.MakeOverview(d.svc, sem); return err })
	}, func() {
		if d.checks == checks {
			d.show(o, err)
		}
	})
}

func (d *dashboard) object() fyne.CanvasObject { return d.root }

// cellText is a breach's cell: the indicator by its number and the start
// of its wording, so the list says what it is about.
func (d *dashboard) cellText(row, col int) string {
	r := d.breaches[row]
	switch col {
	case 0:
		return r.Org.Name
	case 1:
		return markedNumber(r.Rule) + " " + ruleHead(r.Rule.Text)
	case 2:
		return app.TextOf(compliance.Outcomes, r.Outcome)
	}
	return r.Sentence
}

// ruleHead is an indicator's wording up to its first pause, at most 16
// characters: "工作人员不超过40人".
func ruleHead(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.IndexAny(text, "，。；：（(,;"); i > 0 {
		text = text[:i]
	}
	if r := []rune(text); len(r) > 16 {
		return string(r[:15]) + "…"
	}
	return text
}

// fitOrgColumn makes the 组织 column as wide as the longest name listed.
func (d *dashboard) fitOrgColumn() {
	d.orgWidth = columnWidth(breachColumns[0])
	for _, b := range d.breaches {
		d.orgWidth = max(d.orgWidth, fyne.MeasureText(b.Org.Name, theme14, fyne.TextStyle{}).Width+2*theme.InnerPadding()+4)
	}
	d.table.SetColumnWidth(0, d.orgWidth)
}

// markedNumber writes a rule's number with its ★ / ▲ mark.
func markedNumber(r compliance.Rule) string {
	switch r.Mark {
	case "core":
		return r.Number + "★"
	case "observed":
		return r.Number + "▲"
	}
	return r.Number
}

func (d *dashboard) sem() app.Semester { return semesterOr(d.semesters, d.semester.Selected) }

// reload runs the check again.
func (d *dashboard) reload() {
	d.checks++
	o, err := compliance.MakeOverview(d.svc, d.sem())
	d.show(o, err)
}

// show puts a check's overview on the screen.
func (d *dashboard) show(o compliance.Overview, err error) {
	if err != nil {
		showError(err, d.win)
		return
	}
	d.setName.SetText("依据：" + o.Report.Set.Name)
	d.figures.Objects = nil
	for _, f := range o.Figures {
		value := canvas.NewText(f.Value, theme.Color(theme.ColorNamePrimary))
		value.TextSize = 20
		value.TextStyle = fyne.TextStyle{Bold: true}
		d.figures.Add(widget.NewCard("", f.Label, value))
	}
	d.figures.Refresh()
	d.breaches, d.selected = o.Report.Breaches(), -1
	d.table.UnselectAll()
	d.fitOrgColumn()
	d.table.Refresh()
	d.detail.SetText(fmt.Sprintf("共 %d 条需要关注，点击一条查看详情和相关记录。", len(d.breaches)))
	d.links.Objects = nil
	d.links.Refresh()
	if d.tabs != nil && d.tabs.Selected() == d.chartsTab {
		d.drawCharts()
	}
}

// refresh runs the check again after records changed, keeping the result
// the teacher was reading selected when it is still there.
func (d *dashboard) refresh() {
	var chosen *compliance.Result
	if d.selected >= 0 && d.selected < len(d.breaches) {
		r := d.breaches[d.selected]
		chosen = &r
	}
	d.reload()
	if chosen == nil {
		return
	}
	for i, r := range d.breaches {
		if r.Org.ID == chosen.Org.ID && r.Rule.Number == chosen.Rule.Number {
			d.table.Select(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
}

// drawCharts draws the semester's charts; a tapped bar opens its records.
func (d *dashboard) drawCharts() {
	charts, err := reports.Charts(d.svc, reports.Options{Semester: d.sem()})
	if err != nil {
		showError(err, d.win)
		return
	}
	d.charts.Objects = nil
	for _, c := range charts {
		chart := c
		d.charts.Add(container.NewPadded(newBarChart(chart, func(b report.Bar) { d.open(chartLink(chart.Title, b, d.sem())) })))
	}
	d.charts.Refresh()
}

// chartLink is what a bar stands for: a union, a semester's trainings, the
// ledger items of a status, the semester's 考核结果汇总表 with its 不合格名单.
func chartLink(chart string, b report.Bar, sem app.Semester) compliance.Link {
	switch chart {
	case reports.ChartStaff, reports.ChartPresidium, reports.ChartDepartments:
		id, _ := strconv.ParseUint(b.Key, 10, 64)
		return compliance.Link{Kind: "organization", ID: uint(id), Label: b.Label}
	case reports.ChartTrainings:
		return compliance.Link{Kind: "trainings", Label: b.Key}
	case reports.ChartLedger:
		return compliance.Link{Kind: "ledger", Label: b.Key}
	}
	return compliance.Link{Kind: "grades", Label: sem.String()}
}

// showDetail shows a result's whole sentence, the rule's wording and
// buttons for the records behind it.
func (d *dashboard) showDetail(r compliance.Result) {
	d.detail.SetText(fmt.Sprintf("【%s】%s\n指标 %s：%s", app.TextOf(compliance.Outcomes, r.Outcome), r.Sentence,
		markedNumber(r.Rule), r.Rule.Text))
	d.links.Objects = nil
	if r.Outcome != compliance.Pass {
		d.links.Add(d.rectifyButton(r))
	}
	for i, l := range r.Links {
		if i == 8 {
			d.links.Add(widget.NewLabel(fmt.Sprintf("等 %d 条记录", len(r.Links))))
			break
		}
		link := l
		d.links.Add(widget.NewButton(link.Label, func() { d.open(link) }))
	}
	d.links.Refresh()
}

// rectifyButton offers a new ledger item for a breach, or opens the one
// already open for its indicator and union.
func (d *dashboard) rectifyButton(r compliance.Result) *widget.Button {
	item, found, err := openItemFor(d.svc, r)
	if err != nil {
		showError(err, d.win)
	}
	if found {
		return widget.NewButtonWithIcon(itemLine(item), theme.DocumentIcon(), func() { openRect(d.svc, d.win, item.ID) })
	}
	b := widget.NewButtonWithIcon("转为整改事项", theme.ContentAddIcon(), func() {
		openNewRect(d.svc, d.win, rectDraftFor(d.svc, r))
	})
	b.Importance = widget.HighImportance
	return b
}
