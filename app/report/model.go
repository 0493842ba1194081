package report

// span tells whether a row is a group heading whose first cell spans the
// whole width of its table ("3.机构和人员规模").
func (s Section) span(row int) bool { return row < len(s.Spans) && s.Spans[row] }

// emptyNote is what a table with no rows says.
func (s Section) emptyNote() string {
	if s.Empty != "" {
		return s.Empty
	}
	return EmptyNote
}

// level is a heading's level, 1 to 3; 0 for body text.
func (p Paragraph) level() int {
	switch {
	case !p.Heading:
		return 0
	case p.Level < 1:
		return 1
	case p.Level > 3:
		return 3
	}
	return p.Level
}
