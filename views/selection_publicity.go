package views

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/app/reports"
)

// publicityDialog is a round's 公示: the period (start, working days, the
// round's own 节假日 and 调休上班日) with the end it gives, the closing
// note, the 异议 register, and the exports: the notice to post, and the
// internal roster to keep.
type publicityDialog struct {
	s          *selectionScreen
	pub        app.Publicity
	f          *form
	start      *widget.Entry
	days       *widget.Entry
	holidays   *widget.Entry
	workdays   *widget.Entry
	closing    *widget.Entry
	end        *widget.Label
	objections []app.Objection
	cells      [][]string
	row        int
	table      *widget.Table
	editObj    *widget.Button
}

func (s *selectionScreen) openPublicity() *publicityDialog {
	pub, err := s.svc.PublicityOf(s.round.ID)
	if err != nil {
		showError(err, s.win)
		return nil
	}
	p := &publicityDialog{s: s, pub: pub, f: newForm(), end: widget.NewLabel(""), row: -1}
	f := p.f
	p.start = f.newEntry("StartOn", "如 2020-09-28", p.showEnd)
	p.days = f.newEntry("Days", "工作日，默认 5", p.showEnd)
	p.holidays = f.newEntry("Holidays", "如 2020-10-01、2020-10-02（不算工作日）", p.showEnd)
	p.workdays = f.newEntry("Workdays", "如 2020-10-10（周末上班，算工作日）", p.showEnd)
	p.closing = f.newNotes("ClosingNote", func() {})
	f.add("StartOn", "公示开始日期", p.start)
	f.add("Days", "公示期（工作日）", p.days)
	f.add("Holidays", "节假日", p.holidays)
	f.add("Workdays", "调休上班日", p.workdays)
	f.add("ClosingNote", "公示结果", p.closing)
	p.load()

	p.table = newListTable(columnsOf(app.ObjectionColumns, 5, 5, 10, 10, 5), func() int { return len(p.cells) },
		func(row, col int) (string, bool) { return p.cells[row][col], app.ObjectionOpen(p.objections[row]) })
	p.table.OnSelected = func(id widget.TableCellID) {
		p.row = id.Row
		setEnabled(p.editObj, true)
	}
	p.editObj = widget.NewButton("编辑异议", func() {
		if p.row >= 0 && p.row < len(p.objections) {
			p.openObjection(app.ObjectionDraftOf(p.objections[p.row]))
		}
	})
	p.loadObjections()
	save := widget.NewButtonWithIcon("保存公示", theme.DocumentSaveIcon(), p.save)
	save.Importance = widget.HighImportance
	closingNote := widget.NewButton("按异议登记生成结果说明", func() {
		p.closing.SetText(app.DefaultClosingNote(p.pub, p.objections))
	})
	addObj := widget.NewButtonWithIcon("登记异议", theme.ContentAddIcon(), func() {
		p.openObjection(app.ObjectionDraft{RoundID: s.round.ID, ReceivedOn: s.svc.Today().String()})
	})
	exports := container.NewHBox(
		widget.NewButton("公示 PDF…", func() { p.export(reports.Notice, "公示", "pdf") }),
		widget.NewButton("公示 Word…", func() { p.export(reports.Notice, "公示", "docx") }),
		widget.NewButton("公示 Excel…", func() { p.export(reports.Notice, "公示", "xlsx") }),
		widget.NewButton("内部名册 Excel…", func() { p.export(reports.InternalRoster, "录用名册（内部）", "xlsx") }))
	objTitle := widget.NewLabel("异议登记（红色为尚未处理）")
	objTitle.TextStyle = fyne.TextStyle{Bold: true}
	tableBox := container.NewGridWrap(fyne.NewSize(660, 150), p.table)
	content := container.NewVBox(f.object(), p.end, container.NewHBox(save, closingNote), widget.NewSeparator(),
		objTitle, tableBox, container.NewHBox(addObj, p.editObj), widget.NewSeparator(),
		widget.NewLabel("导出（公示只含姓名、学院、年级、拟任职务）："), exports)
	d := dialog.NewCustomWithoutButtons("公示："+s.round.Title, container.NewVScroll(content), s.win)
	d.SetOnClosed(f.done)
	closeIt := func() { f.close(s.win, d.Hide) }
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("关闭", closeIt)})
	d.Resize(fyne.NewSize(700, min(760, s.win.Canvas().Size().Height-40)))
	showDialog(d, s.win, p.save, closeIt)
	return p
}

