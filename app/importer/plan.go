package importer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tuanxue/app"
	"tuanxue/data"
)

// Problem is one reason a row cannot be imported.
type Problem struct {
	Column string // the header it concerns, "" for the whole row
	Reason string
}

// PlannedRow is a row of the file and what importing it would do.
type PlannedRow struct {
	Line        int
	Cells       []string // the row as read, for the file of rejected rows
	Person      app.Person
	Existing    bool // the 学号 is already on record: the person is updated
	Changed     bool // an existing person's details differ from the file
	OrgName     string
	DeptName    string
	Appointment *app.Appointment // nil: no post in the file, or already recorded
	Problems    []Problem
}

// OK reports whether the row can be imported.
func (r PlannedRow) OK() bool { return len(r.Problems) == 0 }

// Reasons joins the row's problems as one line.
func (r PlannedRow) Reasons() string {
	parts := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		if p.Column != "" {
			parts[i] = p.Column + "：" + p.Reason
		} else {
			parts[i] = p.Reason
		}
	}
	return strings.Join(parts, "；")
}

func (r *PlannedRow) problem(c Column, reason string) {
	r.Problems = append(r.Problems, Problem{c.Name(), reason})
}

// NewOrg is an organization the file names that is not on record yet.
type NewOrg struct {
	Name, Kind, Parent string
}

// NewDept is a department the file names that is not on record yet.
type NewDept struct {
	Org, Name string
}

// Plan is what importing a file would do, row by row. Nothing is written
// until Apply.
type Plan struct {
	Header   []string // the file's header in column order, for the rejected rows
	Ignored  []string
	Rows     []PlannedRow
	NewOrgs  []NewOrg
	NewDepts []NewDept
}

// Counts summarises a plan.
type Counts struct {
	Rows, Good, Rejected, NewPeople, Updated, Appointments int
}

// Counts tells how many rows go in and what they do.
func (p *Plan) Counts() Counts {
	c := Counts{Rows: len(p.Rows)}
	for _, r := range p.Rows {
		if !r.OK() {
			c.Rejected++
			continue
		}
		c.Good++
		switch {
		case !r.Existing:
			c.NewPeople++
		case r.Changed:
			c.Updated++
		}
		if r.Appointment != nil {
			c.Appointments++
		}
	}
	return c
}

// Rejected lists the rows that cannot be imported.
func (p *Plan) Rejected() []PlannedRow {
	var out []PlannedRow
	for _, r := range p.Rows {
		if !r.OK() {
			out = append(out, r)
		}
	}
	return out
}

// Options change how a file is planned.
type Options struct {
	// CreateMissing plans organizations and departments the program does
	// not know yet; without it, rows naming them are rejected.
	CreateMissing bool
}

// planner holds what the checks need, read once for the whole file.
type planner struct {
	svc      *app.Service
	t        *Table
	opts     Options
	today    data.Date
	orgs     *orgIndex
	existing map[string]app.Person
	open     map[uint][]app.Appointment
	seenNo   map[string]int             // 学号 → first line
	seenPost map[string]int             // 学号 + organization → line
	newDepts map[string]map[string]bool // organization → new department names
}

// Make checks every row of t and returns the plan.
func Make(svc *app.Service, t *Table, opts Options) (*Plan, error) {
	p := &planner{svc: svc, t: t, opts: opts, today: svc.Today(),
		seenNo: map[string]int{}, seenPost: map[string]int{}, newDepts: map[string]map[string]bool{}}
	var err error
	if p.orgs, err = newOrgIndex(svc); err != nil {
		return nil, err
	}
	nos := make([]string, 0, len(t.Rows))
	for _, r := range t.Rows {
		if no, msg := app.NormalizeStudentNo(t.Get(r, ColStudentNo)); msg == "" {
			nos = append(nos, no)
		}
	}
	if p.existing, err = svc.Store().PeopleByStudentNo(nos); err != nil {
		return nil, err
	}
	ids := make([]uint, 0, len(p.existing))
	for _, person := range p.existing {
		ids = append(ids, person.ID)
	}
	if p.open, err = svc.Store().OpenAppointmentsOf(ids); err != nil {
		return nil, err
	}

	plan := &Plan{Header: t.Header, Ignored: t.Ignored}
	for _, r := range t.Rows {
		plan.Rows = append(plan.Rows, p.row(r))
	}
	plan.NewOrgs = p.orgs.created
	for _, org := range p.orgs.createdOrder() {
		for _, name := range sortedKeys(p.newDepts[org]) {
			plan.NewDepts = append(plan.NewDepts, NewDept{org, name})
		}
	}
	for org, names := range p.newDepts {
		if !p.orgs.isNew(org) {
			for _, name := range sortedKeys(names) {
				plan.NewDepts = append(plan.NewDepts, NewDept{org, name})
			}
		}
	}
	return plan, nil
}

