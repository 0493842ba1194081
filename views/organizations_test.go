package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuanxue/data"
)

func TestNavigationListsOnlyWorkingModules(t *testing.T) {
	w, _ := newTestUI(t)
	if got := strings.Join(w.Modules(), ","); got != "概览,组织机构,学生骨干,培训与会议,整改台账,报表,选拔,回收站,操作日志,系统设置" {
		t.Fatalf("modules %s", got)
	}
	if w.Win.Title() != "团学台账" {
		t.Fatalf("title %q", w.Win.Title())
	}
}

func TestCreateOrganizationThroughTheForm(t *testing.T) {
	w, svc := newTestUI(t)
	w.ShowModule("组织机构")
	s := w.orgs

	test.Tap(s.newTop)
	test.Type(s.form.name, "校团委")
	test.Type(s.form.teacher, "林振华")
	test.Type(s.form.phone, "0663-8512345")
	test.Type(s.form.founded, "1985年9月1日")
	test.Tap(s.form.saveButton)

	tree, _ := svc.OrgTree()
	leagues := tree.OfKinds(data.KindLeague)
	if len(leagues) != 1 {
		t.Fatalf("%d 团委 saved, want 1", len(leagues))
	}
	saved := leagues[0]
	if saved.Name != "校团委" || saved.TeacherPhone != "0663-8512345" || saved.FoundedOn.String() != "1985-09-01" {
		t.Fatalf("saved %+v", saved)
	}
	if got := s.childIDs(""); len(got) != 1 || got[0] != nodeID(saved.ID) {
		t.Fatalf("tree roots %v, want the new 团委", got)
	}
	if s.selected != saved.ID || s.form.title.Text != "组织信息：校团委" {
		t.Fatalf("the saved organization is not selected: %d %q", s.selected, s.form.title.Text)
	}

	// A child: 新建下级组织 proposes the parent, the kind is chosen.
	test.Tap(s.form.newChildButton)
	if s.form.parent.Selected != "校团委" {
		t.Fatalf("parent preset to %q", s.form.parent.Selected)
	}
	s.form.kind.SetSelected("校级学生会")
	test.Type(s.form.name, "校学生会")
	test.Tap(s.form.saveButton)
	tree, _ = svc.OrgTree()
	unions := tree.OfKinds(data.KindSchoolUnion)
	if len(unions) != 1 || *unions[0].ParentID != saved.ID || *unions[0].GuideLeagueID != saved.ID {
		t.Fatalf("school union %+v", unions)
	}
	if got := s.childIDs(nodeID(saved.ID)); len(got) != 1 {
		t.Fatalf("children of 校团委 in the tree: %v", got)
	}
}

func TestBadInputShowsMessagesAndSavesNothing(t *testing.T) {
	w, svc := newTestUI(t)
	w.ShowModule("组织机构")
	s := w.orgs
	test.Tap(s.newTop)
	test.Type(s.form.phone, "1380013")
	if msg := fieldMessage(s.form.form, "TeacherPhone"); !strings.Contains(msg, "11 位手机号") {
		t.Fatalf("phone message while typing: %q", msg)
	}
	if msg := fieldMessage(s.form.form, "Name"); msg != "" {
		t.Fatalf("untouched name already complains: %q", msg)
	}
	test.Type(s.form.founded, "2020-02-30")
	test.Tap(s.form.saveButton)

	for field, want := range map[string]string{
		"Name": "请填写名称", "TeacherPhone": "11 位手机号", "FoundedOn": "2 月没有 30 日",
	} {
		if msg := fieldMessage(s.form.form, field); !strings.Contains(msg, want) {
			t.Errorf("%s: message %q, want %q", field, msg, want)
		}
	}
	if tree, _ := svc.OrgTree(); tree.Len() != 0 {
		t.Fatalf("invalid organization saved: %d", tree.Len())
	}
	if w.Win.Canvas().Overlays().Top() != nil {
		t.Fatal("validation errors should show next to the fields, not in a dialog")
	}

	// Correcting the fields clears their messages and the save goes through.
	test.Type(s.form.name, "校团委")
	s.form.phone.SetText("13800138000")
	s.form.founded.SetText("2020-02-29")
	for _, field := range []string{"Name", "TeacherPhone", "FoundedOn"} {
		if msg := fieldMessage(s.form.form, field); msg != "" {
			t.Errorf("%s still shows %q", field, msg)
		}
	}
	test.Tap(s.form.saveButton)
	if tree, _ := svc.OrgTree(); tree.Len() != 1 {
		t.Fatal("corrected organization not saved")
	}
}

// fieldMessage returns the message shown under a form field.
func fieldMessage(f *form, name string) string {
	for _, fl := range f.fields {
		if fl.name == name && fl.msg.Visible() {
			return fl.msg.Text
		}
	}
	return ""
}

func TestDeleteAsksFirst(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.refreshAll()
	w.ShowModule("组织机构")
	s := w.orgs
	if err := s.selectKind(data.KindClub); err != nil {
		t.Fatal(err)
	}
	club := s.selected

	test.Tap(s.form.deleteButton)
	d := topDialog(t, w.Win)
	test.Tap(findButton(t, d, "取消"))
	if _, err := svc.Store().Organization(club); err != nil {
		t.Fatalf("cancelled delete removed the club: %v", err)
	}

	test.Tap(s.form.deleteButton)
	test.Tap(findButton(t, topDialog(t, w.Win), "删除"))
	if _, err := svc.Store().Organization(club); !data.IsNotFound(err) {
		t.Fatalf("confirmed delete kept the club: %v", err)
	}
	for _, id := range s.childIDs("") {
		if nodeOrg(id) == club {
			t.Fatal("deleted club still in the tree")
		}
	}

	// The school 团委 has organizations under it: refused with a message.
	leagues := s.orgs.OfKinds(data.KindLeague)
	s.selectOrg(leagues[0].ID)
	test.Tap(s.form.deleteButton)
	test.Tap(findButton(t, topDialog(t, w.Win), "删除"))
	if !strings.Contains(strings.Join(labelsUnder(topDialog(t, w.Win)), ""), "下面还有组织") {
		t.Fatal("refused delete not explained")
	}
	if _, err := svc.Store().Organization(leagues[0].ID); err != nil {
		t.Fatalf("团委 with children deleted: %v", err)
	}
}
