package app

import (
	"errors"
	"testing"
)

// The 自评报告's addressee is kept apart from the settings form: a save of
// that form leaves it, and only one line is taken.
func TestAddresseeOfTheReport(t *testing.T) {
	s := newTestService(t)
	if err := s.SetAddressee("  揭阳市学生联合会 "); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSettings(SettingsDraft{SchoolName: "潮汕职业技术学院", Semester: "2020-2021-1"}); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Settings(); st.Addressee != "揭阳市学生联合会" {
		t.Fatalf("addressee %q", st.Addressee)
	}
	if err := s.SetAddressee("揭阳市\n学生联合会"); err == nil {
		t.Fatal("an addressee over two lines accepted")
	}
	if err := s.SetAddressee(""); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Settings(); st.Addressee != "" {
		t.Fatalf("cleared addressee %q", st.Addressee)
	}
}

// 系统设置 carries the addressee: saved with the school and semester, checked
// with them, and "" clears it.
func TestSettingsFormSavesTheAddressee(t *testing.T) {
	s := newTestService(t)
	to := " 揭阳市学生联合会 "
	st, err := s.SaveSettings(SettingsDraft{SchoolName: "潮汕职业技术学院", Semester: "2020-2021-1", Addressee: &to})
	if err != nil || st.Addressee != "揭阳市学生联合会" {
		t.Fatalf("saved %+v, %v", st, err)
	}
	if got, _ := s.Settings(); got.Addressee != "揭阳市学生联合会" {
		t.Fatalf("stored addressee %q", got.Addressee)
	}
	bad := "揭阳市\n学生联合会"
	_, err = s.SaveSettings(SettingsDraft{SchoolName: "另一所学院", Semester: "2020-2021-1", Addressee: &bad})
	var v ValidationError
	if !errors.As(err, &v) || v.For("Addressee") == "" {
		t.Fatalf("two-line addressee: %v", err)
	}
	if got, _ := s.Settings(); got.SchoolName != "潮汕职业技术学院" {
		t.Fatalf("a refused save changed the school: %q", got.SchoolName)
	}
	empty := ""
	if _, err := s.SaveSettings(SettingsDraft{SchoolName: "潮汕职业技术学院", Semester: "2020-2021-1", Addressee: &empty}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Settings(); got.Addressee != "" {
		t.Fatalf("cleared addressee %q", got.Addressee)
	}
}
