package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

const (
	allStatuses = "全部状态"
	allSources  = "全部来源"
)

// ledgerScreen is 整改台账: the problems of an academic year and those
// carried over, overdue ones marked in red and in words.
type ledgerScreen struct {
	svc       *app.Service
	win       fyne.Window
	semesters []app.Semester
	orgs      choices
	year      *widget.Select
	status    *widget.Select
	org       *widget.Select
	source    *widget.Select
	overdue   *widget.Check
	items     []app.Rectification
	cells     [][]string
	row       int
	table     *widget.Table
	open, del *widget.Button
	count     *widget.Label
	root      fyne.CanvasObject
}

func newLedgerScreen(svc *app.Service, win fyne.Window) *ledgerScreen {
	s := &ledgerScreen{svc: svc, win: win, row: -1, count: widget.NewLabel("")}
	settings, _ := svc.Settings()
	for _, sem := range app.SemesterChoices(app.SemesterAt(svc.Today().Time()), settings.Semester) {
		if sem.Term == 1 {
			s.semesters = append(s.semesters, sem)
		}
	}
	years := make([]string, len(s.semesters))
	for i, sem := range s.semesters {
		years[i] = sem.Year() + "学年"
	}
	tree, _ := svc.OrgTree()
	s.orgs = orgChoices(tree, allOrgs, func(o app.Organization) bool { return o.Status == data.StatusActive })
	reload := func(string) { s.reload() }
	s.year = newChoice(years, reload)
	s.status = newChoice(append([]string{allStatuses}, app.Texts(app.RectStatuses)...), reload)
	s.org = newChoice(s.orgs.labels, reload)
	s.source = newChoice(append([]string{allSources}, app.Texts(app.RectSources)...), reload)
	s.overdue = widget.NewCheck("只看逾期", func(bool) { s.reload() })
	s.table = newListTable(app.LedgerColumns, func() int { return len(s.cells) }, func(r, c int) (string, bool) {
		return s.cells[r][c], strings.Contains(s.cells[r][7], "逾期")
	})
	s.table.OnSelected = func(id widget.TableCellID) {
		s.row = id.Row
		setEnabled(s.open, true)
		setEnabled(s.del, true)
	}
	add := widget.NewButtonWithIcon("新增问题", theme.ContentAddIcon(), func() { s.openItem(0) })
	s.open = widget.NewButton("打开", func() { s.openItem(s.items[s.row].ID) })
	s.del = widget.NewButton("删除", s.confirmDelete)
	s.del.Importance = widget.DangerImportance
	export := widget.NewButtonWithIcon("导出 Excel…", theme.DownloadIcon(), s.export)
	filters := container.NewGridWithColumns(5, s.year, s.status, s.org, s.source, s.overdue)
	s.root = container.NewPadded(container.NewBorder(
		container.NewVBox(filters, container.NewBorder(nil, nil, s.count, container.NewHBox(add, s.open, s.del, export))),
		nil, nil, nil, s.table))
	s.status.SetSelected(allStatuses)
	s.org.SetSelected(allOrgs)
	s.source.SetSelected(allSources)
	s.year.SetSelected(settings.Semester.Year() + "学年")
	return s
}

func (s *ledgerScreen) object() fyne.CanvasObject { return s.root }

func (s *ledgerScreen) filter() app.RectFilter {
	f := app.RectFilter{Status: app.CodeOf(app.RectStatuses, s.status.Selected),
		Source: app.CodeOf(app.RectSources, s.source.Selected), OverdueOnly: s.overdue.Checked}
	for _, sem := range s.semesters {
		if sem.Year()+"学年" == s.year.Selected {
			f.Semester = sem
		}
	}
	if id := s.orgs.id(s.org.Selected); id != nil {
		f.OrganizationID = *id
	}
	return f
}

func (s *ledgerScreen) reload() {
	if s.year.Selected == "" || s.status.Selected == "" || s.org.Selected == "" || s.source.Selected == "" {
		return
	}
	f := s.filter()
	items, err := s.svc.Ledger(f)
	if err != nil {
		showError(err, s.win)
		return
	}
	cells, err := s.svc.LedgerCells(items, f.Semester.Year())
	if err != nil {
		showError(err, s.win)
		return
	}
	s.items, s.cells, s.row = items, cells, -1
	overdue := 0
	for _, r := range items {
		if s.svc.Overdue(r) {
			overdue++
		}
	}
	s.count.SetText("共 " + itoa(len(items)) + " 项，其中逾期 " + itoa(overdue) + " 项")
	s.table.UnselectAll()
	s.table.Refresh()
	s.open.Disable()
	s.del.Disable()
}

// refresh reads the ledger and its organizations again after records changed.
func (s *ledgerScreen) refresh() {
	reloadOrgChoice(s.svc, &s.orgs, s.org, allOrgs)
	s.reload()
}

func (s *ledgerScreen) confirmDelete() {
	r := s.items[s.row]
	confirm("删除整改事项", "确定删除“"+r.Problem+"”吗？它的进展记录和佐证材料将一并移入回收站。", "删除", s.win, func() {
		if err := s.svc.DeleteRect(r.ID); err != nil {
			showError(err, s.win)
		}
	})
}

func (s *ledgerScreen) export() {
	t := report.Table{Title: "整改台账", Subtitle: s.svc.Subtitle(s.year.Selected), Columns: app.LedgerColumns, Rows: s.cells}
	exportXLSX(s.win, "整改台账.xlsx", func() (report.Table, error) { return t, nil })
}
