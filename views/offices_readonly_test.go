package views

import (
	"crypto/rand"
	"encoding/hex"
	"image/png"
	"net/url"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
	"tuanxue/data/pgtest"
)

// On a shared server, a 二级学院 office opens another office's training,
// meeting and rectification item: the form shows it read-only with the
// reason and has nothing to save; its own training opens as usual.
func TestOfficeSeesAnotherOfficesFormsReadOnly(t *testing.T) {
	pgtest.Need(t)
	server := pgtest.Schema(t)
	st, err := data.Open(data.Config{Dir: t.TempDir(), URL: server, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	school := app.New(st, testNow)
	org := func(name, kind string, parent *uint) app.Organization {
		o, err := school.SaveOrganization(app.OrgDraft{Name: name, Kind: kind, ParentID: parent, Status: data.StatusActive})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	root := org("校团委", data.KindLeague, nil)
	leagueA := org("信息工程学院团委", data.KindLeague, &root.ID)
	leagueB := org("机电学院团委", data.KindLeague, &root.ID)
	unionB := org("机电学院学生会", data.KindCollegeUnion, &leagueB.ID)
	theirs, err := school.SaveTraining(app.TrainingDraft{Title: "机电骨干培训", Kind: data.TrainingCadre, HeldOn: "2020-10-10", Hours: "2", OrganizerID: &unionB.ID})
	if err != nil {
		t.Fatal(err)
	}
	ours, err := school.SaveTraining(app.TrainingDraft{Title: "信息骨干培训", Kind: data.TrainingCadre, HeldOn: "2020-10-11", Hours: "2", OrganizerID: &leagueA.ID})
	if err != nil {
		t.Fatal(err)
	}
	meeting, err := school.SaveMeeting(app.MeetingDraft{Kind: data.MeetingStudy, Title: "周例会", HeldOn: "2020-10-12", OrganizationID: unionB.ID})
	if err != nil {
		t.Fatal(err)
	}
	item, err := school.SaveRect(app.RectDraft{Problem: "记录不全", Source: "self_check", FoundOn: "2020-10-01", OrganizationID: &unionB.ID})
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 4)
	rand.Read(b)
	role := "office_view_" + hex.EncodeToString(b)
	if err := school.AddOffice(app.OfficeDraft{User: role, OrganizationID: leagueA.ID, Password: "口令口令口令口令"}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { school.RemoveOffice(role) })

	dropDeliveries()
	t.Cleanup(dropDeliveries)
	a := test.NewTempApp(t)
	Setup(a)
	u, _ := url.Parse(server)
	u.User = url.User(role)
	ws := app.NewWorkspace(t.TempDir(), u.String(), testNow)
	svc, err := ws.Open()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	w := NewMainWindow(a, svc)
	w.Win.Resize(fyne.NewSize(1024, 700))
	t.Cleanup(w.Win.Close)
	w.ShowModule("培训与会议")

	const why = "此记录属于机电学院团委，只能查看"
	readOnly := func(what string) {
		t.Helper()
		dlg := topDialog(t, w.Win)
		if !hasLabel(dlg, why) {
			t.Errorf("%s: no %q on the form", what, why)
		}
		if hasButton(dlg, "保存") {
			t.Errorf("%s: a save button on a read-only form", what)
		}
		for _, e := range entriesUnder(dlg) {
			if !e.Disabled() {
				t.Errorf("%s: entry %q can be typed in", what, e.Text)
				break
			}
		}
		w.Win.Canvas().Overlays().Top().Hide()
		w.Win.Canvas().Overlays().Remove(w.Win.Canvas().Overlays().Top())
	}
	w.sessions.editTraining(theirs.ID)
	if out := os.Getenv("TX_OFFICES_PNG"); out != "" {
		f, _ := os.Create(out + "/readonly.png")
		png.Encode(f, w.Win.Canvas().Capture())
		f.Close()
	}
	readOnly("their training")
	w.sessions.editMeeting(meeting.ID)
	readOnly("their meeting")
	d := openRect(svc, w.Win, item.ID)
	if !d.advance.Disabled() {
		t.Error("their item: it can be changed")
	}
	if !hasLabel(topDialog(t, w.Win), why) {
		t.Errorf("their item: no %q", why)
	}
	w.Win.Canvas().Overlays().Remove(w.Win.Canvas().Overlays().Top())

	// Their union in 组织机构: its title says why, nothing can be saved.
	w.ShowModule("组织机构")
	w.orgs.form.edit(unionB)
	if !strings.Contains(w.orgs.form.title.Text, why) || !w.orgs.form.saveButton.Disabled() || !w.orgs.form.deleteButton.Disabled() {
		t.Errorf("their union: %q, save disabled %v", w.orgs.form.title.Text, w.orgs.form.saveButton.Disabled())
	}
	w.orgs.form.edit(leagueA)
	if w.orgs.form.saveButton.Disabled() {
		t.Error("its own 团委 cannot be saved")
	}
	w.ShowModule("培训与会议")
	w.sessions.editTraining(ours.ID)
	if dlg := topDialog(t, w.Win); hasLabel(dlg, why) || !hasButton(dlg, "保存") {
		t.Fatal("its own training opens read-only")
	}
}

func hasLabel(o fyne.CanvasObject, text string) bool {
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok && strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}

func hasButton(o fyne.CanvasObject, text string) bool {
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			return true
		}
	}
	return false
}

