package views

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app/report"
)

// wrapRowsMax is the most rows a wrapTable gives heights of their own:
// per-row heights make every refresh loop over all rows (PLATFORM.md), so
// a longer list keeps one line a row, cut with "…", and the detail below.
const wrapRowsMax = 500

// wrapTable shows a report's table to be read on screen: its columns fit
// the width it is given (the wide ones narrowed, none off-screen), long
// cells wrap onto more lines instead of ending in "…", and the row chosen
// is written out whole, column by column, below the table.
type wrapTable struct {
	widget.BaseWidget
	table   *widget.Table
	detail  *widget.Label
	columns []report.Column
	rows    func() int
	cell    cellFunc
	wrap    bool
	natural []float32 // widths the columns ask for
	widths  []float32 // widths given at the last layout
	heights []float32 // row heights given at the last layout
	width   float32   // the width they were given for
	root    fyne.CanvasObject
}

func newWrapTable(columns []report.Column, rows func() int, cell cellFunc) *wrapTable {
	wt := &wrapTable{columns: columns, rows: rows, cell: cell, wrap: rows() <= wrapRowsMax,
		detail: widget.NewLabel("点选一行，在这里看它的全文。")}
	wt.detail.Wrapping = fyne.TextWrapWord
	wt.table = newListTable(columns, rows, cell)
	if wt.wrap {
		wt.table.CreateCell = func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapBreak // Chinese has no spaces to break at
			return l
		}
	}
	for c, col := range columns {
		wt.natural = append(wt.natural, wt.naturalWidth(c, col))
	}
	wt.table.OnSelected = func(id widget.TableCellID) { wt.showRow(id.Row) }
	// A wrapped label reports one line's height until laid out: a fixed
	// room that scrolls when the row is long.
	detail := container.NewVScroll(wt.detail)
	detail.SetMinSize(fyne.NewSize(0, 76))
	wt.root = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), detail), nil, nil, wt.table)
	wt.ExtendBaseWidget(wt)
	return wt
}

// naturalWidth is what a column asks for: as wide as its title and its
// widest cell, at most its width in characters, but 12 for a name to show
// whole (24 when it gives none).
func (wt *wrapTable) naturalWidth(c int, col report.Column) float32 {
	most := max(columnWidth(col), columnWidth(report.Column{Width: 12})) // a union's name whole
	if col.Width == 0 {
		most = columnWidth(report.Column{Width: 24})
	}
	if !wt.wrap {
		return columnWidth(col)
	}
	style := fyne.TextStyle{}
	need := fyne.MeasureText(col.Title, theme14, style).Width
	for r := range wt.rows() {
		text, _ := wt.cell(r, c)
		for _, line := range strings.Split(text, "\n") {
			need = max(need, fyne.MeasureText(line, theme14, style).Width)
		}
		if need >= most {
			return most
		}
	}
	return min(most, need+2*theme.InnerPadding()+4)
}

// oneLine keeps every row one line high, cut with "…", for a list that
// may grow past wrapRowsMax (the log): the detail below shows a row whole.
func (wt *wrapTable) oneLine() *wrapTable {
	wt.wrap = false
	wt.table.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	for c, col := range wt.columns {
		wt.natural[c] = wt.naturalWidth(c, col)
	}
	return wt
}

// columnWidth is the width a column's character count asks for.
func columnWidth(c report.Column) float32 {
	w := c.Width
	if w == 0 {
		w = 10
	}
	return float32(w)*fyne.MeasureText("国", theme14, fyne.TextStyle{}).Width + 16
}

// showRow writes a row out whole below the table.
func (wt *wrapTable) showRow(row int) {
	if row < 0 || row >= wt.rows() {
		return
	}
	lines := []string{fmt.Sprintf("第 %d 行", row+1)}
	for c, col := range wt.columns {
		if text, _ := wt.cell(row, c); strings.TrimSpace(text) != "" {
			lines = append(lines, col.Title+"："+text)
		}
	}
	wt.detail.SetText(strings.Join(lines, "\n"))
}

// fit gives the columns the width there is and each row the height of its
// longest cell wrapped at its column's width.
func (wt *wrapTable) fit(width float32) {
	if width <= 0 || width == wt.width && len(wt.heights) == wt.rows() {
		return
	}
	wt.width = width
	pad := theme.Padding()
	room := width - theme.ScrollBarSize() - pad*float32(len(wt.natural))
	wt.widths = fitWidths(wt.natural, room)
	for c, w := range wt.widths {
		wt.table.SetColumnWidth(c, w)
	}
	if !wt.wrap {
		return
	}
	wt.heights = make([]float32, wt.rows())
	for r := range wt.heights {
		lines := 1
		for c, w := range wt.widths {
			text, _ := wt.cell(r, c)
			lines = max(lines, wrappedLines(text, w-2*theme.InnerPadding()))
		}
		wt.heights[r] = linesHeight(lines)
		wt.table.SetRowHeight(r, wt.heights[r])
	}
}

// fitWidths narrows the columns of running text (over 12 characters), in
// proportion, until all fit in room, none below 8 characters; names,
// numbers and dates keep their width, and when they alone are wider than
// room the table scrolls sideways.
func fitWidths(natural []float32, room float32) []float32 {
	textual, least := columnWidth(report.Column{Width: 12}), columnWidth(report.Column{Width: 8})
	out := append([]float32(nil), natural...)
	var total, narrow, wide float32
	for _, w := range natural {
		total += w
		if w <= textual {
			narrow += w
		} else {
			wide += w
		}
	}
	if total <= room || wide == 0 {
		return out
	}
	scale := max(room-narrow, 0) / wide
	for i, w := range natural {
		if w > textual {
			out[i] = float32(math.Floor(float64(max(w*scale, least))))
		}
	}
	return out
}

// wrappedLines is how many lines text takes wrapped at width, with a
// character's slack for where a line breaks.
func wrappedLines(text string, width float32) int {
	if text == "" || width <= 0 {
		return 1
	}
	char := fyne.MeasureText("国", theme14, fyne.TextStyle{}).Width
	n := 0
	for _, line := range strings.Split(text, "\n") {
		w := fyne.MeasureText(line, theme14, fyne.TextStyle{}).Width
		if w <= width {
			n++
			continue
		}
		n += int(math.Ceil(float64((w + char) / width)))
	}
	return n
}

// linesHeight is the height of a cell of lines lines of body text.
func linesHeight(lines int) float32 {
	line := fyne.MeasureText("国", theme14, fyne.TextStyle{}).Height
	return float32(lines)*line + float32(lines-1)*theme.LineSpacing() + 2*theme.InnerPadding()
}

func (wt *wrapTable) CreateRenderer() fyne.WidgetRenderer {
	return &wrapTableRenderer{wt: wt}
}

type wrapTableRenderer struct{ wt *wrapTable }

func (r *wrapTableRenderer) Layout(size fyne.Size) {
	r.wt.fit(size.Width)
	r.wt.root.Resize(size)
}

func (r *wrapTableRenderer) MinSize() fyne.Size           { return r.wt.root.MinSize() }
func (r *wrapTableRenderer) Refresh()                     { r.wt.root.Refresh() }
func (r *wrapTableRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.wt.root} }
func (r *wrapTableRenderer) Destroy()                     {}
