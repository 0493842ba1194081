package importer

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tuanxue/app"
	"tuanxue/data"
)

// Problem is one reason a row cannot be imported, or (as a warning) one
// thing the teacher should know about a row that is imported.
type Problem struct {
	Column string // the header it concerns, "" for the whole row
	Reason string
}

// PlannedRow is a row of the file and what importing it would do. A row is
// rejected (it has Problems), accepted, or accepted with Warnings.
type PlannedRow struct {
	Line        int
	Cells       []string   // the row as read, for the file of rejected rows
	Person      app.Person // the person as this row leaves them
	Existing    bool       // the person is on record, or an earlier row of the file adds them
	Changed     bool       // this row changes an existing person's details
	OrgName     string
	DeptName    string
	Appointment *app.Appointment // nil: no post in the file, or already recorded
	Problems    []Problem
	Warnings    []Problem
	key         string // the 学号 as rows and records are matched; "" when unusable
}

// OK reports whether the row can be imported.
func (r PlannedRow) OK() bool { return len(r.Problems) == 0 }

// Warned reports whether the row is imported with warnings.
func (r PlannedRow) Warned() bool { return r.OK() && len(r.Warnings) > 0 }

// Reasons joins the row's problems as one line.
func (r PlannedRow) Reasons() string { return joinProblems(r.Problems) }

// Notes joins the row's warnings as one line.
func (r PlannedRow) Notes() string { return joinProblems(r.Warnings) }

func joinProblems(ps []Problem) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
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

func (r *PlannedRow) warn(c Column, reason string) {
	r.Warnings = append(r.Warnings, Problem{c.Name(), reason})
}

// NewOrg is an organization the import creates.
type NewOrg struct {
	Name, Kind string
	Parent     string // its parent's name; "" at the top
	ParentID   uint   // its parent on record; 0 when the import creates the parent too
}

// NewDept is a department the import creates.
type NewDept struct {
	Org, Name string
	OrgID     uint // 0 when the import creates the organization too
}

// Plan is what importing a file would do, row by row. Nothing is written
// until Apply.
type Plan struct {
	Header     []string // the file's header in column order, for the rejected rows
	Ignored    []string
	Notices    []string // what the reader left out of the file (Table.Notices)
	Rows       []PlannedRow
	NewOrgs    []NewOrg
	NewDepts   []NewDept
	Unknowns   []Unknown // names matching no organization on record, in the file's order
	UnusedMaps []string  // names given to --map that no row names
	people     map[string]*plannedPerson
	table      *Table
	opts       Options
}

// Counts summarises a plan.
type Counts struct {
	Rows, Good, Warned, Rejected, NewPeople, Updated, Appointments int
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
		if len(r.Warnings) > 0 {
			c.Warned++
		}
		if r.Appointment != nil {
			c.Appointments++
		}
	}
	for _, pp := range p.people {
		switch {
		case pp.rows == 0:
		case pp.stored == nil:
			c.NewPeople++
		case pp.changed():
			c.Updated++
		}
	}
	return c
}

// Changes reports whether applying the plan would write anything.
func (p *Plan) Changes() bool {
	c := p.Counts()
	return c.NewPeople+c.Updated+c.Appointments+len(p.NewOrgs)+len(p.NewDepts) > 0
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
	// CreateMissing plans the organizations and departments the program
	// does not know yet; without it, rows naming them are refused. It never
	// makes a second 校级学生会, 社联 or school 团委: that takes a Choice.
	CreateMissing bool
	// AskSimilar leaves a name that may mean an organization on record
	// undecided even with CreateMissing, for the window to ask about.
	AskSimilar bool
	// Map maps names of the file to organizations on record (--map).
	Map map[string]string
	// Choices answer Unknowns, by their Name.
	Choices map[string]Choice
	// Progress, if set, hears how many rows are checked, every few
	// hundred and at the end; returning false stops the check with
	// ErrCancelled. Nothing is written while planning.
	Progress func(checked, total int) bool
}

// ErrCancelled: the teacher stopped the check of a roster.
var ErrCancelled = errors.New("已取消导入，没有写入任何数据")

// progressEvery is how often, in rows, Make tells its Progress.
const progressEvery = 250

