package app

import (
	"strings"
	"testing"

	"tuanxue/data"
)

func TestRosterFiltersAndHistory(t *testing.T) {
	s, p, union, pub := cadreFixture(t)
	q, _ := s.SavePerson(PersonDraft{StudentNo: "2020102", Name: "林雅婷", PoliticalStatus: data.PoliticalParty, FailedCourses: "1"})
	r, _ := s.SavePerson(PersonDraft{StudentNo: "2019001", Name: "黄晓东", PoliticalStatus: data.PoliticalLeague})
	mustAppoint := func(d AppointmentDraft) {
		t.Helper()
		if _, err := s.SaveAppointment(d); err != nil {
			t.Fatal(err)
		}
	}
	// 黄晓东 was chair until June 2020; 陈思远 took over in September.
	mustAppoint(AppointmentDraft{PersonID: r.ID, OrganizationID: union.ID, Post: PostChair, StartOn: "2019-09-01", EndOn: "2020-06-30"})
	mustAppoint(AppointmentDraft{PersonID: p.ID, OrganizationID: union.ID, Post: PostChair, StartOn: "2020-09-10"})
	mustAppoint(AppointmentDraft{PersonID: q.ID, OrganizationID: union.ID, DepartmentID: &pub.ID, Post: PostMinister, StartOn: "2020-09-10"})

	names := func(f RosterFilter) string {
		t.Helper()
		ids, err := s.RosterIDs(f)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := s.RosterRows(ids, f.Semester)
		var out []string
		for _, row := range rows {
			out = append(out, row.Name)
		}
		return strings.Join(out, ",")
	}
	day := func(s string) data.Date { d, _ := data.ParseDate(s); return d }
	cases := []struct {
		name string
		f    RosterFilter
		want string
	}{
		{"in post now", RosterFilter{Status: data.RosterInPost}, "陈思远,林雅婷"},
		{"on 2020-03-01 (the last term)", RosterFilter{Status: data.RosterInPost, From: day("2020-03-01"), To: day("2020-03-01")}, "黄晓东"},
		{"left", RosterFilter{Status: data.RosterLeft}, "黄晓东"},
		{"everyone", RosterFilter{}, "陈思远,黄晓东,林雅婷"},
		{"主席团 only", RosterFilter{Presidium: true}, "陈思远,黄晓东"},
		{"宣传部", RosterFilter{DepartmentID: &pub.ID}, "林雅婷"},
		{"party members", RosterFilter{Political: data.PoliticalParty}, "林雅婷"},
		{"flagged (a failed course)", RosterFilter{Status: data.RosterFlagged}, "林雅婷"},
		{"search by 学号", RosterFilter{Search: "2019"}, "黄晓东"},
		{"search by name", RosterFilter{Search: "思远"}, "陈思远"},
		{"search with a wildcard", RosterFilter{Search: "%"}, ""},
		{"grade", RosterFilter{Grade: 2020}, "陈思远"},
	}
	for _, c := range cases {
		if got := names(c.f); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}

	sem := Semester{2020, 1}
	tbl, err := s.RosterTable(RosterFilter{Status: data.RosterInPost, Semester: sem.String()}, s.Subtitle(sem.Label()))
	if err != nil || len(tbl.Rows) != 2 {
		t.Fatalf("table %+v %v", tbl, err)
	}
	if row := tbl.Rows[1]; row[1] != "林雅婷" || row[3] != "宣传部" || row[5] != "中共党员" || !strings.Contains(row[11], "1 门课程不及格") {
		t.Fatalf("row %q", row)
	}
	if tbl.Rows[0][3] != Presidium || tbl.Rows[0][9] != "2020-09-10 至 今" {
		t.Fatalf("chair row %q", tbl.Rows[0])
	}
	if !strings.Contains(tbl.Subtitle, SampleSchool) {
		t.Fatalf("subtitle %q", tbl.Subtitle)
	}
}
