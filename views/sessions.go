package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

// sessionsScreen is 培训与会议: a tab of trainings and study sessions and a
// tab of meetings with minutes, each with attendance.
type sessionsScreen struct {
	svc       *app.Service
	win       fyne.Window
	trainings *sessionList
	meetings  *sessionList
	tabs      *container.AppTabs
}

func newSessionsScreen(svc *app.Service, win fyne.Window) *sessionsScreen {
	s := &sessionsScreen{svc: svc, win: win}
	s.trainings = (&sessionList{svc: svc, win: win, title: "培训记录", kinds: app.TrainingKinds, columns: app.TrainingColumns,
		load: func(f data.SessionFilter) ([]uint, [][]string, error) {
			ts, err := svc.Trainings(f)
			if err != nil {
				return nil, nil, err
			}
			ids := make([]uint, len(ts))
			for i, t := range ts {
				ids[i] = t.ID
			}
			cells, err := svc.TrainingCells(ts)
			return ids, cells, err
		},
		onNew:    func() { s.openTraining(app.TrainingDraft{Kind: data.TrainingCadre}) },
		onEdit:   s.editTraining,
		onAttend: func(id uint) { openAttendance(svc, win, app.Session{TrainingID: &id}) },
		onDelete: svc.DeleteTraining,
	}).build()
	s.meetings = (&sessionList{svc: svc, win: win, title: "会议记录", kinds: app.MeetingKinds, columns: app.MeetingColumns,
		load: func(f data.SessionFilter) ([]uint, [][]string, error) {
			ms, err := svc.Meetings(f)
			if err != nil {
				return nil, nil, err
			}
			ids := make([]uint, len(ms))
			for i, m := range ms {
				ids[i] = m.ID
			}
			cells, err := svc.MeetingCells(ms)
			return ids, cells, err
		},
		onNew:    func() { s.openMeeting(app.MeetingDraft{Kind: data.MeetingStudy}) },
		onEdit:   s.editMeeting,
		onAttend: func(id uint) { openAttendance(svc, win, app.Session{MeetingID: &id}) },
		onDelete: svc.DeleteMeeting,
	}).build()
	s.tabs = container.NewAppTabs(
		container.NewTabItem("培训与学习", container.NewPadded(s.trainings.root)),
		container.NewTabItem("会议与记录", container.NewPadded(s.meetings.root)))
	return s
}

func (s *sessionsScreen) object() fyne.CanvasObject { return s.tabs }

// refresh reads both lists again after records changed.
func (s *sessionsScreen) refresh() {
	s.trainings.refresh()
	s.meetings.refresh()
}

func (s *sessionsScreen) editTraining(id uint) {
	t, err := s.svc.Training(id)
	if err != nil {
		showError(err, s.win)
		return
	}
	s.openTraining(app.TrainingDraftOf(t))
}

func (s *sessionsScreen) editMeeting(id uint) {
	m, err := s.svc.Meeting(id)
	if err != nil {
		showError(err, s.win)
		return
	}
	s.openMeeting(app.MeetingDraftOf(m))
}

// congressCounts are the inputs of a congress's four numbers: the entries,
// or, once the delegates register counts them, the counts as plain text
// (one source for the numbers; a greyed entry would be hard to read).
func congressCounts(d app.MeetingDraft, entries ...*widget.Entry) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(entries))
	for i, e := range entries {
		out[i] = e
	}
	if !d.FromKit {
		return out
	}
	for i, n := range []string{d.DelegatesElected, d.DelegatesPresent, d.StudentsRepresented, d.NonCadreDelegates} {
		text := n + " 人"
		if n == "" {
			text = "未登记"
		}
		out[i] = widget.NewLabel(text)
	}
	return out
}

