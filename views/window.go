package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/compliance"
)

// Title is the main window's title.
const Title = "团学台账"

const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

// navItem is one module in the navigation on the left.
type navItem struct {
	title string
	icon  fyne.Resource
	build func() fyne.CanvasObject
	// kinds are the records the screen shows: after a change of one of
	// them it is read again (refresh), or built again when refresh is nil,
	// the next time it is seen.
	kinds   []app.Kind
	refresh func()
	view    fyne.CanvasObject // built on first visit
	stale   bool              // a change it shows came since it was read
	rebuild bool              // the settings changed: build it again
}

// MainWindow is the program window: navigation on the left, the chosen
// module on the right.
type MainWindow struct {
	Win     fyne.Window
	svc     *app.Service
	items   []*navItem
	nav     *widget.List
	content *fyne.Container
	orgs    *orgScreen
	roster  *rosterScreen
	// selections is the 选拔 screen once visited.
	selections *selectionScreen
	sessions   *sessionsScreen
	dashboard  *dashboard
	ledger     *ledgerScreen
	reports    *reportsScreen
	bin        *binScreen
	log        *logScreen
	settings   *settingsScreen
	// unsubscribe ends the window's notice of change.
	unsubscribe func()
	// saved says, under the navigation, when a change was last saved.
	saved *widget.Label
}

