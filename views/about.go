package views

import (
	"runtime/debug"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// aboutCard is 关于: the program's version and where its data is.
func (s *settingsScreen) aboutCard() fyne.CanvasObject {
	where := "数据文件夹：" + s.svc.DataDir()
	if s.svc.OnServer() {
		where = "记录在共享数据库：" + s.svc.Location() + "\n本机文件夹（备份、佐证材料）：" + s.svc.DataDir()
	} else {
		where += "\n数据文件：" + s.svc.Location()
	}
	text := widget.NewLabel("团学台账  版本 " + programVersion() + "\n" + where)
	text.Wrapping = fyne.TextWrapBreak
	open := widget.NewButton("打开数据文件夹", func() {
		if openFile(s.svc.DataDir()) != nil {
			showOpenFailed("文件夹", s.win)
		}
	})
	return widget.NewCard("关于", "", container.NewVBox(text, container.NewHBox(open)))
}

// programVersion is the version FyneApp.toml gives a packaged program, or
// the commit a development build was made from.
func programVersion() string {
	if a := fyne.CurrentApp(); a != nil {
		if m := a.Metadata(); m.Version != "" {
			if m.Build > 0 {
				return m.Version + "（构建 " + itoa(m.Build) + "）"
			}
			return m.Version
		}
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "开发版"
	}
	rev, at := "", ""
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(7, len(s.Value))]
		case "vcs.time":
			at, _, _ = strings.Cut(s.Value, "T")
		}
	}
	if rev == "" {
		return "开发版"
	}
	return "开发版 " + rev + "（" + at + "）"
}