// load fills the form from the stored 公示 (a new one starts today).
func (p *publicityDialog) load() {
	d := app.PublicityDraftOf(p.pub)
	if p.pub.ID == 0 {
		d.StartOn = p.s.svc.Today().String()
	}
	p.f.load(func() {
		p.start.SetText(d.StartOn)
		p.days.SetText(d.Days)
		p.holidays.SetText(d.Holidays)
		p.workdays.SetText(d.Workdays)
		p.closing.SetText(d.ClosingNote)
	})
	p.showEnd()
}

func (p *publicityDialog) draft() app.PublicityDraft {
	return app.PublicityDraft{ID: p.pub.ID, Version: p.pub.Version, RoundID: p.s.round.ID, StartOn: p.start.Text,
		Days: p.days.Text, Holidays: p.holidays.Text, Workdays: p.workdays.Text, ClosingNote: p.closing.Text}
}

// showEnd writes the period the form gives as the teacher types.
func (p *publicityDialog) showEnd() {
	pub, v := app.CheckPublicity(p.draft())
	switch {
	case v.For("StartOn") != "" || v.For("Days") != "" || v.For("Holidays") != "" || v.For("Workdays") != "":
		p.end.SetText("公示期：请先改正上面的日期")
	default:
		p.end.SetText("公示期：" + app.PublicityPeriod(pub) + "（周末和节假日不计，调休上班日计入）")
	}
}

func (p *publicityDialog) save() {
	saved, err := p.s.svc.SavePublicity(p.draft())
	if err != nil {
		p.f.showSaveError(err, p.s.win)
		return
	}
	p.pub = saved
	p.load()
	dialog.ShowInformation("已保存", "公示已保存："+app.PublicityPeriod(saved)+"。", p.s.win)
}

func (p *publicityDialog) loadObjections() {
	os, err := p.s.svc.Objections(p.s.round.ID)
	if err != nil {
		showError(err, p.s.win)
		return
	}
	p.objections, p.cells, p.row = os, app.ObjectionCells(os), -1
	p.table.UnselectAll()
	p.table.Refresh()
	setEnabled(p.editObj, false)
}

// openObjection registers or edits one objection.
func (p *publicityDialog) openObjection(d app.ObjectionDraft) {
	f := newForm()
	received := f.newEntry("ReceivedOn", "如 2020-10-09", func() {})
	raisedBy := f.newEntry("RaisedBy", "姓名或单位；不愿署名的写“匿名”", func() {})
	content := f.newNotes("Content", func() {})
	handling := f.newNotes("Handling", func() {})
	handledOn := f.newEntry("HandledOn", "处理后填写", func() {})
	f.add("ReceivedOn", "收到日期", received)
	f.add("RaisedBy", "异议人", raisedBy)
	f.add("Content", "异议内容", content)
	f.add("Handling", "处理情况", handling)
	f.add("HandledOn", "处理日期", handledOn)
	f.load(func() {
		received.SetText(d.ReceivedOn)
		raisedBy.SetText(d.RaisedBy)
		content.SetText(d.Content)
		handling.SetText(d.Handling)
		handledOn.SetText(d.HandledOn)
	})
	formDialog("异议", "保存", f, p.s.win, func() error {
		d.ReceivedOn, d.RaisedBy, d.Content, d.Handling, d.HandledOn = received.Text, raisedBy.Text, content.Text, handling.Text, handledOn.Text
		_, err := p.s.svc.SaveObjection(d)
		if err == nil {
			p.loadObjections()
		}
		return err
	}).Show()
}

// export makes a document of the round as saved and asks where to write it.
func (p *publicityDialog) export(build func(*app.Service, uint) (report.Document, error), name, format string) {
	doc, err := build(p.s.svc, p.s.round.ID)
	if err != nil {
		showError(err, p.s.win)
		return
	}
	saveAs(p.s.win, p.s.round.Title+name+"."+format, func(path string) {
		exportTo(p.s.win, path, func(w io.Writer) error { return reports.Write(w, doc, format) })
	})
}

func columnsOf(titles []string, widths ...float64) []report.Column {
	var cols []report.Column
	for i, t := range titles {
		c := report.Column{Title: t}
		if i < len(widths) {
			c.Width = widths[i]
		}
		cols = append(cols, c)
	}
	return cols
}
