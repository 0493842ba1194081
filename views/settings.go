package views

import (
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
)

// settingsScreen is 系统设置: school name, current semester, data folder.
type settingsScreen struct {
	svc       *app.Service
	win       fyne.Window
	form      *form
	school    *widget.Entry
	semester  *widget.Select
	semesters []app.Semester
	saved     *widget.Label
	root      fyne.CanvasObject
}

func newSettingsScreen(svc *app.Service, win fyne.Window, onSaved func(app.Settings)) *settingsScreen {
	s := &settingsScreen{svc: svc, win: win, form: newForm(), saved: widget.NewLabel("")}
	check := func() { s.saved.SetText("") }
	s.school = s.form.newEntry("SchoolName", "如：潮汕职业技术学院", check)
	s.semester = s.form.newSelect("Semester", nil, check)
	s.form.add("SchoolName", "学校名称", s.school)
	s.form.add("Semester", "当前学期", s.semester)

	folder := widget.NewLabel(svc.Store().Path())
	folder.Wrapping = fyne.TextWrapBreak
	open := widget.NewButton("打开数据文件夹", func() {
		dir, err := storage.Parent(storage.NewFileURI(svc.Store().Path()))
		if err == nil {
			err = fyne.CurrentApp().OpenURL(openableURL(dir.Path()))
		}
		if err != nil {
			showError(err, win)
		}
	})
	save := widget.NewButton("保存设置", func() {
		st, err := svc.SaveSettings(s.draft())
		if err != nil {
			s.form.showSaveError(err, win)
			return
		}
		s.load(st)
		s.saved.SetText("已保存。")
		onSaved(st)
	})
	save.Importance = widget.HighImportance

	general := widget.NewCard("基本设置", "各列表和报表默认显示当前学期的记录。",
		container.NewVBox(s.form.object(), container.NewHBox(save, s.saved)))
	where := container.NewVBox(folder, container.NewHBox(open))
	if warning := app.RiskyLocation(filepath.Dir(svc.Store().Path())); warning != "" {
		l := widget.NewLabel(warning)
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		where.Add(l)
	}
	data := widget.NewCard("数据文件", "全部记录保存在这一个文件里。复制它即可备份；请不要放在网盘同步文件夹中。", where)
	s.root = container.NewVScroll(container.NewVBox(general, s.rulesCard(), s.weightsCard(), s.operatorCard(), data, s.backupCard()))

	if st, err := svc.Settings(); err != nil {
		showError(err, win)
	} else {
		s.load(st)
	}
	return s
}

func (s *settingsScreen) object() fyne.CanvasObject { return s.root }

func (s *settingsScreen) load(st app.Settings) {
	s.semesters = app.SemesterChoices(app.SemesterAt(s.svc.Today().Time()), st.Semester)
	labels := make([]string, len(s.semesters))
	for i, sem := range s.semesters {
		labels[i] = sem.Label()
	}
	s.semester.SetOptions(labels)
	s.form.load(func() {
		s.school.SetText(st.SchoolName)
		s.semester.SetSelected(st.Semester.Label())
	})
}

func (s *settingsScreen) draft() app.SettingsDraft {
	d := app.SettingsDraft{SchoolName: s.school.Text}
	for _, sem := range s.semesters {
		if sem.Label() == s.semester.Selected {
			d.Semester = sem.String()
		}
	}
	return d
}

// weightsCard edits the shares of the four assessment scores.
func (s *settingsScreen) weightsCard() fyne.CanvasObject {
	w, _ := s.svc.AssessmentWeights()
	var entries [4]*widget.Entry
	row := container.NewGridWithColumns(8)
	for i, name := range app.ComponentNames {
		entries[i] = widget.NewEntry()
		entries[i].SetText(strconv.FormatFloat(w[i], 'f', -1, 64))
		row.Add(widget.NewLabel(name + "（%）"))
		row.Add(entries[i])
	}
	msg := errorLabel()
	save := widget.NewButton("保存权重", func() {
		var texts [4]string
		for i, e := range entries {
			texts[i] = e.Text
		}
		if _, err := s.svc.SaveWeightsText(texts); err != nil {
			setMessage(msg, app.Message(err))
			return
		}
		setMessage(msg, "")
		s.saved.SetText("权重已保存。")
	})
	return widget.NewCard("考核权重", "批量考核按这四项的权重计算总分，四项之和须为 100。已保存的考核不会重新计算。",
		container.NewVBox(row, msg, container.NewHBox(save)))
}
