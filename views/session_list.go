package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

const allKinds = "全部类别"

// sessionList is the list half of the trainings and the meetings tabs:
// filters by semester, kind and organization, the table, and the buttons
// whose actions the tab supplies.
type sessionList struct {
	svc       *app.Service
	win       fyne.Window
	title     string
	kinds     []app.Label
	columns   []report.Column
	semesters []app.Semester
	orgs      choices

	semester, kind, org *widget.Select
	ids                 []uint
	cells               [][]string
	row                 int
	table               *widget.Table
	edit, attend, del   *widget.Button
	root                fyne.CanvasObject

	// load lists the sessions of a filter: their IDs and table cells.
	load     func(f data.SessionFilter) ([]uint, [][]string, error)
	onNew    func()
	onEdit   func(id uint)
	onAttend func(id uint)
	onDelete func(id uint) error
}

func (l *sessionList) build() *sessionList {
	l.row = -1
	settings, _ := l.svc.Settings()
	l.semesters = app.SemesterChoices(app.SemesterAt(l.svc.Today().Time()), settings.Semester)
	labels := semesterLabels(l.semesters)
	tree, _ := l.svc.OrgTree()
	l.orgs = orgChoices(tree, allOrgs, func(o app.Organization) bool { return o.Status == data.StatusActive })
	l.semester = newChoice(labels, func(string) { l.reload() })
	l.kind = newChoice(append([]string{allKinds}, app.Texts(l.kinds)...), func(string) { l.reload() })
	l.org = newChoice(l.orgs.labels, func(string) { l.reload() })
	l.table = newListTable(l.columns, func() int { return len(l.cells) }, func(r, c int) (string, bool) { return l.cells[r][c], false })
	l.table.OnSelected = func(id widget.TableCellID) {
		l.row = id.Row
		l.updateButtons()
	}
	add := widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), l.onNew)
	l.edit = widget.NewButton("编辑", func() { l.onEdit(l.ids[l.row]) })
	l.attend = widget.NewButtonWithIcon("考勤…", theme.AccountIcon(), func() { l.onAttend(l.ids[l.row]) })
	l.del = widget.NewButton("删除", l.confirmDelete)
	l.del.Importance = widget.DangerImportance
	export := widget.NewButtonWithIcon("导出 Excel…", theme.DownloadIcon(), l.export)
	filters := container.NewGridWithColumns(3, l.semester, l.kind, l.org)
	l.root = container.NewBorder(container.NewVBox(filters, container.NewHBox(add, l.edit, l.attend, l.del, export)),
		nil, nil, nil, l.table)
	l.kind.SetSelected(allKinds)
	l.org.SetSelected(allOrgs)
	l.semester.SetSelected(settings.Semester.Label())
	return l
}

func (l *sessionList) filter() data.SessionFilter {
	f := data.SessionFilter{Kind: app.CodeOf(l.kinds, l.kind.Selected)}
	if s, ok := semesterLabeled(l.semesters, l.semester.Selected); ok {
		f.Semester = s.String()
	}
	if id := l.orgs.id(l.org.Selected); id != nil {
		f.OrganizationID = *id
	}
	return f
}

func (l *sessionList) reload() {
	if l.semester.Selected == "" || l.kind.Selected == "" || l.org.Selected == "" {
		return
	}
	ids, cells, err := l.load(l.filter())
	if err != nil {
		showError(err, l.win)
		return
	}
	l.ids, l.cells, l.row = ids, cells, -1
	l.table.UnselectAll()
	l.table.Refresh()
	l.updateButtons()
}

// refresh reads the list and its organizations again after records changed.
func (l *sessionList) refresh() {
	reloadOrgChoice(l.svc, &l.orgs, l.org, allOrgs)
	l.reload()
}

func (l *sessionList) updateButtons() {
	chosen := l.row >= 0 && l.row < len(l.ids)
	setEnabled(l.edit, chosen)
	setEnabled(l.attend, chosen)
	setEnabled(l.del, chosen)
}

func (l *sessionList) confirmDelete() {
	id, name := l.ids[l.row], l.cells[l.row][1]
	confirm("删除", "确定删除“"+name+"”吗？它和它的考勤记录将移入回收站。", "删除", l.win, func() {
		if err := l.onDelete(id); err != nil {
			showError(err, l.win)
		}
	})
}

func (l *sessionList) export() {
	t := report.Table{Title: l.title, Subtitle: l.svc.Subtitle(l.semester.Selected), Columns: l.columns, Rows: l.cells}
	exportXLSX(l.win, l.title+".xlsx", func() (report.Table, error) { return t, nil })
}
