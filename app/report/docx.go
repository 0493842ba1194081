package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
)

// WriteDOCX writes a document as Word (.docx) for the teacher to edit and
// print, WordprocessingML written directly (no library in between): A4,
// landscape when its tables print on fewer pages across; ruled tables with
// set column widths and a header row repeated on every page; page numbers in
// the footer; real heading styles, so the navigation pane lists them; Chinese
// (zh-CN) text in 宋体 / 黑体 / 仿宋 / 楷体, which every Chinese Windows has; the
// charts as 300-dpi pictures within the text width; our own document
// properties. A text document (the 自评报告) is set as an official document
// (GB/T 9704-2012): its margins, a 2号 title, 3号 仿宋 body text.
func WriteDOCX(w io.Writer, d Document) error {
	x := newDocxWriter(d)
	body, err := x.body()
	if err != nil {
		return err
	}
	return x.pack(w, body)
}

// docxPage is the geometry and type of a Word document, in mm and points.
type docxPage struct {
	landscape                bool
	top, bottom, left, right float64 // margins, mm
	text                     bool    // an official text document (GB/T 9704)
	table                    tableStyle
}

func (g docxPage) width() float64 {
	if g.landscape {
		return a4Long - g.left - g.right
	}
	return a4Short - g.left - g.right
}

// docxTable is how Word tables are set: 小五 (9 pt) 宋体, 1 mm inside each
// cell (docxCellMargin) and 0.4 mm to spare, for fonts a little wider than
// ours.
var docxTable = tableStyle{size: 9, line: 4.6, pad: docxCellMargin + 0.4}

const docxCellMargin = 1.0 // mm

func pageOf(d Document) docxPage {
	if len(d.Sections) == 0 && len(d.Paragraphs) > 0 {
		// GB/T 9704-2012: 版心 156 × 225 mm, top 37 mm, left 28 mm.
		return docxPage{top: 37, bottom: 35, left: 28, right: 26, text: true, table: docxTable}
	}
	return docxPage{landscape: landscape(d, docxTable), top: 18, bottom: 18, left: 18, right: 18, table: docxTable}
}

type docxWriter struct {
	d        Document
	page     docxPage
	b        strings.Builder
	pictures [][]byte // word/media/chartN.png, in order
	drawn    bool     // something is on the page below the title
}

func newDocxWriter(d Document) *docxWriter { return &docxWriter{d: d, page: pageOf(d)} }

// body writes the document's body: title, header lines, tables, text,
// charts and signature, then the page setup.
func (x *docxWriter) body() (string, error) {
	d := x.d
	x.para(pPr{style: "Title"}, d.Title)
	if d.Subtitle != "" {
		x.para(pPr{style: "Subtitle"}, d.Subtitle)
	}
	for _, f := range d.Header {
		x.para(pPr{}, f.Label+"："+f.Value)
	}
	for _, s := range d.Sections {
		x.section(s)
	}
	for _, p := range d.Paragraphs {
		x.paragraph(p)
	}
	for _, c := range d.Charts {
		if err := x.chart(c); err != nil {
			return "", err
		}
	}
	if d.Signature {
		x.signature([]string{"团委书记（签字）：　　　　　　　　（盖章）", "年　　月　　日"})
	}
	x.sectPr()
	return x.b.String(), nil
}

// paragraph writes a paragraph of a text document: a heading of its level,
// a body paragraph with its first line indented two characters, or a line
// flush left (the addressee) or right (the sign-off).
func (x *docxWriter) paragraph(p Paragraph) {
	x.drawn = true
	if l := p.level(); l > 0 {
		x.para(pPr{style: fmt.Sprintf("Heading%d", l)}, p.Text)
		return
	}
	switch p.Align {
	case AlignLeft:
		x.para(pPr{style: "BodyFlush"}, p.Text)
	case AlignRight:
		x.para(pPr{style: "BodyFlush", align: "right"}, p.Text)
	default:
		x.para(pPr{style: "Body"}, p.Text)
	}
}

// signature writes a signature block, right-aligned, its lines together.
func (x *docxWriter) signature(lines []string) {
	for i, line := range lines {
		x.para(pPr{style: "Signature", keepNext: i < len(lines)-1, before: i == 0}, line)
	}
}

// chart puts a chart in as pictures, no wider than the text: a chart of
// many bars in parts of pictureBars, each part a picture that cannot split.
func (x *docxWriter) chart(c Chart) error {
	x.drawn = true
	if c.IsEmpty() {
		x.para(pPr{style: "Caption", keepNext: true}, c.Title)
		x.para(pPr{}, c.EmptyText())
		return nil
	}
	for _, part := range c.split(pictureBars) {
		var png bytes.Buffer
		if err := WriteChartPNG(&png, part); err != nil {
			return fmt.Errorf("图表“%s”：%w", c.Title, err)
		}
		x.pictures = append(x.pictures, png.Bytes())
		w, h := ChartWidth+4, chartHeight(part)+4
		if w > x.page.width() {
			w, h = x.page.width(), h*x.page.width()/w
		}
		x.picture(len(x.pictures), w, h, part.Title)
	}
	return nil
}

// pictureBars is the most bars a picture holds: 18 rows fit under a Word
// page's title with room to spare.
const pictureBars = 18

// pack zips the parts of the document.
func (x *docxWriter) pack(w io.Writer, body string) error {
	z := zip.NewWriter(w)
	now := time.Now().UTC().Format(time.RFC3339)
	parts := []struct{ name, text string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", coreProps(x.d.Title, x.d.Subtitle, now)},
		{"docProps/app.xml", appProps},
		{"word/document.xml", documentHead + body + documentTail},
		{"word/styles.xml", stylesXML(x.page)},
		{"word/settings.xml", settingsXML},
		{"word/fontTable.xml", fontTableXML},
		{"word/footer1.xml", footerXML(x.page.text)},
		{"word/_rels/document.xml.rels", documentRels(len(x.pictures))},
	}
	for _, p := range parts {
		f, err := z.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.text); err != nil {
			return err
		}
	}
	for i, png := range x.pictures {
		f, err := z.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("word/media/chart%d.png", i+1), Method: zip.Store})
		if err != nil {
			return err
		}
		if _, err := f.Write(png); err != nil {
			return err
		}
	}
	return z.Close()
}
