package report

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"sync"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"tuanxue/assets"
)

// ChartDPI is the resolution of chart pictures: print quality.
const ChartDPI = 300

// ChartWidth is the width, in mm, charts are drawn at in pictures.
const ChartWidth = 170.0

// WriteChartPNG draws a chart as a picture ChartWidth mm wide at ChartDPI,
// for documents that take pictures rather than drawings (Word).
func WriteChartPNG(w io.Writer, c Chart) error {
	f, err := chartFont()
	if err != nil {
		return err
	}
	const margin = 2.0
	scale := ChartDPI / 25.4 // px per mm
	width, height := ChartWidth+2*margin, chartHeight(c)+2*margin
	img := image.NewRGBA(image.Rect(0, 0, int(width*scale), int(height*scale)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	drawChart(&pngPainter{img: img, scale: scale, font: f, faces: map[float64]xfont.Face{}}, c, margin, margin, ChartWidth)
	return png.Encode(w, img)
}

var chartFont = sync.OnceValues(func() (*opentype.Font, error) { return opentype.Parse(assets.Font) })

// pngPainter draws anti-aliased shapes and text on an image.
type pngPainter struct {
	img   *image.RGBA
	scale float64 // px per mm
	font  *opentype.Font
	faces map[float64]xfont.Face
}

func (d *pngPainter) face(size float64) xfont.Face {
	if f, ok := d.faces[size]; ok {
		return f
	}
	f, err := opentype.NewFace(d.font, &opentype.FaceOptions{Size: size, DPI: ChartDPI, Hinting: xfont.HintingNone})
	if err != nil {
		panic(err) // the bundled font parsed: sizes cannot fail
	}
	d.faces[size] = f
	return f
}

func colourOf(c rgb) color.Color { return color.RGBA{c.r, c.g, c.b, 255} }

// fill paints the polygon of points (in mm), rasterising only its own
// bounding box: a chart is a few hundred small shapes on a large picture.
func (d *pngPainter) fill(c rgb, pts ...[2]float64) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		minX, maxX = min(minX, p[0]*d.scale), max(maxX, p[0]*d.scale)
		minY, maxY = min(minY, p[1]*d.scale), max(maxY, p[1]*d.scale)
	}
	box := image.Rect(int(minX), int(minY), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(d.img.Bounds())
	if box.Empty() {
		return
	}
	r := vector.NewRasterizer(box.Dx(), box.Dy())
	at := func(p [2]float64) (float32, float32) {
		return float32(p[0]*d.scale - float64(box.Min.X)), float32(p[1]*d.scale - float64(box.Min.Y))
	}
	r.MoveTo(at(pts[0]))
	for _, p := range pts[1:] {
		r.LineTo(at(p))
	}
	r.ClosePath()
	r.Draw(d.img, box, image.NewUniform(colourOf(c)), image.Point{})
}

func (d *pngPainter) rect(x, y, w, h float64, fill, stroke *rgb, strokeWidth float64) {
	if fill != nil {
		d.fill(*fill, [2]float64{x, y}, [2]float64{x + w, y}, [2]float64{x + w, y + h}, [2]float64{x, y + h})
	}
	if stroke != nil {
		d.line(x, y, x+w, y, strokeWidth, *stroke, false)
		d.line(x+w, y, x+w, y+h, strokeWidth, *stroke, false)
		d.line(x+w, y+h, x, y+h, strokeWidth, *stroke, false)
		d.line(x, y+h, x, y, strokeWidth, *stroke, false)
	}
}

// hatch draws the lines from bottom-left to top-right, cut at the box's sides.
func (d *pngPainter) hatch(x, y, w, h float64, c rgb) {
	for hx := x - h; hx < x+w; hx += 1.4 {
		t0, t1 := max(0, (x-hx)/h), min(1, (x+w-hx)/h)
		if t0 < t1 {
			d.line(hx+t0*h, y+h-t0*h, hx+t1*h, y+h-t1*h, 0.35, c, false)
		}
	}
}

func (d *pngPainter) line(x1, y1, x2, y2, width float64, c rgb, dashed bool) {
	length := math.Hypot(x2-x1, y2-y1)
	if length == 0 {
		return
	}
	ux, uy := (x2-x1)/length, (y2-y1)/length
	nx, ny := -uy*width/2, ux*width/2
	dash, gap := length, 0.0
	if dashed {
		dash, gap = 1, 0.6
	}
	for s := 0.0; s < length; s += dash + gap {
		e := min(s+dash, length)
		ax, ay, bx, by := x1+ux*s, y1+uy*s, x1+ux*e, y1+uy*e
		d.fill(c, [2]float64{ax + nx, ay + ny}, [2]float64{bx + nx, by + ny}, [2]float64{bx - nx, by - ny}, [2]float64{ax - nx, ay - ny})
	}
}

func (d *pngPainter) text(x, y, w, h, size float64, s, align string, c rgb) {
	s = bundled().printable(s, nil) // as in the PDF: 〓, not a box
	face := d.face(size)
	dr := xfont.Drawer{Dst: d.img, Src: image.NewUniform(colourOf(c)), Face: face}
	width := float64(dr.MeasureString(s)) / 64 / d.scale
	switch align {
	case "C":
		x += (w - width) / 2
	case "R":
		x += w - width
	}
	m := face.Metrics()
	baseline := y*d.scale + h*d.scale/2 + float64(m.Ascent-m.Descent)/64/2
	dr.Dot = fixed.Point26_6{X: fixed.Int26_6(x * d.scale * 64), Y: fixed.Int26_6(baseline * 64)}
	dr.DrawString(s)
}

func (d *pngPainter) textWidth(s string, size float64) float64 {
	s = bundled().printable(s, nil)
	return float64(xfont.MeasureString(d.face(size), s)) / 64 / d.scale
}
