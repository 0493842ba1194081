package views

import (
	"fmt"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

// openRound creates or edits a selection round.
func (s *selectionScreen) openRound(r app.SelectionRound) {
	tree, err := s.svc.OrgTree()
	if err != nil {
		showError(err, s.win)
		return
	}
	orgs := orgChoices(tree, "", func(o app.Organization) bool {
		return o.Status == data.StatusActive && app.HasDepartments(o.Kind)
	})
	leagues := orgChoices(tree, "（不填）", func(o app.Organization) bool {
		return o.Status == data.StatusActive && o.Kind == data.KindLeague
	})
	f := newForm()
	org := f.newSelect("OrganizationID", orgs.labels, func() {})
	kind := f.newSelect("Kind", app.Texts(app.RoundKinds), func() {})
	title := f.newEntry("Title", "如 2020年学生会换届选举", func() {})
	held := f.newEntry("HeldOn", "如 2020-09-20", func() {})
	approver := f.newSelect("ApproverLeagueID", leagues.labels, func() {})
	items := f.newEntry("ScoreItems", "用逗号分隔，如 笔试,面试,民主测评", func() {})
	notes := f.newNotes("Notes", func() {})
	f.add("OrganizationID", "组织", org)
	f.add("Kind", "选拔类型", kind)
	f.add("Title", "名称", title)
	f.add("HeldOn", "选拔日期", held)
	f.add("ApproverLeagueID", "审批团委", approver)
	f.add("ScoreItems", "成绩项目", items)
	f.add("Notes", "备注", notes)
	f.load(func() {
		org.SetSelected(orgs.label(&r.OrganizationID))
		kind.SetSelected(app.TextOf(app.RoundKinds, r.Kind))
		title.SetText(r.Title)
		held.SetText(r.HeldOn.String())
		approver.SetSelected(leagues.label(r.ApproverLeagueID))
		items.SetText(r.ScoreItems)
		notes.SetText(r.Notes)
		if r.ID == 0 {
			items.SetText(app.DefaultScoreItems)
			held.SetText(s.svc.Today().String())
			kind.SetSelected(app.TextOf(app.RoundKinds, data.RoundElection))
		}
	})
	formDialog("选拔", "保存", f, s.win, func() error {
		d := app.RoundDraft{ID: r.ID, Version: r.Version, Semester: s.sem().String(), Kind: app.CodeOf(app.RoundKinds, kind.Selected),
			Title: title.Text, HeldOn: held.Text, ApproverLeagueID: leagues.id(approver.Selected), ScoreItems: items.Text, Notes: notes.Text}
		if id := orgs.id(org.Selected); id != nil {
			d.OrganizationID = *id
		}
		saved, err := s.svc.SaveRound(d)
		if err == nil {
			s.round = saved
			s.reload()
		}
		return err
	}).Show()
}

// openCandidate adds or edits a candidate: who, for which post, the scores
// and the dated approval steps.
func (s *selectionScreen) openCandidate(d app.CandidateDraft) {
	f := newForm()
	var people []app.Person
	search := widget.NewEntry()
	search.SetPlaceHolder("输入姓名或学号查找")
	person := f.newSelect("PersonID", nil, func() {})
	personLabel := func(p app.Person) string { return p.Name + " " + p.StudentNo }
	search.OnChanged = func(text string) {
		people, _ = s.svc.SearchPeople(text)
		labels := make([]string, len(people))
		for i, p := range people {
			labels[i] = personLabel(p)
		}
		person.SetOptions(labels)
		if len(labels) == 1 {
			person.SetSelected(labels[0])
		}
	}
	depts := choices{}
	depts.add(app.Presidium, 0)
	ds, _ := s.svc.Departments(s.round.OrganizationID)
	for _, dep := range ds {
		if dep.Status == data.StatusActive {
			depts.add(dep.Name, dep.ID)
		}
	}
	dept := f.newSelect("DepartmentID", depts.labels, func() {})
	post := widget.NewSelectEntry(app.Posts)
	scoreEntries := map[string]*widget.Entry{}
	var steps [4]*widget.Entry
	for i := range steps {
		steps[i] = f.newEntry([]string{"RecommendedOn", "PartyAgreedOn", "ReviewedOn", "DecidedOn"}[i], "如 2020-09-21", func() {})
	}
	result := f.newSelect("Result", app.Texts(app.CandidateResults), func() {})
	notes := f.newNotes("Notes", func() {})

	f.add("Search", "查找人员", search)
	f.add("PersonID", "人员", person)
	f.add("Post", "应聘职务", post)
	f.add("DepartmentID", "部门", dept)
	for _, item := range app.ScoreItemsOf(s.round) {
		e := widget.NewEntry()
		scoreEntries[item] = e
		f.add("Scores", item+"成绩", e)
	}
	for i, name := range app.ApprovalSteps {
		f.add([]string{"RecommendedOn", "PartyAgreedOn", "ReviewedOn", "DecidedOn"}[i], name, steps[i])
	}
	f.add("Result", "结果", result)
	f.add("Notes", "备注", notes)
	f.load(func() {
		if d.PersonID != 0 {
			if p, err := s.svc.Person(d.PersonID); err == nil {
				people = []app.Person{p}
				person.SetOptions([]string{personLabel(p)})
				person.SetSelected(personLabel(p))
			}
		}
		post.SetText(d.Post)
		dept.SetSelected(depts.label(d.DepartmentID))
		for item, e := range scoreEntries {
			e.SetText(d.Scores[item])
		}
		for i, text := range []string{d.RecommendedOn, d.PartyAgreedOn, d.ReviewedOn, d.DecidedOn} {
			steps[i].SetText(text)
		}
		result.SetSelected(app.TextOf(app.CandidateResults, d.Result))
		notes.SetText(d.Notes)
	})
	formDialog("候选人", "保存", f, s.win, func() error {
		d.PersonID = 0
		for _, p := range people {
			if personLabel(p) == person.Selected {
				d.PersonID = p.ID
			}
		}
		d.Post, d.DepartmentID, d.Notes = post.Text, depts.id(dept.Selected), notes.Text
		d.Result = app.CodeOf(app.CandidateResults, result.Selected)
		for item, e := range scoreEntries {
			d.Scores[item] = e.Text
		}
		d.RecommendedOn, d.PartyAgreedOn, d.ReviewedOn, d.DecidedOn = steps[0].Text, steps[1].Text, steps[2].Text, steps[3].Text
		_, err := s.svc.SaveCandidate(d)
		if err == nil {
			s.show(s.round)
		}
		return err
	}).Show()
}

// openAdmit appoints the chosen candidate from a start date; while the
// round's 公示 runs or an objection is open, it asks first.
func (s *selectionScreen) openAdmit() {
	warning, err := s.svc.AdmitWarning(s.round.ID)
	if err != nil {
		showError(err, s.win)
		return
	}
	if warning != "" {
		confirm("公示尚未完成", warning+"\n仍要录用并任职吗？", "仍要录用", s.win, s.admitForm)
		return
	}
	s.admitForm()
}

// admitForm asks the start date of the post and appoints.
func (s *selectionScreen) admitForm() {
	c := s.cands[s.row]
	f := newForm()
	start := f.newEntry("StartOn", "如 2020-10-01", func() {})
	f.add("StartOn", "任职开始日期", start)
	f.load(func() { start.SetText(s.svc.Today().String()) })
	formDialog(fmt.Sprintf("录用：%s", s.cells[s.row][0]), "录用并任职", f, s.win, func() error {
		_, err := s.svc.Admit(c.ID, start.Text)
		if err == nil {
			s.show(s.round)
			dialog.ShowInformation("已录用", "已录用并建立任职记录，可在“学生骨干”中查看。", s.win)
		}
		return err
	}).Show()
}
