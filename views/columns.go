package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// columnsLayout lays cells out in rows of len(widths) columns of the given
// widths; the last column takes what room is left. Unlike Fyne's grid, whose
// columns are all as wide as its widest cell, a row of short numbers stays
// narrow enough for a 1024-pixel window.
type columnsLayout struct{ widths []float32 }

func (l columnsLayout) rows(objects []fyne.CanvasObject) [][]fyne.CanvasObject {
	var out [][]fyne.CanvasObject
	for i := 0; i < len(objects); i += len(l.widths) {
		out = append(out, objects[i:min(i+len(l.widths), len(objects))])
	}
	return out
}

func rowHeight(row []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range row {
		h = max(h, o.MinSize().Height)
	}
	return h
}

func (l columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	var fixed float32
	for _, w := range l.widths[:len(l.widths)-1] {
		fixed += w + pad
	}
	last := max(size.Width-fixed, l.widths[len(l.widths)-1])
	var y float32
	for _, row := range l.rows(objects) {
		h := rowHeight(row)
		var x float32
		for i, o := range row {
			w := l.widths[i]
			if i == len(l.widths)-1 {
				w = last
			}
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, h))
			x += w + pad
		}
		y += h + pad
	}
}

func (l columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var width, height float32
	for _, w := range l.widths {
		width += w + pad
	}
	for _, row := range l.rows(objects) {
		height += rowHeight(row) + pad
	}
	return fyne.NewSize(width-pad, max(height-pad, 0))
}
