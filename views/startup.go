package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
)

// ShowStartupError explains in a window of its own why the data file in dir
// could not be opened, and runs the app until the teacher closes it.
func ShowStartupError(a fyne.App, dir string, err error) {
	w := a.NewWindow(Title)
	msg := widget.NewLabel(app.Message(err))
	msg.Wrapping = fyne.TextWrapWord
	where := widget.NewLabel(fmt.Sprintf("数据文件夹：%s", dir))
	where.Wrapping = fyne.TextWrapBreak
	title := widget.NewLabel("无法打开数据文件")
	title.TextStyle = fyne.TextStyle{Bold: true}
	quit := widget.NewButton("退出", a.Quit)
	w.SetContent(container.NewPadded(container.NewVBox(title, msg, where, container.NewHBox(quit))))
	w.Resize(fyne.NewSize(560, 240))
	w.ShowAndRun()
}