// NewMainWindow builds the window over svc. It remembers its size in the
// app's preferences.
func NewMainWindow(a fyne.App, svc *app.Service) *MainWindow {
	title := Title
	if svc.OnServer() {
		title += " — 共享数据库 " + svc.Location()
	}
	SetDataFolder(svc.DataDir())
	w := &MainWindow{Win: a.NewWindow(title), svc: svc, content: container.NewStack()}
	all := app.AllKinds
	w.items = []*navItem{
		{title: "概览", icon: theme.GridIcon(), kinds: all, build: func() fyne.CanvasObject {
			w.dashboard = newDashboard(svc, w.Win, w.openLink)
			return w.dashboard.object()
		}, refresh: func() { w.dashboard.refresh() }},
		{title: "组织机构", icon: theme.HomeIcon(), kinds: all, build: func() fyne.CanvasObject {
			w.orgs = newOrgScreen(svc, w.Win)
			return w.orgs.object()
		}, refresh: func() { w.orgs.refresh() }},
		{title: "学生骨干", icon: theme.AccountIcon(), build: func() fyne.CanvasObject {
			w.roster = newRosterScreen(svc, w.Win)
			return w.roster.object()
		}, kinds: []app.Kind{app.KindOrganizations, app.KindPeople, app.KindAssessments, app.KindSettings},
			refresh: func() { w.roster.refresh() }},
		{title: "培训与会议", icon: theme.CalendarIcon(), build: func() fyne.CanvasObject {
			w.sessions = newSessionsScreen(svc, w.Win)
			return w.sessions.object()
		}, kinds: []app.Kind{app.KindOrganizations, app.KindSessions, app.KindSettings}, refresh: func() { w.sessions.refresh() }},
		{title: "整改台账", icon: theme.ListIcon(), build: func() fyne.CanvasObject {
			w.ledger = newLedgerScreen(svc, w.Win)
			return w.ledger.object()
		}, kinds: []app.Kind{app.KindOrganizations, app.KindLedger, app.KindSettings}, refresh: func() { w.ledger.refresh() }},
		{title: "报表", icon: theme.DocumentPrintIcon(), kinds: all, build: func() fyne.CanvasObject {
			w.reports = newReportsScreen(svc, w.Win)
			return w.reports.object()
		}, refresh: func() { w.reports.refresh() }},
		{title: "选拔", icon: theme.DocumentCreateIcon(), build: func() fyne.CanvasObject {
			w.selections = newSelectionScreen(svc, w.Win)
			return w.selections.object()
		}, kinds: []app.Kind{app.KindOrganizations, app.KindPeople, app.KindSelections, app.KindSettings},
			refresh: func() { w.selections.reload() }},
		{title: "回收站", icon: theme.DeleteIcon(), kinds: all, build: func() fyne.CanvasObject {
			w.bin = newBinScreen(svc, w.Win)
			return w.bin.object()
		}, refresh: func() { w.bin.reload() }},
		{title: "操作日志", icon: theme.HistoryIcon(), kinds: all, build: func() fyne.CanvasObject {
			w.log = newLogScreen(svc, w.Win)
			return w.log.object()
		}, refresh: func() { w.log.reload() }},
		// 系统设置 writes the settings itself and reads them again then.
		{title: "系统设置", icon: theme.SettingsIcon(), build: func() fyne.CanvasObject {
			w.settings = newSettingsScreen(svc, w.Win, func(app.Settings) {})
			return w.settings.object()
		}},
	}
	w.unsubscribe = svc.Changes().Subscribe(deliver, w.changed)
	keys := keysOf(w.Win)
	keys.screen = w.screenKeys
	w.nav = widget.NewList(
		func() int { return len(w.items) },
		func() fyne.CanvasObject {
			// The longest title sizes the navigation.
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("培训与会议"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(w.items[i].icon)
			box.Objects[1].(*widget.Label).SetText(w.items[i].title)
		})
	w.nav.OnSelected = w.show

	w.saved = widget.NewLabel("")
	w.saved.Importance = widget.SuccessImportance
	side := container.NewBorder(nil, w.saved, nil, widget.NewSeparator(), w.nav)
	w.Win.SetContent(container.NewBorder(nil, nil, side, nil, w.content))
	w.Win.SetOnClosed(func() {
		w.unsubscribe()
		keys.forget()
	})
	w.restoreSize(a.Preferences())
	w.nav.Select(0)
	return w
}

// show switches to module i, reading it again if records it shows have
// changed since it was last on view.
func (w *MainWindow) show(i widget.ListItemID) {
	item := w.items[i]
	w.freshen(item)
	if item.view == nil {
		item.view = item.build()
		item.stale, item.rebuild = false, false
	}
	w.content.Objects = []fyne.CanvasObject{item.view}
	w.content.Refresh()
}

// openLink shows the record behind a check result: a person's form, or
// the organization screen at the organization.
func (w *MainWindow) openLink(l compliance.Link) {
	switch l.Kind {
	case "person":
		openPersonDialog(w.svc, w.Win, l.ID)
	case "organization":
		w.ShowModule("组织机构")
		w.orgs.selectOrg(l.ID)
	case "department":
		if d, err := w.svc.Department(l.ID); err == nil {
			w.ShowModule("组织机构")
			w.orgs.selectOrg(d.OrganizationID)
			w.orgs.tabs.SelectIndex(1)
		}
	case "meeting":
		w.ShowModule("培训与会议")
		w.sessions.tabs.SelectIndex(1)
		w.sessions.editMeeting(l.ID)
	case "trainings": // Label: the semester
		w.ShowModule("培训与会议")
		w.sessions.tabs.SelectIndex(0)
		if sem, err := app.ParseSemester(l.Label); err == nil {
			w.sessions.trainings.semester.SetSelected(sem.Label())
		}
	case "ledger": // Label: the status
		w.ShowModule("整改台账")
		w.ledger.status.SetSelected(app.TextOf(app.RectStatuses, l.Label))
	case "grades": // Label: the semester
		w.ShowModule("报表")
		w.reports.show("assessment", l.Label)
	}
}

// ShowModule switches to the module titled title; false if there is none.
func (w *MainWindow) ShowModule(title string) bool {
	for i, item := range w.items {
		if item.title == title {
			w.nav.Select(i)
			return true
		}
	}
	return false
}

// Modules lists the titles in the navigation.
func (w *MainWindow) Modules() []string {
	out := make([]string, len(w.items))
	for i, item := range w.items {
		out[i] = item.title
	}
	return out
}

func (w *MainWindow) restoreSize(p fyne.Preferences) {
	size := fyne.NewSize(float32(p.FloatWithFallback(prefWidth, 1200)), float32(p.FloatWithFallback(prefHeight, 760)))
	w.Win.Resize(size)
	w.Win.SetCloseIntercept(func() {
		w.saveSize(p)
		if len(unsaved) == 0 {
			w.Win.Close()
			return
		}
		confirm("还有没保存的修改", "有表单修改后还没有保存。关闭程序会丢掉这些修改，确定关闭吗？", "不保存，关闭", w.Win, w.Win.Close)
	})
}

func (w *MainWindow) saveSize(p fyne.Preferences) {
	s := w.Win.Canvas().Size()
	p.SetFloat(prefWidth, float64(s.Width))
	p.SetFloat(prefHeight, float64(s.Height))
}
