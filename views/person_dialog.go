package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/report"
)

// personDialog is the person form: details, and tabs for the person's
// terms, assessments, trainings, 推优 and exits.
type personDialog struct {
	svc  *app.Service
	win  fyne.Window
	file app.PersonFile

	form                                                  *form
	studentNo, name, college, major, class                *widget.Entry
	grade, phone, applied, rank, failed, notes            *widget.Entry
	born, joined                                          *widget.Entry // 出生日期, 入团日期
	gender, political                                     *widget.Select
	flags                                                 *widget.Label
	flagBox                                               *fyne.Container
	tabs                                                  *container.AppTabs
	appointments, assessments, exits, recommends, reviews [][]string
	trainings                                             [][]string
	trainingLine                                          *widget.Label
	tables                                                []*widget.Table
	exitButtons                                           []*widget.Button
	deleteButton                                          *widget.Button
	dlg                                                   *dialog.CustomDialog
}

// openPersonDialog shows the person with id, or an empty form for a new
// person when id is 0. The screens behind it learn of its saves from the
// notice of change.
func openPersonDialog(svc *app.Service, win fyne.Window, id uint) *personDialog {
	p := &personDialog{svc: svc, win: win, form: newForm(), flags: widget.NewLabel(""),
		trainingLine: widget.NewLabel("")}
	p.flags.Importance = widget.DangerImportance
	p.flags.Wrapping = fyne.TextWrapWord
	p.buildForm()
	p.form.viewOnly(svc.PersonEditable(id))
	p.tabs = container.NewAppTabs(
		container.NewTabItem("基本信息", container.NewVScroll(p.form.object())),
		container.NewTabItem("任职", p.listTab(app.AppointmentColumns, &p.appointments,
			widget.NewButtonWithIcon("新增任职", theme.ContentAddIcon(), p.addAppointment), p.newExitButton())),
		container.NewTabItem("考核", p.listTab(app.AssessmentColumns, &p.assessments)),
		container.NewTabItem("述职评议", p.listTab(app.ReviewColumns, &p.reviews)),
		container.NewTabItem("培训", p.listTab(app.PersonTrainingColumns, &p.trainings, p.trainingLine)),
		container.NewTabItem("推优", p.listTab(recommendationColumns, &p.recommends,
			widget.NewButtonWithIcon("新增推优记录", theme.ContentAddIcon(), p.addRecommendation))),
		container.NewTabItem("退出", p.listTab(app.ExitColumns, &p.exits, p.newExitButton())),
	)
	save := widget.NewButton("保存", p.save)
	save.Importance = widget.HighImportance
	p.flagBox = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, p.flags)
	content := container.NewBorder(p.flagBox, nil, nil, nil, p.tabs)
	p.dlg = dialog.NewCustomWithoutButtons("人员信息", content, win)
	p.dlg.SetOnClosed(p.form.done)
	p.deleteButton = widget.NewButton("删除此人", p.confirmDelete)
	p.deleteButton.Importance = widget.DangerImportance
	closeIt := func() { p.form.close(win, p.dlg.Hide) }
	p.dlg.SetButtons([]fyne.CanvasObject{p.deleteButton, widget.NewButton("关闭", closeIt), save})
	if p.form.readOnly != "" { // another office's person, on a shared server
		save.Disable()
	}
	p.dlg.Resize(fyne.NewSize(min(win.Canvas().Size().Width-40, 1000), min(win.Canvas().Size().Height-40, 680)))
	p.load(id)
	showDialog(p.dlg, win, p.save, closeIt)
	lastPerson = p
	return p
}

// lastPerson is the person dialog opened last, for the screenshots.
var lastPerson *personDialog

func (p *personDialog) buildForm() {
	f, check := p.form, p.check
	p.studentNo = f.newEntry("StudentNo", "如 2020010101", check)
	p.name = f.newEntry("Name", "", check)
	p.gender = f.newSelect("Gender", app.Texts(app.Genders), check)
	p.college = f.newEntry("College", "如 机电工程学院", check)
	p.major = f.newEntry("Major", "", check)
	p.class = f.newEntry("ClassName", "如 20级机电1班", check)
	p.grade = f.newEntry("Grade", "入学年份，如 2020", check)
	p.phone = f.newEntry("Phone", "11 位手机号", check)
	p.political = f.newSelect("PoliticalStatus", app.Texts(app.PoliticalStatuses), check)
	p.applied = f.newEntry("PartyAppliedOn", "如 2020-10-08；未递交请留空", check)
	p.born = f.newEntry("BornOn", "如 2002-05-01", check)
	p.joined = f.newEntry("JoinedLeagueOn", "如 2016-05-04", check)
	p.rank = f.newEntry("RankPercent", "最近一次专业排名百分比，如 12.5", check)
	p.failed = f.newEntry("FailedCourses", "0", check)
	p.notes = f.newNotes("Notes", check)
	for _, fl := range []struct {
		name, label string
		input       fyne.CanvasObject
	}{
		{"StudentNo", "学号", p.studentNo}, {"Name", "姓名", p.name}, {"Gender", "性别", p.gender},
		{"College", "二级学院", p.college}, {"Major", "专业", p.major}, {"ClassName", "班级", p.class},
		{"Grade", "年级", p.grade}, {"Phone", "联系电话", p.phone}, {"PoliticalStatus", "政治面貌", p.political},
		{"PartyAppliedOn", "递交入党申请书", p.applied}, {"BornOn", "出生日期", p.born},
		{"JoinedLeagueOn", "入团日期", p.joined}, {"RankPercent", "专业排名（前 %）", p.rank},
		{"FailedCourses", "不及格课程数", p.failed}, {"Notes", "备注", p.notes},
	} {
		f.add(fl.name, fl.label, fl.input)
	}
}

