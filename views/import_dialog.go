package views

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/importer"
	"tuanxue/app/report"
)

var previewColumns = []report.Column{{Title: "行号", Width: 2}, {Title: "学号", Width: 8}, {Title: "姓名", Width: 4},
	{Title: "所属组织", Width: 9}, {Title: "部门", Width: 4}, {Title: "职务", Width: 4}, {Title: "结果", Width: 4},
	{Title: "检查结果", Width: 32}}

// chooseImport asks for a roster file and previews it.
func (s *rosterScreen) chooseImport() {
	openFileFor(s.win, purposeRosters, "选择学生骨干名册", []string{".xlsx", ".csv", ".XLSX", ".CSV"}, s.previewFile)
}

// previewFile reads and checks a roster off the UI thread, then shows what
// importing it would do. Nothing is written yet. Organizations the file
// names that may be ones on record wait for the teacher's choice.
func (s *rosterScreen) previewFile(path string) {
	progress := showProgress(s.win, "检查名册", "正在读取 "+filepath.Base(path)+" …", "取消")
	// The counts as the check goes; the check stops at the next few hundred
	// rows once 取消 is pressed. Nothing is written before 确认导入.
	tell := func(checked, total int) bool {
		return progress.tell(fmt.Sprintf("正在逐行检查：%d / %d 行", checked, total), int64(checked), int64(total))
	}
	var plan *importer.Plan
	var err error
	inBackground(func() {
		err = app.Guard(dataFolder, func() error {
			table, err := importer.ReadFile(path)
			if err == nil && !progress.Stopped() {
				plan, err = importer.Make(s.svc, table, importer.Options{CreateMissing: true, AskSimilar: true, Progress: tell})
			}
			return err
		})
	}, func() {
		progress.hide()
		if progress.Stopped() {
			return
		}
		if err != nil {
			msg := err.Error()
			if !importer.Refused(err) { // the store's, perhaps in English
				msg = app.Message(err)
			}
			dialog.ShowInformation("不能导入这个文件", msg, s.win)
			return
		}
		s.showPreview(plan)
	})
}

// importPreview is the window's 导入名册 check: what the reader left out,
// a choice for each organization the program does not know, every row
// with its errors and warnings, and the buttons. A choice plans the file
// again; nothing is written before 确认导入.
type importPreview struct {
	svc  *app.Service
	win  fyne.Window
	plan *importer.Plan

	summary  *widget.Label
	notices  *widget.Label
	unknowns *fyne.Container
	onlyBad  *widget.Check
	shown    []int // the rows of the plan the table shows
	table    *widget.Table
	detail   *widget.Label
	confirm  *widget.Button
	rejected *widget.Button
	dialog   *dialog.CustomDialog
	apply    func(*importer.Plan)
	// wantOther marks names whose answer is 对应其他已有组织 while the
	// organization is not picked yet.
	wantOther map[string]bool
}

// showPreview lists every row with its problems and asks to confirm.
func (s *rosterScreen) showPreview(plan *importer.Plan) *dialog.CustomDialog {
	p := &importPreview{svc: s.svc, win: s.win, plan: plan, apply: s.apply, wantOther: map[string]bool{}}
	p.build()
	return p.dialog
}

