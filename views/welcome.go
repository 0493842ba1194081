package views

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2/dialog"

	"tuanxue/app"
)

// OfferSample asks, on the first start with an empty data file, whether to
// load the sample college, and records the answer so it is asked once.
func (w *MainWindow) OfferSample() {
	offer, err := w.svc.ShouldOfferSample()
	if err != nil || !offer {
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
	w.OfferSample()
	if warning := app.RiskyLocation(filepath.Dir(w.svc.Store().Path())); warning != "" {
		dialog.ShowInformation("数据文件夹的位置不安全", warning, w.Win)
	}
	var err error
	inBackground(func() { err = w.svc.AutoBackup() }, func() {
		if err != nil {
			showError(fmt.Errorf("今天的自动备份没有完成：%w", err), w.Win)
		}
	})
}
