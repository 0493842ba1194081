package views

import (
	"net/url"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// openFile opens a file or folder in the system's own program (tests
// replace it).
var openFile = func(path string) error { return fyne.CurrentApp().OpenURL(openableURL(path)) }

// showOpenFailed says in Chinese that nothing on this computer opens what:
// the system's message ("exec: xdg-open …") means nothing to a teacher.
func showOpenFailed(what string, win fyne.Window) {
	showDialog(dialog.NewInformation("打不开", "这台电脑上没有找到能打开"+what+"的程序。", win), win, nil, nil)
}

// openableURL makes a file:// URL that the system viewer opens.
func openableURL(path string) *url.URL { return fileURL(path, runtime.GOOS == "windows") }

// windowsURLEscaper escapes what would end or split a Windows file URL.
// Chinese stays as it is: Windows decodes %-escapes in file URLs with the
// ANSI code page, not UTF-8, so an escaped 报表 would open the wrong name.
var windowsURLEscaper = strings.NewReplacer("%", "%25", " ", "%20", "#", "%23", "?", "%3F")

// fileURL builds the URL by hand on Windows: Fyne's
// storage.NewFileURI("C:\\…") reads "C:" as a host name. C:\a b\报表.pdf
// becomes file:///C:/a%20b/报表.pdf and \\server\share\x.pdf becomes
// file://server/share/x.pdf.
func fileURL(path string, windows bool) *url.URL {
	if !windows {
		return &url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	}
	p := windowsURLEscaper.Replace(strings.ReplaceAll(path, `\`, "/"))
	if !strings.HasPrefix(p, "//") { // a drive letter, not a network share
		p = "///" + strings.TrimPrefix(p, "/")
	}
	return &url.URL{Scheme: "file", Opaque: p}
}
