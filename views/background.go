package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"tuanxue/app"
)

// inBackground runs slow work (reading a roster, importing, exporting) off
// the UI thread, then done on it. Tests replace it with a synchronous run
// so that nothing of one test is still running when the next starts.
//
// Work should turn its own panics into its error (app.Guard), so that done
// can report it. A panic that gets here anyway would end the program: it
// is logged in crash.log and shown instead, and done does not run, as it
// would report a success that did not happen.
var inBackground = runInBackground

func runInBackground(work, done func()) { go runGuarded(work, done) }

func runGuarded(work, done func()) {
	if err := app.Guard(dataFolder, func() error { work(); return nil }); err != nil {
		fyne.Do(func() { showInternalError(err) })
		return
	}
	fyne.Do(done)
}

// showInternalError shows an error that has no window of its own on the
// newest window, which is the main one once it is open (the login window
// comes before it).
func showInternalError(err error) {
	if wins := fyne.CurrentApp().Driver().AllWindows(); len(wins) > 0 {
		dialog.NewInformation("出错了", app.Message(err), wins[len(wins)-1]).Show()
	}
}
