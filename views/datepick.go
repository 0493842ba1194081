package views

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
)

// isDateField says whether a form field holds a date, by its name
// (StartOn, HeldOn, Deadline…).
func isDateField(name string) bool {
	return strings.HasSuffix(name, "On") || name == "Deadline"
}

// withCalendar puts a calendar button beside a date entry. The entry still
// takes dates typed as teachers write them (2020-9-1, 2020/9/1,
// 2020年9月1日); the calendar opens on the month typed and writes the day
// picked as 2020-09-01. Fyne's own calendar names its months in English,
// so this one is ours.
func withCalendar(shown fyne.CanvasObject, e *widget.Entry) fyne.CanvasObject {
	var b *widget.Button
	b = widget.NewButtonWithIcon("", theme.CalendarIcon(), func() { showCalendar(e, b) })
	return container.NewBorder(nil, nil, nil, b, shown)
}

// showCalendar pops up a month under at; a tapped day goes into e.
func showCalendar(e *widget.Entry, at fyne.CanvasObject) {
	c := fyne.CurrentApp().Driver().CanvasForObject(at)
	if c == nil || e.Disabled() {
		return
	}
	picked := time.Time{}
	if d, msg := app.ParseDate("", e.Text); msg == "" && !d.IsZero() {
		picked = d.Time()
	}
	month := picked
	if month.IsZero() {
		month = time.Now()
	}
	month = time.Date(month.Year(), month.Month(), 1, 0, 0, 0, 0, time.UTC)

	var pop *widget.PopUp
	title := widget.NewLabel("")
	grid := container.NewGridWithColumns(7)
	var draw func()
	draw = func() {
		title.SetText(fmt.Sprintf("%d年%d月", month.Year(), month.Month()))
		grid.Objects = nil
		for _, day := range []string{"一", "二", "三", "四", "五", "六", "日"} {
			grid.Add(widget.NewLabelWithStyle(day, fyne.TextAlignCenter, fyne.TextStyle{}))
		}
		for range (int(month.Weekday()) + 6) % 7 { // weeks start on Monday
			grid.Add(layout.NewSpacer())
		}
		for day := 1; day <= month.AddDate(0, 1, -1).Day(); day++ {
			date := month.AddDate(0, 0, day-1)
			b := widget.NewButton(strconv.Itoa(day), func() {
				e.SetText(date.Format("2006-01-02"))
				pop.Hide()
			})
			if date.Equal(picked) {
				b.Importance = widget.HighImportance
			}
			grid.Add(b)
		}
		grid.Refresh()
	}
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { month = month.AddDate(0, -1, 0); draw() })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { month = month.AddDate(0, 1, 0); draw() })
	draw()
	pop = widget.NewModalPopUp(container.NewVBox(container.NewBorder(nil, nil, prev, next, container.NewCenter(title)), grid,
		container.NewHBox(layout.NewSpacer(), widget.NewButton("取消", func() { pop.Hide() }))), c)
	pop.Show()
}
