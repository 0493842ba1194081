package views

import (
	"testing"

	"fyne.io/fyne/v2"

	"tuanxue/app"
)

// small is a common projector and old-laptop size.
var small = fyne.NewSize(1024, 700)

// TestEveryScreenFitsASmallWindow: no screen asks for more than 1024 × 700.
func TestEveryScreenFitsASmallWindow(t *testing.T) {
	w, _ := sampleUI(t)
	w.Win.Resize(small)
	for _, m := range w.Modules() {
		w.ShowModule(m)
		if min := w.Win.Content().MinSize(); min.Width > small.Width || min.Height > small.Height {
			t.Errorf("%s needs %.0f × %.0f", m, min.Width, min.Height)
		}
	}
}

// TestEveryDialogFitsASmallWindow: the forms and lists opened from the
// screens fit 1024 × 700 too.
func TestEveryDialogFitsASmallWindow(t *testing.T) {
	w, svc := sampleUI(t)
	w.Win.Resize(small)
	for _, m := range w.Modules() {
		w.ShowModule(m)
	}
	w.ShowModule("概览")
	openers := map[string]func(){
		"人员信息":  func() { w.roster.openPerson(w.roster.people[0]) },
		"新增人员":  func() { w.roster.openPerson(0) },
		"整改事项":  func() { w.ledger.openItem(w.ledger.items[0].ID) },
		"培训":    func() { w.sessions.editTraining(w.sessions.trainings.ids[0]) },
		"会议":    func() { w.sessions.editMeeting(w.sessions.meetings.ids[0]) },
		"考勤":    func() { openAttendance(svc, w.Win, app.Session{TrainingID: &w.sessions.trainings.ids[0]}) },
		"批量考核":  func() { openAssessmentGrid(svc, w.Win) },
		"述职评议":  func() { openReviewDialog(svc, w.Win) },
		"新建选拔":  func() { w.selections.openRound(app.SelectionRound{}) },
		"办理退出":  func() { w.roster.openPerson(w.roster.people[0]); lastPerson.openExit() },
		"新增任职":  func() { w.roster.openPerson(w.roster.people[0]); lastPerson.addAppointment() },
		"学代会材料": func() { congressKitShot(w, 1) },
	}
	w.roster.cell(0, 0)
	for name, open := range openers {
		open()
		if min := w.Win.Canvas().Overlays().Top().MinSize(); min.Width > small.Width || min.Height > small.Height {
			t.Errorf("%s needs %.0f × %.0f", name, min.Width, min.Height)
		}
		dismissOverlays(w.Win)
	}
}
