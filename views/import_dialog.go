package views

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/importer"
	"tuanxue/app/report"
)

var previewColumns = []report.Column{{Title: "行号", Width: 2}, {Title: "学号", Width: 6}, {Title: "姓名", Width: 4},
	{Title: "所属组织", Width: 9}, {Title: "部门", Width: 4}, {Title: "职务", Width: 4}, {Title: "检查结果", Width: 36}}

// chooseImport asks for a roster file and previews it.
func (s *rosterScreen) chooseImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		s.previewFile(path)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv", ".XLSX", ".CSV"}))
	d.SetConfirmText("打开")
	d.SetDismissText("取消")
	d.Show()
}

// previewFile reads and checks a roster off the UI thread, then shows what
// importing it would do. Nothing is written yet.
func (s *rosterScreen) previewFile(path string) {
	progress := dialog.NewCustomWithoutButtons("正在检查名册…", widgetInfinite(), s.win)
	progress.Show()
	var plan *importer.Plan
	var err error
	inBackground(func() {
		err = app.Guard(dataFolder, func() error {
			table, err := importer.ReadFile(path)
			if err == nil {
				plan, err = importer.Make(s.svc, table, importer.Options{CreateMissing: true})
			}
			return err
		})
	}, func() {
		progress.Hide()
		if err != nil {
			dialog.ShowInformation("不能导入这个文件", err.Error(), s.win)
			return
		}
		s.showPreview(plan)
	})
}

// showPreview lists every row with its problems and asks to confirm.
func (s *rosterScreen) showPreview(plan *importer.Plan) *dialog.CustomDialog {
	c := plan.Counts()
	summary := widget.NewLabel(fmt.Sprintf("共 %d 行：可导入 %d 行（新增 %d 人，更新 %d 人，新任职 %d 项），有问题 %d 行。确认后才会写入。",
		c.Rows, c.Good, c.NewPeople, c.Updated, c.Appointments, c.Rejected))
	summary.Wrapping = fyne.TextWrapWord
	var created []string
	for _, n := range plan.NewOrgs {
		created = append(created, fmt.Sprintf("组织“%s”（%s）", n.Name, app.TextOf(app.OrgKinds, n.Kind)))
	}
	for _, d := range plan.NewDepts {
		created = append(created, fmt.Sprintf("部门“%s / %s”", d.Org, d.Name))
	}
	top := container.NewVBox(summary)
	if len(created) > 0 {
		l := widget.NewLabel("将新建：" + strings.Join(created, "、"))
		l.Wrapping = fyne.TextWrapWord
		top.Add(l)
	}
	table := newListTable(previewColumns, func() int { return len(plan.Rows) }, func(row, col int) (string, bool) {
		r := plan.Rows[row]
		cells := []string{strconv.Itoa(r.Line), r.Person.StudentNo, r.Person.Name, r.OrgName, r.DeptName, postOf(r), outcome(r)}
		return cells[col], !r.OK()
	})

	// The whole reason of the row clicked, which the table may cut short.
	detail := widget.NewLabel("点击一行可查看完整的检查结果。")
	detail.Wrapping = fyne.TextWrapWord
	table.OnSelected = func(id widget.TableCellID) {
		r := plan.Rows[id.Row]
		detail.SetText(fmt.Sprintf("第 %d 行：%s", r.Line, outcome(r)))
	}

	var d *dialog.CustomDialog
	confirmButton := widget.NewButton(fmt.Sprintf("确认导入 %d 行", c.Good), func() {
		d.Hide()
		s.apply(plan)
	})
	confirmButton.Importance = widget.HighImportance
	setEnabled(confirmButton, c.Good > 0)
	saveRejected := widget.NewButton("保存问题行…", func() { saveRejectedRows(plan, s.win) })
	setEnabled(saveRejected, c.Rejected > 0)
	d = dialog.NewCustomWithoutButtons("导入名册：检查结果", container.NewBorder(top, detail, nil, nil, table), s.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("取消", func() { d.Hide() }), saveRejected, confirmButton})
	d.Resize(fyne.NewSize(min(s.win.Canvas().Size().Width-40, 1100), min(s.win.Canvas().Size().Height-40, 680)))
	d.Show()
	return d
}

func postOf(r importer.PlannedRow) string {
	if r.Appointment != nil {
		return r.Appointment.Post
	}
	return ""
}

func outcome(r importer.PlannedRow) string {
	switch {
	case !r.OK():
		return r.Reasons()
	case !r.Existing:
		return "新增"
	case r.Changed:
		return "更新信息"
	case r.Appointment != nil:
		return "新任职"
	}
	return "已在册，无变化"
}

// apply writes the plan off the UI thread and reports the result.
func (s *rosterScreen) apply(plan *importer.Plan) {
	progress := dialog.NewCustomWithoutButtons("正在导入…", widgetInfinite(), s.win)
	progress.Show()
	var c importer.Counts
	var err error
	inBackground(func() {
		// A panic rolls the import's transaction back: nothing is half saved.
		err = app.Guard(dataFolder, func() (err error) { c, err = importer.Apply(s.svc, plan); return err })
	}, func() {
		progress.Hide()
		if err != nil {
			showError(err, s.win)
			return
		}
		dialog.ShowInformation("导入完成", fmt.Sprintf("已导入 %d 行：新增 %d 人，更新 %d 人，新任职 %d 项。导入前的数据已自动备份。",
			c.Good, c.NewPeople, c.Updated, c.Appointments), s.win)
		s.refresh()
	})
}

// saveRejectedRows saves the rejected rows with their reasons, for the
// teacher to correct and import again.
func saveRejectedRows(plan *importer.Plan, win fyne.Window) {
	saveAs(win, "名册问题行.xlsx", func(path string) { exportTo(win, path, plan.WriteRejected) })
}
