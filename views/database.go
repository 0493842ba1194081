package views

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

const (
	choiceFile   = "本机数据文件"
	choiceServer = "共享数据库服务器（PostgreSQL）"
)

// databaseCard is 数据库 in settings: where the records are now, and the
// choice between the data file and a shared server for the next start,
// with a connection test and the copy of this computer's records onto an
// empty server.
type databaseCard struct {
	svc    *app.Service
	win    fyne.Window
	choice *widget.RadioGroup
	server struct{ host, port, database, user *widget.Entry }
	form   *form
	status *widget.Label // what a save, test or copy came to
	card   *widget.Card
}

func newDatabaseCard(svc *app.Service, win fyne.Window) *databaseCard {
	s := &databaseCard{svc: svc, win: win}
	dir := s.svc.DataDir()
	now := "现在使用：本机数据文件 " + s.svc.Location()
	if s.svc.OnServer() {
		now = "现在使用：共享数据库 " + s.svc.Location()
	}
	current := widget.NewLabel(now)
	current.Wrapping = fyne.TextWrapBreak
	open := widget.NewButton("打开数据文件夹", func() {
		if openFile(dir) != nil {
			showOpenFailed("文件夹", s.win)
		}
	})
	box := container.NewVBox(current, container.NewHBox(open))
	if offices := officesButton(s.svc, s.win); offices != nil {
		box.Add(offices)
	}
	if warning := app.RiskyLocation(dir); warning != "" && !s.svc.OnServer() {
		l := widget.NewLabel(warning)
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}

	conn, err := app.LoadConnection(dir)
	if err != nil {
		showError(err, s.win)
	}
	f := newForm()
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	clear := func() { status.SetText("") }
	host := f.newEntry("Host", "如 192.168.1.20 或 db.xxx.edu.cn", clear)
	port := f.newEntry("Port", "5432", clear)
	database := f.newEntry("Database", "如 tuanxue", clear)
	user := f.newEntry("User", "数据库用户名", clear)
	password := widget.NewPasswordEntry()
	password.SetPlaceHolder("不改动请留空；保存在本机钥匙串，不写入文件")
	s.server.host, s.server.port, s.server.database, s.server.user = host, port, database, user
	f.add("Host", "服务器地址", host)
	f.add("Port", "端口", port)
	f.add("Database", "数据库名", database)
	f.add("User", "用户名", user)
	f.add("Password", "密码", password)
	f.load(func() {
		host.SetText(conn.Host)
		if conn.Port != 0 {
			port.SetText(strconv.Itoa(conn.Port))
		}
		database.SetText(conn.Database)
		user.SetText(conn.User)
	})
	draft := func(server bool) app.Connection {
		p, _ := strconv.Atoi(strings.TrimSpace(port.Text))
		if strings.TrimSpace(port.Text) == "" {
			p = 5432
		}
		return app.Connection{Server: server, Host: strings.TrimSpace(host.Text), Port: p,
			Database: strings.TrimSpace(database.Text), User: strings.TrimSpace(user.Text)}
	}
	// checked is the server as typed, or false after showing what is wrong.
	checked := func() (app.Connection, bool) {
		c := draft(true)
		if err := app.CheckConnection(c); err != nil {
			f.showSaveError(err, s.win)
			return c, false
		}
		f.show(nil)
		return c, true
	}
	serverForm := container.NewVBox(f.object())

	test := widget.NewButton("测试连接", func() {
		c, ok := checked()
		if !ok {
			return
		}
		status.SetText("正在连接……")
		var text string
		var err error
		inBackground(func() {
			err = app.Guard(dir, func() (err error) { text, err = app.ProbeServer(c.Config(dir, password.Text)); return err })
		}, func() {
			if err != nil {
				text = app.Message(err)
			}
			status.SetText(text)
		})
	})
	copyUp := widget.NewButton("把本机数据复制到服务器…", func() {
		c, ok := checked()
		if !ok {
			return
		}
		confirm("复制到共享数据库", "把这台电脑数据文件中的全部记录（含回收站和操作日志）复制到\n"+c.URL()+"\n\n服务器上的数据库必须是空的；本机数据文件保持不变。", "复制", s.win, func() {
			s.copyToServer(c.Config(dir, password.Text), status)
		})
	})

	choice := widget.NewRadioGroup([]string{choiceFile, choiceServer}, func(v string) {
		clear()
		serverForm.Hidden = v != choiceServer
		test.Hidden, copyUp.Hidden = serverForm.Hidden, serverForm.Hidden
		serverForm.Refresh()
	})
	choice.Required = true
	save := widget.NewButton("保存数据库设置", func() {
		c := app.Connection{}
		if choice.Selected == choiceServer {
			var ok bool
			if c, ok = checked(); !ok {
				return
			}
		}
		err := app.SaveConnection(dir, c, password.Text)
		switch {
		case err == nil:
			status.SetText("已保存。重新打开程序后生效。")
		case errors.Is(err, app.ErrNoKeychain):
			status.SetText("服务器设置已保存；本机没有可用的钥匙串，密码没有保存，每次启动时会询问。重新打开程序后生效。")
		default:
			f.showSaveError(err, s.win)
		}
		password.SetText("")
	})
	save.Importance = widget.HighImportance
	if conn.Server {
		choice.SetSelected(choiceServer)
	} else {
		choice.SetSelected(choiceFile)
	}
	box.Add(widget.NewSeparator())
	box.Add(choice)
	box.Add(serverForm)
	box.Add(container.NewHBox(save, test, copyUp))
	box.Add(status)
	s.choice, s.form, s.status = choice, f, status
	about := widget.NewLabel("一位老师用一台电脑时，全部记录保存在本机数据文件里（请不要放在网盘同步文件夹中）。" +
		"校团委和各二级学院团委共用一套记录时，请学校信息中心提供一个 PostgreSQL 数据库，在这里填写；" +
		"各位老师的程序连到同一个数据库，看到和修改的是同一套记录。")
	about.Wrapping = fyne.TextWrapWord
	s.card = widget.NewCard("数据库", "记录保存在哪里", container.NewVBox(about, box))
	return s
}

// copyToServer copies this computer's records onto the server of cfg
// behind a dialog with the rows copied so far; 停止 leaves the server as it
// was, since the copy is one transaction. What it came to goes to status.
func (s *databaseCard) copyToServer(cfg data.Config, status *widget.Label) {
	progress := showProgress(s.win, "复制到共享数据库", "正在读取本机数据…", "停止")
	watch := func(copied, total int64) bool {
		return progress.tell(fmt.Sprintf("正在复制：%d / %d 行记录", copied, total), copied, total)
	}
	var rows int64
	var err error
	inBackground(func() {
		err = app.Guard(s.svc.DataDir(), func() (err error) { rows, err = s.svc.CopyToServer(cfg, watch); return err })
	}, func() {
		progress.hide()
		switch {
		case progress.Stopped():
			status.SetText(app.Message(data.ErrCopyStopped))
		case err != nil:
			status.SetText("没有复制：" + app.Message(err))
		default:
			status.SetText(fmt.Sprintf("已复制 %d 行记录，两边逐表核对一致。保存设置并重新打开程序后，就使用共享数据库。", rows))
		}
	})
}
