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

// officesButton is 各办公室账号… in 系统设置 → 数据库: on a shared server,
// and for the school office only, which alone may manage them.
func officesButton(svc *app.Service, win fyne.Window) fyne.CanvasObject {
	if !svc.OnServer() {
		return nil
	}
	o, err := svc.Office()
	if err != nil || !o.School {
		if err == nil && o.Organization != "" {
			l := widget.NewLabel("本机使用“" + o.Organization + "”的账号：可查看全校记录，只能修改本组织及其下属组织的记录。")
			l.Wrapping = fyne.TextWrapWord
			return l
		}
		return nil
	}
	return widget.NewButton("各办公室账号…", func() { openOffices(svc, win) })
}

// officesDialog lists the offices' accounts, with 添加 and 删除.
type officesDialog struct {
	svc   *app.Service
	win   fyne.Window
	list  []app.Office
	rows  *widget.List
	row   int
	empty *widget.Label
}

// lastOffices is the dialog opened last, for tests and screenshots.
var lastOffices *officesDialog

func openOffices(svc *app.Service, win fyne.Window) {
	d := &officesDialog{svc: svc, win: win, row: -1, empty: widget.NewLabel("还没有办公室账号。")}
	d.rows = widget.NewList(func() int { return len(d.list) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			of := d.list[i]
			scope := "只能修改本组织及其下属组织"
			if of.School {
				scope = "可修改全校记录"
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s　%s　%s", of.Role, of.Organization, scope))
		})
	d.rows.OnSelected = func(i widget.ListItemID) { d.row = i }
	about := widget.NewLabel("每个二级学院团委用自己的账号登录共享数据库：可查看全校记录，只能修改本组织及其下属组织的记录，由数据库服务器强制执行。")
	about.Wrapping = fyne.TextWrapWord
	add := widget.NewButton("添加…", d.openAdd)
	remove := widget.NewButton("删除", d.remove)
	content := container.NewBorder(container.NewVBox(about, container.NewHBox(add, remove), d.empty), nil, nil, nil, d.rows)
	dlg := dialog.NewCustom("各办公室账号", "关闭", content, win)
	dlg.Resize(fyne.NewSize(min(win.Canvas().Size().Width-40, 640), min(win.Canvas().Size().Height-40, 460)))
	d.load()
	dlg.Show()
	lastOffices = d
}

func (d *officesDialog) load() {
	list, err := d.svc.Offices()
	if err != nil {
		showError(err, d.win)
	}
	d.list, d.row = list, -1
	d.rows.UnselectAll()
	d.empty.Hidden = len(list) > 0
	d.empty.Refresh()
	d.rows.Refresh()
}

// openAdd asks for the new account: its login name, its organization and
// its password, typed twice.
func (d *officesDialog) openAdd() {
	tree, _ := d.svc.OrgTree()
	orgs := orgChoices(tree, "", func(o app.Organization) bool { return o.Status == data.StatusActive })
	f := newForm()
	user := f.newEntry("User", "如 xinxi_tuanwei（小写字母、数字、下划线）", func() {})
	org := f.newSelect("OrganizationID", orgs.labels, func() {})
	password, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	f.add("User", "用户名", user)
	f.add("OrganizationID", "管理的组织", org)
	f.add("Password", "密码", password)
	f.add("Again", "再输入一遍", again)
	formDialog("添加办公室账号", "添加", f, d.win, func() error {
		if password.Text != again.Text {
			return app.ValidationError{{Field: "Again", Message: "两次输入的密码不一样"}}
		}
		draft := app.OfficeDraft{User: user.Text, Password: password.Text}
		if id := orgs.id(org.Selected); id != nil {
			draft.OrganizationID = *id
		}
		if err := d.svc.AddOffice(draft); err != nil {
			return err
		}
		d.load()
		return nil
	}).Show()
}

// remove drops the chosen office's account, after asking.
func (d *officesDialog) remove() {
	if d.row < 0 || d.row >= len(d.list) {
		dialog.ShowInformation("删除办公室账号", "请先在列表中选中一个账号。", d.win)
		return
	}
	role := d.list[d.row].Role
	confirm("删除办公室账号", "删除账号 "+role+"？它录入的记录都保留，但这个账号不能再登录。", "删除", d.win, func() {
		if err := d.svc.RemoveOffice(role); err != nil {
			showError(err, d.win)
		}
		d.load()
	})
}
