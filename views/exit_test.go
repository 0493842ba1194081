package views

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuanxue/app"
	"tuanxue/data"
)

// TestAnExitIsSeenEverywhereAtOnce: a cadre flagged 建议退出 is taken
// through 办理退出 from the 退出 tab; the form stops proposing the exit,
// and the roster and the dashboard no longer count them in post.
func TestAnExitIsSeenEverywhereAtOnce(t *testing.T) {
	w, _ := sampleUI(t)
	inPost := figure(t, w.dashboard, "在任学生骨干")
	w.ShowModule("学生骨干")
	r := w.roster
	r.debounce = 0
	f := r.filters
	f.status.SetSelected(app.TextOf(app.RosterStatuses, data.RosterFlagged))
	row := rosterRow(t, r, "江美玲")
	r.table.Select(widgetCell(row))
	p := lastPerson
	person := p.file.Person.ID
	if !p.flagBox.Visible() {
		t.Fatal("the form of a flagged cadre does not say 建议退出")
	}

	p.tabs.SelectIndex(len(p.tabs.Items) - 1)
	if p.tabs.Selected().Text != "退出" {
		t.Fatalf("last tab %q", p.tabs.Selected().Text)
	}
	test.Tap(findButton(t, p.tabs.Selected().Content, "办理退出…"))
	test.Tap(findButton(t, topDialog(t, w.Win), "确认退出"))
	settle()

	if p.flagBox.Visible() {
		t.Errorf("the form still says %q after the exit", p.flags.Text)
	}
	if len(p.exits) == 0 {
		t.Error("the 退出 tab does not list the exit")
	}
	if slices.Contains(rosterPeople(r), person) {
		t.Error("still listed 建议退出 after the exit")
	}
	f.status.SetSelected(app.TextOf(app.RosterStatuses, data.RosterInPost))
	if slices.Contains(rosterPeople(r), person) {
		t.Error("still listed 在任 after the exit")
	}
	f.status.SetSelected(app.TextOf(app.RosterStatuses, data.RosterLeft))
	if !slices.Contains(rosterPeople(r), person) {
		t.Error("not listed 已离任 after the exit")
	}
	w.ShowModule("概览")
	if got := figure(t, w.dashboard, "在任学生骨干"); got == inPost {
		t.Errorf("在任学生骨干 still %s after the exit", got)
	}
}

// rosterRow finds the row of a person by name, reading every page.
func rosterRow(t *testing.T, r *rosterScreen, name string) int {
	t.Helper()
	for i := range r.ids {
		if text, _ := r.cell(i, 1); text == name {
			return i
		}
	}
	t.Fatalf("%s is not on the roster", name)
	return -1
}

// rosterPeople lists the people of the roster's rows.
func rosterPeople(r *rosterScreen) []uint {
	var out []uint
	for i := range r.ids {
		r.cell(i, 0)
		out = append(out, r.people[i])
	}
	return out
}
