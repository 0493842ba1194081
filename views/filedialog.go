package views

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// What a file dialog is for: each remembers its own folder, so evidence
// files are not looked for among the backups.
const (
	purposeExports  = "exports"
	purposeEvidence = "evidence"
	purposeBackups  = "backups"
	purposeRosters  = "rosters" // 名册 to import
)

// placeNames are Fyne's file dialog's places, which it names in English
// whatever the language.
var placeNames = map[string]string{
	"Home": "主文件夹", "Computer": "计算机", "App Files": "程序文件", "Desktop": "桌面", "Documents": "文档",
	"Downloads": "下载", "Music": "音乐", "Pictures": "图片", "Videos": "视频", "Movies": "影片",
}

// rememberedFolder is the folder last used for purpose on this computer,
// if it is still there.
func rememberedFolder(purpose string) string {
	a := fyne.CurrentApp()
	if a == nil {
		return ""
	}
	dir := a.Preferences().String("folder." + purpose)
	if st, err := os.Stat(dir); dir == "" || err != nil || !st.IsDir() {
		return ""
	}
	return dir
}

// rememberFolder keeps the folder of path (a file, or a folder itself) for
// the next dialog of the same purpose.
func rememberFolder(purpose, path string) {
	if st, err := os.Stat(path); err != nil || !st.IsDir() {
		path = filepath.Dir(path)
	}
	if a := fyne.CurrentApp(); a != nil {
		a.Preferences().SetString("folder."+purpose, path)
	}
}

// openFileFor asks for a file to read, in Chinese, in the folder last used
// for purpose; chosen gets its path, and the folder is remembered. The
// system's own dialog is used where there is one.
func openFileFor(win fyne.Window, purpose, title string, exts []string, chosen func(path string)) {
	remembered := func(path string) {
		rememberFolder(purpose, path)
		chosen(path)
	}
	fallback := func() { fyneOpenFile(win, purpose, title, exts, chosen) }
	if !nativeOpenFile(win, title, rememberedFolder(purpose), exts, remembered, fallback) {
		fallback()
	}
}

// fyneOpenFile is openFileFor with Fyne's dialog.
func fyneOpenFile(win fyne.Window, purpose, title string, exts []string, chosen func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		rememberFolder(purpose, path)
		chosen(path)
	}, win)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	d.SetConfirmText("打开")
	showFileDialog(d, win, purpose, title)
}

// openFolderFor asks for a folder, as openFileFor.
func openFolderFor(win fyne.Window, purpose, title, confirm string, chosen func(dir string)) {
	remembered := func(dir string) {
		rememberFolder(purpose, dir)
		chosen(dir)
	}
	fallback := func() { fyneOpenFolder(win, purpose, title, confirm, chosen) }
	if !nativeOpenFolder(win, title, rememberedFolder(purpose), remembered, fallback) {
		fallback()
	}
}

// fyneOpenFolder is openFolderFor with Fyne's dialog.
func fyneOpenFolder(win fyne.Window, purpose, title, confirm string, chosen func(dir string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		rememberFolder(purpose, l.Path())
		chosen(l.Path())
	}, win)
	d.SetConfirmText(confirm)
	showFileDialog(d, win, purpose, title)
}

// runNative shows a system dialog (ask) off the window's thread, behind a
// notice that keeps the window from being used meanwhile; chosen gets the
// path, an empty choice (a cancel) does nothing, and a failure of the
// system's dialog falls back to Fyne's.
func runNative(win fyne.Window, ask func() (string, error), chosen func(string), fallback func()) {
	wait := dialog.NewCustomWithoutButtons("请在弹出的窗口中选择", widget.NewLabel("在系统的选择窗口中选好后确认，或点击“取消”返回。"), win)
	wait.Show()
	var path string
	var err error
	inBackground(func() { path, err = ask() }, func() {
		wait.Hide()
		switch {
		case err != nil:
			fallback()
		case path != "":
			chosen(path)
		}
	})
}

// extensionPatterns are the extensions of a filter without their dots,
// each once whatever its case: a system dialog matches them in any case.
func extensionPatterns(exts []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range exts {
		e = strings.ToLower(strings.TrimPrefix(e, "."))
		if e != "" && !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// filterName names a system dialog's filter as Windows shows it:
// 支持的文件（*.xlsx; *.csv）.
func filterName(patterns []string) string {
	return "支持的文件（*." + strings.Join(patterns, "; *.") + "）"
}

// showFileDialog shows Fyne's file dialog titled in Chinese, at the folder
// remembered for purpose, as large as the window allows (Fyne makes it
// 490 × 330 px in any window), with its places named in Chinese.
func showFileDialog(d *dialog.FileDialog, win fyne.Window, purpose, title string) {
	d.SetTitleText(title)
	d.SetDismissText("取消")
	if dir := rememberedFolder(purpose); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
	size := win.Canvas().Size()
	d.Resize(fyne.NewSize(min(size.Width-60, 1100), min(size.Height-60, 760)))
	if top := win.Canvas().Overlays().Top(); top != nil {
		chinesePlaces(top)
	}
}

// chinesePlaces renames the places in the dialog's lists as each row is
// drawn. A list's rows exist only in its renderer, so the lists are found
// through the containers Fyne's dialog is made of, and their UpdateItem
// wrapped.
func chinesePlaces(o fyne.CanvasObject) {
	rename := func(row fyne.CanvasObject) {
		c, ok := row.(*fyne.Container)
		if !ok {
			return
		}
		for _, o := range c.Objects {
			if l, ok := o.(*widget.Label); ok {
				if zh, ok := placeNames[l.Text]; ok {
					l.SetText(zh)
				}
			}
		}
	}
	eachPart(o, func(o fyne.CanvasObject) {
		if list, ok := o.(*widget.List); ok && list.UpdateItem != nil {
			update := list.UpdateItem
			list.UpdateItem = func(id widget.ListItemID, row fyne.CanvasObject) {
				update(id, row)
				rename(row)
			}
			list.Refresh()
		}
	})
}

// eachPart visits o and what it is made of, through the containers and
// widgets that show their parts (pop-ups, splits, scrolls).
func eachPart(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			eachPart(c, visit)
		}
	case *widget.PopUp:
		eachPart(x.Content, visit)
	case *container.Split:
		eachPart(x.Leading, visit)
		eachPart(x.Trailing, visit)
	case *container.Scroll:
		eachPart(x.Content, visit)
	}
}
