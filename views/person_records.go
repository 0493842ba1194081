package views

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/data"
)

// addAppointment records a new term of the person (任职).
func (p *personDialog) addAppointment() {
	tree, err := p.svc.OrgTree()
	if err != nil {
		showError(err, p.win)
		return
	}
	orgs := orgChoices(tree, "", func(o app.Organization) bool { return o.Status == data.StatusActive })
	var depts choices
	f := newForm()
	var org, dept, selectedBy *widget.Select
	var post *widget.SelectEntry
	var start, end, notes *widget.Entry
	draft := func() app.AppointmentDraft {
		d := app.AppointmentDraft{PersonID: p.file.Person.ID, DepartmentID: depts.id(dept.Selected), Post: post.Text,
			StartOn: start.Text, EndOn: end.Text, SelectedBy: app.CodeOf(app.SelectedBy, selectedBy.Selected), Notes: notes.Text}
		if id := orgs.id(org.Selected); id != nil {
			d.OrganizationID = *id
		}
		return d
	}
	check := func() {
		_, v := p.svc.CheckAppointment(draft())
		f.show(v)
	}
	org = f.newSelect("OrganizationID", orgs.labels, func() {
		depts = choices{}
		depts.add(app.Presidium, 0)
		if id := orgs.id(org.Selected); id != nil {
			ds, _ := p.svc.Departments(*id)
			for _, d := range ds {
				if d.Status == data.StatusActive {
					depts.add(d.Name, d.ID)
				}
			}
		}
		dept.SetOptions(depts.labels)
		dept.SetSelected(app.Presidium)
		check()
	})
	dept = f.newSelect("DepartmentID", nil, check)
	post = widget.NewSelectEntry(app.Posts)
	post.SetPlaceHolder("选择或输入职务")
	post.OnChanged = func(string) { f.edited("Post", check) }
	start = f.newEntry("StartOn", "如 2020-09-10", check)
	end = f.newEntry("EndOn", "任期未满请留空", check)
	selectedBy = f.newSelect("SelectedBy", app.Texts(app.SelectedBy), check)
	notes = f.newNotes("Notes", check)
	f.add("OrganizationID", "组织", org)
	f.add("DepartmentID", "部门", dept)
	f.add("Post", "职务", post)
	f.add("StartOn", "任职开始日期", start)
	f.add("EndOn", "任职结束日期", end)
	f.add("SelectedBy", "产生方式", selectedBy)
	f.add("Notes", "备注", notes)
	f.load(func() {
		start.SetText(p.svc.Today().String())
		selectedBy.SetSelected(app.TextOf(app.SelectedBy, data.SelectedByOther))
	})
	formDialog("新增任职："+p.file.Person.Name, "保存", f, p.win, func() error {
		_, err := p.svc.SaveAppointment(draft())
		if err == nil {
			p.load(p.file.Person.ID)
		}
		return err
	}).Show()
}

// openExit ends some or all of the person's running terms (退出).
func (p *personDialog) openExit() {
	terms := p.openTerms()
	labels := make([]string, len(terms))
	for i, a := range terms {
		labels[i] = fmt.Sprintf("%s（%s 起）", p.svc.PostName(a), a.StartOn)
	}
	f := newForm()
	posts := widget.NewCheckGroup(labels, nil)
	posts.SetSelected(labels)
	on := f.newEntry("On", "如 2021-01-15", func() {})
	reason := f.newSelect("Reason", app.Texts(app.ExitReasons), func() {})
	notes := f.newNotes("Notes", func() {})
	f.add("AppointmentIDs", "退出的职务", posts)
	f.add("On", "退出日期", on)
	f.add("Reason", "退出原因", reason)
	f.add("Notes", "说明", notes)
	f.load(func() { on.SetText(p.svc.Today().String()) })
	if len(p.file.ExitReasons) > 0 {
		reason.SetSelected(app.TextOf(app.ExitReasons, suggestedReason(p.file)))
	}
	formDialog("办理退出："+p.file.Person.Name, "确认退出", f, p.win, func() error {
		d := app.ExitDraft{PersonID: p.file.Person.ID, On: on.Text, Reason: app.CodeOf(app.ExitReasons, reason.Selected),
			Notes: notes.Text, Versions: map[uint]int{}}
		for i, l := range labels {
			for _, chosen := range posts.Selected {
				if chosen == l {
					d.AppointmentIDs = append(d.AppointmentIDs, terms[i].ID)
					d.Versions[terms[i].ID] = terms[i].Version
				}
			}
		}
		err := p.svc.RecordExit(d)
		if err == nil {
			p.load(p.file.Person.ID)
		}
		return err
	}).Show()
}

