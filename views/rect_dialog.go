package views

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

var (
	logColumns      = []report.Column{{Title: "日期", Width: 6}, {Title: "状态", Width: 4}, {Title: "进展", Width: 40}}
	evidenceColumns = []report.Column{{Title: "文件", Width: 24}, {Title: "大小", Width: 5}, {Title: "添加日期", Width: 6}}
)

// rectDialog is one ledger item: its details, its dated progress and the
// evidence files.
type rectDialog struct {
	svc      *app.Service
	win      fyne.Window
	file     app.RectFile
	orgs     choices
	form     *form
	problem  *widget.Entry
	source   *widget.Select
	category *widget.Entry
	rule     *widget.Entry
	found    *widget.Entry
	deadline *widget.Entry
	org      *widget.Select
	person   *widget.Entry
	measures *widget.Entry
	status   *widget.Label
	tabs     *container.AppTabs
	logRows  [][]string
	evRows   [][]string
	evRow    int
	tables   []*widget.Table
	advance  *widget.Button
	fresh    app.RectDraft // what a new item starts with
}

func (s *ledgerScreen) openItem(id uint) { openRect(s.svc, s.win, id) }

// openRect shows the ledger item with id, or an empty form for a new one
// when id is 0.
func openRect(svc *app.Service, win fyne.Window, id uint) *rectDialog {
	return openRectWith(svc, win, id, app.RectDraft{FoundOn: svc.Today().String(), Source: "self_check"})
}

// openNewRect shows a new item filled in from fresh. Nothing is stored
// until 保存: closing the dialog leaves no item behind.
func openNewRect(svc *app.Service, win fyne.Window, fresh app.RectDraft) *rectDialog {
	return openRectWith(svc, win, 0, fresh)
}

func openRectWith(svc *app.Service, win fyne.Window, id uint, fresh app.RectDraft) *rectDialog {
	d := &rectDialog{svc: svc, win: win, form: newForm(), status: widget.NewLabel(""), evRow: -1, fresh: fresh}
	d.status.TextStyle = fyne.TextStyle{Bold: true}
	tree, _ := svc.OrgTree()
	d.orgs = orgChoices(tree, "（不填）", func(o app.Organization) bool { return o.Status == data.StatusActive })
	f, nop := d.form, func() {}
	d.problem = f.newNotes("Problem", nop)
	d.source = f.newSelect("Source", app.Texts(app.RectSources), nop)
	d.category = f.newEntry("Category", "如 制度建设", nop)
	d.rule = f.newEntry("RuleText", "相关的改革指标（可不填）", nop)
	d.found = f.newEntry("FoundOn", "如 2020-10-15", nop)
	d.deadline = f.newEntry("Deadline", "如 2020-12-31", nop)
	d.org = f.newSelect("OrganizationID", d.orgs.labels, nop)
	d.person = f.newEntry("Responsible", "姓名", nop)
	d.measures = f.newNotes("Measures", nop)
	for _, fl := range []struct {
		name, label string
		in          fyne.CanvasObject
	}{{"Problem", "问题", d.problem}, {"Source", "来源", d.source}, {"Category", "类别", d.category},
		{"RuleText", "相关指标", d.rule}, {"FoundOn", "发现日期", d.found}, {"Deadline", "整改期限", d.deadline},
		{"OrganizationID", "责任组织", d.org}, {"Responsible", "责任人", d.person}, {"Measures", "整改措施", d.measures}} {
		f.add(fl.name, fl.label, fl.in)
	}

	note := widget.NewEntry()
	note.SetPlaceHolder("本次进展，如：已召开专题会议部署")
	logIt := widget.NewButton("记录进展", func() {
		if err := svc.LogProgress(d.file.Item.ID, note.Text); err != nil {
			showError(err, win)
			return
		}
		note.SetText("")
		d.load(d.file.Item.ID)
	})
	addFile := widget.NewButtonWithIcon("添加文件…", theme.FileIcon(), d.chooseEvidence)
	openFile := widget.NewButton("打开", d.openEvidence)
	delFile := widget.NewButton("删除", d.deleteEvidence)
	evidence := d.list(evidenceColumns, &d.evRows)
	evidence.OnSelected = func(id widget.TableCellID) { d.evRow = id.Row }

	d.advance = widget.NewButtonWithIcon("变更状态…", theme.MediaSkipNextIcon(), d.openAdvance)
	if id != 0 { // another office's item is shown, not changed
		item, _ := svc.RectFile(id)
		f.viewOnly(svc.Editable("rectifications", id, orgID(item.Item.OrganizationID)))
	}
	d.tabs = container.NewAppTabs(
		container.NewTabItem("基本信息", container.NewVScroll(f.object())),
		container.NewTabItem("进展记录", container.NewBorder(nil, container.NewBorder(nil, nil, nil, logIt, note), nil, nil, d.list(logColumns, &d.logRows))),
		container.NewTabItem("佐证材料", container.NewBorder(container.NewHBox(addFile, openFile, delFile), nil, nil, nil, evidence)))
	dlg := dialog.NewCustomWithoutButtons("整改事项", container.NewBorder(container.NewBorder(nil, nil, nil, d.advance, d.status),
		nil, nil, nil, d.tabs), win)
	dlg.SetOnClosed(d.form.done)
	save := widget.NewButton("保存", d.save)
	save.Importance = widget.HighImportance
	closeIt := func() { d.form.close(win, dlg.Hide) }
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton("关闭", closeIt), save})
	if f.readOnly != "" {
		for _, b := range []fyne.Disableable{save, logIt, addFile, delFile} {
			b.Disable()
		}
	}
	dlg.Resize(fyne.NewSize(min(win.Canvas().Size().Width-40, 900), min(win.Canvas().Size().Height-40, 680)))
	d.load(id)
	showDialog(dlg, win, d.save, closeIt)
	lastRect = d
	return d
}

