package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuanxue/data"
)

func TestSelectionRoundAdmitsACandidate(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.ShowModule("选拔")
	s := w.selections
	if len(s.rounds) != 1 {
		t.Fatalf("sample rounds %d", len(s.rounds))
	}
	s.list.Select(0)
	if len(s.cands) != 4 {
		t.Fatalf("candidates %d", len(s.cands))
	}

	// The third candidate lacks the approval steps: admission refused.
	s.row = 2
	s.updateButtons()
	test.Tap(s.buttons[3])
	test.Tap(findButton(t, topDialog(t, w.Win), "录用并任职"))
	if !strings.Contains(strings.Join(labelsUnder(topDialog(t, w.Win)), ""), "录用前须完成审批") {
		t.Fatal("missing steps not explained")
	}
	test.Tap(findButton(t, topDialog(t, w.Win), "取消"))

	// The first has them: admitted, appointed, marked 录用.
	s.row = 0
	s.updateButtons()
	test.Tap(s.buttons[3])
	test.Tap(findButton(t, topDialog(t, w.Win), "录用并任职"))
	c, _ := svc.Store().Candidate(s.cands[0].ID)
	if c.Result != data.ResultAdmitted || c.AppointmentID == nil {
		t.Fatalf("candidate after admission %+v", c)
	}
	a, err := svc.Store().Appointment(*c.AppointmentID)
	if err != nil || a.SelectedBy != data.SelectedByRound || a.Post != "干事" {
		t.Fatalf("appointment %+v %v", a, err)
	}
	if got := s.cells[0][len(s.cells[0])-1]; got != "录用" {
		t.Fatalf("result column %q", got)
	}
}