func (p *importPreview) build() {
	p.summary = wrapped("")
	p.notices = wrapped("")
	p.notices.Importance = widget.WarningImportance
	p.unknowns = container.NewVBox()
	p.onlyBad = widget.NewCheck("只看问题行", func(bool) { p.refreshRows() })
	p.table = p.newTable()
	p.detail = wrapped("点击一行可查看完整的检查结果。")
	p.table.OnSelected = func(id widget.TableCellID) {
		if id.Row < len(p.shown) {
			p.detail.SetText(rowDetail(p.plan.Rows[p.shown[id.Row]]))
		}
	}
	p.confirm = widget.NewButton("", func() {
		p.dialog.Hide()
		p.apply(p.plan)
	})
	p.confirm.Importance = widget.HighImportance
	p.rejected = widget.NewButton("保存问题行…", func() { saveRejectedRows(p.plan, p.win) })

	unknownScroll := container.NewVScroll(p.unknowns)
	top := container.NewVBox(p.summary, p.notices, unknownScroll, p.onlyBad)
	// The whole check of the row clicked, which the table may cut short,
	// in a space of its own so a long one scrolls rather than grows.
	detail := container.NewVScroll(p.detail)
	detail.SetMinSize(fyne.NewSize(0, 84))
	p.dialog = dialog.NewCustomWithoutButtons("导入名册：检查结果", container.NewBorder(top, detail, nil, nil, p.table), p.win)
	p.dialog.SetButtons([]fyne.CanvasObject{widget.NewButton("取消", func() { p.dialog.Hide() }), p.rejected, p.confirm})
	p.refresh()
	if n := len(p.plan.Unknowns); n > 0 {
		unknownScroll.SetMinSize(fyne.NewSize(0, min(float32(n+1)*44, 220)))
	}
	size := p.win.Canvas().Size()
	p.dialog.Resize(fyne.NewSize(min(size.Width-40, 1100), min(size.Height-40, 720)))
	p.dialog.Show()
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// refresh shows the current plan.
func (p *importPreview) refresh() {
	c := p.plan.Counts()
	text := fmt.Sprintf("共 %d 行：可导入 %d 行（新增 %d 人，更新 %d 人，新任职 %d 项），有问题 %d 行",
		c.Rows, c.Good, c.NewPeople, c.Updated, c.Appointments, c.Rejected)
	if c.Warned > 0 {
		text += fmt.Sprintf("；可导入的行中有 %d 行带提醒", c.Warned)
	}
	text += "。确认后才会写入。"
	if created := p.created(); created != "" {
		text += "\n将新建：" + created
	}
	p.summary.SetText(text)
	notes := append([]string(nil), p.plan.Notices...)
	if len(p.plan.Ignored) > 0 {
		cols := make([]string, len(p.plan.Ignored))
		for i, h := range p.plan.Ignored {
			cols[i] = importer.Printable(h)
		}
		notes = append(notes, "未使用的列："+strings.Join(cols, "、"))
	}
	p.notices.SetText("")
	if len(notes) > 0 {
		p.notices.SetText("读取文件时请注意：\n" + strings.Join(notes, "\n"))
	}
	p.notices.Hidden = len(notes) == 0
	p.showUnknowns()
	p.confirm.SetText(fmt.Sprintf("确认导入 %d 行", c.Good))
	setEnabled(p.confirm, c.Good > 0)
	setEnabled(p.rejected, c.Rejected > 0)
	p.refreshRows()
}

func (p *importPreview) created() string {
	var out []string
	for _, n := range p.plan.NewOrgs {
		out = append(out, fmt.Sprintf("组织%s（%s）", importer.Quote(n.Name), app.TextOf(app.OrgKinds, n.Kind)))
	}
	for _, d := range p.plan.NewDepts {
		out = append(out, fmt.Sprintf("部门“%s / %s”", importer.Printable(d.Org), importer.Printable(d.Name)))
	}
	return strings.Join(out, "、")
}

// refreshRows lists the rows the filter keeps: all, or only those
// refused or imported with a warning.
func (p *importPreview) refreshRows() {
	p.shown = p.shown[:0]
	for i, r := range p.plan.Rows {
		if !p.onlyBad.Checked || !r.OK() || len(r.Warnings) > 0 {
			p.shown = append(p.shown, i)
		}
	}
	p.table.UnselectAll()
	p.table.Refresh()
}

// newTable lists the rows: refused ones in red, those with warnings in
// the warning colour.
func (p *importPreview) newTable() *widget.Table {
	t := newListTable(previewColumns, func() int { return len(p.shown) }, func(int, int) (string, bool) { return "", false })
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Row >= len(p.shown) {
			l.SetText("")
			return
		}
		r := p.plan.Rows[p.shown[id.Row]]
		l.Importance = widget.MediumImportance
		switch {
		case !r.OK():
			l.Importance = widget.DangerImportance
		case len(r.Warnings) > 0:
			l.Importance = widget.WarningImportance
		}
		l.SetText(previewCells(p.plan, r)[id.Col])
	}
	return t
}

