package importer

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// WriteRejected writes the rejected rows as an .xlsx with the file's own
// header and a 问题 column, so the teacher can fix them and import again.
func (p *Plan) WriteRejected(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Sheet1"
	header := append([]any{"原行号", "问题"}, toAny(p.Header)...)
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	for i, r := range p.Rejected() {
		row := append([]any{r.Line, r.Reasons()}, toAny(visibleControls(r.Cells))...)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
	}
	// 学号 and the rest stay text when the file is opened again.
	style, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	if err := f.SetColStyle(sheet, "C:Z", style); err != nil {
		return err
	}
	_ = f.SetColWidth(sheet, "B", "B", 60)
	_ = f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	return f.Write(w)
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// visibleControls writes the control characters an .xlsx cannot hold
// (all but tab and line breaks) as \x1b, so that the teacher sees in Excel
// what the row's reason names, where Excel would show nothing or "�".
func visibleControls(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		if strings.IndexFunc(c, xmlControl) < 0 {
			out[i] = c
			continue
		}
		var b strings.Builder
		for _, r := range c {
			if xmlControl(r) {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				b.WriteRune(r)
			}
		}
		out[i] = b.String()
	}
	return out
}

func xmlControl(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f }
