package app

import (
	"strings"
	"testing"

	"tuanxue/data"
)

func TestDepartments(t *testing.T) {
	s := newTestService(t)
	league := mustOrg(t, s, OrgDraft{Name: "校团委", Kind: data.KindLeague})
	union := mustOrg(t, s, OrgDraft{Name: "校学生会", Kind: data.KindSchoolUnion, ParentID: &league.ID})
	save := func(d DeptDraft) (Department, error) {
		if d.OrganizationID == 0 {
			d.OrganizationID = union.ID
		}
		if d.Status == "" {
			d.Status = data.StatusActive
		}
		return s.SaveDepartment(d)
	}
	pub, err := save(DeptDraft{Name: " 宣传部 ", Duties: "宣传栏", SortOrder: "2"})
	if err != nil || pub.Name != "宣传部" || pub.SortOrder != 2 {
		t.Fatalf("save: %+v, %v", pub, err)
	}
	media, err := save(DeptDraft{Name: "新媒体中心", Duties: "公众号", SortOrder: ""})
	if err != nil {
		t.Fatal(err)
	}

	bad := []struct {
		draft       DeptDraft
		field, want string
	}{
		{DeptDraft{Name: "宣传部"}, "Name", "本组织已有“宣传部”"},
		{DeptDraft{Name: ""}, "Name", "请填写部门名称"},
		{DeptDraft{Name: "学习部", SortOrder: "第一"}, "SortOrder", "0–999"},
		{DeptDraft{Name: "学习部", SortOrder: "-1"}, "SortOrder", "0–999"},
		{DeptDraft{Name: "学习部", Status: data.StatusDissolved}, "StatusOn", "请填写撤销日期"},
		{DeptDraft{Name: "学习部", OrganizationID: league.ID}, "", "团委不设工作部门"},
	}
	for _, c := range bad {
		before, _ := s.Departments(union.ID)
		_, err := save(c.draft)
		if msg := errFor(err, c.field); !strings.Contains(msg, c.want) {
			t.Errorf("%+v: message %q, want %q", c.draft, msg, c.want)
		}
		if after, _ := s.Departments(union.ID); len(after) != len(before) {
			t.Errorf("%+v: invalid department saved", c.draft)
		}
	}

	// Merge media into publicity: the proposed duties join both.
	if got := MergedDuties(media, pub); got != "宣传栏；公众号" {
		t.Fatalf("MergedDuties = %q", got)
	}
	mergeErrs := []struct {
		m    MergeDraft
		want string
	}{
		{MergeDraft{FromID: media.ID, IntoID: media.ID, On: "2020-06-15"}, "另一个部门"},
		{MergeDraft{FromID: media.ID, IntoID: pub.ID, On: ""}, "请填写合并日期"},
		{MergeDraft{FromID: media.ID, IntoID: pub.ID, On: "2020-12-01"}, "不能晚于今天"},
	}
	for _, c := range mergeErrs {
		if err := s.MergeDepartments(c.m); !strings.Contains(Message(err), c.want) {
			t.Errorf("merge %+v: %v, want %q", c.m, err, c.want)
		}
	}
	if err := s.MergeDepartments(MergeDraft{FromID: media.ID, IntoID: pub.ID, On: "2020-06-15", Duties: "宣传栏；公众号"}); err != nil {
		t.Fatal(err)
	}
	// A merged department keeps its record but cannot be revived by editing.
	d := DeptDraftOf(mustDept(t, s, media.ID))
	d.Status = data.StatusActive
	if _, err := s.SaveDepartment(d); !strings.Contains(errFor(err, "Status"), "已合并的部门不能改回") {
		t.Fatalf("reviving a merged department: %v", err)
	}
	// Its name is free again for a new department.
	if _, err := save(DeptDraft{Name: "新媒体中心"}); err != nil {
		t.Fatalf("new department with a merged one's name: %v", err)
	}
}

func mustDept(t *testing.T, s *Service, id uint) Department {
	t.Helper()
	d, err := s.Store().Department(id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// errFor returns the validation message for field, or the whole message.
func errFor(err error, field string) string {
	if v, ok := err.(ValidationError); ok {
		return v.For(field)
	}
	return Message(err)
}
