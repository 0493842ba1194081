package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/compliance"
)

// congressKit is the 学代会 kit of one congress: seats and the 资格审查
// (名额), the delegates grid (代表), the elections and their count (选举),
// and the proposals (提案).
type congressKit struct {
	svc      *app.Service
	win      fyne.Window
	meeting  app.Meeting
	rules    app.CongressRules
	colleges choices
	tabs     *container.AppTabs
	seats    *fyne.Container
	grid     *delegateGrid
	votes    *fyne.Container
	props    *fyne.Container
}

// openCongressKit shows the kit of a congress in a dialog that fits a
// 1024 × 700 window.
func openCongressKit(svc *app.Service, win fyne.Window, meetingID uint) *congressKit {
	m, err := svc.Congress(meetingID)
	if err != nil {
		showError(err, win)
		return nil
	}
	k := &congressKit{svc: svc, win: win, meeting: m, rules: app.DefaultCongressRules}
	if set, err := compliance.InForce(svc, app.SemesterAt(m.HeldOn.Time())); err == nil {
		org, _ := svc.Organization(m.OrganizationID)
		k.rules = compliance.CongressRulesOf(set, org)
	}
	colleges, _ := svc.CongressColleges(m)
	for _, o := range colleges {
		k.colleges.add(o.Name, o.ID)
	}
	k.seats, k.votes, k.props = container.NewVBox(), container.NewVBox(), container.NewVBox()
	k.grid = newDelegateGrid(k)
	k.tabs = container.NewAppTabs(
		container.NewTabItem("名额", container.NewVScroll(k.seats)),
		container.NewTabItem("代表", k.grid.object()),
		container.NewTabItem("选举", container.NewVScroll(k.votes)),
		container.NewTabItem("提案", container.NewVScroll(k.props)),
	)
	k.reload()
	d := dialog.NewCustom(m.Title+"（"+m.HeldOn.String()+"）", "关闭", k.tabs, win)
	d.Resize(fyne.NewSize(min(win.Canvas().Size().Width-40, 1100), min(win.Canvas().Size().Height-40, 680)))
	showDialog(d, win, nil, nil)
	return k
}

// reload reads the kit again and redraws every tab.
func (k *congressKit) reload() {
	check, err := compliance.CheckCongress(k.svc, k.meeting.ID, k.rules)
	if err != nil {
		showError(err, k.win)
		return
	}
	kit, _ := k.svc.Kit(k.meeting.ID)
	k.showSeats(kit, check)
	k.grid.load(check.Rows)
	k.showElections(check)
	k.showProposals(kit, check)
}

// showSeats lists the allocation and the 资格审查, each item with its verdict.
func (k *congressKit) showSeats(kit app.CongressKit, check compliance.Eligibility) {
	message := errorLabel()
	allocate := widget.NewButton("按学生人数分配名额", func() {
		if _, err := k.svc.AllocateSeats(k.meeting.ID, k.rules); err != nil {
			setMessage(message, app.Message(err))
			return
		}
		k.reload()
	})
	rules := widget.NewLabel(fmt.Sprintf("名额按学生人数的 %g%% 计算；非学生会干部代表不少于 %g%%；到会须超过 %s；当选须超过实到代表的 %s；%s。",
		k.rules.DelegateShare, k.rules.NonCadreShare, k.rules.Quorum, k.rules.Majority, map[bool]string{true: "须差额选举", false: "可等额选举"}[k.rules.Competitive]))
	rules.Wrapping = fyne.TextWrapWord
	grid := container.New(columnsLayout{widths: []float32{260, 110, 110, 110}})
	for _, h := range []string{"学院", "学生人数", "分配名额", "已登记代表"} {
		grid.Add(boldLabel(h))
	}
	count := map[uint]int{}
	for _, r := range check.Rows {
		if r.OrganizationID != nil {
			count[*r.OrganizationID]++
		}
	}
	for _, q := range kit.Quotas {
		grid.Add(widget.NewLabel(check.CollegeName(q.OrganizationID)))
		grid.Add(widget.NewLabel(itoa(q.Students)))
		grid.Add(widget.NewLabel(itoa(q.Seats)))
		grid.Add(widget.NewLabel(itoa(count[q.OrganizationID])))
	}
	items := container.NewVBox(boldLabel("代表资格审查"))
	for _, it := range check.Items {
		l := widget.NewLabel(it.Name + "：" + app.TextOf(compliance.Outcomes, it.Outcome) + "。" + it.Text)
		l.Wrapping = fyne.TextWrapWord
		if it.Outcome != compliance.Pass {
			l.Importance = widget.DangerImportance
		}
		items.Add(l)
	}
	k.seats.Objects = []fyne.CanvasObject{rules, container.NewHBox(allocate), message, grid, items}
	k.seats.Refresh()
}

func boldLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}
