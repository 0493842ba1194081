package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"tuanxue/data"
)

func TestSemester(t *testing.T) {
	for day, want := range map[string]string{
		"2020-09-01": "2020-2021-1", "2021-01-20": "2020-2021-1",
		"2021-02-25": "2020-2021-2", "2021-07-31": "2020-2021-2", "2021-08-01": "2021-2022-1",
	} {
		d, _ := time.Parse("2006-01-02", day)
		if got := SemesterAt(d).String(); got != want {
			t.Errorf("SemesterAt(%s) = %s, want %s", day, got, want)
		}
	}
	s, err := ParseSemester("2020-2021-2")
	if err != nil || s.Label() != "2020-2021学年第二学期" || s.Next().String() != "2021-2022-1" || s.Prev().String() != "2020-2021-1" {
		t.Fatalf("ParseSemester: %+v %v", s, err)
	}
	for _, bad := range []string{"", "2020-2022-1", "2020-2021-3", "2020-2021"} {
		if _, err := ParseSemester(bad); err == nil {
			t.Errorf("ParseSemester(%q) accepted", bad)
		}
	}
	choices := SemesterChoices(s, Semester{2020, 1})
	if fmt.Sprint(choices) != "[2021-2022-1 2020-2021-2 2020-2021-1 2019-2020-2 2019-2020-1 2018-2019-2 2018-2019-1]" {
		t.Fatalf("choices %v", choices)
	}
}

func TestSettings(t *testing.T) {
	s := newTestService(t)
	st, err := s.Settings()
	if err != nil || st.SchoolName != "" || st.Semester.String() != "2020-2021-1" {
		t.Fatalf("defaults %+v %v: want no school and the clock's semester", st, err)
	}
	if _, err := s.SaveSettings(SettingsDraft{SchoolName: "", Semester: "2020-2021-5"}); err == nil ||
		!strings.Contains(errFor(err, "SchoolName"), "请填写学校名称") || errFor(err, "Semester") == "" {
		t.Fatalf("bad settings: %v", err)
	}
	if _, err := s.SaveSettings(SettingsDraft{SchoolName: "潮汕职业技术学院", Semester: "2020-2021-2"}); err != nil {
		t.Fatal(err)
	}
	st, _ = s.Settings()
	if st.SchoolName != "潮汕职业技术学院" || st.Semester.Label() != "2020-2021学年第二学期" {
		t.Fatalf("saved settings read back as %+v", st)
	}
}

func TestLoadSampleShapedLikeTheSource(t *testing.T) {
	s := newTestService(t)
	if err := s.LoadSample(); err != nil {
		t.Fatal(err)
	}
	tree, _ := s.OrgTree()
	unions := tree.OfKinds(data.KindSchoolUnion)
	if len(unions) != 1 {
		t.Fatalf("want one school union, got %d", len(unions))
	}
	depts, _ := s.Departments(unions[0].ID)
	if active := CountActive(depts); active != 6 || len(depts) != 7 {
		t.Fatalf("school union: %d active of %d departments, want 6 of 7 (one merged)", active, len(depts))
	}
	colleges := tree.OfKinds(data.KindCollegeUnion)
	if len(colleges) != 3 {
		t.Fatalf("want 3 二级学院 unions, got %d", len(colleges))
	}
	for _, c := range colleges {
		guide, _ := tree.Get(*c.GuideLeagueID)
		if guide.Kind != data.KindLeague || guide.ID != *c.ParentID {
			t.Errorf("%s guided by %s, want its own 团委", c.Name, guide.Name)
		}
	}
	if n := len(tree.OfKinds(data.KindClub)); n != 5 {
		t.Errorf("%d clubs, want 5 (one dissolved)", n)
	}
	// Staffed as the source describes: 3 + 6 × (2 + 6) = 51 in the school union.
	if ids, _ := s.RosterIDs(RosterFilter{OrganizationID: unions[0].ID, Status: data.RosterInPost}); len(ids) != 51 {
		t.Errorf("school union has %d in post, want 51", len(ids))
	}
	if ids, _ := s.RosterIDs(RosterFilter{OrganizationID: colleges[0].ID, Status: data.RosterInPost}); len(ids) != 30 {
		t.Errorf("二级学院 union has %d in post, want 30", len(ids))
	}
	if ids, _ := s.RosterIDs(RosterFilter{Status: data.RosterLeft}); len(ids) != 1 {
		t.Errorf("%d terms ended, want last year's chair", len(ids))
	}
	last := SemesterAt(testNow()).Prev().String()
	if ids, _ := s.RosterIDs(RosterFilter{Status: data.RosterFlagged, Semester: last, RankLimit: DefaultRankLimit}); len(ids) != 3 {
		t.Errorf("%d flagged for exit, want the 不合格, the failed course and the failed 述职评议", len(ids))
	}
	if st, _ := s.Settings(); st.SchoolName != SampleSchool {
		t.Errorf("school name %q", st.SchoolName)
	}
	before := tree.Len()
	if err := s.LoadSample(); err == nil {
		t.Fatal("sample loaded twice")
	}
	if orgCount(t, s) != before {
		t.Fatal("second sample load changed data")
	}
}

func TestMessageExplainsStoreErrors(t *testing.T) {
	for err, want := range map[error]string{
		data.ErrEmptyFile:                        "空的",
		data.ErrForeignFile:                      "不是团学台账的数据文件",
		data.ErrDamaged:                          "已损坏",
		data.ErrNewerSchema:                      "更新版本",
		fmt.Errorf("open: %w", data.ErrNotFound): "不存在",
		errors.New("disk full"):                  "disk full",
	} {
		if got := Message(err); !strings.Contains(got, want) {
			t.Errorf("Message(%v) = %q, want %q", err, got, want)
		}
	}
}
