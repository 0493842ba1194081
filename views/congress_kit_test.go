package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuanxue/data"
)

// The kit of the sample's congress at 1024 × 700: the 资格审查 shows on the
// 名额 tab; a delegate typed with a 学号 not on the roster is refused next
// to the grid by row and nothing is saved; a good one is then added.
func TestCongressKitWindow(t *testing.T) {
	w, svc := sampleUI(t)
	w.Win.Resize(small)
	w.ShowModule("培训与会议")
	if err := congressKitShot(w, 0); err != nil {
		t.Fatal(err)
	}
	top := topDialog(t, w.Win)
	if got := strings.Join(labelsUnder(top), "\n"); !strings.Contains(got, "非干部代表：达标。非学生会干部代表 67 人") {
		t.Fatalf("资格审查 not shown:\n%.600s", got)
	}
	var kit *congressKit
	for i, c := range w.sessions.meetings.cells {
		if strings.Contains(c[2], "代表大会") {
			dismissOverlays(w.Win)
			kit = openCongressKit(svc, w.Win, w.sessions.meetings.ids[i])
		}
	}
	before, _ := svc.Kit(kit.meeting.ID)
	g := kit.grid
	blank := g.rows[len(before.Delegates)]
	test.Type(blank.no, "2099999999")
	g.save()
	if !strings.Contains(g.message.Text, "学号 2099999999 不在人员名册中") || !g.message.Visible() {
		t.Fatalf("message: %q", g.message.Text)
	}
	if after, _ := svc.Kit(kit.meeting.ID); len(after.Delegates) != len(before.Delegates) {
		t.Fatal("a refused grid saved rows")
	}
	people, _ := svc.Store().SearchPeople("", 5000)
	var outsider data.Person
	seen := map[uint]bool{}
	for _, d := range before.Delegates {
		seen[d.PersonID] = true
	}
	for _, p := range people {
		if !seen[p.ID] {
			outsider = p
			break
		}
	}
	blank.no.SetText(outsider.StudentNo)
	g.save()
	if after, _ := svc.Kit(kit.meeting.ID); len(after.Delegates) != len(before.Delegates)+1 || g.message.Visible() {
		t.Fatalf("the good row was not saved: %d, %q", len(after.Delegates), g.message.Text)
	}
	if min := w.Win.Canvas().Overlays().Top().MinSize(); min.Width > small.Width || min.Height > small.Height {
		t.Errorf("the kit needs %.0f × %.0f", min.Width, min.Height)
	}
}
