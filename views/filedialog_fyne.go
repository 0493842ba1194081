//go:build !(windows || darwin) || ci

package views

import "fyne.io/fyne/v2"

// Elsewhere (Linux, and the tests) Fyne's own dialog is the file dialog.

func nativeOpenFile(fyne.Window, string, string, []string, func(string), func()) bool { return false }

func nativeOpenFolder(fyne.Window, string, string, func(string), func()) bool { return false }