// previewCells shows a row as planned, or as the file gives it where the
// plan could not make it out.
func previewCells(plan *importer.Plan, r importer.PlannedRow) []string {
	or := func(planned string, c importer.Column) string {
		if planned == "" && !r.OK() {
			planned = plan.Cell(r, c)
		}
		return importer.Printable(planned)
	}
	post := plan.Cell(r, importer.ColPost)
	if r.Appointment != nil {
		post = r.Appointment.Post
	}
	return []string{strconv.Itoa(r.Line), or(r.Person.StudentNo, importer.ColStudentNo), or(r.Person.Name, importer.ColName),
		or(r.OrgName, importer.ColOrg), or(r.DeptName, importer.ColDept), or(post, importer.ColPost), verdict(r), outcome(r)}
}

// verdict is a row's class: 拒绝, 提醒 or 可导入.
func verdict(r importer.PlannedRow) string {
	switch {
	case !r.OK():
		return "拒绝"
	case len(r.Warnings) > 0:
		return "提醒"
	}
	return "可导入"
}

func outcome(r importer.PlannedRow) string {
	var what string
	switch {
	case !r.OK():
		return r.Reasons()
	case !r.Existing:
		what = "新增"
	case r.Changed:
		what = "更新信息"
	case r.Appointment != nil:
		what = "新任职"
	default:
		what = "已在册，无变化"
	}
	if len(r.Warnings) > 0 {
		what += "；提醒：" + r.Notes()
	}
	return what
}

// rowDetail is the whole check of a row, which the table may cut short.
func rowDetail(r importer.PlannedRow) string {
	text := fmt.Sprintf("第 %d 行：%s", r.Line, verdict(r))
	if !r.OK() {
		text += "\n问题：" + r.Reasons()
	}
	if len(r.Warnings) > 0 {
		text += "\n提醒：" + r.Notes()
	}
	if r.OK() {
		text += "\n" + strings.SplitN(outcome(r), "；", 2)[0]
	}
	return text
}

// apply writes the plan off the UI thread and reports the result.
func (s *rosterScreen) apply(plan *importer.Plan) {
	// One transaction: all the rows or none, so no 取消 once it has begun.
	progress := dialog.NewCustomWithoutButtons("正在导入…", container.NewVBox(
		widget.NewLabel(fmt.Sprintf("正在写入 %d 行。全部写入后才算完成，中途出错则一行也不写。", plan.Counts().Good)),
		widgetInfinite()), s.win)
	progress.Show()
	var c importer.Counts
	var err error
	changes := plan.Changes()
	inBackground(func() {
		// A panic rolls the import's transaction back: nothing is half saved.
		err = app.Guard(dataFolder, func() (err error) { c, err = importer.Apply(s.svc, plan); return err })
	}, func() {
		progress.Hide()
		if err != nil {
			showError(err, s.win)
			return
		}
		msg := fmt.Sprintf("已导入 %d 行：新增 %d 人，更新 %d 人，新任职 %d 项。导入前的数据已自动备份。",
			c.Good, c.NewPeople, c.Updated, c.Appointments)
		if !changes {
			msg = fmt.Sprintf("名册的 %d 行都已在册，没有任何改动。", c.Good)
		}
		if c.Warned > 0 {
			msg += fmt.Sprintf("其中 %d 行带提醒，见检查结果。", c.Warned)
		}
		dialog.ShowInformation("导入完成", msg, s.win)
		s.refresh()
	})
}

// saveRejectedRows saves the rejected rows with their reasons, for the
// teacher to correct and import again.
func saveRejectedRows(plan *importer.Plan, win fyne.Window) {
	saveAs(win, "名册问题行.xlsx", func(path string) { exportTo(win, path, plan.WriteRejected) })
}