// openTraining edits a training session in a dialog.
func (s *sessionsScreen) openTraining(d app.TrainingDraft) {
	tree, _ := s.svc.OrgTree()
	orgs := orgChoices(tree, "（不填）", func(o app.Organization) bool { return o.Status == data.StatusActive })
	f := newForm()
	title := f.newEntry("Title", "如 2020年秋季学生骨干培训班", func() {})
	kind := f.newSelect("Kind", app.Texts(app.TrainingKinds), func() {})
	held := f.newEntry("HeldOn", "如 2020-10-10", func() {})
	hours := f.newEntry("Hours", "如 2 或 1.5", func() {})
	place := f.newEntry("Place", "", func() {})
	organizer := f.newSelect("OrganizerID", orgs.labels, func() {})
	speaker := f.newEntry("Speaker", "", func() {})
	summary := f.newNotes("Summary", func() {})
	f.add("Title", "主题", title)
	f.add("Kind", "类别", kind)
	f.add("HeldOn", "日期", held)
	f.add("Hours", "学时", hours)
	f.add("Place", "地点", place)
	f.add("OrganizerID", "主办组织", organizer)
	f.add("Speaker", "主讲人", speaker)
	f.add("Summary", "内容摘要", summary)
	f.viewOnly(s.svc.Editable("trainings", d.ID, orgID(d.OrganizerID)))
	f.load(func() {
		title.SetText(d.Title)
		kind.SetSelected(app.TextOf(app.TrainingKinds, d.Kind))
		held.SetText(d.HeldOn)
		hours.SetText(d.Hours)
		place.SetText(d.Place)
		organizer.SetSelected(orgs.label(d.OrganizerID))
		speaker.SetText(d.Speaker)
		summary.SetText(d.Summary)
		if d.ID == 0 {
			held.SetText(s.svc.Today().String())
		}
	})
	formDialog("培训与学习", "保存", f, s.win, func() error {
		_, err := s.svc.SaveTraining(app.TrainingDraft{ID: d.ID, Version: d.Version, Title: title.Text, Kind: app.CodeOf(app.TrainingKinds, kind.Selected),
			HeldOn: held.Text, Hours: hours.Text, Place: place.Text, OrganizerID: orgs.id(organizer.Selected),
			Speaker: speaker.Text, Summary: summary.Text})
		return err
	}).Show()
}

// congressFields and reportFields appear only for their kind of meeting.
var (
	congressFields = []string{"CongressForm", "DelegatesElected", "DelegatesPresent", "StudentsRepresented", "NonCadreDelegates", "PresidiumElected", "Kit"}
	reportFields   = []string{"ReportingOrgID", "ReportForm"}
)

