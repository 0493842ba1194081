package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/reports"
	"tuanxue/data"
)

const autoResult = "按总分"

// reviewDialog holds a union's 述职评议 of a semester (述职评议): the
// session, its panel, the reporters and their scores in one batch grid,
// saved together; printed as the 登记表 and the 结果汇总表.
type reviewDialog struct {
	svc       *app.Service
	win       fyne.Window
	params    app.ReviewParams
	orgs      choices
	semesters []app.Semester
	org       *widget.Select
	semester  *widget.Select
	heldOn    *widget.Entry
	place     *widget.Entry
	panel     []*panelRow
	panelBox  *fyne.Container
	panelNote *widget.Label
	rows      []*reporterRow
	grid      *fyne.Container
	aspects   []string
	rec       app.ReviewRecord // as read; ID 0 when the union has none yet
	message   *widget.Label
	body      *fyne.Container // the panel tab, laid out again when rows come or go
	scores    *fyne.Container // the scores tab, likewise
	tabs      *container.AppTabs
}

type panelRow struct {
	name, role *widget.Entry
	student    *widget.Check
}

type reporterRow struct {
	cand     app.ReviewCandidate
	scores   []*widget.Entry
	total    *widget.Label
	result   *widget.Select
	comments *widget.Entry
}

func (s *rosterScreen) openReviews() { openReviewDialog(s.svc, s.win) }

func openReviewDialog(svc *app.Service, win fyne.Window) *reviewDialog {
	r := &reviewDialog{svc: svc, win: win, heldOn: widget.NewEntry(), place: widget.NewEntry(),
		panelBox: container.NewVBox(), panelNote: errorLabel(), grid: container.NewVBox(), message: errorLabel()}
	r.params, _ = svc.ReviewParams()
	tree, _ := svc.OrgTree()
	r.orgs = orgChoices(tree, "", func(o app.Organization) bool {
		return o.Status == data.StatusActive && (o.Kind == data.KindSchoolUnion || o.Kind == data.KindCollegeUnion)
	})
	settings, _ := svc.Settings()
	r.semesters = app.SemesterChoices(settings.Semester)
	labels := semesterLabels(r.semesters)
	r.org = newChoice(r.orgs.labels, func(string) { r.load() })
	r.semester = newChoice(labels, func(string) { r.load() })
	r.heldOn.SetPlaceHolder("评议日期，如 2021-01-08")
	r.place.SetPlaceHolder("地点")
	r.semester.SetSelected(settings.Semester.Label())
	if len(r.orgs.labels) > 0 {
		r.org.SetSelected(r.orgs.labels[0])
	}
	rule := widget.NewLabel(r.params.Describe() + "。评议小组中学生应超过半数；述职人为评议当天在任的主席团成员和部门负责人。")
	rule.Wrapping = fyne.TextWrapWord
	addPanel := widget.NewButton("添加评议小组成员", func() { r.addPanel(app.ReviewPanelist{}) })
	fill := widget.NewButton("按评议日期列入述职人", r.fillReporters)
	top := container.NewVBox(container.NewGridWithColumns(4, r.org, r.semester, r.heldOn, r.place), rule, r.message)
	r.body = container.NewVBox(r.panelBox, r.panelNote, container.NewHBox(addPanel))
	scores := container.NewVBox(container.NewHBox(fill), r.grid)
	r.tabs = container.NewAppTabs(container.NewTabItem("述职人与评分", container.NewVScroll(scores)),
		container.NewTabItem("评议小组", container.NewVScroll(r.body)))
	r.scores = scores
	r.relayout()
	d := dialog.NewCustomWithoutButtons("述职评议", container.NewBorder(top, nil, nil, nil, r.tabs), win)
	saveAll := func() {
		if r.save() {
			d.Hide()
		}
	}
	save := widget.NewButton("保存全部", saveAll)
	save.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("取消", d.Hide),
		widget.NewButton("打印登记表", func() { r.print("review-forms") }),
		widget.NewButton("打印汇总表", func() { r.print("reviews") }), save})
	d.Resize(fyne.NewSize(min(win.Canvas().Size().Width-40, 1100), min(win.Canvas().Size().Height-40, 680)))
	showDialog(d, win, saveAll, nil)
	return r
}

func (r *reviewDialog) sem() app.Semester { return semesterOr(r.semesters, r.semester.Selected) }

