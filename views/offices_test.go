package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

// A form open in this window and saved after another office (another
// window on the file, another program on the server) saved the same record
// is refused with the message, and the other office's save stays.
func TestFormSavedAfterAnotherOfficeIsRefused(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.refreshAll()
	w.ShowModule("组织机构")
	if err := w.orgs.selectKind(data.KindCollegeUnion); err != nil {
		t.Fatal(err)
	}
	p := w.orgs.depts
	p.table.Select(widget.TableCellID{Row: 0, Col: 1})
	test.Tap(p.edit)
	form := topDialog(t, w.Win)
	dept := p.depts[0]

	other := app.DeptDraftOf(dept)
	other.Duties = "另一个办公室写的职责"
	if _, err := svc.SaveDepartment(other); err != nil {
		t.Fatal(err)
	}
	dialogEntries(t, w.Win)[1].SetText("这个窗口写的职责")
	test.Tap(findButton(t, form, "保存"))
	if msg := strings.Join(labelsUnder(topDialog(t, w.Win)), ""); !strings.Contains(msg, "被修改过") {
		t.Fatalf("second save not refused: %q", msg)
	}
	if stored, _ := svc.Store().Department(dept.ID); stored.Duties != "另一个办公室写的职责" {
		t.Fatalf("duties %q", stored.Duties)
	}
}

// The assessment grid, opened before another office entered the same
// department, does not overwrite what that office entered.
func TestAssessmentGridSavedAfterAnotherOfficeIsRefused(t *testing.T) {
	w, svc, _ := rosterUI(t)
	g := openAssessmentGrid(svc, w.Win)
	g.dept.SetSelected("宣传部")
	first := g.rows[0].sheet

	other := app.AssessmentDraft{PersonID: first.PersonID, Name: first.Name, OrganizationID: g.orgs.id(g.org.Selected),
		Scores: [4]string{"95", "95", "95", "95"}}
	if err := svc.SaveAssessments(g.sem().String(), []app.AssessmentDraft{other}); err != nil {
		t.Fatal(err)
	}
	for _, e := range g.rows[0].scores {
		e.SetText("60")
	}
	if g.save() || !strings.Contains(g.message.Text, "被修改过") {
		t.Fatalf("grid saved over another office's entry: %q", g.message.Text)
	}
	as, _ := svc.Assessments(first.PersonID)
	if len(as) == 0 || as[0].Semester != g.sem().String() || *as[0].Total != 95 {
		t.Fatalf("stored %+v", as)
	}

	// Opened again, the grid shows that entry and saves over it.
	g.load()
	for _, e := range g.rows[0].scores {
		e.SetText("60")
	}
	if !g.save() {
		t.Fatalf("reopened grid refused: %q", g.message.Text)
	}
}
