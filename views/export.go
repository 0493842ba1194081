package views

import (
	"io"

	"fyne.io/fyne/v2"

	"tuanxue/app/report"
)

// exportXLSX asks where to save and writes the table that build makes,
// off the UI thread; a large roster takes a moment. The place is checked
// like the command line's --out (saveAs), the file written whole or not at
// all, and a panic is a message, not the end of the window (exportTo).
func exportXLSX(win fyne.Window, name string, build func() (report.Table, error)) {
	saveAs(win, name, func(path string) {
		exportTo(win, path, func(w io.Writer) error {
			t, err := build()
			if err != nil {
				return err
			}
			return report.WriteXLSX(w, t)
		})
	})
}