// personFields maps the person form's fields to the file's columns.
var personFields = map[string]Column{
	"StudentNo": ColStudentNo, "Name": ColName, "Gender": ColGender, "College": ColCollege,
	"Major": ColMajor, "ClassName": ColClass, "Grade": ColGrade, "Phone": ColPhone,
	"PoliticalStatus": ColPolitical, "PartyAppliedOn": ColPartyApplied,
}

func (p *planner) row(r Row) PlannedRow {
	t := p.t
	pr := PlannedRow{Line: r.Line, Cells: r.Cells}
	d := app.PersonDraft{
		StudentNo: t.Get(r, ColStudentNo), Name: t.Get(r, ColName), College: t.Get(r, ColCollege),
		Major: t.Get(r, ColMajor), ClassName: t.Get(r, ColClass), Grade: gradeText(t.Get(r, ColGrade)),
		Phone: t.Get(r, ColPhone), PartyAppliedOn: dateText(t.Get(r, ColPartyApplied)),
	}
	if text := t.Get(r, ColGender); text != "" {
		if d.Gender = app.ParseLabel(app.Genders, text); d.Gender == "" {
			pr.problem(ColGender, fmt.Sprintf("性别“%s”应为男或女", text))
		}
	}
	if text := t.Get(r, ColPolitical); text != "" {
		if d.PoliticalStatus = app.ParseLabel(app.PoliticalStatuses, text); d.PoliticalStatus == "" {
			pr.problem(ColPolitical, fmt.Sprintf("政治面貌“%s”不认识，应为%s之一", text, strings.Join(app.Texts(app.PoliticalStatuses), "、")))
		}
	}
	person, v := p.svc.CheckPersonFields(d)
	for _, fe := range v {
		pr.Problems = append(pr.Problems, Problem{personFields[fe.Field].Name(), fe.Message})
	}
	if person.StudentNo != "" {
		if first, dup := p.seenNo[person.StudentNo]; dup {
			pr.problem(ColStudentNo, fmt.Sprintf("学号 %s 与第 %d 行重复", person.StudentNo, first))
		} else {
			p.seenNo[person.StudentNo] = r.Line
		}
	}
	if old, ok := p.existing[person.StudentNo]; ok {
		pr.Existing = true
		person, pr.Changed = merge(old, person, d)
	}
	pr.Person = person
	p.appointment(&pr, r)
	return pr
}

// merge lays the file's non-empty values over a stored person.
func merge(old, from app.Person, d app.PersonDraft) (app.Person, bool) {
	out := old
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&out.Name, from.Name)
	set(&out.Gender, from.Gender)
	set(&out.College, from.College)
	set(&out.Major, from.Major)
	set(&out.ClassName, from.ClassName)
	set(&out.Phone, from.Phone)
	set(&out.PoliticalStatus, from.PoliticalStatus)
	if from.Grade != 0 {
		out.Grade = from.Grade
	}
	if d.PartyAppliedOn != "" {
		out.PartyAppliedOn = from.PartyAppliedOn
	}
	changed := out.Name != old.Name || out.Gender != old.Gender || out.College != old.College ||
		out.Major != old.Major || out.ClassName != old.ClassName || out.Phone != old.Phone ||
		out.PoliticalStatus != old.PoliticalStatus || out.Grade != old.Grade || out.PartyAppliedOn != old.PartyAppliedOn
	return out, changed
}

// gradeText accepts 2020, 2020级 and 20级.
func gradeText(s string) string {
	s = strings.TrimSuffix(s, "级")
	if len(s) == 2 {
		if n, err := strconv.Atoi(s); err == nil {
			return strconv.Itoa(2000 + n)
		}
	}
	return strings.TrimSuffix(s, ".0")
}

// dateText turns a date cell read raw from .xlsx (a serial number such as
// 44075) into 2020-09-01; other text is left for the date parser.
func dateText(s string) string {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 10000 || f > 80000 {
		return s
	}
	t, err := excelize.ExcelDateToTime(f, false)
	if err != nil {
		return s
	}
	return t.Format(data.DateLayout)
}