// listTab is a read-only table of rows with buttons above it.
func (p *personDialog) listTab(columns []report.Column, rows *[][]string, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	t := newListTable(columns, func() int { return len(*rows) }, func(r, c int) (string, bool) {
		return (*rows)[r][c], columns[c].Title == "核对" && (*rows)[r][c] != "符合规定"
	})
	// A cell too long for its column is read whole by clicking its row.
	t.OnSelected = func(id widget.TableCellID) {
		t.Unselect(id)
		if id.Row < 0 || id.Row >= len(*rows) {
			return
		}
		var lines []string
		for i, c := range columns {
			lines = append(lines, c.Title+"："+(*rows)[id.Row][i])
		}
		text := widget.NewLabel(strings.Join(lines, "\n"))
		text.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustom("详细内容", "关闭", text, p.win)
		d.Resize(fyne.NewSize(560, 0))
		d.Show()
	}
	p.tables = append(p.tables, t)
	if len(buttons) == 0 {
		return t
	}
	return container.NewBorder(container.NewHBox(buttons...), nil, nil, nil, t)
}

// newExitButton is 办理退出…, on the 任职 tab and on the 退出 tab.
func (p *personDialog) newExitButton() fyne.CanvasObject {
	b := widget.NewButtonWithIcon("办理退出…", theme.LogoutIcon(), p.openExit)
	b.Importance = widget.DangerImportance
	p.exitButtons = append(p.exitButtons, b)
	return b
}

// load reads the person again and fills every tab.
func (p *personDialog) load(id uint) {
	var d app.PersonDraft
	p.file = app.PersonFile{}
	if id != 0 {
		file, err := p.svc.PersonFile(id)
		if err != nil {
			showError(err, p.win)
			return
		}
		p.file = file
		d = app.PersonDraftOf(file.Person)
	}
	p.form.load(func() {
		p.studentNo.SetText(d.StudentNo)
		p.name.SetText(d.Name)
		p.gender.SetSelected(app.TextOf(app.Genders, d.Gender))
		p.college.SetText(d.College)
		p.major.SetText(d.Major)
		p.class.SetText(d.ClassName)
		p.grade.SetText(d.Grade)
		p.phone.SetText(d.Phone)
		p.political.SetSelected(app.TextOf(app.PoliticalStatuses, d.PoliticalStatus))
		p.applied.SetText(d.PartyAppliedOn)
		p.born.SetText(d.BornOn)
		p.joined.SetText(d.JoinedLeagueOn)
		p.rank.SetText(d.RankPercent)
		p.failed.SetText(d.FailedCourses)
		p.notes.SetText(d.Notes)
	})
	p.appointments, _ = p.svc.AppointmentCells(p.file.Appointments)
	p.assessments = app.AssessmentCells(p.file.Assessments)
	p.exits = p.svc.ExitCells(p.file.Exits, p.file.Appointments)
	p.recommends = p.recommendationCells()
	p.reviews = app.ReviewCells(p.file.Reviews)
	settings, _ := p.svc.Settings()
	var line string
	p.trainings, line, _ = p.svc.PersonTrainings(id, settings.Semester)
	p.trainingLine.SetText(line)
	for _, t := range p.tables {
		t.Refresh()
	}
	p.flags.SetText("建议退出：" + strings.Join(p.file.ExitReasons, "；"))
	if len(p.file.ExitReasons) > 0 {
		p.flagBox.Show()
	} else {
		p.flagBox.Hide()
	}
	for i := 1; i < len(p.tabs.Items); i++ {
		if id == 0 {
			p.tabs.DisableIndex(i)
		} else {
			p.tabs.EnableIndex(i)
		}
	}
	for _, b := range p.exitButtons {
		setEnabled(b, len(p.openTerms()) > 0)
	}
	setEnabled(p.deleteButton, id != 0 && p.form.readOnly == "")
}

func (p *personDialog) openTerms() []app.Appointment {
	var out []app.Appointment
	for _, a := range p.file.Appointments {
		if a.EndOn.IsZero() {
			out = append(out, a)
		}
	}
	return out
}

func (p *personDialog) draft() app.PersonDraft {
	return app.PersonDraft{ID: p.file.Person.ID, Version: p.file.Person.Version, StudentNo: p.studentNo.Text, Name: p.name.Text,
		Gender: app.CodeOf(app.Genders, p.gender.Selected), College: p.college.Text, Major: p.major.Text,
		ClassName: p.class.Text, Grade: p.grade.Text, Phone: p.phone.Text,
		PoliticalStatus: app.CodeOf(app.PoliticalStatuses, p.political.Selected), PartyAppliedOn: p.applied.Text,
		BornOn: p.born.Text, JoinedLeagueOn: p.joined.Text, RankPercent: p.rank.Text, FailedCourses: p.failed.Text, Notes: p.notes.Text}
}

func (p *personDialog) check() {
	_, v := p.svc.CheckPerson(p.draft())
	p.form.show(v)
}

func (p *personDialog) save() {
	saved, err := p.svc.SavePerson(p.draft())
	if err != nil {
		p.tabs.SelectIndex(0)
		p.form.showSaveError(err, p.win)
		return
	}
	p.load(saved.ID)
}

// confirmDelete moves the person and their records to the recycle bin.
func (p *personDialog) confirmDelete() {
	confirm("删除人员", "确定删除“"+p.file.Person.Name+"”吗？此人的任职、考核、退出和推优记录将一并移入回收站，可以从回收站恢复。", "删除", p.win, func() {
		if err := p.svc.DeletePerson(p.file.Person.ID); err != nil {
			showError(err, p.win)
			return
		}
		p.dlg.Hide()
	})
}
