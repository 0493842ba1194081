package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/data"
)

// showElections lists each election: counted ones with their result, the
// others with a vote entry per candidate and the 计票 button; then a form
// for a new election.
func (k *congressKit) showElections(check compliance.Eligibility) {
	var objs []fyne.CanvasObject
	for _, e := range check.Elections {
		objs = append(objs, k.electionCard(e, check))
	}
	objs = append(objs, widget.NewSeparator(), k.newElectionForm())
	k.votes.Objects = objs
	k.votes.Refresh()
}

func (k *congressKit) electionCard(e app.ElectionResult, check compliance.Eligibility) fyne.CanvasObject {
	kind := "等额选举"
	if len(e.Candidates) > e.Seats {
		kind = "差额选举"
	}
	head := boldLabel(fmt.Sprintf("%s：应选 %d 名，候选人 %d 人（%s）", e.Title, e.Seats, len(e.Candidates), kind))
	grid := container.New(columnsLayout{widths: []float32{110, 120, 100, 110, 360}})
	for _, h := range []string{"候选人", "学号", "候选职务", "得票", "结果"} {
		grid.Add(boldLabel(h))
	}
	if e.Status == data.ElectionCounted {
		for _, c := range e.Candidates {
			result := "未当选"
			if c.Result == data.ResultElected {
				result = "当选"
			}
			for _, t := range []string{c.Person.Name, c.Person.StudentNo, c.Post, itoa(deref(c.Votes)), result} {
				grid.Add(widget.NewLabel(t))
			}
		}
		return container.NewVBox(head, widget.NewLabel(fmt.Sprintf("已计票：实到代表 %d 人，收回选票 %d 张。", deref(e.Voters), deref(e.Ballots))), grid)
	}
	votes := map[uint]*widget.Entry{}
	for _, c := range e.Candidates {
		entry := widget.NewEntry()
		entry.SetPlaceHolder("票数")
		votes[c.ID] = entry
		for _, o := range []fyne.CanvasObject{widget.NewLabel(c.Person.Name), widget.NewLabel(c.Person.StudentNo), widget.NewLabel(c.Post), entry, widget.NewLabel("")} {
			grid.Add(o)
		}
	}
	voters, ballots, message := widget.NewEntry(), widget.NewEntry(), errorLabel()
	voters.SetPlaceHolder(fmt.Sprintf("空着按出席登记：%d 人", check.Present))
	ballots.SetPlaceHolder("张数")
	count := widget.NewButton("计票并产生当选名单", func() {
		d := app.CountDraft{ElectionID: e.ID, Voters: voters.Text, Ballots: ballots.Text, Votes: map[uint]string{}}
		for id, entry := range votes {
			d.Votes[id] = entry.Text
		}
		if _, err := k.svc.CountVotes(d, k.rules); err != nil {
			setMessage(message, app.Message(err))
			return
		}
		k.reload()
	})
	count.Importance = widget.HighImportance
	remove := widget.NewButton("删除此选举", func() {
		if err := k.svc.DeleteElection(e.ID); err != nil {
			setMessage(message, app.Message(err))
			return
		}
		k.reload()
	})
	numbers := container.New(columnsLayout{widths: []float32{90, 220, 90, 120}},
		widget.NewLabel("实到代表"), voters, widget.NewLabel("收回选票"), ballots)
	return container.NewVBox(head, grid, numbers, container.NewHBox(count, remove), message)
}

func deref(n *int) int {
	if n == nil {
		return 0
	}
	return *n
}

// newElectionForm adds an election: what is elected, the seats, and one
// candidate a line (学号, then the post; 副主席 when left out).
func (k *congressKit) newElectionForm() fyne.CanvasObject {
	title, seats, names := widget.NewEntry(), widget.NewEntry(), widget.NewMultiLineEntry()
	title.SetText("主席团成员选举")
	seats.SetPlaceHolder("如 3")
	names.SetPlaceHolder("每行一位候选人：学号 候选职务，如\n2019020001 主席\n2019010002 副主席")
	names.SetMinRowsVisible(4)
	message := errorLabel()
	save := widget.NewButton("保存选举", func() {
		d := app.ElectionDraft{MeetingID: k.meeting.ID, Title: title.Text, Seats: seats.Text}
		for _, line := range strings.Split(names.Text, "\n") {
			parts := strings.Fields(line)
			if len(parts) == 0 {
				continue
			}
			c := app.NomineeDraft{StudentNo: parts[0]}
			if len(parts) > 1 {
				c.Post = parts[1]
			}
			d.Candidates = append(d.Candidates, c)
		}
		if _, err := k.svc.SaveElection(d, k.rules); err != nil {
			setMessage(message, app.Message(err))
			return
		}
		k.reload()
	})
	form := container.New(columnsLayout{widths: []float32{90, 300, 90, 120}},
		widget.NewLabel("选举名称"), title, widget.NewLabel("应选名额"), seats)
	return container.NewVBox(boldLabel("新建选举"), form, widget.NewLabel("候选人"), names, container.NewHBox(save), message)
}

