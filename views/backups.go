package views

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
)

// backupCard is 备份与恢复 in settings: the latest automatic backups, a
// backup to any folder (a USB stick) and a restore from a backup file.
func (s *settingsScreen) backupCard() fyne.CanvasObject {
	list := widget.NewLabel("")
	list.Wrapping = fyne.TextWrapWord
	refresh := func() {
		backups, err := s.svc.Backups()
		if err != nil || len(backups) == 0 {
			list.SetText("还没有自动备份。")
			return
		}
		text := fmt.Sprintf("共 %d 个自动备份，最近的：", len(backups))
		for i, b := range backups[:min(3, len(backups))] {
			if i > 0 {
				text += "；"
			}
			text += fmt.Sprintf("%s（%s，%d KB）", filepath.Base(b.Path), b.ModTime.Format("2006-01-02 15:04"), b.Size>>10)
		}
		list.SetText(text)
	}
	backupTo := widget.NewButton("备份到…", func() {
		openFolderFor(s.win, purposeBackups, "选择备份到的文件夹（如 U 盘）", "备份到这里", func(dir string) {
			path := filepath.Join(dir, "团学台账备份-"+time.Now().Format("20060102-150405")+".db")
			if _, err := s.svc.Workspace().BackupTo(path, false); err != nil {
				showError(err, s.win)
				return
			}
			dialog.ShowInformation("备份完成", "已备份到：\n"+path, s.win)
		})
	})
	restoreFrom := widget.NewButton("从备份恢复…", func() {
		openFileFor(s.win, purposeBackups, "选择要恢复的备份文件", []string{".db"}, s.confirmRestore)
	})
	refresh()
	box := container.NewVBox(list, container.NewHBox(backupTo, restoreFrom))
	if s.svc.OnServer() {
		// Other offices work on the same records: replacing all of them
		// from one computer would throw their work away.
		restoreFrom.Disable()
		note := widget.NewLabel("现在使用共享数据库：这里的备份是服务器上全部记录的一份快照，存为本机数据文件。" +
			"共享数据库不能在这里整体恢复，以免覆盖其他老师的工作；需要时请学校信息中心用服务器的备份恢复，" +
			"或用命令 tuanxue db copy 把备份复制到一个空数据库。")
		note.Wrapping = fyne.TextWrapWord
		box.Add(note)
	}
	return widget.NewCard("备份与恢复", "每天第一次打开程序时自动备份到数据文件夹的 backups 中（保留 7 天和 4 周）；导入、升级和恢复之前也会先备份。", box)
}

// confirmRestore replaces the data with a backup after asking; the program
// then starts again by itself, since every screen showed the data that was
// replaced (and the store stays closed after a restore, done or not).
func (s *settingsScreen) confirmRestore(path string) {
	ws := s.svc.Workspace()
	if err := ws.CheckBackup(path); err != nil {
		showError(err, s.win)
		return
	}
	confirm("从备份恢复", "确定用这个备份替换现在的全部数据吗？\n"+path+"\n\n现在的数据文件会先另存到 backups 文件夹，恢复后程序会重新打开。", "恢复", s.win, func() {
		kept, err := ws.Restore(path)
		msg := "已从备份恢复。原来的数据文件另存为：\n" + kept + "\n\n程序将重新打开，显示恢复后的记录。"
		if err != nil {
			msg = "恢复没有完成，数据文件保持原样：" + app.Message(err) + "\n\n程序将重新打开。"
		}
		text := widget.NewLabel(msg)
		text.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustom("从备份恢复", "重新打开", text, s.win)
		d.Resize(fyne.NewSize(520, text.MinSize().Height+160))
		d.SetOnClosed(func() {
			ws.Close() // the folder's lock goes, or the new program would stop
			if err := relaunch(); err != nil {
				info := dialog.NewInformation("请重新打开程序", "程序没能自己重新打开（"+app.Message(err)+"），请关闭后再打开它。", s.win)
				info.SetOnClosed(fyne.CurrentApp().Quit)
				info.Show()
				return
			}
			fyne.CurrentApp().Quit()
		})
		d.Show()
	})
}

// relaunch starts the program again with the command line it was started
// with; this one then quits.
var relaunch = func() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Start()
}

// operatorCard names who makes the changes, for the operation log; the
// function it returns saves the name if it was changed.
func (s *settingsScreen) operatorCard() (fyne.CanvasObject, func() bool) {
	name := widget.NewEntry()
	name.SetPlaceHolder("默认为电脑的用户名")
	name.SetText(s.svc.Operator())
	s.operator = name
	msg := errorLabel()
	save := func() bool {
		if name.Text == s.svc.Operator() {
			return true
		}
		if err := s.svc.SetOperator(name.Text); err != nil {
			setMessage(msg, app.Message(err))
			return false
		}
		setMessage(msg, "")
		return true
	}
	return widget.NewCard("操作人", "操作日志中记下的名字。", container.NewVBox(name, msg)), save
}
