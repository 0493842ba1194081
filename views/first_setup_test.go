package views

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestBlankStartAsksSchoolAndSemesterFirst: a teacher who starts from a
// blank data file is asked for 学校名称 and 当前学期 before anything else,
// and an empty name is refused in place.
func TestBlankStartAsksSchoolAndSemesterFirst(t *testing.T) {
	w, svc := newTestUI(t)
	w.OfferSample()
	test.Tap(findButton(t, topDialog(t, w.Win), "从空白开始"))
	d := topDialog(t, w.Win)
	entries, selects := entriesUnder(d), selectsUnder(d)
	if len(entries) != 1 || len(selects) != 1 {
		t.Fatalf("setup asks %d entries and %d choices, want 学校名称 and 当前学期", len(entries), len(selects))
	}
	test.Tap(findButton(t, d, "保存"))
	if topDialog(t, w.Win) != d {
		t.Fatal("an empty school name was accepted")
	}
	test.Type(entries[0], "潮汕职业技术学院")
	selects[0].SetSelected("2020-2021学年第二学期")
	test.Tap(findButton(t, d, "保存"))
	st, _ := svc.Settings()
	if st.SchoolName != "潮汕职业技术学院" || st.Semester.String() != "2020-2021-2" {
		t.Fatalf("saved %+v", st)
	}
	if w.Win.Canvas().Overlays().Top() != nil {
		t.Fatal("setup still open after 保存")
	}
	// Named once: a later start asks nothing.
	w.askSchool()
	if w.Win.Canvas().Overlays().Top() != nil {
		t.Fatal("asked again with the school named")
	}
}