// showProposals lists the 提案 register, each with its edit button, and
// a button for a new one.
func (k *congressKit) showProposals(kit app.CongressKit, check compliance.Eligibility) {
	names := map[uint]string{}
	for _, r := range check.Rows {
		names[r.PersonID] = r.Person.Name
	}
	add := widget.NewButton("新增提案", func() { k.openProposal(app.ProposalDraft{MeetingID: k.meeting.ID}) })
	add.Importance = widget.HighImportance
	objs := []fyne.CanvasObject{container.NewHBox(add)}
	grid := container.New(columnsLayout{widths: []float32{40, 260, 80, 90, 330, 80}})
	for _, h := range []string{"编号", "题目", "提案人", "审查", "答复", ""} {
		grid.Add(boldLabel(h))
	}
	for _, p := range kit.Proposals {
		answer := p.Answer
		if p.Decision == data.ProposalRejected {
			answer = "理由：" + p.Reason
		} else if answer == "" && p.Decision == data.ProposalAccepted {
			answer = "待答复"
		}
		title := widget.NewLabel(p.Title)
		title.Truncation = fyne.TextTruncateEllipsis
		reply := widget.NewLabel(answer)
		reply.Truncation = fyne.TextTruncateEllipsis
		edit := widget.NewButton("编辑", func() { k.openProposal(k.svc.ProposalDraftOf(p)) })
		for _, o := range []fyne.CanvasObject{widget.NewLabel(itoa(p.Number)), title, widget.NewLabel(names[p.ProposerID]),
			widget.NewLabel(app.TextOf(app.ProposalDecisions, p.Decision)), reply, edit} {
			grid.Add(o)
		}
	}
	k.props.Objects = append(objs, grid)
	k.props.Refresh()
}

// openProposal edits a proposal in a form, messages next to the fields.
func (k *congressKit) openProposal(d app.ProposalDraft) {
	f := newForm()
	title := f.newEntry("Title", "如 关于延长自习室开放时间的提案", func() {})
	proposer := f.newEntry("ProposerNo", "提案代表的学号", func() {})
	seconders := f.newEntry("Seconders", "附议代表姓名，用、分隔", func() {})
	content := f.newNotes("Content", func() {})
	decision := f.newSelect("Decision", app.Texts(app.ProposalDecisions), func() {})
	reason := f.newNotes("Reason", func() {})
	answer := f.newNotes("Answer", func() {})
	by := f.newEntry("AnsweredBy", "答复单位或答复人", func() {})
	on := f.newEntry("AnsweredOn", "如 2020-11-01", func() {})
	for _, fl := range []struct {
		name, label string
		input       fyne.CanvasObject
	}{{"Title", "提案题目", title}, {"ProposerNo", "提案人学号", proposer}, {"Seconders", "附议人", seconders},
		{"Content", "提案内容", content}, {"Decision", "审查结果", decision}, {"Reason", "审查意见", reason},
		{"Answer", "答复", answer}, {"AnsweredBy", "答复单位", by}, {"AnsweredOn", "答复日期", on}} {
		f.add(fl.name, fl.label, fl.input)
	}
	f.load(func() {
		title.SetText(d.Title)
		proposer.SetText(d.ProposerNo)
		seconders.SetText(d.Seconders)
		content.SetText(d.Content)
		decision.SetSelected(app.TextOf(app.ProposalDecisions, d.Decision))
		reason.SetText(d.Reason)
		answer.SetText(d.Answer)
		by.SetText(d.AnsweredBy)
		on.SetText(d.AnsweredOn)
	})
	dlg := formDialog("提案", "保存", f, k.win, func() error {
		_, err := k.svc.SaveProposal(app.ProposalDraft{ID: d.ID, Version: d.Version, MeetingID: k.meeting.ID, Title: title.Text,
			Content: content.Text, ProposerNo: proposer.Text, Seconders: seconders.Text,
			Decision: app.CodeOf(app.ProposalDecisions, decision.Selected), Reason: reason.Text, Answer: answer.Text,
			AnsweredBy: by.Text, AnsweredOn: on.Text})
		if err == nil {
			k.reload()
		}
		return err
	})
	dlg.Resize(fyne.NewSize(600, min(k.win.Canvas().Size().Height-40, 640)))
	dlg.Show()
}