// load shows the union's session of the semester, or an empty one.
func (r *reviewDialog) load() {
	orgID := r.orgs.id(r.org.Selected)
	if orgID == nil || r.semester.Selected == "" {
		return
	}
	rec, _, err := r.svc.ReviewOf(*orgID, r.sem().String())
	if err != nil {
		showError(err, r.win)
		return
	}
	r.rec = rec
	setMessage(r.message, "")
	r.heldOn.SetText("")
	if !rec.HeldOn.IsZero() {
		r.heldOn.SetText(rec.HeldOn.String())
	}
	r.place.SetText(rec.Place)
	r.panel, r.panelBox.Objects = nil, nil
	for _, p := range rec.Panel {
		r.addPanel(p)
	}
	if len(rec.Panel) == 0 {
		r.addPanel(app.ReviewPanelist{})
	}
	r.aspects = app.AspectsOf(rec, r.params)
	var cands []app.ReviewCandidate
	for _, rep := range rec.Reporters {
		p, _ := r.svc.Person(rep.PersonID)
		cands = append(cands, app.ReviewCandidate{PersonID: rep.PersonID, Name: p.Name, Post: rep.Post})
	}
	r.layout(cands, rec.Reporters)
	r.checkPanel()
}

func (r *reviewDialog) addPanel(p app.ReviewPanelist) {
	row := &panelRow{name: widget.NewEntry(), role: widget.NewEntry(), student: widget.NewCheck("学生", nil)}
	row.name.SetPlaceHolder("姓名")
	row.role.SetPlaceHolder("职责，如 组长、学生代表")
	row.name.SetText(p.Name)
	row.role.SetText(p.Role)
	row.student.SetChecked(p.Student)
	row.student.OnChanged = func(bool) { r.checkPanel() }
	row.name.OnChanged = func(string) { r.checkPanel() }
	r.panel = append(r.panel, row)
	r.panelBox.Add(container.New(columnsLayout{widths: []float32{140, 70, 260}}, row.name, row.student, row.role))
	r.relayout()
}

// relayout lays the dialog's body out again after rows came or went: a
// nested container's new size reaches the scroll only through it.
func (r *reviewDialog) relayout() {
	for _, c := range []*fyne.Container{r.body, r.scores} {
		if c != nil {
			c.Refresh()
		}
	}
}

// checkPanel says at once when the panel is not mostly students: it may
// be saved so, but it breaks the rule.
func (r *reviewDialog) checkPanel() {
	setMessage(r.panelNote, app.PanelProblem(r.panelDrafts()))
}

func (r *reviewDialog) panelDrafts() []app.ReviewPanelist {
	var out []app.ReviewPanelist
	for _, p := range r.panel {
		if p.name.Text != "" {
			out = append(out, app.ReviewPanelist{Name: p.name.Text, Student: p.student.Checked, Role: p.role.Text})
		}
	}
	return out
}

// fillReporters lists who reports on the date typed, keeping the scores
// already typed for those who stay.
func (r *reviewDialog) fillReporters() {
	orgID := r.orgs.id(r.org.Selected)
	day, msg := app.ParseDate("评议日期", r.heldOn.Text)
	if orgID == nil || msg != "" || day.IsZero() {
		setMessage(r.message, "请先填写评议日期，再列入述职人")
		return
	}
	cands, err := r.svc.ReviewCandidates(*orgID, day)
	if err != nil {
		showError(err, r.win)
		return
	}
	kept := map[uint]app.ReviewReporter{}
	for _, row := range r.rows {
		d := row.draft()
		rep := app.ReviewReporter{PersonID: d.PersonID, Comments: d.Comments, Result: d.Result}
		for i, a := range r.aspects {
			var f float64
			if _, err := fmt.Sscanf(d.Scores[i], "%g", &f); err == nil {
				rep.Scores = append(rep.Scores, data.AspectScore{Aspect: a, Score: f})
			}
		}
		kept[d.PersonID] = rep
	}
	var reps []app.ReviewReporter
	for _, c := range cands {
		reps = append(reps, kept[c.PersonID])
	}
	setMessage(r.message, "")
	if len(cands) == 0 {
		setMessage(r.message, "这一天本学生会没有在任的主席团成员和部门负责人")
	}
	r.layout(cands, reps)
}

// layout draws the score grid: 姓名, 职务, one column per aspect, 总分,
// 结果, 评语.
func (r *reviewDialog) layout(cands []app.ReviewCandidate, reps []app.ReviewReporter) {
	widths := []float32{72, 110}
	for range r.aspects {
		widths = append(widths, 62)
	}
	widths = append(widths, 110, 104, 150)
	grid := container.New(columnsLayout{widths: widths})
	heads := append(append([]string{"姓名", "职务"}, r.aspects...), "总分", "结果", "评语")
	for _, h := range heads {
		l := widget.NewLabel(h)
		l.TextStyle = fyne.TextStyle{Bold: true}
		grid.Add(l)
	}
	r.rows = nil
	for i, c := range cands {
		row := r.newReporter(c, reps[i])
		r.rows = append(r.rows, row)
		grid.Add(widget.NewLabel(c.Name))
		grid.Add(widget.NewLabel(c.Post))
		for _, e := range row.scores {
			grid.Add(e)
		}
		grid.Add(row.total)
		grid.Add(row.result)
		grid.Add(row.comments)
	}
	r.grid.Objects = []fyne.CanvasObject{grid}
	if len(cands) == 0 {
		r.grid.Objects = []fyne.CanvasObject{widget.NewLabel("还没有述职人：填写评议日期后按“按评议日期列入述职人”。")}
	}
	r.grid.Refresh()
	r.relayout()
}

