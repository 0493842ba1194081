package views

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

// orgScreen is 组织机构: the tree on the left, the selected organization's
// form and departments on the right.
type orgScreen struct {
	svc      *app.Service
	win      fyne.Window
	orgs     app.OrgTree
	selected uint

	tree   *widget.Tree
	form   *orgForm
	depts  *deptPanel
	newTop *widget.Button
	tabs   *container.AppTabs
	checks *orgChecks
	root   fyne.CanvasObject
}

func newOrgScreen(svc *app.Service, win fyne.Window) *orgScreen {
	s := &orgScreen{svc: svc, win: win, form: newOrgForm(svc, win), depts: newDeptPanel(svc, win)}
	s.tree = widget.NewTree(s.childIDs, s.isBranch, s.newNode, s.updateNode)
	s.tree.OnSelected = s.choose
	s.form.onSaved = func(o app.Organization) {
		s.reload()
		s.selectOrg(o.ID)
	}
	s.form.onDeleted = func() {
		s.selected = 0
		s.reload()
		s.form.create(0)
		s.depts.show(app.Organization{})
	}
	s.form.onNewChild = s.createUnder
	s.newTop = widget.NewButtonWithIcon("新建顶层组织", theme.ContentAddIcon(), func() { s.createUnder(0) })

	left := container.NewBorder(container.NewPadded(s.newTop), nil, nil, nil, s.tree)
	s.checks = newOrgChecks(svc, win)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("基本信息", container.NewPadded(s.form.object())),
		container.NewTabItem("工作部门", container.NewPadded(s.depts.object())),
		container.NewTabItem("改革指标", container.NewPadded(s.checks.object())))
	// The check runs when its tab is looked at, not on every click in the tree.
	s.tabs.OnSelected = func(t *container.TabItem) {
		if t.Text == "改革指标" {
			o, _ := s.orgs.Get(s.selected)
			s.checks.show(o)
		}
	}
	split := container.NewHSplit(left, s.tabs)
	split.Offset = 0.28
	s.root = split

	s.reload()
	s.tree.OpenAllBranches()
	s.form.create(0)
	s.depts.show(app.Organization{})
	return s
}

func (s *orgScreen) object() fyne.CanvasObject { return s.root }

// reload reads the tree again after a change.
func (s *orgScreen) reload() {
	orgs, err := s.svc.OrgTree()
	if err != nil {
		showError(err, s.win)
		return
	}
	s.orgs = orgs
	s.form.setTree(orgs)
	s.tree.Refresh()
}

// choose shows the organization clicked in the tree, asking first when
// the form holds typed input that is not saved.
func (s *orgScreen) choose(uid widget.TreeNodeID) {
	id := nodeOrg(uid)
	if id == s.selected {
		return
	}
	back := s.selected
	s.form.form.leave(s.win, func() { s.selectOrg(id) }, func() {
		if back == 0 {
			s.tree.UnselectAll()
		} else {
			s.tree.Select(nodeID(back))
		}
	})
}

// refresh reads the tree and the organization on view again after records
// changed; a form with typed, unsaved changes keeps them.
func (s *orgScreen) refresh() {
	s.reload()
	o, ok := s.orgs.Get(s.selected)
	if !ok {
		if s.selected != 0 { // deleted elsewhere (an import, the bin)
			s.selected = 0
			s.form.create(0)
		}
		s.depts.show(app.Organization{})
		return
	}
	if !unsaved[s.form.form] {
		s.form.edit(o)
	}
	s.depts.show(o)
	if s.tabs.SelectedIndex() == 2 {
		s.checks.show(o)
	}
}

func (s *orgScreen) selectOrg(id uint) {
	o, ok := s.orgs.Get(id)
	if !ok {
		return
	}
	s.selected = id
	for p := o.ParentID; p != nil; {
		s.tree.OpenBranch(nodeID(*p))
		parent, _ := s.orgs.Get(*p)
		p = parent.ParentID
	}
	s.tree.Select(nodeID(id))
	s.tree.ScrollTo(nodeID(id))
	s.form.edit(o)
	s.depts.show(o)
	if s.tabs.SelectedIndex() == 2 {
		s.checks.show(o)
	}
}

func (s *orgScreen) createUnder(parentID uint) {
	s.tabs.SelectIndex(0)
	s.tree.UnselectAll()
	s.selected = 0
	s.form.create(parentID)
	s.depts.show(app.Organization{})
	s.win.Canvas().Focus(s.form.name)
}

func nodeID(id uint) widget.TreeNodeID { return strconv.FormatUint(uint64(id), 10) }

func nodeOrg(uid widget.TreeNodeID) uint {
	id, _ := strconv.ParseUint(uid, 10, 64)
	return uint(id)
}

func (s *orgScreen) childIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	children := s.orgs.Children(nodeOrg(uid))
	ids := make([]widget.TreeNodeID, len(children))
	for i, c := range children {
		ids[i] = nodeID(c.ID)
	}
	return ids
}

func (s *orgScreen) isBranch(uid widget.TreeNodeID) bool {
	return uid == "" || len(s.orgs.Children(nodeOrg(uid))) > 0
}

func (s *orgScreen) newNode(bool) fyne.CanvasObject {
	kind := widget.NewLabel("")
	kind.Importance = widget.LowImportance
	return container.NewHBox(widget.NewLabel(""), kind)
}

// updateNode shows "名称  类别", and the status when it is not active.
func (s *orgScreen) updateNode(uid widget.TreeNodeID, _ bool, obj fyne.CanvasObject) {
	o, _ := s.orgs.Get(nodeOrg(uid))
	box := obj.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(o.Name)
	note := app.TextOf(app.OrgKinds, o.Kind)
	if o.Status != data.StatusActive {
		note += " · " + app.TextOf(app.Statuses, o.Status)
	}
	box.Objects[1].(*widget.Label).SetText(note)
}

// selectKind selects the first organization of kind.
func (s *orgScreen) selectKind(kind string) error {
	orgs := s.orgs.OfKinds(kind)
	if len(orgs) == 0 {
		return fmt.Errorf("no organization of kind %s", kind)
	}
	s.selectOrg(orgs[0].ID)
	return nil
}
