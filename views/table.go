package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app/report"
)

// cellFunc returns a cell's text and whether it should stand out (red).
type cellFunc func(row, col int) (text string, alert bool)

// newListTable is the read-only table every list uses: a header row from
// columns, one label per cell cut with an ellipsis, widths from the
// columns (in characters). It is virtualised: only visible cells exist.
func newListTable(columns []report.Column, rows func() int, cell cellFunc) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			text, alert := cell(id.Row, id.Col)
			l.Importance = widget.MediumImportance
			if alert {
				l.Importance = widget.DangerImportance
			}
			l.SetText(text)
		})
	t.ShowHeaderColumn = false
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(columns) {
			o.(*widget.Label).SetText(columns[id.Col].Title)
		}
	}
	charWidth := fyne.MeasureText("国", theme14, fyne.TextStyle{}).Width
	for i, c := range columns {
		w := c.Width
		if w == 0 {
			w = 10
		}
		t.SetColumnWidth(i, float32(w)*charWidth+16)
	}
	return t
}

// theme14 is the body text size the widths are measured at.
const theme14 = 14
