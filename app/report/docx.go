package report

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/common/units"
	"github.com/gomutex/godocx/wml/stypes"
)

// WriteDOCX writes a document as Word (.docx) for the teacher to edit:
// title, subtitle, header lines, headings and paragraphs, tables, and the
// charts as pictures at print resolution.
func WriteDOCX(w io.Writer, d Document) error {
	doc, err := godocx.NewDocument()
	if err != nil {
		return err
	}
	title := doc.AddParagraph("")
	title.AddText(d.Title).Size(36).Bold(true)
	title.Justification(stypes.JustificationCenter)
	if d.Subtitle != "" {
		sub := doc.AddParagraph("")
		sub.AddText(d.Subtitle).Size(20)
		sub.Justification(stypes.JustificationCenter)
	}
	for _, f := range d.Header {
		doc.AddParagraph(f.Label + "：" + f.Value)
	}
	for _, p := range d.Paragraphs {
		if p.Heading {
			doc.AddParagraph("").AddText(p.Text).Size(28).Bold(true)
			continue
		}
		doc.AddParagraph("　　" + p.Text)
	}
	for _, s := range d.Sections {
		if s.Caption != "" {
			doc.AddParagraph("").AddText(s.Caption).Bold(true)
		}
		t := doc.AddTable()
		t.Style("Table Grid")
		header := t.AddRow()
		for _, c := range s.Columns {
			header.AddCell().AddParagraph("").AddText(c.Title).Bold(true)
		}
		for _, r := range s.Rows {
			row := t.AddRow()
			for _, v := range r {
				row.AddCell().AddParagraph(v)
			}
		}
	}
	// godocx takes pictures from files: draw them in a folder of our own
	// that goes once the document is written.
	dir, err := os.MkdirTemp("", "tuanxue-charts-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	var pictures []Chart
	for _, c := range d.Charts {
		pictures = append(pictures, c.split(pictureBars)...)
	}
	for i, c := range pictures {
		path := filepath.Join(dir, fmt.Sprintf("chart%d.png", i+1))
		if err := writeChartFile(path, c); err != nil {
			return err
		}
		const mmPerInch = 25.4
		width, height := (ChartWidth+4)/mmPerInch, (chartHeight(c)+4)/mmPerInch
		if _, err := doc.AddPicture(path, units.Inch(width), units.Inch(height)); err != nil {
			return fmt.Errorf("图表“%s”：%w", c.Title, err)
		}
	}
	if d.Signature {
		doc.AddParagraph("团委书记（签字）：　　　　　　　　（盖章）")
		doc.AddParagraph("年　　月　　日")
	}
	return doc.Write(w)
}

// pictureBars is the most bars a picture holds: 18 rows fit under a Word
// page's title with room to spare.
const pictureBars = 18

func writeChartFile(path string, c Chart) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := WriteChartPNG(f, c); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
