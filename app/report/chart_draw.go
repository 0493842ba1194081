package report

import "strconv"

// painter is what drawing a chart needs from a PDF page or a picture.
// Lengths are in mm, text sizes in points.
type painter interface {
	rect(x, y, w, h float64, fill *rgb, stroke *rgb, strokeWidth float64)
	hatch(x, y, w, h float64, c rgb) // diagonal lines inside the box
	line(x1, y1, x2, y2, width float64, c rgb, dashed bool)
	text(x, y, w, h, size float64, s, align string, c rgb) // align: L, C, R; centred vertically
	textWidth(s string, size float64) float64
}

type rgb struct{ r, g, b uint8 }

var (
	black     = rgb{0, 0, 0}
	darkGrey  = rgb{40, 40, 40}
	gridGrey  = rgb{200, 200, 200}
	barBlue   = rgb{96, 125, 160}
	alertRed  = rgb{180, 20, 40}
	textAlert = rgb{190, 0, 30}
)

// Chart geometry, in mm.
const (
	chartTitleSize  = 11
	chartTextSize   = 8.5
	chartLabelWidth = 42 // the bars' names
	chartNoteWidth  = 46 // "51 人 · 上限 40 · 超出 11" right of the bars
	chartRowHeight  = 8
	chartBarHeight  = 5
)

// chartHeight is the room a chart takes.
func chartHeight(c Chart) float64 { return 7 + 6 + float64(len(c.Bars)*chartRowHeight) + 13 }

// drawChart draws a horizontal bar chart at (x, y), width wide: a title, a
// legend, one bar per row with its figures written out, each limit as a
// dashed line across its bar, the value axis with round ticks and its name.
// Bars that are marked (over the limit, 不合格, 逾期) are hatched, so they
// stand out in black-and-white print and without telling colours apart.
func drawChart(p painter, c Chart, x, y, width float64) {
	p.text(x, y, width, 7, chartTitleSize, c.Title, "L", black)
	drawLegend(p, c, x+chartLabelWidth, y+7)

	x0, y0 := x+chartLabelWidth, y+13
	plotW := width - chartLabelWidth - chartNoteWidth
	plotH := float64(len(c.Bars) * chartRowHeight)
	end, step := c.Axis()
	at := func(v int) float64 { return x0 + plotW*float64(v)/float64(end) }

	for v := 0; v <= end; v += step { // the grid first, under the bars
		p.line(at(v), y0, at(v), y0+plotH, 0.1, gridGrey, false)
		p.text(at(v)-5, y0+plotH+0.5, 10, 4, 7.5, strconv.Itoa(v), "C", black)
	}
	p.line(x0, y0, x0, y0+plotH, 0.2, black, false)
	p.line(x0, y0+plotH, x0+plotW, y0+plotH, 0.2, black, false)
	p.text(x0, y0+plotH+5, plotW, 4.5, chartTextSize, c.ValueLabel, "C", black)

	for i, b := range c.Bars {
		ry := y0 + float64(i*chartRowHeight)
		by := ry + float64(chartRowHeight-chartBarHeight)/2
		p.text(x, ry, chartLabelWidth-2, chartRowHeight, chartTextSize, fit(p, b.Label, chartLabelWidth-2), "R", black)
		drawBar(p, x0, by, at(b.Value)-x0, chartBarHeight, b.Marked())
		if b.Limit > 0 {
			p.line(at(b.Limit), by-1.2, at(b.Limit), by+chartBarHeight+1.2, 0.6, black, true)
		}
		colour := black
		if b.Marked() {
			colour = textAlert
		}
		p.text(x0+plotW+2, ry, chartNoteWidth-2, chartRowHeight, chartTextSize, fit(p, c.Figures(b), chartNoteWidth-2), "L", colour)
	}
}

// drawBar fills a bar: solid blue-grey, or hatched dark red when marked.
func drawBar(p painter, x, y, w, h float64, marked bool) {
	if w <= 0 {
		return
	}
	if marked {
		p.hatch(x, y, w, h, alertRed)
		p.rect(x, y, w, h, nil, &alertRed, 0.4)
		return
	}
	p.rect(x, y, w, h, &barBlue, &darkGrey, 0.2)
}

// drawLegend explains the marks the chart uses, each drawn beside its words.
func drawLegend(p painter, c Chart, x, y float64) {
	item := func(draw func(x float64), text string) {
		draw(x)
		p.text(x+9, y, 30, 4.6, 8, text, "L", black)
		x += 9 + p.textWidth(text, 8) + 8
	}
	if c.HasLimits() {
		item(func(x float64) { drawBar(p, x, y+0.8, 8, 3, false) }, "在上限内")
	}
	if c.MarkLegend != "" {
		item(func(x float64) { drawBar(p, x, y+0.8, 8, 3, true) }, c.MarkLegend)
	}
	if c.HasLimits() {
		item(func(x float64) { p.line(x+4, y, x+4, y+4.6, 0.6, black, true) }, "上限")
	}
}

// fit shortens a label that would not fit, keeping its start.
func fit(p painter, s string, width float64) string {
	if p.textWidth(s, chartTextSize) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && p.textWidth(string(r)+"…", chartTextSize) > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