// lastRect is the item dialog opened last, for tests and screenshots.
var lastRect *rectDialog

func (d *rectDialog) list(columns []report.Column, rows *[][]string) *widget.Table {
	t := newListTable(columns, func() int { return len(*rows) }, func(r, c int) (string, bool) { return (*rows)[r][c], false })
	d.tables = append(d.tables, t)
	return t
}

func (d *rectDialog) load(id uint) {
	var r app.RectDraft
	d.file = app.RectFile{}
	if id != 0 {
		file, err := d.svc.RectFile(id)
		if err != nil {
			showError(err, d.win)
			return
		}
		d.file, r = file, app.RectDraftOf(file.Item)
	} else {
		r = d.fresh
	}
	d.form.load(func() {
		d.problem.SetText(r.Problem)
		d.source.SetSelected(app.TextOf(app.RectSources, r.Source))
		d.category.SetText(r.Category)
		d.rule.SetText(r.RuleText)
		d.found.SetText(r.FoundOn)
		d.deadline.SetText(r.Deadline)
		d.org.SetSelected(d.orgs.label(r.OrganizationID))
		d.person.SetText(r.Responsible)
		d.measures.SetText(r.Measures)
	})
	d.logRows = nil
	for _, l := range d.file.Log {
		d.logRows = append(d.logRows, []string{l.LoggedOn.String(), app.TextOf(app.RectStatuses, l.Status), l.Note})
	}
	d.evRows, d.evRow = nil, -1
	for _, e := range d.file.Evidence {
		d.evRows = append(d.evRows, []string{e.Name, fmt.Sprintf("%.1f KB", float64(e.Size)/1024), e.AddedOn.String()})
	}
	for _, t := range d.tables {
		t.Refresh()
	}
	d.status.SetText("新问题")
	if id != 0 {
		text := "状态：" + app.TextOf(app.RectStatuses, d.file.Item.Status)
		if d.svc.Overdue(d.file.Item) {
			text += "  ！已逾期"
		}
		d.status.SetText(text)
	}
	for i := 1; i < len(d.tabs.Items); i++ {
		if id == 0 {
			d.tabs.DisableIndex(i)
		} else {
			d.tabs.EnableIndex(i)
		}
	}
	setEnabled(d.advance, id != 0 && d.form.readOnly == "")
}

