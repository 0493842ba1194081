package views

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"tuanxue/app"
)

// OfferSample asks, on the first start with an empty data file, whether to
// load the sample college, and records the answer so it is asked once.
func (w *MainWindow) OfferSample() {
	offer, err := w.svc.ShouldOfferSample()
	if err != nil || !offer {
		w.askSchool() // a blank start left without naming the school
		return
	}
	d := dialog.NewConfirm("欢迎使用团学台账",
		"数据文件还是空的。\n\n要先载入一所示例学院看看吗？它按自评报告中的学院搭建：\n"+
			"校团委，校学生会（6 个工作部门），3 个二级学院的团委和学生会，\n学生社团联合会和几个社团。"+
			"\n\n示例中的人名和电话都是虚构的，以后可以删除。",
		func(load bool) {
			if err := w.svc.SampleOffered(); err != nil {
				showError(err, w.Win)
				return
			}
			if !load {
				w.askSchool()
				return
			}
			if err := w.svc.LoadSample(); err != nil {
				showError(err, w.Win)
				return
			}
			w.refreshAll()
		}, w.Win)
	d.SetConfirmText("载入示例学院")
	d.SetDismissText("从空白开始")
	d.Show()
}

// refreshAll rebuilds every screen after data changed underneath them.
func (w *MainWindow) refreshAll() {
	for _, item := range w.items {
		item.view = nil
	}
	w.show(0)
	w.nav.Select(0)
}

// Started runs once the window is up: the first-run offer, a warning about
// a risky data folder, and the day's automatic backup in the background.
func (w *MainWindow) Started() {
	if w.svc.ReadOnly() {
		w.offerRestore()
		return
	}
	w.OfferSample()
	if warning := app.RiskyLocation(w.svc.DataDir()); warning != "" && !w.svc.OnServer() {
		dialog.ShowInformation("数据文件夹的位置不安全", warning, w.Win)
	}
	var err error
	inBackground(func() { err = app.Guard(w.svc.DataDir(), w.svc.AutoBackup) }, func() {
		if err != nil {
			showError(fmt.Errorf("今天的自动备份没有完成：%w", err), w.Win)
		}
	})
}

// offerRestore tells that the data file is damaged and open read-only, and
// offers the newest good backup.
func (w *MainWindow) offerRestore() {
	ws := w.svc.Workspace()
	good := ws.NewestGoodBackup()
	msg := "数据文件已损坏，现在以只读方式打开：可以查看和导出还能读出的记录，不能修改。"
	if good == "" {
		dialog.ShowInformation("数据文件已损坏", msg+"\n\n没有找到完好的自动备份；如有手动备份，请在“系统设置 → 备份与恢复”中恢复。", w.Win)
		return
	}
	d := dialog.NewConfirm("数据文件已损坏", msg+"\n\n最近一个完好的备份："+filepath.Base(good)+"\n要用它恢复吗？损坏的文件会另存到 backups 文件夹。", func(ok bool) {
		if !ok {
			return
		}
		kept, err := ws.Restore(good)
		text := "已恢复。损坏的文件另存为 " + filepath.Base(kept) + "。程序将关闭，请重新打开。"
		if err != nil {
			text = "恢复没有完成：" + app.Message(err)
		}
		info := dialog.NewInformation("从备份恢复", text, w.Win)
		info.SetOnClosed(fyne.CurrentApp().Quit)
		info.Show()
	}, w.Win)
	d.SetConfirmText("用备份恢复")
	d.SetDismissText("先只读查看")
	d.Show()
}
