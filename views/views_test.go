package views

import (
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
)

var testNow = func() time.Time { return time.Date(2020, 10, 15, 10, 0, 0, 0, time.Local) }

func TestMain(m *testing.M) {
	inBackground = func(work, done func()) { work(); done() }
	deliver = queueDelivery
	os.Exit(m.Run())
}

// newTestUI opens a real store in a temporary folder and the main window
// over it, in Fyne's headless test app.
func newTestUI(t *testing.T) (*MainWindow, *app.Service) {
	t.Helper()
	dropDeliveries()
	t.Cleanup(dropDeliveries)
	a := test.NewTempApp(t)
	Setup(a)
	ws := app.NewWorkspace(t.TempDir(), "", testNow)
	svc, err := ws.Open()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	w := NewMainWindow(a, svc)
	w.Win.Resize(fyne.NewSize(1200, 760))
	t.Cleanup(w.Win.Close)
	return w, svc
}

// findButton finds the button labelled text anywhere under o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q on screen", text)
	return nil
}

// topDialog returns what the topmost overlay shows, failing if none is open.
func topDialog(t *testing.T, w fyne.Window) fyne.CanvasObject {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

// labelsUnder lists the texts of all visible labels under o.
func labelsUnder(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok && l.Visible() && l.Text != "" {
			out = append(out, l.Text)
		}
	}
	return out
}

func selectsUnder(o fyne.CanvasObject) []*widget.Select {
	var out []*widget.Select
	for _, obj := range test.LaidOutObjects(o) {
		if s, ok := obj.(*widget.Select); ok {
			out = append(out, s)
		}
	}
	return out
}

func entriesUnder(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	for _, obj := range test.LaidOutObjects(o) {
		switch e := obj.(type) {
		case *widget.Entry:
			out = append(out, e)
		case *keyEntry:
			out = append(out, &e.Entry)
		}
	}
	return out
}
