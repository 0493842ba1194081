package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

const (
	noParent  = "（无，顶层组织）"
	autoGuide = "（自动：最近的上级团委）"
)

// orgForm edits one organization; id 0 means a new one.
type orgForm struct {
	svc     *app.Service
	win     fyne.Window
	form    *form
	id      uint
	version int // of the organization as loaded
	tree    app.OrgTree

	title                                    *widget.Label
	name, teacher, phone, founded, statusOn  *widget.Entry
	notes                                    *widget.Entry
	capReason, secretary, students           *widget.Entry
	kind, parent, guide, status, mergedInto  *widget.Select
	parents, guides, targets                 choices
	saveButton, deleteButton, newChildButton *widget.Button

	onSaved    func(app.Organization)
	onDeleted  func()
	onNewChild func(parentID uint)
}

func newOrgForm(svc *app.Service, win fyne.Window) *orgForm {
	f := &orgForm{svc: svc, win: win, form: newForm(), title: widget.NewLabel("")}
	f.title.TextStyle = fyne.TextStyle{Bold: true}
	fm, check := f.form, f.check
	f.name = fm.newEntry("Name", "如：校学生会", check)
	f.kind = fm.newSelect("Kind", app.Texts(app.OrgKinds), check)
	f.parent = fm.newSelect("ParentID", nil, check)
	f.guide = fm.newSelect("GuideLeagueID", nil, check)
	f.teacher = fm.newEntry("TeacherName", "姓名", check)
	f.phone = fm.newEntry("TeacherPhone", "手机号或 0663-1234567", check)
	f.founded = fm.newEntry("FoundedOn", "如：2020-06-15", check)
	f.status = fm.newSelect("Status", app.Texts(app.Statuses), check)
	f.statusOn = fm.newEntry("StatusOn", "合并或撤销的日期", check)
	f.mergedInto = fm.newSelect("MergedIntoID", nil, check)
	f.notes = fm.newNotes("Notes", check)
	f.capReason = fm.newEntry("StaffCapReason", "工作人员超过 40 人时填写，如：学生 2 万人、3 个校区", check)
	f.secretary = fm.newEntry("SecretaryGeneral", "担任秘书长的团委老师", check)
	f.students = fm.newEntry("Students", "所代表的学生人数", check)

	fm.add("Name", "名称", f.name)
	fm.add("Kind", "类别", f.kind)
	fm.add("ParentID", "上级组织", f.parent)
	fm.add("GuideLeagueID", "归口指导团委", f.guide)
	fm.add("TeacherName", "指导老师", f.teacher)
	fm.add("TeacherPhone", "联系电话", f.phone)
	fm.add("FoundedOn", "成立日期", f.founded)
	fm.add("Status", "状态", f.status)
	fm.add("StatusOn", "合并/撤销日期", f.statusOn)
	fm.add("MergedIntoID", "并入组织", f.mergedInto)
	fm.add("SecretaryGeneral", "秘书长", f.secretary)
	fm.add("Students", "学生人数", f.students)
	fm.add("StaffCapReason", "扩编理由", f.capReason)
	fm.add("Notes", "备注", f.notes)

	f.saveButton = widget.NewButton("保存", f.save)
	f.saveButton.Importance = widget.HighImportance
	f.newChildButton = widget.NewButton("新建下级组织", func() { f.onNewChild(f.id) })
	f.deleteButton = widget.NewButton("删除", f.confirmDelete)
	f.deleteButton.Importance = widget.DangerImportance
	return f
}

// object puts the title and buttons above the scrolling form, so 保存 is
// always in sight however long the form is.
func (f *orgForm) object() fyne.CanvasObject {
	bar := container.NewBorder(nil, nil, nil,
		container.NewHBox(f.saveButton, f.newChildButton, f.deleteButton), f.title)
	return container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(f.form.object()))
}

// setTree refreshes the select boxes that list organizations.
func (f *orgForm) setTree(tree app.OrgTree) {
	f.tree = tree
	active := func(o app.Organization) bool { return o.Status == data.StatusActive }
	f.parents = orgChoices(tree, noParent, active)
	f.guides = orgChoices(tree, autoGuide, func(o app.Organization) bool {
		return o.Kind == data.KindLeague && active(o)
	})
	f.targets = orgChoices(tree, "", active)
	f.parent.SetOptions(f.parents.labels)
	f.guide.SetOptions(f.guides.labels)
	f.mergedInto.SetOptions(f.targets.labels)
}

// edit loads an organization into the form.
func (f *orgForm) edit(o app.Organization) {
	f.title.SetText("组织信息：" + o.Name)
	f.fill(app.DraftOf(o))
}

