package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

// binScreen is 回收站: deleted records, restored with what went with them,
// or deleted for good after a question.
type binScreen struct {
	svc            *app.Service
	win            fyne.Window
	entries        []data.BinEntry
	cells          [][]string
	row            int
	table          *widget.Table
	restore, purge *widget.Button
	count          *widget.Label
	note           *widget.Label // what went with the chosen record
	root           fyne.CanvasObject
}

func newBinScreen(svc *app.Service, win fyne.Window) *binScreen {
	s := &binScreen{svc: svc, win: win, row: -1, count: widget.NewLabel(""), note: widget.NewLabel("")}
	s.note.Wrapping = fyne.TextWrapWord
	s.table = newListTable(app.BinColumns, func() int { return len(s.cells) }, func(r, c int) (string, bool) { return s.cells[r][c], false })
	s.table.OnSelected = func(id widget.TableCellID) {
		s.row = id.Row
		s.note.SetText(binNote(s.entries[id.Row]))
		s.restore.Enable()
		s.purge.Enable()
	}
	s.restore = widget.NewButtonWithIcon("恢复", theme.ContentUndoIcon(), func() {
		if err := svc.RestoreFromBin(s.entries[s.row]); err != nil {
			showError(err, win)
		}
	})
	s.purge = widget.NewButtonWithIcon("彻底删除", theme.DeleteIcon(), func() {
		e := s.entries[s.row]
		confirm("彻底删除", "彻底删除“"+e.Label+"”后无法恢复，数据文件中也不再留有它的任何内容（自动备份中仍有）。确定吗？", "彻底删除", win, func() {
			if err := svc.Purge(e); err != nil {
				showError(err, win)
			}
			s.reload() // rows already deleted: no other screen shows them
		})
	})
	s.purge.Importance = widget.DangerImportance
	s.root = container.NewPadded(container.NewBorder(
		container.NewBorder(nil, nil, s.count, container.NewHBox(s.restore, s.purge)),
		container.NewVBox(widget.NewSeparator(), s.note), nil, nil, s.table))
	s.reload()
	return s
}

func (s *binScreen) object() fyne.CanvasObject { return s.root }

func (s *binScreen) reload() {
	entries, err := s.svc.Bin()
	if err != nil {
		showError(err, s.win)
		return
	}
	s.entries, s.cells, s.row = entries, app.BinCells(entries), -1
	s.count.SetText("回收站中有 " + itoa(len(entries)) + " 条记录")
	s.table.UnselectAll()
	s.table.Refresh()
	s.restore.Disable()
	s.purge.Disable()
	s.note.SetText("点选一条，看它删除时带走了什么、恢复时带回什么。")
}

// binNote says what went to the bin with a record, and what restoring it
// brings back.
func binNote(e data.BinEntry) string {
	switch e.Entity {
	case "organizations":
		return "删除“" + e.Label + "”时，它的工作部门随之移入回收站，它的任职记录随之不再出现在名册、考核和报表中。" +
			"恢复它，部门和任职记录都一起回来。还有任职记录的组织不能彻底删除。"
	case "people":
		return "删除“" + e.Label + "”时，他（她）的任职、退出、考核、推优和候选记录随之移入回收站；恢复时一起回来。"
	case "trainings", "meetings":
		return "“" + e.Label + "”的签到记录随它保留；恢复时一起回来，彻底删除时一并删除。"
	case "rectifications":
		return "“" + e.Label + "”的整改过程和佐证材料随它保留；恢复时一起回来，彻底删除时连同佐证文件一并删除。"
	}
	return "恢复后，“" + e.Label + "”回到原处。"
}

const allActions, allEntities = "全部操作", "全部对象"

// logScreen is 操作日志: who changed what and when.
type logScreen struct {
	svc            *app.Service
	win            fyne.Window
	action, entity *widget.Select
	cells          [][]string
	table          *wrapTable
	root           fyne.CanvasObject
}

func newLogScreen(svc *app.Service, win fyne.Window) *logScreen {
	s := &logScreen{svc: svc, win: win}
	s.action = newChoice(append([]string{allActions}, app.Texts(app.Actions)...), func(string) { s.reload() })
	s.entity = newChoice(append([]string{allEntities}, app.Texts(app.Entities)...), func(string) { s.reload() })
	s.table = newWrapTable(app.LogColumns, func() int { return len(s.cells) }, func(r, c int) (string, bool) { return s.cells[r][c], false }).oneLine()
	export := widget.NewButtonWithIcon("导出 Excel…", theme.DownloadIcon(), func() {
		t := report.Table{Title: "操作日志", Subtitle: svc.Subtitle("最近 5000 条"), Columns: app.LogColumns, Rows: s.cells}
		exportXLSX(win, "操作日志.xlsx", func() (report.Table, error) { return t, nil })
	})
	s.root = container.NewPadded(container.NewBorder(
		container.NewBorder(nil, nil, nil, export, container.NewGridWithColumns(2, s.action, s.entity)), nil, nil, nil, s.table))
	s.action.SetSelected(allActions)
	s.entity.SetSelected(allEntities)
	return s
}

func (s *logScreen) object() fyne.CanvasObject { return s.root }

func (s *logScreen) reload() {
	if s.action.Selected == "" || s.entity.Selected == "" {
		return
	}
	cells, err := s.svc.OpLogCells(data.OpLogFilter{Action: app.CodeOf(app.Actions, s.action.Selected),
		Entity: app.CodeOf(app.Entities, s.entity.Selected), Limit: 5000})
	if err != nil {
		showError(err, s.win)
		return
	}
	s.cells = cells
	s.table.Refresh()
}