// openMeeting edits a meeting in a dialog; the fields follow the kind.
func (s *sessionsScreen) openMeeting(d app.MeetingDraft) {
	tree, _ := s.svc.OrgTree()
	orgs := orgChoices(tree, "", func(o app.Organization) bool { return o.Status == data.StatusActive })
	colleges := orgChoices(tree, "", func(o app.Organization) bool {
		return o.Status == data.StatusActive && o.Kind == data.KindCollegeUnion
	})
	f := newForm()
	var kind *widget.Select
	showKind := func() {
		code := app.CodeOf(app.MeetingKinds, kind.Selected)
		for _, name := range congressFields {
			f.showField(name, code == data.MeetingCongress)
		}
		for _, name := range reportFields {
			f.showField(name, code == data.MeetingReport)
		}
	}
	kind = f.newSelect("Kind", app.Texts(app.MeetingKinds), showKind)
	title := f.newEntry("Title", "如 第6周政治业务学习", func() {})
	held := f.newEntry("HeldOn", "如 2020-10-14", func() {})
	org := f.newSelect("OrganizationID", orgs.labels, func() {})
	place := f.newEntry("Place", "", func() {})
	recorder := f.newEntry("Recorder", "会议记录由谁整理", func() {})
	elected := f.newEntry("DelegatesElected", "人数", func() {})
	present := f.newEntry("DelegatesPresent", "人数", func() {})
	represented := f.newEntry("StudentsRepresented", "全校（全院）学生数", func() {})
	nonCadre := f.newEntry("NonCadreDelegates", "人数", func() {})
	congressForm := f.newSelect("CongressForm", app.Texts(app.CongressForms), func() {})
	counts := congressCounts(d, elected, present, represented, nonCadre)
	presidium := widget.NewCheck("主席团由本次大会选举产生", nil)
	kitText := "学代会材料：名额、代表、选举、提案"
	if d.FromKit {
		kitText = "学代会材料（以上人数按其代表名册计算）"
	}
	kit := widget.NewButton(kitText, func() { openCongressKit(s.svc, s.win, d.ID) })
	if d.ID == 0 {
		kit.Disable() // the kit belongs to a saved congress
		kit.SetText("保存大会后可登记名额、代表、选举、提案")
	}
	reporting := f.newSelect("ReportingOrgID", colleges.labels, func() {})
	form := f.newSelect("ReportForm", app.Texts(app.ReportForms), func() {})
	minutes, problems, measures, next := f.newNotes("Minutes", func() {}), f.newNotes("Problems", func() {}),
		f.newNotes("Measures", func() {}), f.newNotes("NextTasks", func() {})
	for _, fl := range []struct {
		name, label string
		input       fyne.CanvasObject
	}{
		{"Kind", "类别", kind}, {"Title", "会议名称", title}, {"HeldOn", "日期", held}, {"OrganizationID", "召开组织", org},
		{"Place", "地点", place}, {"Recorder", "记录人", recorder}, {"CongressForm", "大会形式", congressForm}, {"DelegatesElected", "应到代表", counts[0]}, {"DelegatesPresent", "实到代表", counts[1]},
		{"StudentsRepresented", "所代表学生数", counts[2]}, {"NonCadreDelegates", "非学生会干部代表", counts[3]},
		{"PresidiumElected", "主席团", presidium}, {"Kit", "学代会", kit}, {"ReportingOrgID", "汇报单位", reporting}, {"ReportForm", "汇报形式", form},
		{"Minutes", "会议记录", minutes}, {"Problems", "上期存在问题", problems}, {"Measures", "整改措施", measures},
		{"NextTasks", "下期工作安排", next},
	} {
		f.add(fl.name, fl.label, fl.input)
	}
	f.viewOnly(s.svc.Editable("meetings", d.ID, d.OrganizationID))
	f.load(func() {
		kind.SetSelected(app.TextOf(app.MeetingKinds, d.Kind))
		title.SetText(d.Title)
		held.SetText(d.HeldOn)
		if d.ID == 0 {
			held.SetText(s.svc.Today().String())
		}
		org.SetSelected(orgs.label(&d.OrganizationID))
		place.SetText(d.Place)
		recorder.SetText(d.Recorder)
		elected.SetText(d.DelegatesElected)
		present.SetText(d.DelegatesPresent)
		represented.SetText(d.StudentsRepresented)
		nonCadre.SetText(d.NonCadreDelegates)
		presidium.SetChecked(d.PresidiumElected)
		congressForm.SetSelected(app.TextOf(app.CongressForms, d.CongressForm))
		reporting.SetSelected(colleges.label(d.ReportingOrgID))
		form.SetSelected(app.TextOf(app.ReportForms, d.ReportForm))
		minutes.SetText(d.Minutes)
		problems.SetText(d.Problems)
		measures.SetText(d.Measures)
		next.SetText(d.NextTasks)
	})
	dlg := formDialog("会议与记录", "保存", f, s.win, func() error {
		m := app.MeetingDraft{ID: d.ID, Version: d.Version, Kind: app.CodeOf(app.MeetingKinds, kind.Selected), Title: title.Text, HeldOn: held.Text,
			Place: place.Text, Recorder: recorder.Text, DelegatesElected: elected.Text, DelegatesPresent: present.Text,
			StudentsRepresented: represented.Text, NonCadreDelegates: nonCadre.Text, PresidiumElected: presidium.Checked,
			CongressForm: app.CodeOf(app.CongressForms, congressForm.Selected), ReportingOrgID: colleges.id(reporting.Selected), ReportForm: app.CodeOf(app.ReportForms, form.Selected),
			Minutes: minutes.Text, Problems: problems.Text, Measures: measures.Text, NextTasks: next.Text}
		if id := orgs.id(org.Selected); id != nil {
			m.OrganizationID = *id
		}
		_, err := s.svc.SaveMeeting(m)
		return err
	})
	showKind()
	dlg.Resize(fyne.NewSize(640, min(s.win.Canvas().Size().Height-40, 720)))
	dlg.Show()
}
