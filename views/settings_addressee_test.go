package views

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"tuanxue/app"
)

// 系统设置 shows the 自评报告's addressee and saves what is typed there.
func TestSettingsScreenSavesTheAddressee(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.SetAddressee("汕头市学生联合会"); err != nil {
		t.Fatal(err)
	}
	screen := newSettingsScreen(svc, w.Win, func(app.Settings) {})
	if screen.addressee.Text != "汕头市学生联合会" {
		t.Fatalf("addressee shown %q", screen.addressee.Text)
	}
	screen.school.SetText("潮汕职业技术学院")
	screen.addressee.SetText("")
	test.Type(screen.addressee, "揭阳市学生联合会")
	test.Tap(findButton(t, screen.object(), "保存"))
	if st, _ := svc.Settings(); st.Addressee != "揭阳市学生联合会" {
		t.Fatalf("saved addressee %q", st.Addressee)
	}
}
