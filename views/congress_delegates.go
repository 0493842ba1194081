package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
)

const notMarked = "未登记"

// delegateRow is one line of the delegates grid.
type delegateRow struct {
	version     int
	stored      uint
	no, class   *widget.Entry
	name        *widget.Label
	college     *widget.Select
	way, attend *widget.Select
	remove      *widget.Check
}

// delegateGrid enters a congress's delegates in one grid, as the batch
// assessment does: every row is saved, or none, with the rows that are
// wrong named.
type delegateGrid struct {
	kit     *congressKit
	rows    []*delegateRow
	body    *fyne.Container
	message *widget.Label
	root    fyne.CanvasObject
}

func newDelegateGrid(k *congressKit) *delegateGrid {
	g := &delegateGrid{kit: k, body: container.NewVBox(), message: errorLabel()}
	save := widget.NewButton("保存全部", g.save)
	save.Importance = widget.HighImportance
	more := widget.NewButton("增加 10 行", func() { g.addBlank(10); g.layout() })
	hint := widget.NewLabel("填学号即可：学院、班级按名册自动填写；大会当天再登记出席。")
	top := container.NewVBox(container.NewHBox(save, more, hint), g.message)
	g.root = container.NewBorder(top, nil, nil, nil, container.NewVScroll(g.body))
	return g
}

func (g *delegateGrid) object() fyne.CanvasObject { return g.root }

// load lays out the register with ten blank lines after it.
func (g *delegateGrid) load(rows []app.DelegateRow) {
	g.rows = nil
	for _, r := range rows {
		row := g.newRow()
		row.stored, row.version = r.ID, r.Version
		row.no.SetText(r.Person.StudentNo)
		row.name.SetText(r.Person.Name)
		row.college.SetSelected(g.kit.colleges.label(r.OrganizationID))
		row.class.SetText(r.ClassName)
		row.way.SetSelected(app.TextOf(app.DelegateWays, r.ElectedBy))
		if r.Attendance != "" {
			row.attend.SetSelected(app.TextOf(app.AttendanceMarks, r.Attendance))
		}
		g.rows = append(g.rows, row)
	}
	g.addBlank(10)
	g.layout()
}

func (g *delegateGrid) newRow() *delegateRow {
	r := &delegateRow{no: widget.NewEntry(), class: widget.NewEntry(), name: widget.NewLabel(""),
		college: newChoice(g.kit.colleges.labels, nil), way: newChoice(app.Texts(app.DelegateWays), nil),
		attend: newChoice(append([]string{notMarked}, app.Texts(app.AttendanceMarks)...), nil), remove: widget.NewCheck("", nil)}
	r.way.SetSelected(app.DelegateWays[0].Text)
	r.attend.SetSelected(notMarked)
	return r
}

func (g *delegateGrid) addBlank(n int) {
	for range n {
		g.rows = append(g.rows, g.newRow())
	}
}

func (g *delegateGrid) layout() {
	grid := container.New(columnsLayout{widths: []float32{40, 120, 80, 200, 130, 130, 90, 50}})
	for _, h := range []string{"行", "学号", "姓名", "学院", "班级", "产生方式", "出席", "移除"} {
		grid.Add(boldLabel(h))
	}
	for i, r := range g.rows {
		grid.Add(widget.NewLabel(itoa(i + 1)))
		for _, o := range []fyne.CanvasObject{r.no, r.name, r.college, r.class, r.way, r.attend, r.remove} {
			grid.Add(o)
		}
	}
	g.body.Objects = []fyne.CanvasObject{grid}
	g.body.Refresh()
}

// save stores every row, or says which rows are wrong and keeps them.
func (g *delegateGrid) save() {
	drafts := make([]app.DelegateDraft, len(g.rows))
	for i, r := range g.rows {
		d := app.DelegateDraft{ID: r.stored, Version: r.version, StudentNo: r.no.Text, ClassName: r.class.Text,
			OrganizationID: g.kit.colleges.id(r.college.Selected), ElectedBy: app.CodeOf(app.DelegateWays, r.way.Selected),
			Remove: r.remove.Checked}
		if r.attend.Selected != notMarked {
			d.Attendance = app.CodeOf(app.AttendanceMarks, r.attend.Selected)
		}
		drafts[i] = d
	}
	if err := g.kit.svc.SaveDelegates(g.kit.meeting.ID, drafts); err != nil {
		setMessage(g.message, app.Message(err))
		return
	}
	setMessage(g.message, "")
	g.kit.reload()
}
