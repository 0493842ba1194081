package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

const autoGrade = "按总分"

// gridRow is one person's line of inputs on the assessment grid.
type gridRow struct {
	sheet  app.SheetRow
	scores [4]*widget.Entry
	total  *widget.Label
	grade  *widget.Select
	notes  *widget.Entry
}

// assessmentGrid enters a whole department's assessments for a semester in
// one grid (批量考核).
type assessmentGrid struct {
	svc       *app.Service
	win       fyne.Window
	weighting app.Weighting
	orgs      choices
	depts     choices
	semesters []app.Semester
	org, dept *widget.Select
	semester  *widget.Select
	rows      []*gridRow
	body      *fyne.Container
	message   *widget.Label
}

func (s *rosterScreen) openAssessmentGrid() {
	openAssessmentGrid(s.svc, s.win)
}

func openAssessmentGrid(svc *app.Service, win fyne.Window) *assessmentGrid {
	g := &assessmentGrid{svc: svc, win: win, body: container.NewVBox(), message: errorLabel()}
	g.weighting, _ = svc.Weighting()
	tree, _ := svc.OrgTree()
	g.orgs = orgChoices(tree, "", func(o app.Organization) bool {
		return o.Status == data.StatusActive && app.HasDepartments(o.Kind)
	})
	settings, _ := svc.Settings()
	g.semesters = app.SemesterChoices(settings.Semester)
	labels := semesterLabels(g.semesters)
	g.dept = newChoice(nil, func(string) { g.load() })
	g.org = newChoice(g.orgs.labels, func(string) { g.loadDepts() })
	g.semester = newChoice(labels, func(string) { g.load() })
	g.semester.SetSelected(settings.Semester.Label())
	if len(g.orgs.labels) > 0 {
		g.org.SetSelected(g.orgs.labels[0])
	}

	weights := widget.NewLabel(g.weighting.Describe())
	weights.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewGridWithColumns(3, g.org, g.dept, g.semester), weights, g.message)
	d := dialog.NewCustomWithoutButtons("批量考核", container.NewBorder(top, nil, nil, nil, container.NewVScroll(g.body)), win)
	saveAll := func() {
		if g.save() {
			d.Hide()
		}
	}
	save := widget.NewButton("保存全部", saveAll)
	save.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("取消", d.Hide), save})
	d.Resize(fyne.NewSize(min(win.Canvas().Size().Width-40, 1100), min(win.Canvas().Size().Height-40, 680)))
	showDialog(d, win, saveAll, nil)
	return g
}

func (g *assessmentGrid) loadDepts() {
	g.depts = choices{}
	g.depts.add(app.Presidium, 0)
	if id := g.orgs.id(g.org.Selected); id != nil {
		ds, _ := g.svc.Departments(*id)
		for _, d := range ds {
			if d.Status == data.StatusActive {
				g.depts.add(d.Name, d.ID)
			}
		}
	}
	g.dept.SetOptions(g.depts.labels)
	g.dept.SetSelected(app.Presidium)
}

func (g *assessmentGrid) sem() app.Semester { return semesterOr(g.semesters, g.semester.Selected) }

// load lays out one row per person in post in the chosen department.
func (g *assessmentGrid) load() {
	orgID := g.orgs.id(g.org.Selected)
	if orgID == nil || g.dept.Selected == "" || g.semester.Selected == "" {
		return
	}
	sheet, err := g.svc.AssessmentSheet(*orgID, g.depts.id(g.dept.Selected), g.sem())
	if err != nil {
		showError(err, g.win)
		return
	}
	g.rows = nil
	setMessage(g.message, "")
	// 姓名, 职务, four scores, 总分, 等次, 评语, and the semester's 述职评议
	// beside them (it is entered in its own dialog).
	grid := container.New(columnsLayout{widths: []float32{80, 70, 70, 76, 84, 76, 110, 110, 120, 112}})
	for _, h := range []string{"姓名", "职务", "自评", "部门评议", "主席团评议", "团委评议", "总分", "等次", "评语", "述职评议"} {
		l := widget.NewLabel(h)
		l.TextStyle = fyne.TextStyle{Bold: true}
		grid.Add(l)
	}
	for _, sr := range sheet {
		r := g.newRow(sr)
		g.rows = append(g.rows, r)
		grid.Add(widget.NewLabel(sr.Name))
		grid.Add(widget.NewLabel(sr.Post))
		for _, e := range r.scores {
			grid.Add(e)
		}
		grid.Add(r.total)
		grid.Add(r.grade)
		grid.Add(r.notes)
		grid.Add(widget.NewLabel(sr.Review))
	}
	g.body.Objects = []fyne.CanvasObject{grid}
	if len(sheet) == 0 {
		g.body.Objects = []fyne.CanvasObject{widget.NewLabel("这个学期该部门没有在任人员。")}
	}
	g.body.Refresh()
}

func (g *assessmentGrid) newRow(sr app.SheetRow) *gridRow {
	r := &gridRow{sheet: sr, total: widget.NewLabel(""), notes: widget.NewEntry()}
	r.grade = newChoice(append([]string{autoGrade}, app.Texts(app.Grades)...), nil)
	r.grade.SetSelected(autoGrade)
	for i := range r.scores {
		e := widget.NewEntry()
		e.OnChanged = func(string) { g.updateTotal(r) }
		r.scores[i] = e
	}
	if a := sr.Existing; a != nil {
		for i, sc := range []*float64{a.SelfScore, a.DepartmentScore, a.PresidiumScore, a.LeagueScore} {
			r.scores[i].SetText(app.ScoreText(sc))
		}
		r.grade.SetSelected(app.TextOf(app.Grades, a.Grade))
		r.notes.SetText(a.Comments)
	}
	g.updateTotal(r)
	return r
}

// updateTotal shows the weighted total as the scores are typed.
func (g *assessmentGrid) updateTotal(r *gridRow) {
	d := r.draft()
	d.Grade = ""
	var scores [4]*float64
	for i, text := range d.Scores {
		if f, msg := parseScore(text); msg == "" {
			scores[i] = f
		}
	}
	if t, _ := g.weighting.Total(scores, r.sheet.ReviewScore); t != nil {
		r.total.SetText(fmt.Sprintf("%g（%s）", *t, app.TextOf(app.Grades, app.GradeFor(*t))))
	} else {
		r.total.SetText("")
	}
}

func (r *gridRow) draft() app.AssessmentDraft {
	d := app.AssessmentDraft{PersonID: r.sheet.PersonID, Name: r.sheet.Name, Comments: r.notes.Text}
	if r.sheet.Existing != nil {
		d.Version = r.sheet.Existing.Version // as the grid read it
	}
	for i, e := range r.scores {
		d.Scores[i] = e.Text
	}
	if r.grade.Selected != autoGrade {
		d.Grade = app.CodeOf(app.Grades, r.grade.Selected)
	}
	return d
}

// save stores every row, or explains which rows are wrong and keeps the
// grid open.
func (g *assessmentGrid) save() bool {
	drafts := make([]app.AssessmentDraft, len(g.rows))
	orgID := g.orgs.id(g.org.Selected)
	for i, r := range g.rows {
		drafts[i] = r.draft()
		drafts[i].OrganizationID = orgID
	}
	if err := g.svc.SaveAssessments(g.sem().String(), drafts); err != nil {
		setMessage(g.message, app.Message(err))
		return false
	}
	return true
}

func parseScore(text string) (*float64, string) {
	var f float64
	if _, err := fmt.Sscanf(text, "%g", &f); err != nil || f < 0 || f > 100 {
		return nil, "bad"
	}
	return &f, ""
}
