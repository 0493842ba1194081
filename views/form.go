package views

import (
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
)

// field is one labelled input of a form, with its error message beneath it.
type field struct {
	name  string // the draft field it edits, as in app.FieldError
	label string
	input fyne.CanvasObject
	raw   fyne.CanvasObject // the input as made, before it was wrapped for layout
	msg   *widget.Label
	cells [2]fyne.CanvasObject // label and input as laid out, for showField
}

// form lays out fields as label | input and shows validation messages next
// to the field they belong to. It replaces widget.Form, whose buttons are
// hard-wired to "Submit"/"Cancel" and whose hints cannot show our messages.
type form struct {
	fields  []*field
	general *widget.Label // messages that belong to no single field
	touched map[string]bool
	all     bool // after a save attempt every message shows
	loading bool // filling inputs from a record is not editing
	root    *fyne.Container
	// drawn holds the keyEntry drawn for each entry newEntry and newNotes
	// return: the form lays out the keyEntry, which passes the window's
	// keys on.
	drawn map[*widget.Entry]*keyEntry
	// readOnly is why the record may only be viewed (another office's, on
	// a shared server); "" when it may be changed.
	readOnly string
}

func newForm() *form {
	return &form{general: errorLabel(), touched: map[string]bool{}}
}

func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// add appends a field.
func (f *form) add(name, label string, input fyne.CanvasObject) {
	raw := input
	if e, ok := input.(*widget.Entry); ok && isDateField(name) {
		input = withCalendar(f.drawable(e), e)
	}
	input = f.drawable(input)
	f.fields = append(f.fields, &field{name: name, label: label, input: input, raw: raw, msg: errorLabel()})
}

// touch marks a field as edited, so its messages show while typing.
func (f *form) touch(name string) { f.touched[name] = true }

// load fills the inputs from a record without counting it as editing, and
// forgets what was touched before.
func (f *form) load(fill func()) {
	f.loading = true
	fill()
	f.loading = false
	f.touched = map[string]bool{}
	f.all = false
	f.show(nil)
	delete(unsaved, f)
}

// unsaved holds the forms edited since they were loaded or saved, so the
// window can ask before closing over them.
var unsaved = map[*form]bool{}

// done forgets a form that is closed.
func (f *form) done() { delete(unsaved, f) }

// close hides the dialog of a form, asking first when it holds typed input
// that is not saved: 关闭 and 取消 never throw away a teacher's typing
// without a word.
func (f *form) close(win fyne.Window, hide func()) { f.leave(win, hide, nil) }

// leave runs proceed when the form may be left: at once when nothing typed is
// unsaved, else after asking; stay runs (when not nil) if the teacher
// goes back to the form.
func (f *form) leave(win fyne.Window, proceed, stay func()) {
	if !unsaved[f] {
		proceed()
		return
	}
	d := dialog.NewConfirm("还有没保存的修改", "这张表里有还没保存的修改，关闭会丢掉它们。确定关闭吗？", func(discard bool) {
		switch {
		case discard:
			proceed()
		case stay != nil:
			stay()
		}
	}, win)
	d.SetConfirmText("不保存，关闭")
	d.SetDismissText("继续编辑")
	showDialog(d, win, nil, nil) // Esc: 继续编辑
}

// show puts each message beside its field. Before the first save attempt,
// only fields the teacher has edited show theirs.
func (f *form) show(v app.ValidationError) {
	for _, fl := range f.fields {
		msg := ""
		if f.all || f.touched[fl.name] {
			msg = v.For(fl.name)
		}
		setMessage(fl.msg, msg)
	}
	msg := ""
	if f.all {
		msg = v.For("")
	}
	setMessage(f.general, msg)
	if f.root != nil {
		f.root.Refresh() // a shown or hidden message changes the rows' heights
	}
}

// showSaveError shows the result of a failed save: validation messages go
// next to their fields, anything else to a dialog.
func (f *form) showSaveError(err error, win fyne.Window) {
	var v app.ValidationError
	if errors.As(err, &v) {
		f.all = true
		f.show(v)
		return
	}
	showError(err, win)
}

func setMessage(l *widget.Label, msg string) {
	if msg == "" {
		l.Hide()
		return
	}
	l.SetText(msg)
	l.Show()
}