// Make checks every row of t and returns the plan.
func Make(svc *app.Service, t *Table, opts Options) (*Plan, error) {
	p := &planner{svc: svc, t: t, opts: opts, today: svc.Today(), people: map[string]*plannedPerson{},
		fileTerms: map[string][]fileTerm{}, newDepts: map[string]*NewDept{}}
	var err error
	if p.orgs, err = newOrgIndex(svc, opts); err != nil {
		return nil, err
	}
	if err := p.readRecords(); err != nil {
		return nil, err
	}
	plan := &Plan{Header: t.Header, Ignored: t.Ignored, Notices: t.Notices, table: t, opts: opts,
		Rows: make([]PlannedRow, 0, len(t.Rows))}
	for i, r := range t.Rows {
		if opts.Progress != nil && i%progressEvery == 0 && !opts.Progress(i, len(t.Rows)) {
			return nil, ErrCancelled
		}
		plan.Rows = append(plan.Rows, p.row(r))
	}
	p.finish(plan)
	if opts.Progress != nil {
		opts.Progress(len(t.Rows), len(t.Rows))
	}
	return plan, nil
}

// Remake plans the same file again with the teacher's choices for its
// unknown organizations (by Unknown.Name) added to those made before.
func Remake(svc *app.Service, plan *Plan, choices map[string]Choice) (*Plan, error) {
	opts := plan.opts
	opts.Progress = nil // the first check's, whose dialog is gone
	opts.Choices = map[string]Choice{}
	for name, c := range plan.opts.Choices {
		opts.Choices[name] = c
	}
	for name, c := range choices {
		opts.Choices[name] = c
	}
	return Make(svc, plan.table, opts)
}

// Cell is what a row of the file says in column c, for showing beside
// what the plan made of it.
func (p *Plan) Cell(r PlannedRow, c Column) string {
	return p.table.Get(Row{Line: r.Line, Cells: r.Cells}, c)
}

// Choices are the choices the plan was made with.
func (p *Plan) Choices() map[string]Choice { return p.opts.Choices }

// planner holds what the checks need, read once for the whole file.
type planner struct {
	svc       *app.Service
	t         *Table
	opts      Options
	today     data.Date
	orgs      *orgIndex
	existing  map[string][]app.Person    // by 学号 key
	terms     map[uint][]app.Appointment // every term on record of the people in the file
	people    map[string]*plannedPerson  // by 学号 key
	fileTerms map[string][]fileTerm      // the good rows' terms, by person and organization
	newDepts  map[string]*NewDept        // by organization and department
}

// readRecords reads the people the file names, whatever the case of their
// 学号, and all their terms.
func (p *planner) readRecords() error {
	nos := make([]string, 0, len(p.t.Rows))
	for _, r := range p.t.Rows {
		if no, _, _, problem := parseStudentNo(p.t.Get(r, ColStudentNo)); problem == "" {
			nos = append(nos, no)
		}
	}
	var err error
	if p.existing, err = p.svc.Store().PeopleByStudentNoFold(nos); err != nil {
		return err
	}
	ids := make([]uint, 0, len(p.existing))
	for _, ps := range p.existing {
		for _, person := range ps {
			ids = append(ids, person.ID)
		}
	}
	p.terms, err = p.svc.Store().AppointmentsOfPeople(ids)
	return err
}

// rowCells are a row's cells, scrubbed; bad marks those holding control
// or bidi characters (already a problem of the row).
type rowCells struct {
	v   [columnCount]string
	bad [columnCount]bool
}

func (p *planner) cells(pr *PlannedRow, r Row) rowCells {
	var out rowCells
	for c := Column(0); c < columnCount; c++ {
		raw := p.t.Get(r, c)
		if msg := excelError(raw); msg != "" {
			pr.problem(c, msg)
			out.bad[c] = true
			continue
		}
		if raw == "" || c == ColStudentNo {
			continue
		}
		sc := scrub(raw)
		if len(sc.bad) > 0 {
			pr.problem(c, badReason(sc.bad))
			out.bad[c] = true
		}
		if len(sc.stripped) > 0 {
			pr.warn(c, strippedNote(sc.stripped))
		}
		out.v[c] = sc.text
	}
	return out
}

// personFields maps the person form's fields to the file's columns.
var personFields = map[string]Column{
	"StudentNo": ColStudentNo, "Name": ColName, "Gender": ColGender, "College": ColCollege,
	"Major": ColMajor, "ClassName": ColClass, "Grade": ColGrade, "Phone": ColPhone,
	"PoliticalStatus": ColPolitical, "PartyAppliedOn": ColPartyApplied,
}

