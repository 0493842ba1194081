package views

import (
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/data"
)

// The dialog shows the sample's review of last semester, says at once when
// the panel is not mostly students, refuses a score out of range next to
// the grid with nothing saved, and saves a corrected grid.
func TestReviewDialogEditsAndSaves(t *testing.T) {
	w, svc, _ := rosterUI(t)
	r := openReviewDialog(svc, w.Win)
	last := app.SemesterAt(svc.Today().Time()).Prev()
	r.semester.SetSelected(last.Label())
	if len(r.rows) != 15 || len(r.panel) != 7 || r.rec.ID == 0 {
		t.Fatalf("school union's review: %d reporters, %d panel", len(r.rows), len(r.panel))
	}
	if !strings.Contains(r.rows[4].total.Text, "52（不合格）") {
		t.Fatalf("failed reporter shows %q", r.rows[4].total.Text)
	}
	for _, p := range r.panel[2:6] {
		p.student.SetChecked(false)
	}
	if r.panelNote.Hidden || !strings.Contains(r.panelNote.Text, "7 人中学生 1 人，未超过半数") {
		t.Fatalf("panel note %q (hidden %v)", r.panelNote.Text, r.panelNote.Hidden)
	}
	r.rows[0].scores[0].SetText("25")
	if r.save() || !strings.Contains(r.message.Text, "应为 0–20 的分数") {
		t.Fatalf("bad score saved or not explained: %q", r.message.Text)
	}
	if rec, _ := svc.ReviewRecord(r.rec.ID); !rec.Panel[2].Student || *rec.Reporters[0].Total != 81 {
		t.Fatal("a refused save changed the stored review")
	}
	r.rows[0].scores[0].SetText("20")
	r.rows[1].result.SetSelected("基本合格")
	if !r.save() {
		t.Fatalf("save refused: %q", r.message.Text)
	}
	rec, _ := svc.ReviewRecord(r.rec.ID)
	if *rec.Reporters[0].Total != 86 || rec.Reporters[1].Result != data.ReviewBasic || app.PanelProblem(rec.Panel) == "" {
		t.Fatalf("saved %+v", rec.Reporters[:2])
	}
	// A new session: pick the reporters on the date typed.
	r.semester.SetSelected(app.SemesterAt(svc.Today().Time()).Label())
	if r.rec.ID != 0 || len(r.rows) != 0 {
		t.Fatalf("this semester has no review yet: %+v", r.rec)
	}
	r.heldOn.SetText(svc.Today().String())
	r.fillReporters()
	if len(r.rows) != 15 {
		t.Fatalf("%d reporters listed, want 15", len(r.rows))
	}
}
