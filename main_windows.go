package main

import (
	"os"
	"syscall"
)

// A program linked with -H windowsgui gets no console, so the command-line
// jobs (import, export, backup) would print nothing when a teacher runs them
// in cmd or PowerShell. Borrow the parent's console when the program was
// given arguments and its output is not already going to a file or a pipe.
func init() {
	if len(os.Args) < 2 {
		return // the window needs no console
	}
	if h, err := syscall.GetStdHandle(syscall.STD_OUTPUT_HANDLE); err == nil && h != 0 && h != syscall.InvalidHandle {
		return // redirected: keep it
	}
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	if ok, _, _ := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole").Call(attachParentProcess); ok == 0 {
		return
	}
	if con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = con, con
	}
}