func (p *planner) row(r Row) PlannedRow {
	pr := PlannedRow{Line: r.Line, Cells: r.Cells}
	if r.Problem != "" {
		pr.Problems = append(pr.Problems, Problem{Reason: r.Problem})
	}
	v := p.cells(&pr, r)
	no, key, note, problem := parseStudentNo(p.t.Get(r, ColStudentNo))
	switch {
	case v.bad[ColStudentNo]: // an Excel error value, said by cells
		key = ""
	case problem != "":
		pr.problem(ColStudentNo, problem)
	case note != "":
		pr.warn(ColStudentNo, note)
	}
	d := app.PersonDraft{
		StudentNo: no, Name: v.v[ColName], College: v.v[ColCollege], Major: v.v[ColMajor], ClassName: v.v[ColClass],
		Grade: gradeText(v.v[ColGrade]), Phone: v.v[ColPhone], PartyAppliedOn: dateText(v.v[ColPartyApplied]),
	}
	if text := v.v[ColGender]; text != "" && !v.bad[ColGender] {
		if d.Gender = app.ParseLabel(app.Genders, text); d.Gender == "" {
			pr.problem(ColGender, fmt.Sprintf("性别%s应为男或女", Quote(text)))
		}
	}
	if text := v.v[ColPolitical]; text != "" && !v.bad[ColPolitical] {
		if d.PoliticalStatus = app.ParseLabel(app.PoliticalStatuses, text); d.PoliticalStatus == "" {
			pr.problem(ColPolitical, fmt.Sprintf("政治面貌%s不认识，应为%s之一", Quote(text), strings.Join(app.Texts(app.PoliticalStatuses), "、")))
		}
	}
	person, ve := p.svc.CheckPersonFields(d)
	for _, fe := range ve {
		if c := personFields[fe.Field]; c != ColStudentNo && !v.bad[c] {
			pr.Problems = append(pr.Problems, Problem{c.Name(), fe.Message})
		}
	}
	if problem != "" {
		key = ""
	}
	var stored *app.Person
	if ps := p.existing[key]; len(ps) > 1 {
		pr.problem(ColStudentNo, fmt.Sprintf("记录中有 %d 人的学号与 %s 只差字母大小写，请先在人员页面处理", len(ps), Quote(no)))
		key = ""
	} else if len(ps) == 1 {
		stored = &ps[0]
	}
	if stored != nil && person.Name != "" {
		if nameKey(person.Name) != nameKey(stored.Name) {
			pr.problem(ColName, fmt.Sprintf("学号 %s 在记录中是%s，名册写的是%s：学号或姓名有误；如果确是改了名，请在人员页面修改",
				stored.StudentNo, Quote(stored.Name), Quote(person.Name)))
		}
		person.Name = stored.Name // the same name, as the record writes it
	}
	pr.key = key
	pr.Person = person
	if stored != nil {
		pr.Existing = true
		pr.Person, pr.Changed = merge(*stored, person)
	}
	if key != "" {
		p.sameAsAbove(&pr, no, person)
	}
	post := p.appointment(&pr, &v, stored)
	if pp := p.people[key]; pr.OK() && post == nil && pp != nil {
		pr.warn(ColStudentNo, fmt.Sprintf("第 %d 行已有此人", pp.first))
	}
	if pr.OK() && key != "" {
		if post != nil {
			p.fileTerms[post.slot] = append(p.fileTerms[post.slot], post.term)
		}
		p.addPerson(&pr, stored, person)
	}
	return pr
}

// finish lists what the good rows need created, and nothing more.
func (p *planner) finish(plan *Plan) {
	plan.people = p.people
	usedOrgs, usedDepts := map[string]bool{}, map[string]bool{}
	for _, r := range plan.Rows {
		if r.OK() && r.Appointment != nil {
			if r.Appointment.OrganizationID == 0 {
				usedOrgs[orgKey(r.OrgName)] = true
			}
			if r.Appointment.DepartmentID == nil && r.DeptName != "" {
				usedDepts[deptSlot(r.Appointment.OrganizationID, r.OrgName, r.DeptName)] = true
			}
		}
	}
	// the parents of the organizations created, up to one on record
	for changed := true; changed; {
		changed = false
		for _, n := range p.orgs.created {
			if usedOrgs[orgKey(n.Name)] && n.ParentID == 0 && n.Parent != "" && !usedOrgs[orgKey(n.Parent)] {
				usedOrgs[orgKey(n.Parent)], changed = true, true
			}
		}
	}
	for _, n := range p.orgs.created {
		if usedOrgs[orgKey(n.Name)] {
			plan.NewOrgs = append(plan.NewOrgs, n)
		}
	}
	for _, slot := range sortedKeys(usedDepts) {
		plan.NewDepts = append(plan.NewDepts, *p.newDepts[slot])
	}
	for _, u := range p.orgs.unknowns {
		plan.Unknowns = append(plan.Unknowns, *u)
	}
	plan.UnusedMaps = p.orgs.unusedMaps()
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
