package report

import "strconv"

// Chart geometry, in mm.
const (
	chartLabelWidth = 42 // the bars' names
	chartNoteWidth  = 44 // "45 人 · 上限 40 · 超出 5" right of the bars
	chartRowHeight  = 8
	chartBarHeight  = 5
)

// chart draws a horizontal bar chart with fpdf's vector calls, so it prints
// sharp at any size: a title, a legend, one bar per row with its value and
// limit written out, each limit as a dashed line across its bar, the value
// axis with round ticks and its name. Bars over their limit are hatched.
func (w *pdfWriter) chart(c Chart) {
	if len(c.Bars) == 0 {
		return
	}
	p := w.p
	l, _, _, _ := p.GetMargins()
	rowH := chartRowHeight
	plotH := float64(len(c.Bars) * rowH)
	w.breakIfNeeded(plotH + 30)
	p.SetFont(font, "", 11)
	p.CellFormat(0, 7, c.Title, "", 1, "L", false, 0, "")
	w.legend(l, c)

	x0, y0 := l+chartLabelWidth, p.GetY()+1
	plotW := w.contentWidth() - chartLabelWidth - chartNoteWidth
	end, step := c.Axis()
	at := func(v int) float64 { return x0 + plotW*float64(v)/float64(end) }

	// Grid and ticks first, so the bars lie over them.
	p.SetFont(font, "", 7.5)
	p.SetLineWidth(0.1)
	p.SetDrawColor(200, 200, 200)
	for v := 0; v <= end; v += step {
		p.Line(at(v), y0, at(v), y0+plotH)
		p.SetXY(at(v)-5, y0+plotH+0.5)
		p.CellFormat(10, 4, strconv.Itoa(v), "", 0, "C", false, 0, "")
	}
	p.SetDrawColor(0, 0, 0)
	p.Line(x0, y0, x0, y0+plotH)
	p.Line(x0, y0+plotH, x0+plotW, y0+plotH)
	p.SetFont(font, "", 8.5)
	p.SetXY(x0, y0+plotH+4.5)
	p.CellFormat(plotW, 4.5, c.ValueLabel, "", 0, "C", false, 0, "")

	for i, b := range c.Bars {
		y := y0 + float64(i*rowH)
		by := y + float64(rowH-chartBarHeight)/2
		p.SetFont(font, "", 8.5)
		p.SetXY(l, y)
		p.CellFormat(chartLabelWidth-2, float64(rowH), fitText(w, b.Label, chartLabelWidth-2), "", 0, "R", false, 0, "")
		w.bar(x0, by, at(b.Value)-x0, chartBarHeight, b.Marked())
		if b.Limit > 0 {
			w.limitLine(at(b.Limit), by-1.2, chartBarHeight+2.4)
		}
		p.SetXY(x0+plotW+2, y)
		if b.Marked() {
			p.SetTextColor(190, 0, 30)
		}
		p.CellFormat(chartNoteWidth-2, float64(rowH), fitText(w, c.Figures(b), chartNoteWidth-2), "", 0, "L", false, 0, "")
		p.SetTextColor(0, 0, 0)
	}
	p.SetXY(l, y0+plotH+12)
	p.SetFont(font, "", bodySize)
}

// fitText shortens a label that would not fit, keeping its start.
func fitText(w *pdfWriter, s string, width float64) string {
	if w.p.GetStringWidth(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && w.p.GetStringWidth(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// bar fills a bar: solid blue-grey within the limit; over it, white with
// dark-red diagonal hatching, which stays distinct in grey print.
func (w *pdfWriter) bar(x, y, width, height float64, over bool) {
	p := w.p
	if width <= 0 {
		return
	}
	p.SetLineWidth(0.2)
	p.SetDrawColor(40, 40, 40)
	if !over {
		p.SetFillColor(96, 125, 160)
		p.Rect(x, y, width, height, "FD")
		return
	}
	p.ClipRect(x, y, width, height, false)
	p.SetDrawColor(180, 20, 40)
	p.SetLineWidth(0.35)
	for hx := x - height; hx < x+width; hx += 1.4 {
		p.Line(hx, y+height, hx+height, y)
	}
	p.ClipEnd()
	p.SetDrawColor(180, 20, 40)
	p.SetLineWidth(0.4)
	p.Rect(x, y, width, height, "D")
	p.SetLineWidth(0.2)
}

// limitLine marks a limit: a thick black dashed line across its bar.
func (w *pdfWriter) limitLine(x, y, height float64) {
	p := w.p
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.6)
	p.SetDashPattern([]float64{1, 0.6}, 0)
	p.Line(x, y, x, y+height)
	p.SetDashPattern(nil, 0)
	p.SetLineWidth(0.2)
}

// legend explains the three marks, in words beside each.
func (w *pdfWriter) legend(l float64, c Chart) {
	p := w.p
	y := p.GetY() + 0.5
	p.SetFont(font, "", 8)
	x := l + chartLabelWidth
	type item struct {
		text string
		draw func(x float64)
	}
	var items []item
	if c.HasLimits() {
		items = append(items, item{"在上限内", func(x float64) { w.bar(x, y+0.8, 8, 3, false) }})
	}
	if c.MarkLegend != "" {
		items = append(items, item{c.MarkLegend, func(x float64) { w.bar(x, y+0.8, 8, 3, true) }})
	}
	if c.HasLimits() {
		items = append(items, item{"上限", func(x float64) { w.limitLine(x+4, y, 4.6) }})
	}
	for _, item := range items {
		item.draw(x)
		p.SetXY(x+9, y)
		p.CellFormat(p.GetStringWidth(item.text)+2, 4.6, item.text, "", 0, "L", false, 0, "")
		x += 9 + p.GetStringWidth(item.text) + 8
	}
	p.SetXY(l, y+6)
}
