package views

import (
	"fmt"

	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

// choices backs a select box of records: what it shows and the ID behind
// each line. ID 0 stands for "none".
type choices struct {
	labels []string
	ids    []uint
}

func (c *choices) add(label string, id uint) {
	c.labels = append(c.labels, label)
	c.ids = append(c.ids, id)
}

// id returns the ID behind label, or nil for "none" and unknown labels.
func (c choices) id(label string) *uint {
	for i, l := range c.labels {
		if l == label && c.ids[i] != 0 {
			id := c.ids[i]
			return &id
		}
	}
	return nil
}

// label returns the line for id; nil gives the "none" line if there is one.
func (c choices) label(id *uint) string {
	want := uint(0)
	if id != nil {
		want = *id
	}
	for i, v := range c.ids {
		if v == want {
			return c.labels[i]
		}
	}
	return ""
}

// orgChoices lists the organizations that keep passes, in tree order, after
// an optional "none" line. A name that occurs twice (every college has its
// 学生会) gets its parent's name added so each line is unambiguous.
func orgChoices(tree app.OrgTree, none string, keep func(app.Organization) bool) choices {
	var c choices
	if none != "" {
		c.add(none, 0)
	}
	count := map[string]int{}
	tree.Walk(func(o app.Organization, _ int) { count[o.Name]++ })
	tree.Walk(func(o app.Organization, _ int) {
		if !keep(o) {
			return
		}
		label := o.Name
		if count[o.Name] > 1 && o.ParentID != nil {
			if p, ok := tree.Get(*o.ParentID); ok {
				label = fmt.Sprintf("%s（%s）", o.Name, p.Name)
			}
		}
		c.add(label, o.ID)
	})
	return c
}

// activeOrg keeps the organizations that are not merged or dissolved.
func activeOrg(o app.Organization) bool { return o.Status == data.StatusActive }

// reloadOrgChoice lists the active organizations in sel again after they
// changed, keeping the one chosen while it is still there (else none).
func reloadOrgChoice(svc *app.Service, c *choices, sel *widget.Select, none string) {
	tree, err := svc.OrgTree()
	if err != nil {
		return
	}
	chosen := c.id(sel.Selected)
	*c = orgChoices(tree, none, activeOrg)
	sel.SetOptions(c.labels)
	label := c.label(chosen)
	if label == "" {
		label = none
	}
	if label != sel.Selected {
		sel.SetSelected(label)
	}
}

// semesterLabeled finds the semester a select box shows as label; ok is
// false when none is chosen.
func semesterLabeled(semesters []app.Semester, label string) (app.Semester, bool) {
	for _, s := range semesters {
		if s.Label() == label {
			return s, true
		}
	}
	return app.Semester{}, false
}

// semesterOr is the semester chosen, or the first of the list (the
// current one) when none is.
func semesterOr(semesters []app.Semester, label string) app.Semester {
	if s, ok := semesterLabeled(semesters, label); ok {
		return s
	}
	return semesters[0]
}

// semesterLabels are the lines of a select box of semesters.
func semesterLabels(semesters []app.Semester) []string {
	labels := make([]string, len(semesters))
	for i, s := range semesters {
		labels[i] = s.Label()
	}
	return labels
}
