package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

// selectionScreen is 选拔: the semester's selection rounds on the left, the
// chosen round's candidates with scores and approval steps on the right.
type selectionScreen struct {
	svc       *app.Service
	win       fyne.Window
	semesters []app.Semester
	semester  *widget.Select
	rounds    []app.SelectionRound
	list      *widget.List
	round     app.SelectionRound
	cands     []app.Candidate
	cells     [][]string
	row       int
	header    *widget.Label
	table     *fyne.Container // rebuilt per round: the score columns differ
	buttons   []*widget.Button
	root      fyne.CanvasObject
}

func newSelectionScreen(svc *app.Service, win fyne.Window) *selectionScreen {
	s := &selectionScreen{svc: svc, win: win, row: -1, header: widget.NewLabel("请在左侧选择或新建一次选拔。"),
		table: container.NewStack()}
	s.header.Wrapping = fyne.TextWrapWord
	settings, _ := svc.Settings()
	s.semesters = app.SemesterChoices(settings.Semester)
	labels := semesterLabels(s.semesters)
	s.semester = newChoice(labels, func(string) { s.reload() })
	s.list = widget.NewList(func() int { return len(s.rounds) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := s.rounds[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s（%s）", r.Title, app.TextOf(app.RoundKinds, r.Kind)))
		})
	s.list.OnSelected = func(i widget.ListItemID) { s.show(s.rounds[i]) }

	newRound := widget.NewButtonWithIcon("新建选拔", theme.ContentAddIcon(), func() { s.openRound(app.SelectionRound{}) })
	editRound := widget.NewButton("编辑选拔", func() { s.openRound(s.round) })
	addCand := widget.NewButtonWithIcon("新增候选人", theme.ContentAddIcon(), func() {
		s.openCandidate(app.CandidateDraft{RoundID: s.round.ID, Result: data.ResultPending, Scores: map[string]string{}})
	})
	editCand := widget.NewButton("编辑候选人", func() { s.openCandidate(app.CandidateDraftOf(s.cands[s.row])) })
	admit := widget.NewButtonWithIcon("录用并任职", theme.ConfirmIcon(), s.openAdmit)
	admit.Importance = widget.HighImportance
	export := widget.NewButtonWithIcon("导出 Excel…", theme.DownloadIcon(), s.export)
	publicity := widget.NewButton("公示与异议…", func() { s.openPublicity() })
	s.buttons = []*widget.Button{editRound, addCand, editCand, admit, export, publicity}

	left := container.NewBorder(container.NewVBox(s.semester, newRound), nil, nil, nil, s.list)
	right := container.NewBorder(container.NewVBox(s.header, container.NewHBox(editRound, addCand, editCand, admit, export, publicity)),
		nil, nil, nil, s.table)
	split := container.NewHSplit(left, container.NewPadded(right))
	split.Offset = 0.25
	s.root = split
	s.semester.SetSelected(settings.Semester.Label())
	s.updateButtons()
	return s
}

func (s *selectionScreen) object() fyne.CanvasObject { return s.root }

func (s *selectionScreen) sem() app.Semester { return semesterOr(s.semesters, s.semester.Selected) }

func (s *selectionScreen) reload() {
	rounds, err := s.svc.Rounds(s.sem().String())
	if err != nil {
		showError(err, s.win)
		return
	}
	s.rounds = rounds
	s.list.UnselectAll()
	s.list.Refresh()
	for i, r := range rounds {
		if r.ID == s.round.ID {
			s.list.Select(i)
			return
		}
	}
	s.show(app.SelectionRound{})
}

// show lists a round's candidates.
func (s *selectionScreen) show(r app.SelectionRound) {
	s.round, s.row = r, -1
	s.cands, s.cells = nil, nil
	if r.ID == 0 {
		s.header.SetText("请在左侧选择或新建一次选拔。")
		s.table.Objects = nil
		s.table.Refresh()
		s.updateButtons()
		return
	}
	org, _ := s.svc.Organization(r.OrganizationID)
	s.header.SetText(fmt.Sprintf("%s · %s · %s · %s · 成绩项：%s", r.Title, org.Name, app.TextOf(app.RoundKinds, r.Kind),
		r.HeldOn, r.ScoreItems))
	s.cands, _ = s.svc.Candidates(r.ID)
	s.cells = s.svc.CandidateCells(r, s.cands)
	t := newListTable(app.CandidateColumns(r), func() int { return len(s.cells) }, func(row, col int) (string, bool) {
		return s.cells[row][col], false
	})
	t.OnSelected = func(id widget.TableCellID) {
		s.row = id.Row
		s.updateButtons()
	}
	s.table.Objects = []fyne.CanvasObject{t}
	s.table.Refresh()
	s.updateButtons()
}

func (s *selectionScreen) updateButtons() {
	chosen := s.row >= 0 && s.row < len(s.cands)
	setEnabled(s.buttons[0], s.round.ID != 0)
	setEnabled(s.buttons[1], s.round.ID != 0)
	setEnabled(s.buttons[2], chosen)
	setEnabled(s.buttons[3], chosen && s.cands[s.row].AppointmentID == nil)
	setEnabled(s.buttons[4], s.round.ID != 0)
	setEnabled(s.buttons[5], s.round.ID != 0)
}

// export writes the round's candidates to Excel.
func (s *selectionScreen) export() {
	t := report.Table{Title: "选拔情况：" + s.round.Title, Subtitle: s.svc.Subtitle(s.semester.Selected),
		Columns: app.CandidateColumns(s.round), Rows: s.cells}
	exportXLSX(s.win, s.round.Title+".xlsx", func() (report.Table, error) { return t, nil })
}