// 系统设置 → 数据库 → 各办公室账号: the school office adds an office's
// account, with its reasons next to the fields, sees it listed and
// removes it.
func TestSchoolOfficeManagesOfficesInTheWindow(t *testing.T) {
	pgtest.Need(t)
	server := pgtest.Schema(t)
	dropDeliveries()
	t.Cleanup(dropDeliveries)
	a := test.NewTempApp(t)
	Setup(a)
	ws := app.NewWorkspace(t.TempDir(), server, testNow)
	svc, err := ws.Open()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	if _, err := svc.SaveOrganization(app.OrgDraft{Name: "校团委", Kind: data.KindLeague, Status: data.StatusActive}); err != nil {
		t.Fatal(err)
	}
	w := NewMainWindow(a, svc)
	w.Win.Resize(fyne.NewSize(1024, 700))
	t.Cleanup(w.Win.Close)
	b := make([]byte, 4)
	rand.Read(b)
	role := "office_win_" + hex.EncodeToString(b)
	t.Cleanup(func() { svc.RemoveOffice(role) })

	openOffices(svc, w.Win)
	d := lastOffices
	if d.empty.Hidden {
		t.Fatal("no word that there are no accounts yet")
	}
	d.openAdd()
	form := topDialog(t, w.Win)
	entries := entriesUnder(form)
	entries[0].SetText("Bad Name")
	entries[1].SetText("短")
	entries[2].SetText("短")
	test.Tap(findButton(t, form, "添加"))
	for _, want := range []string{"小写英文字母", "请选择这个办公室管理的组织", "密码至少 8 个字符"} {
		if !hasLabel(form, want) {
			t.Errorf("no %q on the form", want)
		}
	}
	entries[0].SetText(role)
	for _, obj := range test.LaidOutObjects(form) {
		if s, ok := obj.(*widget.Select); ok {
			s.SetSelected(s.Options[0])
		}
	}
	entries[1].SetText("口令口令口令口令")
	entries[2].SetText("口令口令口令口令")
	test.Tap(findButton(t, form, "添加"))
	if len(d.list) != 1 || d.list[0].Role != role || d.list[0].Organization != "校团委" {
		t.Fatalf("offices after adding: %+v", d.list)
	}
	if out := os.Getenv("TX_OFFICES_PNG"); out != "" {
		f, _ := os.Create(out + "/offices.png")
		png.Encode(f, w.Win.Canvas().Capture())
		f.Close()
	}
	d.rows.Select(0)
	d.remove()
	test.Tap(findButton(t, topDialog(t, w.Win), "删除"))
	if len(d.list) != 0 {
		t.Fatalf("offices after removing: %+v", d.list)
	}
}
