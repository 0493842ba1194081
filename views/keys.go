package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
)

// The keys teachers reach for, as desktop programs have them: Ctrl (Command on
// macOS) with S saves the open form, N makes a new record on the screen,
// F goes to its search box, P prints the report on view; Esc closes the
// dialog on top (asking when it holds unsaved input); Enter in a one-line
// field of a dialog presses its main button.
var (
	keySave   = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	keyNew    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	keySearch = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	keyPrint  = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
)

// shortcutHelp lists the keys for the 快捷键 card.
var shortcutHelp = [][2]string{
	{"Ctrl+S", "保存正在编辑的表单"}, {"Ctrl+N", "在当前页面新增一条记录"}, {"Ctrl+F", "转到当前页面的搜索框"},
	{"Ctrl+P", "打印当前报表"}, {"Esc", "关闭对话框（有未保存的修改时先询问）"}, {"Enter", "在对话框的单行输入框中：按下主按钮（保存、确定）"},
}

// dialogKeys are what a dialog does on Ctrl+S / Enter and on Esc.
type dialogKeys struct{ save, close func() }

// screenKeys are what the screen on view does on Ctrl+S, N, F and P; nil
// where it has nothing to do.
type screenKeys struct{ save, create, search, print func() }

// keyboard routes a window's keys to the dialog on top or the screen.
type keyboard struct {
	win     fyne.Window
	dialogs map[fyne.CanvasObject]dialogKeys // by the overlay that shows them
	screen  func() screenKeys
}

// keyboards are the windows' keyboards, by canvas: a field finds its
// window's through the canvas it is drawn on.
var keyboards = map[fyne.Canvas]*keyboard{}

// keysOf is win's keyboard, hooked to its canvas on first use.
func keysOf(win fyne.Window) *keyboard {
	c := win.Canvas()
	if k, ok := keyboards[c]; ok {
		return k
	}
	k := &keyboard{win: win, dialogs: map[fyne.CanvasObject]dialogKeys{}, screen: func() screenKeys { return screenKeys{} }}
	keyboards[c] = k
	for _, s := range []*desktop.CustomShortcut{keySave, keyNew, keySearch, keyPrint} {
		c.AddShortcut(s, func(s fyne.Shortcut) { k.shortcut(s) })
	}
	c.SetOnTypedKey(func(e *fyne.KeyEvent) { k.typedKey(e, false) })
	return k
}

// forget drops a closed window's keyboard.
func (k *keyboard) forget() { delete(keyboards, k.win.Canvas()) }

// showDialog shows d and gives it its keys: save (nil: none) for Ctrl+S
// and Enter, close for Esc (nil: d.Hide).
func showDialog(d dialog.Dialog, win fyne.Window, save, close func()) {
	d.Show()
	if close == nil {
		close = d.Hide
	}
	k := keysOf(win)
	if top := win.Canvas().Overlays().Top(); top != nil {
		k.dialogs[top] = dialogKeys{save: save, close: close}
	}
}

// top is the keys of the dialog on top, if it is one of ours.
func (k *keyboard) top() (dialogKeys, bool) {
	top := k.win.Canvas().Overlays().Top()
	for o := range k.dialogs {
		if !k.shown(o) {
			delete(k.dialogs, o) // closed since
		}
	}
	d, ok := k.dialogs[top]
	return d, ok && top != nil
}

func (k *keyboard) shown(o fyne.CanvasObject) bool {
	for _, ov := range k.win.Canvas().Overlays().List() {
		if ov == o {
			return o.Visible()
		}
	}
	return false
}

// shortcut runs Ctrl+S, N, F or P.
func (k *keyboard) shortcut(s fyne.Shortcut) {
	if k.win.Canvas().Overlays().Top() != nil {
		if d, ok := k.top(); ok && s.ShortcutName() == keySave.ShortcutName() && d.save != nil {
			d.save()
		}
		return // the screen behind a dialog waits
	}
	sc := k.screen()
	var do func()
	switch s.ShortcutName() {
	case keySave.ShortcutName():
		do = sc.save
	case keyNew.ShortcutName():
		do = sc.create
	case keySearch.ShortcutName():
		do = sc.search
	case keyPrint.ShortcutName():
		do = sc.print
	}
	if do != nil {
		do()
	}
}

// typedKey handles Esc, and Enter from a one-line field.
func (k *keyboard) typedKey(e *fyne.KeyEvent, oneLine bool) {
	d, ok := k.top()
	if !ok {
		return
	}
	switch e.Name {
	case fyne.KeyEscape:
		d.close()
	case fyne.KeyReturn, fyne.KeyEnter:
		if oneLine && d.save != nil {
			d.save()
		}
	}
}

// isOurs reports whether s is one of the window's shortcuts.
func isOurs(s fyne.Shortcut) bool {
	for _, ours := range []*desktop.CustomShortcut{keySave, keyNew, keySearch, keyPrint} {
		if s.ShortcutName() == ours.ShortcutName() {
			return true
		}
	}
	return false
}

// keyEntry is the entry of our forms: Fyne gives a focused field every
// key and shortcut, so it passes the window's own on (Esc, Enter in a
// one-line field, Ctrl+S …) instead of dropping them.
type keyEntry struct{ widget.Entry }

func newKeyEntry(multiLine bool) *keyEntry {
	e := &keyEntry{}
	e.MultiLine = multiLine
	e.ExtendBaseWidget(e)
	return e
}

func (e *keyEntry) keyboard() *keyboard {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return nil
	}
	return keyboards[c]
}

// TypedKey passes Esc on, and Enter in a one-line field.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	k := e.keyboard()
	if k != nil && (ev.Name == fyne.KeyEscape || (!e.MultiLine && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter))) {
		if _, inDialog := k.top(); inDialog {
			k.typedKey(ev, !e.MultiLine)
			return
		}
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut passes the window's shortcuts on; copy, paste and the
// like stay the field's.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if k := e.keyboard(); k != nil && isOurs(s) {
		k.shortcut(s)
		return
	}
	e.Entry.TypedShortcut(s)
}

// screenKeys are the keys of the screen on view.
func (w *MainWindow) screenKeys() screenKeys {
	cur := w.current()
	if cur == nil {
		return screenKeys{}
	}
	switch cur.title {
	case "组织机构":
		return screenKeys{save: w.orgs.form.save, create: func() { w.orgs.createUnder(w.orgs.selected) }}
	case "学生骨干":
		return screenKeys{create: func() { w.roster.openPerson(0) },
			search: func() { w.Win.Canvas().Focus(w.roster.filters.searchBox) }}
	case "培训与会议":
		return screenKeys{create: func() {
			if w.sessions.tabs.SelectedIndex() == 0 {
				w.sessions.trainings.onNew()
			} else {
				w.sessions.meetings.onNew()
			}
		}}
	case "整改台账":
		return screenKeys{create: func() { w.ledger.openItem(0) }}
	case "选拔":
		return screenKeys{create: func() { w.selections.openRound(app.SelectionRound{}) }}
	case "报表":
		return screenKeys{print: w.reports.print}
	case "系统设置":
		return screenKeys{save: w.settings.save}
	}
	return screenKeys{}
}
