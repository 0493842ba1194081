package views

import (
	"time"

	"fyne.io/fyne/v2"

	"tuanxue/app"
)

// deliver runs a notice of change on the UI goroutine once the event that
// wrote is over: queued behind it on Fyne's main loop. Tests queue it
// themselves and run it with settle.
var deliver = func(run func()) { go fyne.Do(run) }

// changed takes a notice of change: each built screen that shows one of
// the kinds is marked, and the one on view is read again now; the others
// wait until they are shown (see show), so a change costs one screen's
// reading, not ten.
func (w *MainWindow) changed(kinds app.Kinds) {
	// A save says so briefly, where it does not get in the way.
	w.saved.SetText("✓ 已保存 " + time.Now().Format("15:04"))
	for _, item := range w.items {
		if item.view == nil || !kinds.Any(item.kinds...) {
			continue
		}
		item.stale = true
		// The semester lists and the rule set in force come from the
		// settings: a screen is built again with them.
		item.rebuild = item.rebuild || kinds[app.KindSettings]
	}
	if cur := w.current(); cur != nil && (cur.stale || cur.rebuild) {
		w.freshen(cur)
		if cur.view != w.content.Objects[0] {
			w.content.Objects = []fyne.CanvasObject{cur.view}
			w.content.Refresh()
		}
	}
}

// freshen reads a marked screen again, or drops it to be built again.
func (w *MainWindow) freshen(item *navItem) {
	switch {
	case item.view == nil:
	case item.rebuild || (item.stale && item.refresh == nil):
		item.view = item.build()
	case item.stale:
		item.refresh()
	}
	item.stale, item.rebuild = false, false
}

// current is the screen on view.
func (w *MainWindow) current() *navItem {
	if len(w.content.Objects) == 0 {
		return nil
	}
	for _, item := range w.items {
		if item.view != nil && item.view == w.content.Objects[0] {
			return item
		}
	}
	return nil
}
