package views

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
)

// dataFolder is the data folder of the open records: no file the window
// writes may go over its own files (app.CheckOutput), and an internal error
// is logged in its crash.log.
var dataFolder string

// SetDataFolder tells the screens which data folder the records are in.
// main calls it before it opens the main window.
func SetDataFolder(dir string) { dataFolder = dir }

// saveDialog asks for the folder and the name of a file to write.
//
// Fyne's own save dialog is not used: it opens the chosen file for writing
// (and so empties it) before the program learns its name, and asks about
// replacing a file in English. This one touches nothing: the program
// checks the name (app.CheckOutput: never the data file, its journal, lock
// or backups) and asks in Chinese before a file is replaced.
type saveDialog struct {
	folder, name *widget.Entry
	form         *dialog.FormDialog
}

// saveAs shows the save dialog with a suggested file name; chosen gets the
// checked path once the teacher has agreed to everything.
func saveAs(win fyne.Window, name string, chosen func(path string)) *saveDialog {
	s := &saveDialog{folder: widget.NewEntry(), name: widget.NewEntry()}
	s.folder.SetText(startFolder())
	s.folder.Validator = func(t string) error {
		if strings.TrimSpace(t) == "" {
			return errors.New("请选择文件夹")
		}
		return nil
	}
	s.name.SetText(name)
	s.name.Validator = func(t string) error {
		if strings.TrimSpace(t) == "" {
			return errors.New("请填写文件名")
		}
		return nil
	}
	browse := widget.NewButton("浏览…", func() { chooseFolder(win, s.folder) })
	items := []*widget.FormItem{
		widget.NewFormItem("保存到文件夹", container.NewBorder(nil, nil, nil, browse, s.folder)),
		widget.NewFormItem("文件名", s.name),
	}
	ext := filepath.Ext(name)
	s.form = dialog.NewForm("保存为", "保存", "取消", items, func(ok bool) {
		if ok {
			s.chosen(win, withExt(strings.TrimSpace(s.name.Text), ext), chosen)
		}
	}, win)
	s.form.Resize(fyne.NewSize(640, 0))
	s.form.Show()
	return s
}

// chosen checks the path; an existing file is replaced only when the
// teacher says so.
func (s *saveDialog) chosen(win fyne.Window, name string, chosen func(string)) {
	folder := strings.TrimSpace(s.folder.Text)
	path := filepath.Join(folder, name)
	err := app.CheckOutput(dataFolder, path, false)
	switch {
	case app.NeedsReplace(err):
		confirm("文件已存在", fmt.Sprintf("“%s”已经存在。\n要用新导出的文件替换它吗？原来的文件将不再保留。", path), "替换", win, func() {
			if err := app.CheckOutput(dataFolder, path, true); err != nil {
				showError(err, win)
				return
			}
			rememberFolder(purposeExports, folder)
			chosen(path)
		})
	case err != nil:
		showError(err, win)
	default:
		rememberFolder(purposeExports, folder)
		chosen(path)
	}
}

// withExt adds the file type's extension when the name has another one.
func withExt(name, ext string) string {
	if ext == "" || strings.EqualFold(filepath.Ext(name), ext) {
		return name
	}
	return name + ext
}

// startFolder is the folder of the previous export on this computer, else
// 文档 (Documents), else home.
func startFolder() string {
	if dir := rememberedFolder(purposeExports); dir != "" {
		return dir
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	for _, d := range []string{"Documents", "文档"} {
		if st, err := os.Stat(filepath.Join(home, d)); err == nil && st.IsDir() {
			return filepath.Join(home, d)
		}
	}
	return home
}

// chooseFolder lets the teacher pick the folder in a browser, starting at
// the folder typed.
func chooseFolder(win fyne.Window, folder *widget.Entry) {
	if st, err := os.Stat(folder.Text); err == nil && st.IsDir() {
		rememberFolder(purposeExports, folder.Text)
	}
	openFolderFor(win, purposeExports, "选择保存到的文件夹", "选择", func(dir string) { folder.SetText(dir) })
}

// exportTo writes a file off the UI thread, behind a progress dialog,
// whole or not at all (app.WriteFile); a panic in write becomes the
// Chinese message and a line in crash.log, and the window stays.
func exportTo(win fyne.Window, path string, write func(io.Writer) error) {
	progress := dialog.NewCustomWithoutButtons("正在导出…", widgetInfinite(), win)
	progress.Show()
	var err error
	inBackground(func() {
		err = app.Guard(dataFolder, func() error { return app.WriteFile(path, write) })
	}, func() {
		progress.Hide()
		if err != nil {
			showError(err, win)
			return
		}
		dialog.ShowInformation("导出完成", "已保存到：\n"+path, win)
	})
}
