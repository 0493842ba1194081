//go:build (windows || darwin) && !ci

package views

import (
	"errors"

	"fyne.io/fyne/v2"
	sysdialog "github.com/sqweek/dialog"
)

// On Windows and macOS the system's own open dialogs are used: teachers
// know them, they list 桌面, 文档 and 下载 and the network drives, and they
// speak the system's language. A system dialog blocks its thread, so it
// runs in a goroutine while a notice keeps the window from being used at
// the same time; if the system cannot show one, Fyne's dialog takes over.

// nativeOpenFile asks for a file to read with the system's dialog.
func nativeOpenFile(win fyne.Window, title, dir string, exts []string, chosen func(string), fallback func()) bool {
	b := sysdialog.File().Title(title).SetStartDir(dir)
	if patterns := extensionPatterns(exts); len(patterns) > 0 {
		b = b.Filter(filterName(patterns), patterns...)
	}
	runNative(win, cancelIsEmpty(b.Load), chosen, fallback)
	return true
}

// nativeOpenFolder asks for a folder with the system's dialog.
func nativeOpenFolder(win fyne.Window, title, dir string, chosen func(string), fallback func()) bool {
	runNative(win, cancelIsEmpty(sysdialog.Directory().Title(title).SetStartDir(dir).Browse), chosen, fallback)
	return true
}

// cancelIsEmpty makes a cancel of the system's dialog an empty choice.
func cancelIsEmpty(ask func() (string, error)) func() (string, error) {
	return func() (string, error) {
		path, err := ask()
		if errors.Is(err, sysdialog.ErrCancelled) {
			return "", nil
		}
		return path, err
	}
}