// create empties the form for a new organization under parentID (0: top).
func (f *orgForm) create(parentID uint) {
	d := app.OrgDraft{Status: data.StatusActive}
	title := "新建顶层组织"
	if p, ok := f.tree.Get(parentID); ok {
		d.ParentID = &p.ID
		d.Kind = app.DefaultChildKind(p.Kind)
		title = fmt.Sprintf("在“%s”下新建组织", p.Name)
	} else {
		d.Kind = data.KindLeague
	}
	f.title.SetText(title)
	f.fill(d)
}

func (f *orgForm) fill(d app.OrgDraft) {
	f.form.load(func() {
		f.id, f.version = d.ID, d.Version
		f.name.SetText(d.Name)
		f.kind.SetSelected(app.TextOf(app.OrgKinds, d.Kind))
		f.parent.SetSelected(f.parents.label(d.ParentID))
		f.guide.SetSelected(f.guides.label(d.GuideLeagueID))
		f.teacher.SetText(d.TeacherName)
		f.phone.SetText(d.TeacherPhone)
		f.founded.SetText(d.FoundedOn)
		f.status.SetSelected(app.TextOf(app.Statuses, d.Status))
		f.statusOn.SetText(d.StatusOn)
		f.mergedInto.ClearSelected()
		if d.MergedIntoID != nil {
			f.mergedInto.SetSelected(f.targets.label(d.MergedIntoID))
		}
		f.notes.SetText(d.Notes)
		f.capReason.SetText(d.StaffCapReason)
		f.secretary.SetText(d.SecretaryGeneral)
		f.students.SetText(d.Students)
	})
	f.updateEnabled()
	f.deleteButton.Disable()
	f.newChildButton.Disable()
	f.saveButton.Enable()
	if f.id != 0 {
		f.deleteButton.Enable()
		f.newChildButton.Enable()
	}
	owner := d.ID
	if owner == 0 && d.ParentID != nil {
		owner = *d.ParentID
	}
	// Another office's organization, on a shared server: shown, not changed.
	if ok, why := f.svc.Editable("organizations", d.ID, owner); !ok {
		f.title.SetText(f.title.Text + "（" + why + "）")
		f.saveButton.Disable()
		f.deleteButton.Disable()
		f.newChildButton.Disable()
	}
}

func (f *orgForm) draft() app.OrgDraft {
	return app.OrgDraft{
		ID: f.id, Version: f.version, Name: f.name.Text, Kind: app.CodeOf(app.OrgKinds, f.kind.Selected),
		ParentID: f.parents.id(f.parent.Selected), GuideLeagueID: f.guides.id(f.guide.Selected),
		TeacherName: f.teacher.Text, TeacherPhone: f.phone.Text, FoundedOn: f.founded.Text,
		Status: app.CodeOf(app.Statuses, f.status.Selected), StatusOn: f.statusOn.Text,
		MergedIntoID: f.targets.id(f.mergedInto.Selected), Notes: f.notes.Text,
		StaffCapReason: f.capReason.Text, SecretaryGeneral: f.secretary.Text, Students: f.students.Text,
	}
}

// check validates as the teacher types.
func (f *orgForm) check() {
	f.updateEnabled()
	_, v := f.svc.CheckOrganization(f.draft())
	f.form.show(v)
}

// updateEnabled offers the merge and dissolve fields only when they apply.
func (f *orgForm) updateEnabled() {
	status := app.CodeOf(app.Statuses, f.status.Selected)
	setEnabled(f.statusOn, status == data.StatusMerged || status == data.StatusDissolved)
	setEnabled(f.mergedInto, status == data.StatusMerged)
	union := app.HasDepartments(app.CodeOf(app.OrgKinds, f.kind.Selected))
	for _, name := range []string{"StaffCapReason", "SecretaryGeneral", "Students"} {
		f.form.showField(name, union)
	}
}

type disableable interface {
	Enable()
	Disable()
}

func setEnabled(w disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

func (f *orgForm) save() {
	o, err := f.svc.SaveOrganization(f.draft())
	if err != nil {
		f.form.showSaveError(err, f.win)
		return
	}
	f.onSaved(o)
}

func (f *orgForm) confirmDelete() {
	o, ok := f.tree.Get(f.id)
	if !ok {
		return
	}
	msg := fmt.Sprintf("确定删除“%s”吗？\n它和它的工作部门将移入回收站。", o.Name)
	if terms, err := f.svc.RosterIDs(app.RosterFilter{OrganizationID: o.ID}); err == nil && len(terms) > 0 {
		open, _ := f.svc.RosterIDs(app.RosterFilter{OrganizationID: o.ID, Status: data.RosterInPost})
		msg += fmt.Sprintf("\n它的 %d 条任职记录（其中在任 %d 条）随之不再出现在名册、考核和报表中。", len(terms), len(open))
	}
	msg += "\n从回收站恢复它，这些都会一起回来。"
	confirm("删除组织", msg, "删除", f.win, func() {
		if err := f.svc.DeleteOrganization(o.ID); err != nil {
			showError(err, f.win)
			return
		}
		f.onDeleted()
	})
}
