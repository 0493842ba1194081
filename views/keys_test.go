package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func press(w fyne.Window, s fyne.Shortcut) { w.Canvas().(fyne.Shortcutable).TypedShortcut(s) }

func escape(w fyne.Window) { w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }

// TestTheKeysTeachersReachFor: Ctrl+N, Ctrl+F, Ctrl+S, Esc and Enter do
// what they do in other desktop programs, also from inside a field.
func TestTheKeysTeachersReachFor(t *testing.T) {
	clear(unsaved)
	w, svc := sampleUI(t)
	overlays := w.Win.Canvas().Overlays()
	w.ShowModule("学生骨干")

	press(w.Win, keySearch)
	if w.Win.Canvas().Focused() != w.roster.filters.searchBox {
		t.Fatal("Ctrl+F did not go to the roster's search box")
	}
	// Ctrl+N from the search box: a new person.
	w.roster.filters.searchBox.TypedShortcut(keyNew)
	p := lastPerson
	if overlays.Top() == nil || p.file.Person.ID != 0 {
		t.Fatal("Ctrl+N did not open a new person")
	}
	name := p.form.drawn[p.name]
	test.Type(p.name, "林晓")
	dlg := overlays.Top()
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if overlays.Top() == dlg {
		t.Fatal("Esc over typed input did not ask")
	}
	escape(w.Win) // Esc on the question: 继续编辑
	if overlays.Top() != dlg || p.name.Text != "林晓" {
		t.Fatal("Esc on the question did not go back to the form")
	}
	// Ctrl+S from the field: saved, or the message beside the field.
	name.TypedShortcut(keySave)
	if msg := fieldMessage(p.form, "StudentNo"); msg == "" {
		t.Fatal("Ctrl+S did not try to save")
	}
	test.Type(p.studentNo, "2020990101")
	name.TypedShortcut(keySave)
	if p.file.Person.ID == 0 {
		t.Fatalf("Ctrl+S did not save: %q", fieldMessage(p.form, "StudentNo"))
	}
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if overlays.Top() != nil {
		t.Fatal("Esc did not close a saved form")
	}

	// Enter in a one-line field of a dialog presses its main button.
	w.ShowModule("培训与会议")
	before := len(w.sessions.trainings.ids)
	press(w.Win, keyNew)
	d := topDialog(t, w.Win)
	title := entriesUnder(d)[0]
	test.Type(title, "志愿服务培训")
	entriesUnder(d)[2].SetText("2") // 学时
	for _, o := range test.LaidOutObjects(d) {
		if k, ok := o.(*keyEntry); ok && &k.Entry == title {
			k.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}
	}
	settle()
	if overlays.Top() != nil || len(w.sessions.trainings.ids) != before+1 {
		t.Fatalf("Enter did not save the training: %d listed, was %d", len(w.sessions.trainings.ids), before)
	}

	// Ctrl+S on a screen's own form.
	w.ShowModule("系统设置")
	w.settings.school.SetText("潮汕职业技术学院（新）")
	press(w.Win, keySave)
	if st, _ := svc.Settings(); !strings.HasSuffix(st.SchoolName, "（新）") {
		t.Fatalf("Ctrl+S on 系统设置 saved %q", st.SchoolName)
	}
}