func (d *rectDialog) save() {
	saved, err := d.svc.SaveRect(app.RectDraft{ID: d.file.Item.ID, Version: d.file.Item.Version, Problem: d.problem.Text,
		Source: app.CodeOf(app.RectSources, d.source.Selected), Category: d.category.Text, RuleText: d.rule.Text,
		FoundOn: d.found.Text, Deadline: d.deadline.Text, OrganizationID: d.orgs.id(d.org.Selected),
		Responsible: d.person.Text, Measures: d.measures.Text})
	if err != nil {
		d.tabs.SelectIndex(0)
		d.form.showSaveError(err, d.win)
		return
	}
	d.load(saved.ID)
}

// openAdvance moves the item on (or back) with what that step needs.
func (d *rectDialog) openAdvance() {
	f := newForm()
	var to *widget.Select
	show := func() {
		code := app.CodeOf(app.RectStatuses, to.Selected)
		f.showField("MeasureTaken", code == data.RectDone || code == data.RectClosed)
		f.showField("CompletedOn", code == data.RectDone || code == data.RectClosed)
		f.showField("Verifier", code == data.RectClosed)
		f.showField("VerifiedOn", code == data.RectClosed)
	}
	to = f.newSelect("To", app.Texts(app.RectStatuses), show)
	taken := f.newNotes("MeasureTaken", func() {})
	completed := f.newEntry("CompletedOn", "如 2020-12-20", func() {})
	verifier := f.newEntry("Verifier", "验收的老师", func() {})
	verified := f.newEntry("VerifiedOn", "如 2020-12-25", func() {})
	note := f.newNotes("Note", func() {})
	f.add("To", "改为", to)
	f.add("MeasureTaken", "已采取的措施", taken)
	f.add("CompletedOn", "完成日期", completed)
	f.add("Verifier", "验收人", verifier)
	f.add("VerifiedOn", "销号日期", verified)
	f.add("Note", "说明（退回须填理由）", note)
	item := d.file.Item
	f.load(func() {
		taken.SetText(item.MeasureTaken)
		completed.SetText(item.CompletedOn.String())
		verified.SetText(d.svc.Today().String())
	})
	dlg := formDialog("变更状态", "确定", f, d.win, func() error {
		_, err := d.svc.AdvanceRect(item.ID, app.Advance{To: app.CodeOf(app.RectStatuses, to.Selected),
			MeasureTaken: taken.Text, CompletedOn: completed.Text, Verifier: verifier.Text, VerifiedOn: verified.Text, Note: note.Text})
		if err == nil {
			d.load(item.ID)
		}
		return err
	})
	show()
	dlg.Show()
}

func (d *rectDialog) chooseEvidence() {
	openFileFor(d.win, purposeEvidence, "选择要添加的佐证材料", nil, func(path string) {
		f, err := os.Open(path)
		if err != nil {
			showError(err, d.win)
			return
		}
		defer f.Close()
		if _, err := d.svc.AddEvidence(d.file.Item.ID, filepath.Base(path), f); err != nil {
			showError(err, d.win)
			return
		}
		d.load(d.file.Item.ID)
	})
}

func (d *rectDialog) openEvidence() {
	if d.evRow < 0 {
		return
	}
	path, err := d.svc.EvidencePath(d.file.Evidence[d.evRow])
	if err != nil {
		showError(err, d.win)
		return
	}
	if openFile(path) != nil {
		showOpenFailed("这种文件", d.win)
	}
}

func (d *rectDialog) deleteEvidence() {
	if d.evRow < 0 {
		return
	}
	e := d.file.Evidence[d.evRow]
	confirm("删除佐证材料", "确定删除“"+e.Name+"”吗？它将移入回收站。", "删除", d.win, func() {
		if err := d.svc.DeleteEvidence(e.ID); err != nil {
			showError(err, d.win)
		}
		d.load(d.file.Item.ID)
	})
}
