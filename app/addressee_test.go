package app

import "testing"

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
