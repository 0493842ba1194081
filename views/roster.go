package views

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/report"
)

const rosterPageSize = 100

// rosterScreen is 学生骨干: the filtered roster of 20,000 cadres, searched
// as the teacher types. It keeps the ordered appointment IDs of the filter
// and reads rows a page at a time as they scroll into view.
type rosterScreen struct {
	svc     *app.Service
	win     fyne.Window
	filters *rosterFilters

	ids      []uint
	pages    map[int][][]string // page → cells of each row
	people   map[int]uint       // row → person, for rows read so far
	semester string

	table    *widget.Table
	count    *widget.Label
	debounce time.Duration
	timer    *time.Timer
	root     fyne.CanvasObject
}

func newRosterScreen(svc *app.Service, win fyne.Window) *rosterScreen {
	s := &rosterScreen{svc: svc, win: win, debounce: 250 * time.Millisecond, count: widget.NewLabel("")}
	s.filters = newRosterFilters(svc, s.changed)
	s.table = newListTable(app.RosterColumns, func() int { return len(s.ids) }, s.cell)
	s.table.OnSelected = func(id widget.TableCellID) {
		s.table.UnselectAll()
		s.cell(id.Row, 0) // reads the row's page if it was never drawn
		if pid, ok := s.people[id.Row]; ok {
			s.openPerson(pid)
		}
	}
	buttons := container.NewHBox(
		widget.NewButtonWithIcon("新增人员", theme.ContentAddIcon(), func() { s.openPerson(0) }),
		widget.NewButtonWithIcon("导入名册…", theme.UploadIcon(), s.chooseImport),
		widget.NewButtonWithIcon("批量考核…", theme.DocumentCreateIcon(), s.openAssessmentGrid),
		widget.NewButtonWithIcon("述职评议…", theme.DocumentCreateIcon(), s.openReviews),
		widget.NewButtonWithIcon("导出 Excel…", theme.DownloadIcon(), s.export),
	)
	top := container.NewVBox(s.filters.object(), container.NewBorder(nil, nil, s.count, buttons))
	s.root = container.NewBorder(container.NewPadded(top), nil, nil, nil, s.table)
	s.reload()
	return s
}

func (s *rosterScreen) object() fyne.CanvasObject { return s.root }

// changed reloads after a filter change; typing in the search box waits
// for a pause so each keystroke does not query 20,000 rows.
func (s *rosterScreen) changed(typing bool) {
	if !typing || s.debounce == 0 {
		s.reload()
		return
	}
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timer = time.AfterFunc(s.debounce, func() { fyne.Do(s.reload) })
}

// reload runs the filter again from the top.
func (s *rosterScreen) reload() {
	s.read()
	s.table.ScrollToTop()
}

// read runs the filter and shows its rows where the table is scrolled.
func (s *rosterScreen) read() {
	f := s.filters.filter()
	ids, err := s.svc.RosterIDs(f)
	if err != nil {
		showError(err, s.win)
		return
	}
	s.ids, s.semester = ids, f.Semester
	s.pages, s.people = map[int][][]string{}, map[int]uint{}
	s.count.SetText(fmt.Sprintf("共 %d 条任职记录", len(ids)))
	s.table.Refresh()
}

// cell reads the page a row is on when it first scrolls into view.
func (s *rosterScreen) cell(row, col int) (string, bool) {
	page := row / rosterPageSize
	cells, ok := s.pages[page]
	if !ok {
		start := page * rosterPageSize
		rows, err := s.svc.RosterRows(s.ids[start:min(start+rosterPageSize, len(s.ids))], s.semester)
		if err != nil {
			return "", false
		}
		for i, r := range rows {
			cells = append(cells, app.RosterCells(r, s.semester))
			s.people[start+i] = r.PersonID
		}
		s.pages[page] = cells
	}
	i := row - page*rosterPageSize
	if i >= len(cells) {
		return "", false
	}
	flagCol := len(app.RosterColumns) - 1
	return cells[i][col], cells[i][flagCol] != "" && (col == flagCol || col == 1)
}

func (s *rosterScreen) export() {
	f := s.filters.filter()
	period := s.filters.periodLabel()
	exportXLSX(s.win, "学生骨干名册.xlsx", func() (report.Table, error) {
		return s.svc.RosterTable(f, s.svc.Subtitle(period))
	})
}

// refresh reads the roster again after records changed (a person saved,
// an import), keeping the filters and the place in the list.
func (s *rosterScreen) refresh() {
	s.filters.reloadChoices()
	s.read()
}
