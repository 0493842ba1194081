package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

// attendancePicker marks who came to a session: whole departments are
// added in one click, then adjusted person by person.
type attendancePicker struct {
	svc     *app.Service
	win     fyne.Window
	ref     app.Session
	day     data.Date
	marks   []app.Mark
	orgs    choices
	depts   choices
	org     *widget.Select
	dept    *widget.Select
	found   []app.Person
	search  *widget.Entry
	results *widget.Select
	list    *widget.List
	summary *widget.Label
	message *widget.Label
	dlg     *dialog.CustomDialog
}

const wholeOrg = "全部部门"

func openAttendance(svc *app.Service, win fyne.Window, ref app.Session) *attendancePicker {
	p := &attendancePicker{svc: svc, win: win, ref: ref, summary: widget.NewLabel(""), message: errorLabel()}
	title, host := "", (*uint)(nil)
	if ref.TrainingID != nil {
		t, _ := svc.Training(*ref.TrainingID)
		p.day, title, host = t.HeldOn, t.Title, t.OrganizerID
	} else {
		m, _ := svc.Meeting(*ref.MeetingID)
		p.day, title, host = m.HeldOn, m.Title, &m.OrganizationID
	}
	var err error
	if p.marks, err = svc.Attendance(ref); err != nil {
		showError(err, win)
		return nil
	}
	tree, _ := svc.OrgTree()
	p.orgs = orgChoices(tree, "", func(o app.Organization) bool { return o.Status == data.StatusActive })
	p.dept = newChoice(nil, nil)
	p.org = newChoice(p.orgs.labels, func(string) { p.loadDepts() })
	addDept := widget.NewButtonWithIcon("加入在任人员", theme.ContentAddIcon(), p.addInPost)
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("输入姓名或学号查找个人")
	p.results = newChoice(nil, nil)
	p.search.OnChanged = p.find
	addOne := widget.NewButton("加入", func() { p.addFound(false) })
	addGuest := widget.NewButton("加为列席", func() { p.addFound(true) })
	p.list = widget.NewList(func() int { return len(p.marks) }, p.newRow, p.updateRow)

	top := container.NewVBox(
		widget.NewLabel(fmt.Sprintf("%s（%s）：先按组织、部门加入当天在任的人，再逐个调整。", title, p.day)),
		container.NewBorder(nil, nil, nil, addDept, container.NewGridWithColumns(2, p.org, p.dept)),
		container.NewBorder(nil, nil, nil, container.NewHBox(addOne, addGuest), container.NewGridWithColumns(2, p.search, p.results)),
		p.summary, p.message)
	p.dlg = dialog.NewCustomWithoutButtons("考勤", container.NewBorder(top, nil, nil, nil, p.list), win)
	allPresent := widget.NewButton("全部出席", func() {
		for i := range p.marks {
			p.marks[i].Status = data.AttendPresent
		}
		p.refresh()
	})
	saveMarks := func() {
		if err := svc.SetAttendance(ref, p.marks); err != nil {
			setMessage(p.message, app.Message(err))
			return
		}
		p.dlg.Hide()
	}
	save := widget.NewButton("保存考勤", saveMarks)
	save.Importance = widget.HighImportance
	p.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton("取消", p.dlg.Hide), allPresent, save})
	p.dlg.Resize(fyne.NewSize(min(win.Canvas().Size().Width-40, 900), min(win.Canvas().Size().Height-40, 680)))
	if label := p.orgs.label(host); label != "" {
		p.org.SetSelected(label) // the organization that held the session
	} else if len(p.orgs.labels) > 0 {
		p.org.SetSelected(p.orgs.labels[0])
	}
	p.refresh()
	showDialog(p.dlg, win, saveMarks, nil)
	return p
}

func (p *attendancePicker) loadDepts() {
	p.depts = choices{}
	p.depts.add(wholeOrg, 0)
	if id := p.orgs.id(p.org.Selected); id != nil {
		p.depts.add(app.Presidium, 0)
		ds, _ := p.svc.Departments(*id)
		for _, d := range ds {
			if d.Status == data.StatusActive {
				p.depts.add(d.Name, d.ID)
			}
		}
	}
	p.dept.SetOptions(p.depts.labels)
	p.dept.SetSelected(wholeOrg)
}

// addInPost adds everyone in post on the day in the chosen organization or
// department who is not on the list yet, marked present.
func (p *attendancePicker) addInPost() {
	orgID := p.orgs.id(p.org.Selected)
	if orgID == nil {
		return
	}
	people, err := p.svc.PeopleInPost(*orgID, p.depts.id(p.dept.Selected), p.dept.Selected == app.Presidium, p.day)
	if err != nil {
		showError(err, p.win)
		return
	}
	p.merge(people)
}

func (p *attendancePicker) merge(people []app.Mark) {
	on := map[uint]bool{}
	for _, m := range p.marks {
		on[m.PersonID] = true
	}
	for _, m := range people {
		if !on[m.PersonID] {
			p.marks = append(p.marks, m)
			on[m.PersonID] = true
		}
	}
	p.refresh()
}

func (p *attendancePicker) find(text string) {
	p.found, _ = p.svc.SearchPeople(text)
	labels := make([]string, len(p.found))
	for i, person := range p.found {
		labels[i] = person.Name + " " + person.StudentNo
	}
	p.results.SetOptions(labels)
	if len(labels) > 0 {
		p.results.SetSelected(labels[0])
	}
}

func (p *attendancePicker) addFound(guest bool) {
	for _, person := range p.found {
		if person.Name+" "+person.StudentNo == p.results.Selected {
			p.merge([]app.Mark{{PersonID: person.ID, Name: person.Name, Status: data.AttendPresent, Guest: guest}})
		}
	}
}

func (p *attendancePicker) refresh() {
	n := map[string]int{}
	for _, m := range p.marks {
		n[m.Status]++
	}
	p.summary.SetText(fmt.Sprintf("共 %d 人：出席 %d，请假 %d，缺席 %d", len(p.marks),
		n[data.AttendPresent], n[data.AttendLeave], n[data.AttendAbsent]))
	p.list.Refresh()
}

func (p *attendancePicker) newRow() fyne.CanvasObject {
	status := widget.NewRadioGroup(app.Texts(app.AttendanceMarks), nil)
	status.Horizontal = true
	status.Required = true
	guest := widget.NewCheck("列席", nil)
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	return container.NewBorder(nil, nil, widget.NewLabel("姓名"), container.NewHBox(guest, remove), status)
}

func (p *attendancePicker) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container)
	var status *widget.RadioGroup
	var name *widget.Label
	var right *fyne.Container
	for _, obj := range row.Objects {
		switch w := obj.(type) {
		case *widget.RadioGroup:
			status = w
		case *widget.Label:
			name = w
		case *fyne.Container:
			right = w
		}
	}
	guest, remove := right.Objects[0].(*widget.Check), right.Objects[1].(*widget.Button)
	m := p.marks[i]
	name.SetText(m.Name)
	status.OnChanged = nil
	status.SetSelected(app.TextOf(app.AttendanceMarks, m.Status))
	status.OnChanged = func(text string) {
		p.marks[i].Status = app.CodeOf(app.AttendanceMarks, text)
		p.refresh()
	}
	guest.OnChanged = nil
	guest.SetChecked(m.Guest)
	guest.OnChanged = func(on bool) { p.marks[i].Guest = on }
	remove.OnTapped = func() {
		p.marks = append(p.marks[:i], p.marks[i+1:]...)
		p.refresh()
	}
}