// suggestedReason proposes the exit reason that the flags point to.
func suggestedReason(f app.PersonFile) string {
	if len(f.Assessments) > 0 && f.Assessments[0].Grade == data.GradeFail {
		return data.ExitFailed
	}
	if _, failed := f.LatestReviewFailed(); failed {
		return data.ExitFailed
	}
	return data.ExitAcademic
}

// addRecommendation records a 推优 step.
func (p *personDialog) addRecommendation() {
	f := newForm()
	branch := f.newEntry("Branch", "如 20级机电1班团支部", func() {})
	on := f.newEntry("HeldOn", "如 2020-10-10", func() {})
	stage := f.newSelect("Stage", app.RecommendationStages, func() {})
	result := f.newSelect("Result", app.RecommendationResults, func() {})
	members := f.newEntry("BranchMembers", "团支部团员人数（应到）", func() {})
	present := f.newEntry("Present", "推优大会实到人数", func() {})
	votes := f.newEntry("VotesFor", "赞成票数", func() {})
	notes := f.newNotes("Notes", func() {})
	f.add("Branch", "团支部", branch)
	f.add("HeldOn", "日期", on)
	f.add("Stage", "推优环节", stage)
	f.add("Result", "结果", result)
	f.add("BranchMembers", "团员人数", members)
	f.add("Present", "实到人数", present)
	f.add("VotesFor", "赞成票", votes)
	f.add("Notes", "备注", notes)
	f.load(func() {
		on.SetText(p.svc.Today().String())
		branch.SetText(p.file.Person.ClassName + "团支部")
		result.SetSelected(app.RecommendationResults[0])
	})
	formDialog("新增推优记录："+p.file.Person.Name, "保存", f, p.win, func() error {
		_, err := p.svc.SaveRecommendation(app.RecommendationDraft{PersonID: p.file.Person.ID, Branch: branch.Text,
			HeldOn: on.Text, Stage: stage.Selected, Result: result.Selected, Notes: notes.Text,
			BranchMembers: members.Text, Present: present.Text, VotesFor: votes.Text})
		if err == nil {
			p.load(p.file.Person.ID)
		}
		return err
	}).Show()
}

func (s *rosterScreen) openPerson(id uint) { openPersonDialog(s.svc, s.win, id) }

// recommendationColumns are the 推优 tab's: the records, each with its
// 有效期至 and what it breaks of the rules in force, before the notes.
var recommendationColumns = slices.Insert(slices.Clone(app.RecommendationColumns), 4,
	report.Column{Title: "有效期至", Width: 8}, report.Column{Title: "核对", Width: 24})

// recommendationCells are the person's 推优 records checked against the
// 推优 rule of the semester's rule set, the quota counted over each whole
// branch meeting.
func (p *personDialog) recommendationCells() [][]string {
	rows := app.RecommendationCells(p.file.Recommendations)
	settings, err := p.svc.Settings()
	var checks []compliance.RecommendCheck
	if err == nil {
		var set compliance.RuleSet
		if set, err = compliance.InForce(p.svc, settings.Semester); err == nil {
			checks, err = compliance.CheckPersonRecommendations(p.svc, compliance.RecommendRulesOf(set), p.file.Person.ID)
		}
	}
	byID := map[uint]compliance.RecommendCheck{}
	for _, c := range checks {
		byID[c.Rec.ID] = c
	}
	for i, r := range p.file.Recommendations {
		c, ok := byID[r.ID]
		valid, verdict := c.ValidUntil.String(), strings.Join(c.Problems(), "；")
		switch {
		case !ok:
			valid, verdict = "", "无法核对："+app.Message(err)
		case c.Outcome() == compliance.Pass:
			verdict = "符合规定"
		}
		rows[i] = slices.Insert(rows[i], 4, valid, verdict)
	}
	return rows
}