// object builds the form's layout.
func (f *form) object() fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	for _, fl := range f.fields {
		label := widget.NewLabel(fl.label)
		label.Alignment = fyne.TextAlignTrailing
		fl.cells = [2]fyne.CanvasObject{label, container.NewVBox(fl.input, fl.msg)}
		grid.Add(fl.cells[0])
		grid.Add(fl.cells[1])
	}
	f.root = container.NewVBox(grid, f.general)
	if f.readOnly != "" {
		for _, fl := range f.fields {
			if d, ok := fl.raw.(fyne.Disableable); ok {
				d.Disable()
			}
		}
		why := widget.NewLabel(f.readOnly)
		why.Importance = widget.WarningImportance
		why.Wrapping = fyne.TextWrapWord
		f.root = container.NewVBox(why, grid, f.general)
	}
	return f.root
}

// viewOnly makes the form one to look at, saying why, when editable is
// false: another office's record on a shared server.
func (f *form) viewOnly(editable bool, why string) {
	if !editable {
		f.readOnly = why
	}
}

// showField shows or hides the fields called name, label and all, for
// forms whose fields depend on a choice (a congress has delegates, a study
// meeting has none).
func (f *form) showField(name string, visible bool) {
	for _, fl := range f.fields {
		if fl.name != name || fl.cells[0] == nil {
			continue
		}
		for _, c := range fl.cells {
			if visible {
				c.Show()
			} else {
				c.Hide()
			}
		}
	}
	if f.root != nil {
		f.root.Refresh()
	}
}

// showError is the one place errors that belong to no field are shown.
func showError(err error, win fyne.Window) {
	d := dialog.NewInformation("出错了", app.Message(err), win)
	showDialog(d, win, nil, nil)
}

// confirm asks a yes/no question with explicit Chinese button labels.
func confirm(title, message, yes string, win fyne.Window, onYes func()) {
	d := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			onYes()
		}
	}, win)
	d.SetConfirmText(yes)
	d.SetDismissText("取消")
	showDialog(d, win, nil, nil) // Esc: 取消
}

// newEntry returns a one-line entry whose edits mark field name touched and
// call changed.
func (f *form) newEntry(name, placeholder string, changed func()) *widget.Entry {
	e := f.keyEntry(false)
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { f.edited(name, changed) }
	return e
}

// newSelect returns a select box wired like newEntry.
func (f *form) newSelect(name string, options []string, changed func()) *widget.Select {
	s := newChoice(options, nil)
	s.OnChanged = func(string) { f.edited(name, changed) }
	return s
}

// newChoice is widget.NewSelect with a Chinese placeholder: Fyne's own
// says "(Select one)" whatever the language.
func newChoice(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = "（请选择）"
	return s
}

// newNotes returns a multi-line entry wired like newEntry.
func (f *form) newNotes(name string, changed func()) *widget.Entry {
	e := f.keyEntry(true)
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	e.OnChanged = func(string) { f.edited(name, changed) }
	return e
}

// drawable puts the keyEntry in place of each entry of ours in o.
func (f *form) drawable(o fyne.CanvasObject) fyne.CanvasObject {
	switch x := o.(type) {
	case *widget.Entry:
		if k := f.drawn[x]; k != nil {
			return k
		}
	case *fyne.Container:
		for i, c := range x.Objects {
			x.Objects[i] = f.drawable(c)
		}
	}
	return o
}

// keyEntry makes an entry that the form draws as a keyEntry.
func (f *form) keyEntry(multiLine bool) *widget.Entry {
	k := newKeyEntry(multiLine)
	if f.drawn == nil {
		f.drawn = map[*widget.Entry]*keyEntry{}
	}
	f.drawn[&k.Entry] = k
	return &k.Entry
}

func (f *form) edited(name string, changed func()) {
	if f.loading {
		return
	}
	f.touch(name)
	unsaved[f] = true
	// The message of a field being corrected goes; a form that checks as
	// the teacher types shows it again in changed if it still applies.
	for _, fl := range f.fields {
		if fl.name == name && fl.msg.Visible() {
			fl.msg.Hide()
			if f.root != nil {
				f.root.Refresh()
			}
		}
	}
	changed()
}

// widgetInfinite is an endless progress bar for work of unknown length.
func widgetInfinite() fyne.CanvasObject { return widget.NewProgressBarInfinite() }

func itoa(n int) string { return strconv.Itoa(n) }

// orgID is an optional organization's ID, 0 for none.
func orgID(id *uint) uint {
	if id == nil {
		return 0
	}
	return *id
}
