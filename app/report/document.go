package report

// Document is a report as it prints: a title, a subtitle (school, period,
// date made), header lines such as a form's 组织名称, then sections of
// tables or paragraphs, and a signature line where the form has one.
type Document struct {
	Title      string
	Subtitle   string
	Header     []Field
	Sections   []Section
	Paragraphs []Paragraph // a text document, such as the 自评报告 draft
	Charts     []Chart     // printed after the tables and paragraphs (附图)
	Signature  bool        // 团委书记（签字）/ 盖章
}

// Field is one "label: value" line of a document's header.
type Field struct{ Label, Value string }

// Section is one table of a document, with an optional caption.
type Section struct {
	Caption string
	Columns []Column
	Rows    [][]string
	Alerts  []bool // rows that stand out (red), by index; may be shorter than Rows
}

// Paragraph is a heading or a paragraph of a text document.
type Paragraph struct {
	Heading bool
	Text    string
}

// DocumentOf makes a one-table document of a list.
func DocumentOf(t Table) Document {
	return Document{Title: t.Title, Subtitle: t.Subtitle, Sections: []Section{{Columns: t.Columns, Rows: t.Rows}}}
}

func (s Section) alert(row int) bool { return row < len(s.Alerts) && s.Alerts[row] }

// width is the table's width in characters.
func (s Section) width() float64 {
	w := 0.0
	for _, c := range s.Columns {
		w += colWidth(c)
	}
	return w
}

func colWidth(c Column) float64 {
	if c.Width == 0 {
		return 10
	}
	return c.Width
}
