package report

// chart draws a chart on the page in vector form, sharp at any print size.
// A chart that fits on a page is never split: it starts on the next page if
// the room left is too small. Only a chart taller than a whole page goes on
// in parts, as many bars on each as the others, on the whole chart's axis.
// A chart of nothing says so in a line.
func (w *pdfWriter) chart(c Chart) {
	l, _, _, _ := w.p.GetMargins()
	w.drawn = true
	if c.IsEmpty() {
		w.breakIfNeeded(7 + lineHeight + 4)
		w.p.SetFont(font, "", chartTitleSize)
		w.p.SetX(l)
		w.text(0, 7, c.Title, "L")
		w.p.Ln(7)
		w.p.SetFont(font, "", bodySize)
		w.p.SetX(l)
		w.text(0, lineHeight, c.EmptyText(), "L")
		w.p.Ln(lineHeight + 4)
		return
	}
	perPage := int((w.bottom() - w.top() - chartHeight(Chart{}) - 4) / chartRowHeight)
	parts := (len(c.Bars) + perPage - 1) / perPage
	for _, part := range c.split((len(c.Bars) + parts - 1) / parts) {
		if w.p.GetY()+chartHeight(part) > w.bottom() {
			w.p.AddPage()
		}
		y := w.p.GetY()
		drawChart(pdfPainter{w}, part, l, y, w.contentWidth())
		w.p.SetXY(l, y+chartHeight(part)+4)
	}
	w.p.SetFont(font, "", bodySize)
	w.p.SetTextColor(0, 0, 0)
}

// pdfPainter draws with fpdf's vector calls.
type pdfPainter struct{ w *pdfWriter }

func (d pdfPainter) rect(x, y, w, h float64, fill, stroke *rgb, strokeWidth float64) {
	style := ""
	if fill != nil {
		d.w.p.SetFillColor(int(fill.r), int(fill.g), int(fill.b))
		style += "F"
	}
	if stroke != nil {
		d.w.p.SetDrawColor(int(stroke.r), int(stroke.g), int(stroke.b))
		d.w.p.SetLineWidth(strokeWidth)
		style += "D"
	}
	d.w.p.Rect(x, y, w, h, style)
}

func (d pdfPainter) hatch(x, y, w, h float64, c rgb) {
	d.w.p.ClipRect(x, y, w, h, false)
	for hx := x - h; hx < x+w; hx += 1.4 {
		d.line(hx, y+h, hx+h, y, 0.35, c, false)
	}
	d.w.p.ClipEnd()
}

func (d pdfPainter) line(x1, y1, x2, y2, width float64, c rgb, dashed bool) {
	d.w.p.SetDrawColor(int(c.r), int(c.g), int(c.b))
	d.w.p.SetLineWidth(width)
	if dashed {
		d.w.p.SetDashPattern([]float64{1, 0.6}, 0)
	}
	d.w.p.Line(x1, y1, x2, y2)
	d.w.p.SetDashPattern(nil, 0)
}

func (d pdfPainter) text(x, y, w, h, size float64, s, align string, c rgb) {
	d.w.p.SetFont(font, "", size)
	d.w.p.SetTextColor(int(c.r), int(c.g), int(c.b))
	d.w.p.SetXY(x, y)
	d.w.p.CellFormat(w, h, d.w.m.printable(s, d.w.missing), "", 0, align+"M", false, 0, "")
}

func (d pdfPainter) textWidth(s string, size float64) float64 { return d.w.m.width(s, size) }
