package views

import "fyne.io/fyne/v2"

// inBackground runs slow work (reading a roster, importing, exporting) off
// the UI thread, then done on it. Tests replace it with a synchronous run
// so that nothing of one test is still running when the next starts.
var inBackground = func(work, done func()) {
	go func() {
		work()
		fyne.Do(done)
	}()
}
