package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tuanxue/app"
	"tuanxue/data"
)

func TestWindowRemembersItsSize(t *testing.T) {
	w, svc := newTestUI(t)
	w.Win.Resize(fyne.NewSize(1000, 700))
	a := fyne.CurrentApp()
	w.saveSize(a.Preferences()) // what the close intercept does
	if got := a.Preferences().Float(prefWidth); got != 1000 {
		t.Fatalf("saved width %v", got)
	}
	again := NewMainWindow(a, svc)
	defer again.Win.Close()
	if size := again.Win.Canvas().Size(); size.Width != 1000 || size.Height != 700 {
		t.Fatalf("reopened at %v", size)
	}
}

func TestFirstRunOffersTheSampleOnce(t *testing.T) {
	w, svc := newTestUI(t)
	w.OfferSample()
	test.Tap(findButton(t, topDialog(t, w.Win), "载入示例学院"))
	w.ShowModule("组织机构")
	if n := len(w.orgs.orgs.OfKinds(data.KindCollegeUnion)); n != 3 {
		t.Fatalf("after loading the sample the tree shows %d 二级学院 unions", n)
	}
	w.OfferSample()
	if w.Win.Canvas().Overlays().Top() != nil {
		t.Fatal("sample offered again")
	}
	if offer, _ := svc.ShouldOfferSample(); offer {
		t.Fatal("service still wants to offer the sample")
	}
}

func TestDecliningTheSampleIsRemembered(t *testing.T) {
	w, svc := newTestUI(t)
	w.OfferSample()
	test.Tap(findButton(t, topDialog(t, w.Win), "从空白开始"))
	if empty, _ := svc.IsEmpty(); !empty {
		t.Fatal("declining loaded data")
	}
	if offer, _ := svc.ShouldOfferSample(); offer {
		t.Fatal("declined offer would be repeated")
	}
}

func TestSettingsScreenSaves(t *testing.T) {
	w, svc := newTestUI(t)
	screen := newSettingsScreen(svc, w.Win, func(app.Settings) {})
	screen.school.SetText("")
	test.Tap(findButton(t, screen.object(), "保存"))
	if msg := fieldMessage(screen.form, "SchoolName"); msg != "请填写学校名称" {
		t.Fatalf("empty school name: %q", msg)
	}
	test.Type(screen.school, "潮汕职业技术学院")
	screen.semester.SetSelected("2020-2021学年第二学期")
	test.Tap(findButton(t, screen.object(), "保存"))
	st, _ := svc.Settings()
	if st.SchoolName != "潮汕职业技术学院" || st.Semester.String() != "2020-2021-2" {
		t.Fatalf("saved settings %+v", st)
	}
}

func TestUnsavedFormsAreTracked(t *testing.T) {
	clear(unsaved) // other tests leave dialogs open
	w, _ := newTestUI(t)
	w.ShowModule("组织机构")
	f := w.orgs.form
	if len(unsaved) != 0 {
		t.Fatalf("%d forms unsaved before any edit", len(unsaved))
	}
	test.Type(f.name, "校团委")
	if !unsaved[f.form] {
		t.Fatal("an edited form is not marked unsaved")
	}
	test.Tap(f.saveButton)
	if len(unsaved) != 0 {
		t.Fatal("a saved form is still marked unsaved")
	}
}
