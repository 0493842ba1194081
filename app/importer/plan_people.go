package importer

import (
	"fmt"
	"strconv"

	"tuanxue/app"
)

// A file may name one person in several rows: a post in each of several
// organizations. The rows make one record, which each good row adds its
// details to; a row that contradicts an earlier one is refused.

// plannedPerson is one person the file names, over all their rows.
type plannedPerson struct {
	stored *app.Person // nil: new
	person app.Person  // the record as it will be written
	first  int         // the first good row naming them
	rows   int         // good rows naming them
	// values are the details the file first gives, by column: an array,
	// not a map, as a file may name 50,000 people.
	values [columnCount]fileValue
}

// fileValue is a detail of a person and the row that first gives it; line
// 0 when no row has.
type fileValue struct {
	line int
	text string
}

func (pp *plannedPerson) changed() bool {
	if pp.stored == nil {
		return false
	}
	_, changed := merge(*pp.stored, pp.person)
	return changed
}

// personValues are the details a row gives of a person, as compared
// between rows of the same 学号.
var personValues = []struct {
	col Column
	get func(app.Person) string
}{
	{ColName, func(p app.Person) string { return p.Name }},
	{ColGender, func(p app.Person) string { return app.TextOf(app.Genders, p.Gender) }},
	{ColCollege, func(p app.Person) string { return p.College }},
	{ColMajor, func(p app.Person) string { return p.Major }},
	{ColClass, func(p app.Person) string { return p.ClassName }},
	{ColGrade, func(p app.Person) string { return strconv.Itoa(p.Grade) }},
	{ColPhone, func(p app.Person) string { return p.Phone }},
	{ColPolitical, func(p app.Person) string { return app.TextOf(app.PoliticalStatuses, p.PoliticalStatus) }},
	{ColPartyApplied, func(p app.Person) string { return p.PartyAppliedOn.String() }},
}

// sameAsAbove refuses a row whose details contradict an earlier good row
// of the same 学号: which of them is right is for the teacher to say. A
// person may hold posts in several organizations in one file.
func (p *planner) sameAsAbove(pr *PlannedRow, no string, person app.Person) {
	pp, ok := p.people[pr.key]
	if !ok {
		return
	}
	for _, pv := range personValues {
		text := pv.get(person)
		was := pp.values[pv.col]
		ok := was.line != 0
		switch {
		case text == "" || text == "0" || !ok || was.text == text,
			pv.col == ColName && nameKey(was.text) == nameKey(text):
		case pv.col == ColName:
			pr.problem(ColStudentNo, fmt.Sprintf("学号 %s 与第 %d 行重复：那里是%s，这里是%s", no, was.line, Quote(was.text), Quote(text)))
		default:
			pr.problem(pv.col, fmt.Sprintf("与第 %d 行（同一学号）不一致：那里是%s，这里是%s", was.line, Quote(was.text), Quote(text)))
		}
	}
}

// addPerson lays a good row's details over the person's record.
func (p *planner) addPerson(pr *PlannedRow, stored *app.Person, person app.Person) {
	pp, ok := p.people[pr.key]
	if !ok {
		pp = &plannedPerson{stored: stored, person: person, first: pr.Line}
		if stored != nil {
			pp.person = *stored
		}
		p.people[pr.key] = pp
	} else {
		pr.Existing = true
	}
	pp.rows++
	pp.person, _ = merge(pp.person, person)
	for _, pv := range personValues {
		if text := pv.get(person); text != "" && text != "0" {
			if pp.values[pv.col].line == 0 {
				pp.values[pv.col] = fileValue{pr.Line, text}
			}
		}
	}
}

// merge lays the file's non-empty values over a stored person and tells
// whether anything changed.
func merge(old, from app.Person) (app.Person, bool) {
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
	if !from.PartyAppliedOn.IsZero() {
		out.PartyAppliedOn = from.PartyAppliedOn
	}
	changed := out.Name != old.Name || out.Gender != old.Gender || out.College != old.College ||
		out.Major != old.Major || out.ClassName != old.ClassName || out.Phone != old.Phone ||
		out.PoliticalStatus != old.PoliticalStatus || out.Grade != old.Grade ||
		out.PartyAppliedOn.String() != old.PartyAppliedOn.String()
	return out, changed
}
