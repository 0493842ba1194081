package views

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

// ServerLogin is what the start needs to reach a shared database.
type ServerLogin struct {
	Workspace *app.Workspace               // the folder, on its server
	Remember  func(password string) error  // keeps the password in the keychain; nil: cannot
	UseFile   func() error                 // switches this folder back to its data file
	Opened    func(svc *app.Service) error // shows the main window
}

// ConnectToServer opens the shared database. When it cannot (no password
// yet, a wrong one, the server down), a window says why and asks for the
// password, to try again, go back to the data file, or quit.
func ConnectToServer(a fyne.App, l ServerLogin) {
	// First with what the start has: the keychain's password, the URL's,
	// PGPASSWORD, or none if the server asks for none.
	ws := l.Workspace
	svc, tried := ws.OpenServer("")
	if tried == nil {
		if tried = l.Opened(svc); tried == nil {
			return
		}
		ws.CloseStore()
	}
	w := a.NewWindow(Title + " — 连接共享数据库")
	title := widget.NewLabel("连接共享数据库")
	title.TextStyle = fyne.TextStyle{Bold: true}
	server := widget.NewLabel("服务器：" + ws.ServerShown())
	server.Wrapping = fyne.TextWrapBreak
	msg := widget.NewLabel("请输入数据库密码。")
	msg.Wrapping = fyne.TextWrapWord
	password := widget.NewPasswordEntry()
	password.SetPlaceHolder("数据库密码（由学校信息中心提供）")
	remember := widget.NewCheck("在本机钥匙串中记住密码（不写入任何文件）", nil)
	remember.SetChecked(l.Remember != nil)
	if l.Remember == nil {
		remember.Disable()
	}
	var connect *widget.Button
	connect = widget.NewButton("连接", func() {
		typed := password.Text
		connect.Disable()
		msg.SetText("正在连接……")
		var svc *app.Service
		var err error
		inBackground(func() {
			err = app.Guard(ws.Dir(), func() (err error) { svc, err = ws.OpenServer(typed); return err })
		}, func() {
			connect.Enable()
			if err != nil {
				msg.SetText(app.Message(err))
				return
			}
			note := ""
			if remember.Checked && l.Remember != nil {
				if rerr := l.Remember(typed); rerr != nil {
					note = "本机没有可用的钥匙串，密码没有保存，下次启动时还要输入。"
				}
			}
			if err := l.Opened(svc); err != nil {
				ws.CloseStore()
				msg.SetText(app.Message(err))
				return
			}
			w.Close()
			if note != "" {
				showNote(a, note)
			}
		})
	})
	connect.Importance = widget.HighImportance
	password.OnSubmitted = func(string) { connect.OnTapped() }
	useFile := widget.NewButton("改用本机数据文件", func() {
		if err := l.UseFile(); err != nil {
			msg.SetText(app.Message(err))
			return
		}
		msg.SetText("已改回本机数据文件。请关闭后重新打开程序。")
		connect.Disable()
	})
	if l.UseFile == nil {
		useFile.Hide()
	}
	if !errors.Is(tried, data.ErrLogin) || ws.ServerPasswordKnown() {
		msg.SetText(app.Message(tried)) // not just a password not given yet: say why
	}
	w.SetContent(container.NewPadded(container.NewVBox(title, server, password, remember, msg,
		container.NewHBox(connect, useFile, widget.NewButton("退出", a.Quit)))))
	w.Resize(fyne.NewSize(620, 300))
	w.Canvas().Focus(password)
	w.Show()
}

// showNote shows a message in a small window of its own.
func showNote(a fyne.App, text string) {
	w := a.NewWindow(Title)
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewPadded(container.NewVBox(l, widget.NewButton("知道了", w.Close))))
	w.Resize(fyne.NewSize(420, 140))
	w.Show()
}
