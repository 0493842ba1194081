package app

import (
	"strings"
	"testing"

	"tuanxue/data"
)

func TestOrganizationValidation(t *testing.T) {
	s := newTestService(t)
	league := mustOrg(t, s, OrgDraft{Name: "校团委", Kind: data.KindLeague})
	union := mustOrg(t, s, OrgDraft{Name: "校学生会", Kind: data.KindSchoolUnion, ParentID: &league.ID})
	branch := mustOrg(t, s, OrgDraft{Name: "20级机电1班团支部", Kind: data.KindLeagueBranch, ParentID: &league.ID})
	closed := mustOrg(t, s, OrgDraft{Name: "旧社联", Kind: data.KindClubFederation, ParentID: &league.ID,
		Status: data.StatusDissolved, StatusOn: "2019-06-30"})
	ok := func(d OrgDraft) OrgDraft {
		if d.Kind == "" {
			d.Kind = data.KindCollegeUnion
		}
		if d.Status == "" {
			d.Status = data.StatusActive
		}
		if d.ParentID == nil && d.Kind != data.KindLeague {
			d.ParentID = &league.ID
		}
		return d
	}
	cases := []struct {
		name  string
		draft OrgDraft
		field string
		want  string // part of the message
	}{
		{"empty name", ok(OrgDraft{Name: "   "}), "Name", "请填写名称"},
		{"name of 51 characters", ok(OrgDraft{Name: strings.Repeat("团", 51)}), "Name", "最多 50 个字"},
		{"name with a line break", ok(OrgDraft{Name: "学生\n会"}), "Name", "换行"},
		{"sibling of the same name", ok(OrgDraft{Name: " 校学生会 ", Kind: data.KindSchoolUnion}), "Name", "已有名为“校学生会”"},
		{"no kind", OrgDraft{Name: "某组织", Status: data.StatusActive}, "Kind", "请选择组织类别"},
		{"union at the top", OrgDraft{Name: "学生会", Kind: data.KindSchoolUnion, Status: data.StatusActive}, "ParentID", "须选择上级组织"},
		{"club under a League branch", ok(OrgDraft{Name: "书法协会", Kind: data.KindClub, ParentID: &branch.ID}), "ParentID", "学生社团不能隶属于团支部"},
		{"under a dissolved parent", ok(OrgDraft{Name: "书法协会", Kind: data.KindClub, ParentID: &closed.ID}), "ParentID", "已撤销"},
		{"guided by a union", ok(OrgDraft{Name: "机电学生会", GuideLeagueID: &union.ID}), "GuideLeagueID", "不是团委"},
		{"bad phone", ok(OrgDraft{Name: "机电学生会", TeacherPhone: "1380013"}), "TeacherPhone", "11 位手机号"},
		{"bad date", ok(OrgDraft{Name: "机电学生会", FoundedOn: "2020-02-30"}), "FoundedOn", "2 月没有 30 日"},
		{"garbled date", ok(OrgDraft{Name: "机电学生会", FoundedOn: "去年九月"}), "FoundedOn", "2020-06-15"},
		{"founded in the future", ok(OrgDraft{Name: "机电学生会", FoundedOn: "2021-01-01"}), "FoundedOn", "不能晚于今天"},
		{"dissolved without a date", ok(OrgDraft{Name: "机电学生会", Status: data.StatusDissolved}), "StatusOn", "请填写撤销日期"},
		{"dissolved before founded", ok(OrgDraft{Name: "机电学生会", FoundedOn: "2019-09-01", Status: data.StatusDissolved, StatusOn: "2019-06-01"}), "StatusOn", "不能早于成立日期"},
		{"merged into nothing", ok(OrgDraft{Name: "机电学生会", Status: data.StatusMerged, StatusOn: "2020-06-01"}), "MergedIntoID", "请选择并入的组织"},
		{"merged into a closed one", ok(OrgDraft{Name: "机电学生会", Status: data.StatusMerged, StatusOn: "2020-06-01", MergedIntoID: &closed.ID}), "MergedIntoID", "不能并入"},
		{"notes too long", ok(OrgDraft{Name: "机电学生会", Notes: strings.Repeat("字", MaxNotesLen+1)}), "Notes", "最多 2000 个字"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := orgCount(t, s)
			_, err := s.SaveOrganization(c.draft)
			v, isValidation := err.(ValidationError)
			if !isValidation {
				t.Fatalf("err = %v, want a validation error on %s", err, c.field)
			}
			if msg := v.For(c.field); !strings.Contains(msg, c.want) {
				t.Fatalf("message for %s = %q, want it to contain %q (all: %v)", c.field, msg, c.want, v)
			}
			if after := orgCount(t, s); after != before {
				t.Fatalf("invalid input saved: %d organizations, was %d", after, before)
			}
		})
	}
}