func (r *reviewDialog) newReporter(c app.ReviewCandidate, rep app.ReviewReporter) *reporterRow {
	row := &reporterRow{cand: c, total: widget.NewLabel(""), comments: widget.NewEntry()}
	row.result = newChoice(append([]string{autoResult}, app.Texts(app.ReviewResults)...), nil)
	row.result.SetSelected(autoResult)
	if rep.Result != "" && len(rep.Scores) == 0 {
		row.result.SetSelected(app.TextOf(app.ReviewResults, rep.Result))
	}
	for _, a := range r.aspects {
		e := widget.NewEntry()
		e.SetText(app.ScoreOf(rep, a))
		e.OnChanged = func(string) { r.updateTotal(row) }
		row.scores = append(row.scores, e)
	}
	if rep.Total != nil && rep.Result != r.params.ResultFor(*rep.Total, r.params.FullMarks(len(r.aspects))) {
		row.result.SetSelected(app.TextOf(app.ReviewResults, rep.Result)) // entered by hand
	}
	row.comments.SetText(rep.Comments)
	r.updateTotal(row)
	return row
}

// updateTotal shows the total and its result as the scores are typed.
func (r *reviewDialog) updateTotal(row *reporterRow) {
	total, n := 0.0, 0
	for _, e := range row.scores {
		var f float64
		if _, err := fmt.Sscanf(e.Text, "%g", &f); err == nil && f >= 0 && f <= r.params.AspectMax {
			total += f
			n++
		}
	}
	if n == 0 || n < len(row.scores) {
		row.total.SetText("")
		return
	}
	res := r.params.ResultFor(total, r.params.FullMarks(len(r.aspects)))
	row.total.SetText(fmt.Sprintf("%g（%s）", total, app.TextOf(app.ReviewResults, res)))
}

func (row *reporterRow) draft() app.ReporterDraft {
	d := app.ReporterDraft{PersonID: row.cand.PersonID, Name: row.cand.Name, Comments: row.comments.Text}
	for _, e := range row.scores {
		d.Scores = append(d.Scores, e.Text)
	}
	if row.result.Selected != autoResult {
		d.Result = app.CodeOf(app.ReviewResults, row.result.Selected)
	}
	return d
}

func (r *reviewDialog) draft() app.ReviewDraft {
	d := app.ReviewDraft{ID: r.rec.ID, Version: r.rec.Version, Semester: r.sem().String(), HeldOn: r.heldOn.Text,
		Place: r.place.Text, Notes: r.rec.Notes, Aspects: r.aspects}
	if id := r.orgs.id(r.org.Selected); id != nil {
		d.OrganizationID = *id
	}
	for _, p := range r.panel {
		d.Panel = append(d.Panel, app.PanelistDraft{Name: p.name.Text, Student: p.student.Checked, Role: p.role.Text})
	}
	for _, row := range r.rows {
		d.Reporters = append(d.Reporters, row.draft())
	}
	return d
}

// save stores the session with its panel and scores, or says what is
// wrong and keeps the dialog open.
func (r *reviewDialog) save() bool {
	rec, err := r.svc.SaveReview(r.draft())
	if err != nil {
		setMessage(r.message, app.Message(err))
		return false
	}
	r.rec = rec
	return true
}

// print saves first, then opens the report's PDF in the system's viewer.
func (r *reviewDialog) print(name string) {
	if !r.save() {
		return
	}
	rep, err := reports.Find(name)
	if err != nil {
		showError(err, r.win)
		return
	}
	doc, err := rep.Make(r.svc, reports.Options{Semester: r.sem(), OrganizationID: r.rec.OrganizationID})
	var path string
	if err == nil {
		err = app.Guard(dataFolder, func() (err error) {
			path, err = printFile(doc)
			return err
		})
	}
	if err != nil {
		showError(err, r.win)
		return
	}
	if openFile(path) != nil {
		setMessage(r.message, "这台电脑上没有找到能打开 PDF 的程序：可在“报表”中把“"+rep.Title+"”另存为 PDF。")
	}
}
