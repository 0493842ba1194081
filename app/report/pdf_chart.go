package report

import "github.com/go-pdf/fpdf"

// chart draws a chart on the page in vector form, sharp at any print size;
// a chart taller than the room left goes on in parts on the next pages.
func (w *pdfWriter) chart(c Chart) {
	l, _, _, _ := w.p.GetMargins()
	whole := c
	whole.end, whole.step = c.Axis()
	for i := 0; i < len(c.Bars); {
		fits := int((w.bottom() - w.p.GetY() - chartHeight(Chart{}) - 4) / chartRowHeight)
		if fits < min(3, len(c.Bars)-i) {
			w.p.AddPage()
			continue
		}
		part := whole
		part.Bars = c.Bars[i:min(i+fits, len(c.Bars))]
		if i > 0 {
			part.Title += "（续）"
		}
		y := w.p.GetY()
		drawChart(pdfPainter{w.p}, part, l, y, w.contentWidth())
		w.p.SetXY(l, y+chartHeight(part)+4)
		i += len(part.Bars)
	}
	w.p.SetFont(font, "", bodySize)
	w.p.SetTextColor(0, 0, 0)
}

// pdfPainter draws with fpdf's vector calls.
type pdfPainter struct{ p *fpdf.Fpdf }

func (d pdfPainter) rect(x, y, w, h float64, fill, stroke *rgb, strokeWidth float64) {
	style := ""
	if fill != nil {
		d.p.SetFillColor(int(fill.r), int(fill.g), int(fill.b))
		style += "F"
	}
	if stroke != nil {
		d.p.SetDrawColor(int(stroke.r), int(stroke.g), int(stroke.b))
		d.p.SetLineWidth(strokeWidth)
		style += "D"
	}
	d.p.Rect(x, y, w, h, style)
}

func (d pdfPainter) hatch(x, y, w, h float64, c rgb) {
	d.p.ClipRect(x, y, w, h, false)
	for hx := x - h; hx < x+w; hx += 1.4 {
		d.line(hx, y+h, hx+h, y, 0.35, c, false)
	}
	d.p.ClipEnd()
}

func (d pdfPainter) line(x1, y1, x2, y2, width float64, c rgb, dashed bool) {
	d.p.SetDrawColor(int(c.r), int(c.g), int(c.b))
	d.p.SetLineWidth(width)
	if dashed {
		d.p.SetDashPattern([]float64{1, 0.6}, 0)
	}
	d.p.Line(x1, y1, x2, y2)
	d.p.SetDashPattern(nil, 0)
}

func (d pdfPainter) text(x, y, w, h, size float64, s, align string, c rgb) {
	d.p.SetFont(font, "", size)
	d.p.SetTextColor(int(c.r), int(c.g), int(c.b))
	d.p.SetXY(x, y)
	d.p.CellFormat(w, h, s, "", 0, align+"M", false, 0, "")
}

func (d pdfPainter) textWidth(s string, size float64) float64 {
	d.p.SetFont(font, "", size)
	return d.p.GetStringWidth(s)
}
