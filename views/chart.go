package views

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app/report"
)

// The chart's colours: a blue-grey bar, and for a marked bar dark-red
// hatching on white, told apart by the pattern and the words beside it, not
// by the colour alone.
var (
	barColour   = color.NRGBA{R: 96, G: 125, B: 160, A: 255}
	alertColour = color.NRGBA{R: 180, G: 20, B: 40, A: 255}
	gridColour  = color.NRGBA{R: 200, G: 200, B: 200, A: 255}
	limitColour = color.NRGBA{A: 255}
)

const (
	chartNameWidth    = 150
	chartFiguresWidth = 180
	chartBarHeight    = 22
)

// newBarChart draws a chart as the printed reports do: a title, one row per
// bar with its name, the bar against the value axis, its limit as a black
// line, and its figures written out; the axis with round ticks and its
// name below. Tapping a bar calls open with it.
func newBarChart(c report.Chart, open func(report.Bar)) fyne.CanvasObject {
	end, step := c.Axis()
	title := widget.NewLabelWithStyle(c.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rows := container.NewVBox()
	for _, b := range c.Bars {
		bar := b
		name := widget.NewLabel(bar.Label)
		name.Alignment = fyne.TextAlignTrailing
		name.Truncation = fyne.TextTruncateEllipsis
		figures := canvas.NewText(c.Figures(bar), theme.Color(theme.ColorNameForeground))
		if bar.Marked() {
			figures.Color = alertColour
			figures.TextStyle.Bold = true
		}
		track := newBarTrack(bar, end, step, func() { open(bar) })
		rows.Add(container.NewBorder(nil, nil, fixedWidth(chartNameWidth, name),
			fixedWidth(chartFiguresWidth, container.NewPadded(figures)), track))
	}
	axis := &axisTicks{end: end, step: step}
	axis.ExtendBaseWidget(axis)
	axisName := widget.NewLabelWithStyle(c.ValueLabel, fyne.TextAlignCenter, fyne.TextStyle{})
	bottom := container.NewBorder(nil, nil, fixedWidth(chartNameWidth, layout.NewSpacer()),
		fixedWidth(chartFiguresWidth, layout.NewSpacer()), container.NewVBox(axis, axisName))
	return container.NewVBox(title, chartLegend(c), rows, bottom)
}

// chartLegend explains the marks the chart uses, each drawn beside its words.
func chartLegend(c report.Chart) fyne.CanvasObject {
	legend := container.NewHBox(fixedWidth(chartNameWidth, layout.NewSpacer()))
	swatch := func(b report.Bar, text string) {
		track := newBarTrack(b, 1, 1, nil)
		legend.Add(container.NewCenter(container.NewGridWrap(fyne.NewSize(28, 14), track)))
		legend.Add(widget.NewLabel(text))
	}
	if c.HasLimits() {
		swatch(report.Bar{Value: 1}, "在上限内")
	}
	if c.MarkLegend != "" {
		swatch(report.Bar{Value: 1, Alert: true}, c.MarkLegend)
	}
	if c.HasLimits() {
		limit := canvas.NewLine(limitColour)
		limit.StrokeWidth = 3
		limit.Position1, limit.Position2 = fyne.NewPos(14, 0), fyne.NewPos(14, 18)
		legend.Add(container.NewCenter(container.NewGridWrap(fyne.NewSize(28, 18), container.NewWithoutLayout(limit))))
		legend.Add(widget.NewLabel("上限"))
	}
	return legend
}

// fixedWidth gives an object a column of its own width.
func fixedWidth(w float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, max(o.MinSize().Height, chartBarHeight)), o)
}

// barTrack is one bar on its stretch of the axis, tappable.
type barTrack struct {
	widget.BaseWidget
	bar       report.Bar
	end, step int
	tapped    func()
}

func newBarTrack(b report.Bar, end, step int, tapped func()) *barTrack {
	t := &barTrack{bar: b, end: end, step: step, tapped: tapped}
	t.ExtendBaseWidget(t)
	return t
}

func (t *barTrack) Tapped(*fyne.PointEvent) { t.tapped() }
func (t *barTrack) Cursor() desktop.Cursor  { return desktop.PointerCursor }

