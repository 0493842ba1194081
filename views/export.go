package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"tuanxue/app/report"
)

// exportXLSX asks where to save and writes the table that build makes,
// off the UI thread; a large roster takes a moment.
func exportXLSX(win fyne.Window, name string, build func() (report.Table, error)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		progress := dialog.NewCustomWithoutButtons("正在导出…", widgetInfinite(), win)
		progress.Show()
		inBackground(func() {
			var t report.Table
			if t, err = build(); err == nil {
				err = report.WriteXLSX(w, t)
			}
			if cerr := w.Close(); err == nil {
				err = cerr
			}
		}, func() {
			progress.Hide()
			if err != nil {
				showError(err, win)
				return
			}
			dialog.ShowInformation("导出完成", "已保存到：\n"+w.URI().Path(), win)
		})
	}, win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.SetConfirmText("保存")
	d.SetDismissText("取消")
	d.Show()
}
