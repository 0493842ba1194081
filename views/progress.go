package views

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// countingProgress is the dialog of long work (checking a roster, the
// binder, a copy to a server): what is being done with its counts and a
// bar, and, where stopping writes nothing, a button that stops it.
type countingProgress struct {
	dialog  *dialog.CustomDialog
	status  *widget.Label
	bar     *widget.ProgressBar
	stopped atomic.Bool
}

// showProgress shows the dialog with its first line; stop names the
// button that stops the work ("" for none).
func showProgress(win fyne.Window, title, first, stop string) *countingProgress {
	p := &countingProgress{status: widget.NewLabel(first), bar: widget.NewProgressBar()}
	p.status.Wrapping = fyne.TextWrapWord
	p.dialog = dialog.NewCustomWithoutButtons(title, container.NewVBox(p.status, p.bar), win)
	if stop != "" {
		p.dialog.SetButtons([]fyne.CanvasObject{widget.NewButton(stop, func() {
			p.stopped.Store(true)
			p.dialog.Hide()
		})})
	}
	p.dialog.Resize(fyne.NewSize(420, 0))
	p.dialog.Show()
	return p
}

// tell shows text and done of total on the bar; work calls it from its
// own goroutine. It says whether to go on.
func (p *countingProgress) tell(text string, done, total int64) bool {
	fyne.Do(func() {
		p.status.SetText(text)
		p.bar.SetValue(float64(done) / float64(max(total, 1)))
	})
	return !p.stopped.Load()
}

// Stopped: the teacher pressed the stop button.
func (p *countingProgress) Stopped() bool { return p.stopped.Load() }

func (p *countingProgress) hide() { p.dialog.Hide() }
