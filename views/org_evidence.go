package views

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/app/reports"
)

var indicatorEvidenceColumns = []report.Column{{Title: "佐证材料", Width: 26}, {Title: "来源", Width: 6}, {Title: "日期", Width: 6}}

// indicatorEvidence is the lower half of the 改革指标 tab: for the indicator
// chosen above, its conclusion and its evidence — what the records show,
// the teacher's conclusion, the files attached, and what is missing
// (缺少：…, in red) — where the teacher attaches, opens and removes files.
type indicatorEvidence struct {
	svc     *app.Service
	win     fyne.Window
	ref     app.IndicatorRef
	lines   []reports.EvidenceLine
	row     int // the selected line, -1 for none
	title   *widget.Label
	table   *widget.Table
	add     *widget.Button
	open    *widget.Button
	remove  *widget.Button
	changed func() // after a file was attached or removed: read the evidence again
	box     fyne.CanvasObject
}

func newIndicatorEvidence(svc *app.Service, win fyne.Window, changed func()) *indicatorEvidence {
	e := &indicatorEvidence{svc: svc, win: win, row: -1, title: widget.NewLabel("选择上面的一项指标，查看它的佐证材料。"), changed: changed}
	e.title.Wrapping = fyne.TextWrapWord
	e.table = newListTable(indicatorEvidenceColumns, func() int { return len(e.lines) }, func(row, col int) (string, bool) {
		l := e.lines[row]
		return []string{l.Text, l.Source, l.Date}[col], l.Missing
	})
	e.table.OnSelected = func(id widget.TableCellID) {
		e.row = id.Row
		e.enable()
	}
	e.add = widget.NewButtonWithIcon("添加文件…", theme.FileIcon(), e.choose)
	e.open = widget.NewButton("打开", e.openFile)
	e.remove = widget.NewButton("删除", e.delete)
	e.enable()
	buttons := container.NewHBox(e.add, e.open, e.remove)
	e.box = container.NewBorder(container.NewBorder(nil, nil, nil, buttons, e.title), nil, nil, nil, e.table)
	return e
}

func (e *indicatorEvidence) object() fyne.CanvasObject { return e.box }

// show puts a result's evidence in the panel; a nil res empties it.
func (e *indicatorEvidence) show(res *compliance.Result, ref app.IndicatorRef, lines []reports.EvidenceLine) {
	e.ref, e.lines, e.row = ref, lines, -1
	e.table.UnselectAll()
	if res == nil {
		e.ref, e.lines = app.IndicatorRef{}, nil
		e.title.SetText("选择上面的一项指标，查看它的佐证材料。")
	} else {
		outcome := app.TextOf(compliance.Outcomes, res.Outcome)
		if res.Manual() {
			outcome += "（人工结论）"
		}
		missing := 0
		for _, l := range lines {
			if l.Missing {
				missing++
			}
		}
		text := markedNumber(res.Rule) + ". " + res.Rule.Text + "\n结论：" + outcome + "；佐证材料 " + itoa(len(lines)-missing) + " 项"
		if missing > 0 {
			text += "，缺少 " + itoa(missing) + " 项"
		}
		e.title.SetText(text)
	}
	e.table.Refresh()
	e.enable()
}

// file is the attached file of the selected line, or nil.
func (e *indicatorEvidence) file() *app.Evidence {
	if e.row < 0 || e.row >= len(e.lines) {
		return nil
	}
	return e.lines[e.row].File
}

func (e *indicatorEvidence) enable() {
	setEnabled(e.add, e.ref.Indicator != "")
	setEnabled(e.open, e.file() != nil)
	setEnabled(e.remove, e.file() != nil)
}

// choose asks for a file (in the folder last used for evidence) and
// attaches it; a refused file is explained and nothing changes.
func (e *indicatorEvidence) choose() {
	ref := e.ref
	openFileFor(e.win, purposeEvidence, "选择要添加的佐证材料", nil, func(path string) { e.attach(ref, path) })
}

func (e *indicatorEvidence) attach(ref app.IndicatorRef, path string) {
	f, err := os.Open(path)
	if err != nil {
		showError(err, e.win)
		return
	}
	defer f.Close()
	if _, err := e.svc.AddIndicatorEvidence(ref, filepath.Base(path), f); err != nil {
		showError(err, e.win)
		return
	}
	e.changed()
}

func (e *indicatorEvidence) openFile() {
	f := e.file()
	if f == nil {
		return
	}
	path, err := e.svc.EvidencePath(*f)
	if err != nil {
		showError(err, e.win)
		return
	}
	if openFile(path) != nil {
		showOpenFailed("这种文件", e.win)
	}
}

// delete moves the selected file to the recycle bin, after asking.
func (e *indicatorEvidence) delete() {
	f := e.file()
	if f == nil {
		return
	}
	id, name := f.ID, f.Name
	confirm("删除佐证材料", "确定删除“"+name+"”吗？它将移入回收站。", "删除", e.win, func() {
		if err := e.svc.DeleteEvidence(id); err != nil {
			showError(err, e.win)
		}
		e.changed()
	})
}
