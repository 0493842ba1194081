package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
)

// askSchool asks for 学校名称 and 当前学期 while the school is not named:
// on a blank start they come before anything else, as every report's
// header and every list's default semester depend on them. 以后再说 opens
// 系统设置, where the same fields are.
func (w *MainWindow) askSchool() {
	st, err := w.svc.Settings()
	if err != nil || st.SchoolName != "" || w.svc.ReadOnly() {
		return
	}
	school := widget.NewEntry()
	school.SetPlaceHolder("如：潮汕职业技术学院")
	semesters := app.SemesterChoices(app.SemesterAt(w.svc.Today().Time()), st.Semester)
	labels := semesterLabels(semesters)
	semester := newChoice(labels, nil)
	semester.SetSelected(st.Semester.Label())
	msg := errorLabel()
	intro := widget.NewLabel("开始之前，请填写学校名称和当前学期：报表的表头写学校名称，各列表和报表默认显示当前学期的记录。以后可在“系统设置”中修改。")
	intro.Wrapping = fyne.TextWrapWord
	fields := widget.NewForm(widget.NewFormItem("学校名称", school), widget.NewFormItem("当前学期", semester))
	var d *dialog.CustomDialog
	save := widget.NewButton("保存", func() {
		draft := app.SettingsDraft{SchoolName: school.Text}
		if sem, ok := semesterLabeled(semesters, semester.Selected); ok {
			draft.Semester = sem.String()
		}
		if _, err := w.svc.SaveSettings(draft); err != nil {
			setMessage(msg, app.Message(err))
			return
		}
		d.Hide()
		w.refreshAll()
	})
	save.Importance = widget.HighImportance
	later := widget.NewButton("以后再说", func() {
		d.Hide()
		w.ShowModule("系统设置")
	})
	content := container.NewVBox(intro, fields, msg)
	d = dialog.NewCustomWithoutButtons("填写学校名称和当前学期", content, w.Win)
	d.SetButtons([]fyne.CanvasObject{later, save})
	d.Resize(fyne.NewSize(560, content.MinSize().Height+120))
	d.Show()
	w.Win.Canvas().Focus(school)
}
