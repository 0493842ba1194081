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
	excellent, pass, basic, weight := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	texts := func(p app.ReviewParams) [6]string {
		return [6]string{strings.Join(p.Aspects, "、"), num(p.AspectMax), num(p.Excellent), num(p.Pass), num(p.Basic), num(p.Weight)}
	}
	entries := [6]*widget.Entry{aspects, max, excellent, pass, basic, weight}
	for i, t := range texts(p) {
		entries[i].SetText(t)
	}
	grid := container.NewGridWithColumns(4,
		widget.NewLabel("每项满分"), max, widget.NewLabel("优秀（%）"), excellent,
		widget.NewLabel("合格（%）"), pass, widget.NewLabel("基本合格（%）"), basic,
		widget.NewLabel("计入考核总分（%）"), weight)
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
		if _, err := s.svc.SaveReviewParamsText(aspects.Text, max.Text, excellent.Text, pass.Text, basic.Text, weight.Text); err != nil {
			setMessage(msg, app.Message(err))
			return false
		}
		setMessage(msg, "")
		return true
	}
	share := widget.NewLabel("计入考核总分为 0 时，评议结果只列在考核旁；大于 0 时，述职的人的学期考核总分按这个比例计入评议得分率" +
		"（未述职的干事按四项计）。")
	share.Wrapping = fyne.TextWrapWord
	return widget.NewCard("述职评议", "评议项目用顿号分隔；分数线是占总分的百分比。已保存的评议和考核不会因改动这里而重新计算。",
		container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("评议项目"), nil, aspects), grid, share, msg)), save
}
