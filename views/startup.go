package views

import (
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

// ShowStartupError explains in a window of its own why the records of ws
// could not be opened, and runs the app until the teacher closes it. A
// damaged file is offered its newest good backup; nothing is changed
// without the teacher's click.
func ShowStartupError(a fyne.App, ws *app.Workspace, err error) {
	dir := ws.Dir()
	w := a.NewWindow(Title)
	msg := widget.NewLabel(app.Message(err))
	msg.Wrapping = fyne.TextWrapWord
	where := widget.NewLabel(fmt.Sprintf("数据文件夹：%s", dir))
	where.Wrapping = fyne.TextWrapBreak
	title := widget.NewLabel("无法打开数据文件")
	title.TextStyle = fyne.TextStyle{Bold: true}
	box := container.NewVBox(title, msg, where)
	buttons := container.NewHBox(widget.NewButton("退出", a.Quit))
	if errors.Is(err, data.ErrDamaged) || errors.Is(err, data.ErrEmptyFile) {
		if good := ws.NewestGoodBackup(); good != "" {
			offer := widget.NewLabel("最近一个完好的备份：" + filepath.Base(good))
			restore := widget.NewButton("用这个备份恢复", func() {
				kept, err := ws.Restore(good)
				text := "已恢复。损坏的文件另存为 " + filepath.Base(kept) + "。请重新打开程序。"
				if err != nil {
					text = "恢复没有完成：" + app.Message(err)
				}
				msg.SetText(text)
				buttons.Objects = []fyne.CanvasObject{widget.NewButton("退出", a.Quit)}
				buttons.Refresh()
			})
			restore.Importance = widget.HighImportance
			box.Add(offer)
			buttons.Objects = append([]fyne.CanvasObject{restore}, buttons.Objects...)
		}
	}
	box.Add(buttons)
	w.SetContent(container.NewPadded(box))
	w.Resize(fyne.NewSize(600, 260))
	w.ShowAndRun()
}
