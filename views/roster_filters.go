package views

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

const (
	allOrgs      = "全部组织"
	allDepts     = "全部部门"
	allPolitical = "全部政治面貌"
	allGrades    = "全部年级"
	onADay       = "指定日期（换届前名册）"
)

// rosterFilters is the bar above the roster.
type rosterFilters struct {
	svc                                 *app.Service
	orgs                                choices
	depts                               []app.Department
	semesters                           []app.Semester
	org, dept, status, political, grade *widget.Select
	period                              *widget.Select
	day, search                         *widget.Entry
	searchBox                           *keyEntry // draws search and passes the window's keys on
	changed                             func(typing bool)
	quiet                               bool // filling choices is not a change
}

func newRosterFilters(svc *app.Service, changed func(typing bool)) *rosterFilters {
	f := &rosterFilters{svc: svc, changed: changed}
	on := func(string) {
		if !f.quiet {
			changed(false)
		}
	}
	f.org = newChoice(nil, func(string) {
		if !f.quiet {
			f.loadDepts()
			changed(false)
		}
	})
	f.dept = newChoice(nil, on)
	f.status = newChoice(app.Texts(app.RosterStatuses), on)
	f.political = newChoice(append([]string{allPolitical}, app.Texts(app.PoliticalStatuses)...), on)
	f.grade = newChoice(nil, on)
	f.period = newChoice(nil, func(string) {
		if !f.quiet {
			setEnabled(f.day, f.period.Selected == onADay)
			changed(false)
		}
	})
	f.day = widget.NewEntry()
	f.day.SetPlaceHolder("如 2020-03-01")
	f.day.OnChanged = func(text string) {
		if _, msg := app.ParseDate("日期", text); msg == "" && text != "" {
			changed(false)
		}
	}
	f.searchBox = newKeyEntry(false)
	f.search = &f.searchBox.Entry
	f.search.SetPlaceHolder("搜索姓名或学号")
	f.search.OnChanged = func(string) { changed(true) }

	f.quiet = true
	f.status.SetSelected(app.TextOf(app.RosterStatuses, data.RosterInPost))
	f.political.SetSelected(allPolitical)
	f.reloadChoices()
	f.quiet = false
	return f
}

func (f *rosterFilters) object() fyne.CanvasObject {
	return container.NewVBox(
		container.NewGridWithColumns(5, f.org, f.dept, f.status, f.political, f.grade),
		container.NewGridWithColumns(3, f.period, withCalendar(f.day, f.day), f.searchBox))
}

// reloadChoices refreshes the lists that come from the records.
func (f *rosterFilters) reloadChoices() {
	quiet := f.quiet
	f.quiet = true
	defer func() { f.quiet = quiet }()
	tree, err := f.svc.OrgTree()
	if err == nil {
		f.orgs = orgChoices(tree, allOrgs, func(o app.Organization) bool { return o.Status == data.StatusActive })
	}
	selected := f.org.Selected
	f.org.SetOptions(f.orgs.labels)
	if f.orgs.id(selected) == nil {
		selected = allOrgs
	}
	f.org.SetSelected(selected)
	f.loadDepts()

	settings, _ := f.svc.Settings()
	f.semesters = app.SemesterChoices(app.SemesterAt(f.svc.Today().Time()), settings.Semester)
	f.period.SetOptions(append(semesterLabels(f.semesters), onADay))
	if f.period.Selected == "" {
		f.period.SetSelected(settings.Semester.Label())
	}
	setEnabled(f.day, f.period.Selected == onADay)

	year := f.svc.Today().Time().Year()
	grades := []string{allGrades}
	for y := year; y > year-6; y-- {
		grades = append(grades, fmt.Sprintf("%d级", y))
	}
	f.grade.SetOptions(grades)
	if f.grade.Selected == "" {
		f.grade.SetSelected(allGrades)
	}
}

func (f *rosterFilters) loadDepts() {
	f.depts = nil
	options := []string{allDepts}
	if id := f.orgs.id(f.org.Selected); id != nil {
		options = append(options, app.Presidium)
		f.depts, _ = f.svc.Departments(*id)
		for _, d := range f.depts {
			options = append(options, d.Name)
		}
	}
	quiet := f.quiet
	f.quiet = true
	f.dept.SetOptions(options)
	f.dept.SetSelected(allDepts)
	f.quiet = quiet
}

// filter is what the bar selects.
func (f *rosterFilters) filter() app.RosterFilter {
	r := app.RosterFilter{
		Status:    app.CodeOf(app.RosterStatuses, f.status.Selected),
		Political: app.CodeOf(app.PoliticalStatuses, f.political.Selected),
		Search:    f.search.Text,
		RankLimit: app.DefaultRankLimit,
	}
	if id := f.orgs.id(f.org.Selected); id != nil {
		r.OrganizationID = *id
	}
	switch f.dept.Selected {
	case allDepts, "":
	case app.Presidium:
		r.Presidium = true
	default:
		for _, d := range f.depts {
			if d.Name == f.dept.Selected {
				r.DepartmentID = &d.ID
			}
		}
	}
	if y, err := strconv.Atoi(strings.TrimSuffix(f.grade.Selected, "级")); err == nil {
		r.Grade = y
	}
	if f.period.Selected == onADay {
		if d, msg := app.ParseDate("日期", f.day.Text); msg == "" && !d.IsZero() {
			r.From, r.To, r.Semester = d, d, app.SemesterAt(d.Time()).String()
			return r
		}
	}
	if s, ok := semesterLabeled(f.semesters, f.period.Selected); ok {
		r.From, r.To, r.Semester = s.Start(), s.End(), s.String()
	}
	return r
}

// periodLabel names the period for a table's subtitle.
func (f *rosterFilters) periodLabel() string {
	if f.period.Selected == onADay {
		return f.day.Text + " 在任名册"
	}
	return f.period.Selected
}
