package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

// formDialog shows a form in a dialog that stays open until submit returns
// nil, so a teacher never loses what was typed to a validation message.
// Ctrl+S and Enter in a one-line field press its main button; Esc closes it
// as 取消 does.
func formDialog(title, submitText string, f *form, win fyne.Window, submit func() error) dialog.Dialog {
	var content fyne.CanvasObject = f.object()
	if h := content.MinSize().Height; h > 520 {
		// A long form scrolls inside the dialog rather than overflowing the window.
		scroll := container.NewVScroll(content)
		scroll.SetMinSize(fyne.NewSize(content.MinSize().Width, min(h, win.Canvas().Size().Height-160)))
		content = scroll
	}
	d := dialog.NewCustomWithoutButtons(title, content, win)
	d.SetOnClosed(f.done)
	press := func() {
		if err := submit(); err != nil {
			f.showSaveError(err, win)
			return
		}
		d.Hide()
	}
	cancel := func() { f.close(win, d.Hide) }
	ok := widget.NewButton(submitText, press)
	ok.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("取消", cancel), ok})
	if f.readOnly != "" { // another office's record: nothing to save
		press = func() {}
		d.SetButtons([]fyne.CanvasObject{widget.NewButton("关闭", d.Hide)})
	}
	d.Resize(fyne.NewSize(520, 0))
	return keyedDialog{Dialog: d, win: win, save: press, close: cancel}
}

// keyedDialog is a dialog that takes its keys when it is shown.
type keyedDialog struct {
	dialog.Dialog
	win         fyne.Window
	save, close func()
}

func (d keyedDialog) Show() { showDialog(d.Dialog, d.win, d.save, d.close) }

// openForm edits or creates a department in a dialog.
func (p *deptPanel) openForm(d app.DeptDraft) {
	f := newForm()
	var name, duties, order, statusOn, notes *widget.Entry
	var status *widget.Select
	draft := func() app.DeptDraft {
		d.Name, d.Duties, d.SortOrder, d.Notes = name.Text, duties.Text, order.Text, notes.Text
		d.Status, d.StatusOn = app.CodeOf(app.Statuses, status.Selected), statusOn.Text
		return d
	}
	check := func() {
		setEnabled(statusOn, status.Selected == app.TextOf(app.Statuses, data.StatusDissolved))
		_, v := p.svc.CheckDepartment(draft())
		f.show(v)
	}
	name = f.newEntry("Name", "如：宣传部", check)
	duties = f.newNotes("Duties", check)
	order = f.newEntry("SortOrder", "数字小的排在前面", check)
	statusOptions := app.Texts(app.Statuses)
	if d.Status != data.StatusMerged {
		statusOptions = []string{app.TextOf(app.Statuses, data.StatusActive), app.TextOf(app.Statuses, data.StatusDissolved)}
	}
	status = f.newSelect("Status", statusOptions, check)
	statusOn = f.newEntry("StatusOn", "如：2020-06-15", check)
	notes = f.newNotes("Notes", check)
	f.add("Name", "部门名称", name)
	f.add("Duties", "工作职责", duties)
	f.add("SortOrder", "排序", order)
	f.add("Status", "状态", status)
	f.add("StatusOn", "撤销日期", statusOn)
	f.add("Notes", "备注", notes)
	f.load(func() {
		name.SetText(d.Name)
		duties.SetText(d.Duties)
		order.SetText(d.SortOrder)
		status.SetSelected(app.TextOf(app.Statuses, d.Status))
		statusOn.SetText(d.StatusOn)
		notes.SetText(d.Notes)
	})
	setEnabled(statusOn, d.Status == data.StatusDissolved)

	title := "新增工作部门"
	if d.ID != 0 {
		title = "编辑工作部门"
	}
	formDialog(title, "保存", f, p.win, func() error {
		_, err := p.svc.SaveDepartment(draft())
		if err == nil {
			p.reload()
		}
		return err
	}).Show()
	p.win.Canvas().Focus(name)
}

// openMerge folds the chosen department into another one.
func (p *deptPanel) openMerge(from app.Department) {
	var targets choices
	for _, d := range p.depts {
		if d.Status == data.StatusActive && d.ID != from.ID {
			targets.add(d.Name, d.ID)
		}
	}
	f := newForm()
	var into *widget.Select
	var on, duties *widget.Entry
	draft := func() app.MergeDraft {
		m := app.MergeDraft{FromID: from.ID, FromVersion: from.Version, On: on.Text, Duties: duties.Text}
		for _, d := range p.depts {
			if id := targets.id(into.Selected); id != nil && d.ID == *id {
				m.IntoID, m.IntoVersion = d.ID, d.Version
			}
		}
		return m
	}
	into = f.newSelect("IntoID", targets.labels, func() {
		for _, d := range p.depts {
			if id := targets.id(into.Selected); id != nil && d.ID == *id {
				duties.SetText(app.MergedDuties(from, d))
			}
		}
	})
	on = f.newEntry("On", "如：2020-06-15", func() {})
	duties = f.newNotes("Duties", func() {})
	f.add("IntoID", "并入部门", into)
	f.add("On", "合并日期", on)
	f.add("Duties", "合并后职责", duties)
	f.load(func() { on.SetText(app.FormatDate(p.svc.Today())) })

	formDialog("合并“"+from.Name+"”", "合并", f, p.win, func() error {
		err := p.svc.MergeDepartments(draft())
		if err == nil {
			p.reload()
		}
		return err
	}).Show()
}
