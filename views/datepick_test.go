package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// calendarButtons finds the calendar buttons beside date fields under o.
func calendarButtons(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == theme.CalendarIcon().Name() {
			out = append(out, b)
		}
	}
	return out
}

// TestDateFieldsHaveACalendar: a date field has a calendar beside it that
// opens on the month typed, in Chinese, and writes the day picked; typed
// dates as teachers write them are still taken.
func TestDateFieldsHaveACalendar(t *testing.T) {
	w, svc, s := rosterUI(t)
	test.Tap(findButton(t, s.object(), "新增人员"))
	p := lastPerson
	d := topDialog(t, w.Win)
	cals := calendarButtons(d)
	if len(cals) != 3 {
		t.Fatalf("person form has %d calendar buttons, want them beside 递交入党申请书, 出生日期 and 入团日期", len(cals))
	}
	test.Type(p.applied, "2020年9月1日")
	test.Tap(cals[0])
	pop := topDialog(t, w.Win)
	if labels := strings.Join(labelsUnder(pop), " "); !strings.Contains(labels, "2020年9月") || !strings.Contains(labels, "一") {
		t.Fatalf("calendar shows %q", labels)
	}
	test.Tap(findButton(t, pop, "15"))
	if p.applied.Text != "2020-09-15" {
		t.Fatalf("picked day wrote %q", p.applied.Text)
	}
	if topDialog(t, w.Win) != d {
		t.Fatal("calendar still open after a day was picked")
	}

	p.applied.SetText("")
	test.Type(p.applied, "2020/9/1")
	test.Type(p.studentNo, "2020099")
	test.Type(p.name, "新同学")
	p.political.SetSelected("共青团员")
	test.Tap(findButton(t, d, "保存"))
	person, err := svc.Store().PersonByStudentNo("2020099")
	if err != nil || person.PartyAppliedOn.String() != "2020-09-01" {
		t.Fatalf("typed 2020/9/1 saved as %q (%v)", person.PartyAppliedOn, err)
	}
}
