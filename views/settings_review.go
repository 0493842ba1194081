package views

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
)

// reviewCard edits the 述职评议 parameters: the aspects scored, the full
// marks of one, and the thresholds of the results; the function it returns
// saves them if they were changed.
func (s *settingsScreen) reviewCard() (fyne.CanvasObject, func() bool) {
	p, _ := s.svc.ReviewParams()
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	aspects, max := widget.NewEntry(), widget.NewEntry()
	excellent, pass, basic := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	texts := func(p app.ReviewParams) [5]string {
		return [5]string{strings.Join(p.Aspects, "、"), num(p.AspectMax), num(p.Excellent), num(p.Pass), num(p.Basic)}
	}
	entries := [5]*widget.Entry{aspects, max, excellent, pass, basic}
	for i, t := range texts(p) {
		entries[i].SetText(t)
	}
	grid := container.NewGridWithColumns(4,
		widget.NewLabel("每项满分"), max, widget.NewLabel("优秀（%）"), excellent,
		widget.NewLabel("合格（%）"), pass, widget.NewLabel("基本合格（%）"), basic)
	msg := errorLabel()
	s.reviewEntries = entries
	save := func() bool {
		now, _ := s.svc.ReviewParams()
		was := texts(now)
		changed := false
		for i, e := range entries {
			changed = changed || e.Text != was[i]
		}
		if !changed {
			return true
		}
		if _, err := s.svc.SaveReviewParamsText(aspects.Text, max.Text, excellent.Text, pass.Text, basic.Text); err != nil {
			setMessage(msg, app.Message(err))
			return false
		}
		setMessage(msg, "")
		return true
	}
	return widget.NewCard("述职评议", "评议项目用顿号分隔；分数线是占总分的百分比。已保存的评议不会重新计算。",
		container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("评议项目"), nil, aspects), grid, msg)), save
}
