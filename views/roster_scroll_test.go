package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestRosterColumnsBackAfterSidewaysScroll: scrolled to the right end and
// back with the wheel, the roster shows 学号 and 姓名 again at once, not
// blank cells until a vertical scroll.
func TestRosterColumnsBackAfterSidewaysScroll(t *testing.T) {
	w, _, s := rosterUI(t)
	w.Win.Resize(fyne.NewSize(1024, 700))
	c := w.Win.Canvas()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.table).Add(fyne.NewPos(200, 200))
	shown := func() map[string]bool {
		texts := map[string]bool{}
		walkShown(s.table, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok {
				texts[l.Text] = true
			}
		})
		return texts
	}
	want := func(when string) {
		t.Helper()
		texts := shown()
		for row := 0; row < 5; row++ {
			for col := 0; col < 2; col++ {
				if text, _ := s.cell(row, col); !texts[text] {
					t.Errorf("%s: row %d's %s %q not shown", when, row+1, []string{"学号", "姓名"}[col], text)
				}
			}
		}
	}
	want("at first")
	for range 20 {
		test.Scroll(c, at, -200, 0)
	}
	if texts := shown(); texts["2017010001"] || !texts["建议退出原因"] {
		t.Fatal("the wheel did not scroll the roster to its right end")
	}
	for range 20 {
		test.Scroll(c, at, 200, 0)
	}
	want("scrolled right and back")
	s.table.ScrollToTrailing()
	s.table.ScrollToLeading()
	want("scrolled to the end and back")
}

// walkShown visits every visible object under o as it is drawn, without
// laying anything out again (test.LaidOutObjects would).
func walkShown(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			walkShown(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			walkShown(c, visit)
		}
	}
}
