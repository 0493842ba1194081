package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app/compliance"
)

// TestSelfCheckReadsWholeAt1024: at 1024 × 700 the 改革自评表 fits its
// columns in the window, wraps the indicator and 备注 text instead of
// cutting it with "…", and a chosen row shows in full below the table.
func TestSelfCheckReadsWholeAt1024(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.Win.Resize(fyne.NewSize(1024, 700))
	w.ShowModule("报表")
	s := w.reports
	s.show("selfcheck", "")
	if s.doc.Title == "" || len(s.doc.Sections) == 0 {
		t.Fatalf("opened %q", s.doc.Title)
	}
	view := s.preview.Objects[0]
	if tabs, ok := view.(*container.AppTabs); ok {
		view = tabs.Items[0].Content
	}
	var wt *wrapTable
	walkShown(view, func(o fyne.CanvasObject) {
		if x, ok := o.(*wrapTable); ok && wt == nil {
			wt = x
		}
	})
	if wt == nil {
		t.Fatal("the form is not shown as a table that wraps")
	}
	sec := s.doc.Sections[0]
	total := float32(0)
	for c := range sec.Columns {
		total += wt.widths[c]
	}
	if room := wt.Size().Width; total > room {
		t.Errorf("columns %.0f px wide in %.0f px: 备注 is off-screen", total, room)
	}
	walkShown(wt.table, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" && l.Truncation != fyne.TextTruncateOff {
			t.Errorf("cell %q is cut", l.Text)
		}
	})
	long := -1
	for r, row := range sec.Rows {
		if len([]rune(row[0])) > 40 {
			long = r
			break
		}
	}
	if long < 0 || wt.heights[long] < 2*fyne.MeasureText("国", theme14, fyne.TextStyle{}).Height {
		t.Errorf("row %d (%d characters) is %.0f px high: not wrapped", long, len([]rune(sec.Rows[max(long, 0)][0])), wt.heights[max(long, 0)])
	}
	wt.table.Select(widget.TableCellID{Row: long, Col: 0})
	for c, col := range sec.Columns {
		if text := sec.Rows[long][c]; text != "" && !strings.Contains(wt.detail.Text, col.Title+"："+text) {
			t.Errorf("detail of row %d lacks %s %q: %q", long, col.Title, text, wt.detail.Text)
		}
	}
}

// TestDashboardNamesTheIndicatorAndWholeUnion: the list of breaches says
// what the indicator is, and no union's name is cut.
func TestDashboardNamesTheIndicatorAndWholeUnion(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.refreshAll()
	d := w.dashboard
	var r compliance.Result
	row := -1
	for i, b := range d.breaches {
		if b.Rule.Number == "3" {
			r, row = b, i
		}
	}
	if row < 0 {
		t.Fatal("no breach of indicator 3 in the sample")
	}
	if got := d.cellText(row, 1); !strings.Contains(got, "工作人员") {
		t.Errorf("指标 cell %q does not name the indicator", got)
	}
	for i, b := range d.breaches {
		need := fyne.MeasureText(b.Org.Name, theme14, fyne.TextStyle{}).Width
		if width := d.orgWidth; width < need+2*8 {
			t.Errorf("row %d: %q needs %.0f px, column is %.0f", i, b.Org.Name, need, width)
			break
		}
	}
	_ = r
}
