package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuanxue/app"
	"tuanxue/data"
)

// TestChoosingAnotherOrganizationOverUnsavedInputAsks: a click in the tree
// does not throw away what was typed in the organization's form.
func TestChoosingAnotherOrganizationOverUnsavedInputAsks(t *testing.T) {
	clear(unsaved)
	w, _ := sampleUI(t)
	w.ShowModule("组织机构")
	s := w.orgs
	unions := s.orgs.OfKinds(data.KindCollegeUnion)
	s.selectOrg(unions[0].ID)
	test.Type(s.form.teacher, "（改）")
	s.tree.Select(nodeID(unions[1].ID))
	ask := topDialog(t, w.Win)
	test.Tap(findButton(t, ask, "继续编辑"))
	if s.selected != unions[0].ID || !strings.Contains(s.form.teacher.Text, "（改）") {
		t.Fatalf("继续编辑 left %d selected with %q", s.selected, s.form.teacher.Text)
	}
	s.tree.Select(nodeID(unions[1].ID))
	test.Tap(findButton(t, topDialog(t, w.Win), "不保存，关闭"))
	if s.selected != unions[1].ID || s.form.title.Text != "组织信息："+unions[1].Name {
		t.Fatalf("after 不保存 the form shows %q", s.form.title.Text)
	}
}

// TestDeletingAUnionSaysWhatGoesWithIt: the question names the posts that
// leave the roster with the union, and that a restore brings them back.
func TestDeletingAUnionSaysWhatGoesWithIt(t *testing.T) {
	w, svc := sampleUI(t)
	w.ShowModule("组织机构")
	s := w.orgs
	union := s.orgs.OfKinds(data.KindCollegeUnion)[0]
	ids, _ := svc.RosterIDs(app.RosterFilter{OrganizationID: union.ID})
	s.selectOrg(union.ID)
	test.Tap(s.form.deleteButton)
	text := strings.Join(labelsUnder(topDialog(t, w.Win)), "")
	if !strings.Contains(text, itoa(len(ids))+" 条任职记录") || !strings.Contains(text, "恢复") {
		t.Fatalf("the question says %q; the union has %d terms", text, len(ids))
	}
}
