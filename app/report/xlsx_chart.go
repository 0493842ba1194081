package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// chartSheet holds the charts of a workbook.
const chartSheet = "图表"

// writeCharts puts the document's charts on a sheet of their own, each as
// a native Excel bar chart beside the table of its figures (the chart reads
// them, so a teacher who corrects a figure sees the bar follow). A chart
// with nothing to show is its title and a line saying so.
func writeCharts(f *excelize.File, charts []Chart, st styles) error {
	if len(charts) == 0 {
		return nil
	}
	if _, err := f.NewSheet(chartSheet); err != nil {
		return err
	}
	for _, col := range []struct {
		name  string
		width float64
	}{{"A", 24}, {"B", 10}, {"C", 10}, {"D", 30}} {
		if err := f.SetColWidth(chartSheet, col.name, col.name, col.width); err != nil {
			return err
		}
	}
	// A chart never splits across pages: a block that would not fit in
	// what is left of a page starts the next one.
	row, used := 1, 0.0
	for _, c := range charts {
		if h := chartBlockHeight(c); used > 0 && used+h > chartPageHeight {
			if err := f.InsertPageBreak(chartSheet, cellName(1, row)); err != nil {
				return err
			}
			used = 0
		}
		next, err := writeChart(f, c, row, st)
		if err != nil {
			return fmt.Errorf("图表“%s”：%w", c.Title, err)
		}
		row, used = next, used+chartBlockHeight(c)
	}
	size, orientation := 9, "portrait"
	return f.SetPageLayout(chartSheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation})
}

// chartPageHeight is the printable height of a portrait A4 page, in points.
const chartPageHeight = 700.0

// chartHeightPx is the height of an Excel chart of c, in pixels.
func chartHeightPx(c Chart) int {
	series := 1
	if c.HasLimits() {
		series = 2
	}
	return 90 + 26*len(c.Bars)*series
}

// chartBlockHeight is the height in points of a chart's block: its title,
// its table of figures, the chart and a gap.
func chartBlockHeight(c Chart) float64 {
	if c.IsEmpty() {
		return 24 + 3*chartRowPt
	}
	return 24 + float64(len(c.Bars)+3)*chartRowPt + float64(chartRows(c))*chartRowPt
}

// chartRowPt is the height of a row of the chart sheet, in points; a
// chart spans chartRows of them.
const chartRowPt = 14.5

func chartRows(c Chart) int { return int(float64(chartHeightPx(c))*0.75/chartRowPt) + 1 }

// writeChart writes one chart from row and returns the first row after it.
func writeChart(f *excelize.File, c Chart, row int, st styles) (int, error) {
	_ = f.SetCellStr(chartSheet, cellName(1, row), c.Title)
	_ = f.SetCellStyle(chartSheet, cellName(1, row), cellName(1, row), st.chartTitle)
	_ = f.SetRowHeight(chartSheet, row, 24)
	row++
	if c.IsEmpty() {
		_ = f.SetCellStr(chartSheet, cellName(1, row), c.EmptyText())
		return row + 2, nil
	}
	head := []any{"", c.ValueLabel}
	if c.HasLimits() {
		head = append(head, "上限")
	}
	head = append(head, "说明")
	if err := f.SetSheetRow(chartSheet, cellName(1, row), &head); err != nil {
		return 0, err
	}
	_ = f.SetCellStyle(chartSheet, cellName(1, row), cellName(len(head), row), st.chartHead)
	first := row + 1
	for i, b := range c.Bars {
		cells := []any{b.Label, b.Value}
		if c.HasLimits() {
			var limit any
			if b.Limit > 0 {
				limit = b.Limit
			}
			cells = append(cells, limit)
		}
		cells = append(cells, c.Figures(b))
		if err := f.SetSheetRow(chartSheet, cellName(1, first+i), &cells); err != nil {
			return 0, err
		}
		style := st.body[KindNumber]
		if b.Marked() {
			style = st.alert[KindNumber]
		}
		_ = f.SetCellStyle(chartSheet, cellName(1, first+i), cellName(len(cells), first+i), style)
	}
	last := first + len(c.Bars) - 1
	ref := func(col string) string { return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", chartSheet, col, first, col, last) }
	series := []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$B$%d", chartSheet, row), Categories: ref("A"), Values: ref("B"),
		Fill: excelize.Fill{Type: "pattern", Color: []string{"607DA0"}, Pattern: 1}}}
	if c.HasLimits() {
		series = append(series, excelize.ChartSeries{Name: fmt.Sprintf("'%s'!$C$%d", chartSheet, row), Categories: ref("A"),
			Values: ref("C"), Fill: excelize.Fill{Type: "pattern", Color: []string{"BFBFBF"}, Pattern: 1}})
	}
	height := uint(chartHeightPx(c))
	gap := uint(60)
	chart := &excelize.Chart{Type: excelize.Bar, Series: series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 560, Height: height},
		XAxis:     excelize.ChartAxis{ReverseOrder: true}, // the first bar at the top, as in the table
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.ValueLabel}}}},
		GapWidth:  &gap,
		Format:    excelize.GraphicOptions{AltText: c.Title, LockAspectRatio: false},
	}
	anchor := cellName(1, last+2)
	if err := f.AddChart(chartSheet, anchor, chart); err != nil {
		return 0, err
	}
	for r := first; r <= last+1+chartRows(c); r++ {
		_ = f.SetRowHeight(chartSheet, r, chartRowPt)
	}
	return last + 2 + chartRows(c) + 1, nil
}