func (t *barTrack) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{t: t}
	for v := 0; v <= t.end; v += t.step {
		line := canvas.NewLine(gridColour)
		line.StrokeWidth = 1
		r.grid = append(r.grid, line)
	}
	if t.bar.Marked() {
		r.fill = canvas.NewRasterWithPixels(func(x, y, _, _ int) color.Color {
			if (x+y)%8 < 3 {
				return alertColour
			}
			return color.White
		})
		border := canvas.NewRectangle(color.Transparent)
		border.StrokeColor, border.StrokeWidth = alertColour, 1.5
		r.border = border
	} else {
		r.fill = canvas.NewRectangle(barColour)
	}
	if t.bar.Limit > 0 {
		r.limit = canvas.NewLine(limitColour)
		r.limit.StrokeWidth = 3
	}
	return r
}

type barRenderer struct {
	t      *barTrack
	grid   []*canvas.Line
	fill   fyne.CanvasObject
	border *canvas.Rectangle
	limit  *canvas.Line
}

func (r *barRenderer) at(v int, width float32) float32 {
	return width * float32(v) / float32(r.t.end)
}

func (r *barRenderer) Layout(size fyne.Size) {
	for i, line := range r.grid {
		x := r.at(i*r.t.step, size.Width)
		line.Position1, line.Position2 = fyne.NewPos(x, 0), fyne.NewPos(x, size.Height)
	}
	pad := size.Height / 6
	barSize := fyne.NewSize(r.at(r.t.bar.Value, size.Width), size.Height-2*pad)
	r.fill.Move(fyne.NewPos(0, pad))
	r.fill.Resize(barSize)
	if r.border != nil {
		r.border.Move(fyne.NewPos(0, pad))
		r.border.Resize(barSize)
	}
	if r.limit != nil {
		x := r.at(r.t.bar.Limit, size.Width)
		r.limit.Position1, r.limit.Position2 = fyne.NewPos(x, 0), fyne.NewPos(x, size.Height)
	}
}

func (r *barRenderer) MinSize() fyne.Size { return fyne.NewSize(160, chartBarHeight) }

func (r *barRenderer) Refresh() { r.Layout(r.t.Size()) }

func (r *barRenderer) Objects() []fyne.CanvasObject {
	objects := make([]fyne.CanvasObject, 0, len(r.grid)+3)
	for _, l := range r.grid {
		objects = append(objects, l)
	}
	objects = append(objects, r.fill)
	if r.border != nil {
		objects = append(objects, r.border)
	}
	if r.limit != nil {
		objects = append(objects, r.limit)
	}
	return objects
}

func (r *barRenderer) Destroy() {}

// axisTicks writes the value axis's tick numbers under the bars.
type axisTicks struct {
	widget.BaseWidget
	end, step int
}

func (a *axisTicks) CreateRenderer() fyne.WidgetRenderer {
	r := &ticksRenderer{a: a, line: canvas.NewLine(theme.Color(theme.ColorNameForeground))}
	for v := 0; v <= a.end; v += a.step {
		text := canvas.NewText(strconv.Itoa(v), theme.Color(theme.ColorNameForeground))
		text.TextSize = theme.TextSize() * 0.85
		r.labels = append(r.labels, text)
	}
	return r
}

type ticksRenderer struct {
	a      *axisTicks
	line   *canvas.Line
	labels []*canvas.Text
}

func (r *ticksRenderer) Layout(size fyne.Size) {
	r.line.Position1, r.line.Position2 = fyne.NewPos(0, 0), fyne.NewPos(size.Width, 0)
	for i, l := range r.labels {
		x := size.Width * float32(i*r.a.step) / float32(r.a.end)
		w := l.MinSize().Width
		l.Move(fyne.NewPos(x-w/2, 2))
		l.Resize(l.MinSize())
	}
}

func (r *ticksRenderer) MinSize() fyne.Size {
	return fyne.NewSize(160, r.labels[0].MinSize().Height+4)
}

func (r *ticksRenderer) Refresh() { r.Layout(r.a.Size()) }

func (r *ticksRenderer) Objects() []fyne.CanvasObject {
	objects := []fyne.CanvasObject{r.line}
	for _, l := range r.labels {
		objects = append(objects, l)
	}
	return objects
}

func (r *ticksRenderer) Destroy() {}