func TestOrganizationSaveCleansAndDefaults(t *testing.T) {
	s := newTestService(t)
	league := mustOrg(t, s, OrgDraft{Name: "机电工程学院团委", Kind: data.KindLeague})
	exactly50 := strings.Repeat("青", 50)
	o := mustOrg(t, s, OrgDraft{Name: "  " + exactly50 + "  ", Kind: data.KindCollegeUnion, ParentID: &league.ID,
		TeacherPhone: "138 0013 8000", FoundedOn: "2006年9月1日"})
	if o.Name != exactly50 {
		t.Errorf("name not trimmed: %q", o.Name)
	}
	if o.GuideLeagueID == nil || *o.GuideLeagueID != league.ID {
		t.Errorf("a union without a guide should be guided by its 团委, got %v", o.GuideLeagueID)
	}
	if o.TeacherPhone != "13800138000" || o.FoundedOn != data.NewDate(2006, 9, 1) {
		t.Errorf("phone %q, founded %s", o.TeacherPhone, o.FoundedOn)
	}
	stored, err := s.Store().Organization(o.ID)
	if err != nil || stored.Name != exactly50 {
		t.Fatalf("stored %+v, %v", stored, err)
	}
}

func TestOrganizationTreeRules(t *testing.T) {
	s := newTestService(t)
	top := mustOrg(t, s, OrgDraft{Name: "校团委", Kind: data.KindLeague})
	college := mustOrg(t, s, OrgDraft{Name: "信息学院团委", Kind: data.KindLeague, ParentID: &top.ID})
	union := mustOrg(t, s, OrgDraft{Name: "信息学院学生会", Kind: data.KindCollegeUnion, ParentID: &college.ID})

	// Moving the school 团委 under its own descendant would make a cycle.
	d := DraftOf(top)
	d.ParentID = &college.ID
	if _, err := s.SaveOrganization(d); !strings.Contains(Message(err), "不能是它自己或它的下级") {
		t.Fatalf("cycle: %v", err)
	}
	// A 团委 with a union under it cannot become a club.
	d = DraftOf(college)
	d.Kind = data.KindClub
	if _, err := s.SaveOrganization(d); !strings.Contains(Message(err), "下级组织“信息学院学生会”") {
		t.Fatalf("kind change stranding a child: %v", err)
	}
	// A union with departments cannot become a club.
	if _, err := s.SaveDepartment(DeptDraft{OrganizationID: union.ID, Name: "学习部", Status: data.StatusActive}); err != nil {
		t.Fatal(err)
	}
	d = DraftOf(union)
	d.Kind, d.ParentID = data.KindClub, &college.ID
	if _, err := s.SaveOrganization(d); !strings.Contains(Message(err), "还有 1 个工作部门") {
		t.Fatalf("kind change stranding departments: %v", err)
	}
	// Nor be dissolved while the union is active.
	d = DraftOf(college)
	d.Status, d.StatusOn = data.StatusDissolved, "2020-07-01"
	if _, err := s.SaveOrganization(d); !strings.Contains(Message(err), "还有 1 个正常运行的组织") {
		t.Fatalf("dissolving a parent of an active union: %v", err)
	}
	// Deleting a parent is refused; deleting the leaf works.
	if err := s.DeleteOrganization(college.ID); !strings.Contains(Message(err), "下面还有组织") {
		t.Fatalf("delete parent: %v", err)
	}
	if err := s.DeleteOrganization(union.ID); err != nil {
		t.Fatal(err)
	}
	// Merging: the union of another college takes this one in.
	other := mustOrg(t, s, OrgDraft{Name: "机电学院学生会", Kind: data.KindCollegeUnion, ParentID: &top.ID})
	dup := mustOrg(t, s, OrgDraft{Name: "机电学院学生会（南校区）", Kind: data.KindCollegeUnion, ParentID: &top.ID})
	d = DraftOf(dup)
	d.Status, d.StatusOn, d.MergedIntoID = data.StatusMerged, "2020-06-30", &other.ID
	merged, err := s.SaveOrganization(d)
	if err != nil {
		t.Fatal(err)
	}
	if merged.StatusOn != data.NewDate(2020, 6, 30) || *merged.MergedIntoID != other.ID {
		t.Fatalf("merge not recorded: %+v", merged)
	}
	// Back to active clears the merge.
	d = DraftOf(merged)
	d.Status = data.StatusActive
	back, err := s.SaveOrganization(d)
	if err != nil || back.MergedIntoID != nil || !back.StatusOn.IsZero() {
		t.Fatalf("reactivated: %+v, %v", back, err)
	}
}

func TestDateFormatsTeachersType(t *testing.T) {
	for in, want := range map[string]string{
		"2020-06-15": "2020-06-15", "2020/6/15": "2020-06-15", "2020.6.5": "2020-06-05",
		"2020年6月15日": "2020-06-15", "２０２０－０６－１５": "2020-06-15", "2020年9月": "2020-09-01", "2020.9": "2020-09-01", "2020-09": "2020-09-01", " 2020 年 6 月 15 日 ": "2020-06-15", "": "",
	} {
		var v ValidationError
		if got := parseDay(&v, "D", "日期", in).String(); got != want || len(v) > 0 {
			t.Errorf("parseDay(%q) = %q %v, want %q", in, got, v, want)
		}
	}
	for _, in := range []string{"2020-13-01", "2021-02-29", "20200615", "2020-13", "1800-01-01", "2020-06-15 10:00", "2020年"} {
		var v ValidationError
		parseDay(&v, "D", "日期", in)
		if len(v) == 0 {
			t.Errorf("parseDay(%q) accepted", in)
		}
	}
}
