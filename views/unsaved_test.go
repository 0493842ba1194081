package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuanxue/app"
	"tuanxue/data"
)

// TestClosingAFormWithTypedInputAsks: 关闭 (or 取消) over typed, unsaved
// input asks first; 继续编辑 keeps it; an untouched form closes at once.
func TestClosingAFormWithTypedInputAsks(t *testing.T) {
	clear(unsaved) // other tests leave dialogs open
	w, _ := newTestUI(t)
	w.ShowModule("学生骨干")
	overlays := w.Win.Canvas().Overlays()

	// The person dialog.
	test.Tap(findButton(t, w.roster.root, "新增人员"))
	p := lastPerson
	test.Tap(findButton(t, topDialog(t, w.Win), "关闭"))
	if overlays.Top() != nil {
		t.Fatal("an untouched form did not close")
	}
	test.Tap(findButton(t, w.roster.root, "新增人员"))
	p = lastPerson
	test.Type(p.name, "林晓")
	dlg := topDialog(t, w.Win)
	test.Tap(findButton(t, dlg, "关闭"))
	ask := topDialog(t, w.Win)
	if ask == dlg {
		t.Fatal("关闭 over typed input did not ask")
	}
	test.Tap(findButton(t, ask, "继续编辑"))
	if overlays.Top() != dlg || p.name.Text != "林晓" {
		t.Fatal("继续编辑 did not return to the form with its input")
	}
	test.Tap(findButton(t, dlg, "关闭"))
	test.Tap(findButton(t, topDialog(t, w.Win), "不保存，关闭"))
	if overlays.Top() != nil {
		t.Fatal("不保存，关闭 left a dialog open")
	}

	// A form dialog's 取消.
	w.ShowModule("培训与会议")
	test.Tap(findButton(t, w.sessions.trainings.root, "新增"))
	form := topDialog(t, w.Win)
	test.Type(entriesUnder(form)[0], "礼仪培训")
	test.Tap(findButton(t, form, "取消"))
	test.Tap(findButton(t, topDialog(t, w.Win), "不保存，关闭"))
	if overlays.Top() != nil {
		t.Fatal("the training form is still open")
	}
	if len(unsaved) != 0 {
		t.Fatalf("%d forms still counted unsaved after closing", len(unsaved))
	}
}

// TestAMessageGoesOnceTheFieldIsCorrected: a form without checks while
// typing still drops a field's message when the field is edited.
func TestAMessageGoesOnceTheFieldIsCorrected(t *testing.T) {
	w, _ := newTestUI(t)
	w.ShowModule("培训与会议")
	test.Tap(findButton(t, w.sessions.trainings.root, "新增"))
	d := topDialog(t, w.Win)
	entries := entriesUnder(d) // title, date, hours, …
	test.Type(entries[0], "礼仪培训")
	entries[2].SetText("1.3")
	test.Tap(findButton(t, d, "保存"))
	if !strings.Contains(strings.Join(labelsUnder(d), ""), "半小时") {
		t.Fatal("bad hours not explained")
	}
	test.Type(entries[2], "5")
	if strings.Contains(strings.Join(labelsUnder(d), ""), "半小时") {
		t.Fatal("the message stays after the field was edited")
	}
}

// TestASaveSaysSo: the window says briefly, without a dialog, that a
// change was saved.
func TestASaveSaysSo(t *testing.T) {
	w, svc := newTestUI(t)
	if w.saved.Text != "" {
		t.Fatalf("before any save: %q", w.saved.Text)
	}
	if _, err := svc.SaveTraining(app.TrainingDraft{Title: "礼仪培训", Kind: data.TrainingCadre, HeldOn: svc.Today().String(), Hours: "2"}); err != nil {
		t.Fatal(err)
	}
	settle()
	if !strings.HasPrefix(w.saved.Text, "✓ 已保存") {
		t.Fatalf("after a save: %q", w.saved.Text)
	}
	if w.Win.Canvas().Overlays().Top() != nil {
		t.Fatal("the notice is a dialog")
	}
}
