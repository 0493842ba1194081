package views

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
)

// settingsScreen is 系统设置: school name, current semester, rules,
// weights, operator, database and backups.
type settingsScreen struct {
	svc       *app.Service
	win       fyne.Window
	form      *form
	school    *widget.Entry
	semester  *widget.Select
	addressee *widget.Entry // the 自评报告's 主送机关
	semesters []app.Semester
	weights   [4]*widget.Entry // the assessment weights, saved with the rest
	// the 述职评议 parameters: aspects, full marks, three thresholds
	reviewEntries [6]*widget.Entry
	operator      *widget.Entry // who the log names, saved with the rest
	saved         *widget.Label
	root          *container.Scroll
	view          fyne.CanvasObject // root above the one 保存
	database      *databaseCard
	about         fyne.CanvasObject
	save          func() // 保存, and Ctrl+S
}

func newSettingsScreen(svc *app.Service, win fyne.Window, onSaved func(app.Settings)) *settingsScreen {
	s := &settingsScreen{svc: svc, win: win, form: newForm(), saved: widget.NewLabel("")}
	check := func() { s.saved.SetText("") }
	s.school = s.form.newEntry("SchoolName", "如：潮汕职业技术学院", check)
	s.semester = s.form.newSelect("Semester", nil, check)
	s.addressee = s.form.newEntry("Addressee", "如：揭阳市学生联合会", check)
	s.form.add("SchoolName", "学校名称", s.school)
	s.form.add("Semester", "当前学期", s.semester)
	s.form.add("Addressee", "上级学联", s.addressee)

	// One 保存 for the whole screen: the basic settings, the weights and the
	// operator. The database card keeps its own, as it takes effect only
	// when the program opens again.
	var weightsSaved, reviewSaved, operatorSaved func() bool
	s.save = func() {
		st, err := svc.SaveSettings(s.draft())
		if err != nil {
			s.form.showSaveError(err, win)
			s.saved.SetText("没有保存，请看标红的说明。")
			return
		}
		s.load(st)
		ok := weightsSaved()
		ok = reviewSaved() && ok
		if !operatorSaved() || !ok {
			s.saved.SetText("基本设置已保存；标红的一项没有保存。")
		} else {
			s.saved.SetText("已保存。")
		}
		onSaved(st)
	}
	save := widget.NewButton("保存", s.save)
	save.Importance = widget.HighImportance

	general := widget.NewCard("基本设置", "各列表和报表默认显示当前学期的记录。上级学联是自评报告的主送单位。", s.form.object())
	weights, weightsSaved := s.weightsCard()
	review, reviewSaved := s.reviewCard()
	operator, operatorSaved := s.operatorCard()
	s.database = newDatabaseCard(svc, win)
	s.about = s.aboutCard()
	s.root = container.NewVScroll(container.NewVBox(general, weights, review, operator, s.rulesCard(), s.database.card,
		s.backupCard(), keysCard(), s.about))
	s.view = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), container.NewHBox(save, s.saved)), nil, nil, s.root)

	if st, err := svc.Settings(); err != nil {
		showError(err, win)
	} else {
		s.load(st)
	}
	return s
}

func (s *settingsScreen) object() fyne.CanvasObject { return s.view }

func (s *settingsScreen) load(st app.Settings) {
	s.semesters = app.SemesterChoices(app.SemesterAt(s.svc.Today().Time()), st.Semester)
	labels := semesterLabels(s.semesters)
	s.semester.SetOptions(labels)
	s.form.load(func() {
		s.school.SetText(st.SchoolName)
		s.semester.SetSelected(st.Semester.Label())
		s.addressee.SetText(st.Addressee)
	})
}

func (s *settingsScreen) draft() app.SettingsDraft {
	to := s.addressee.Text
	d := app.SettingsDraft{SchoolName: s.school.Text, Addressee: &to}
	if sem, ok := semesterLabeled(s.semesters, s.semester.Selected); ok {
		d.Semester = sem.String()
	}
	return d
}

// keysCard lists the keyboard shortcuts (帮助 → 快捷键).
func keysCard() fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	for _, k := range shortcutHelp {
		key := widget.NewLabel(k[0])
		key.TextStyle = fyne.TextStyle{Monospace: true}
		grid.Add(key)
		grid.Add(widget.NewLabel(k[1]))
	}
	return widget.NewCard("快捷键", "在 macOS 上用 Command 键代替 Ctrl。", grid)
}

// weightsCard edits the shares of the four assessment scores; the
// function it returns saves them if they were changed.
func (s *settingsScreen) weightsCard() (fyne.CanvasObject, func() bool) {
	w, _ := s.svc.AssessmentWeights()
	entries := &s.weights
	row := container.NewGridWithColumns(4) // two shares a line: fits 1024 px
	for i, name := range app.ComponentNames {
		entries[i] = widget.NewEntry()
		entries[i].SetText(strconv.FormatFloat(w[i], 'f', -1, 64))
		row.Add(widget.NewLabel(name + "（%）"))
		row.Add(entries[i])
	}
	msg := errorLabel()
	save := func() bool {
		var texts [4]string
		changed := false
		now, _ := s.svc.AssessmentWeights()
		for i, e := range entries {
			texts[i] = e.Text
			changed = changed || e.Text != strconv.FormatFloat(now[i], 'f', -1, 64)
		}
		if !changed {
			return true
		}
		if _, err := s.svc.SaveWeightsText(texts); err != nil {
			setMessage(msg, app.Message(err))
			return false
		}
		setMessage(msg, "")
		return true
	}
	return widget.NewCard("考核权重", "批量考核按这四项的权重计算总分，四项之和须为 100。已保存的考核不会重新计算。",
		container.NewVBox(row, msg)), save
}
