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
	Empty   string // said instead of rows when there are none; "" is EmptyNote (本学期无记录)

	// A form printed once per union (改革自评表) gives each union's table:
	NewPage   bool     // it starts on a page of its own
	Notes     []string // lines between the caption and the table: a form's ★/▲ legend
	Header    []Field  // its own header lines (组织名称：…), after the notes
	Spans     []bool   // rows whose first cell spans the whole width (a group heading: "3.机构和人员规模"), by index
	Signature []string // lines after the table, right-aligned: 填表人, seal, date
}

// Paragraph is a heading or a paragraph of a text document.
type Paragraph struct {
	Heading bool
	Text    string
	Level   int    // a heading's level, for real heading styles: 1 "一、", 2 "（一）", 3 "1."; 0 on a Heading is 1
	Align   string // "" body text, first line indented two characters; AlignLeft, AlignRight
}

// Alignments of a paragraph other than body text.
const (
	AlignLeft  = "left"  // flush left, no indent: the addressee (主送机关) of a report
	AlignRight = "right" // the sign-off: unit and date
)

// DocumentOf makes a one-table document of a list.
func DocumentOf(t Table) Document {
	return Document{Title: t.Title, Subtitle: t.Subtitle, Sections: []Section{{Columns: t.Columns, Rows: t.Rows}}}
}

func (s Section) alert(row int) bool { return row < len(s.Alerts) && s.Alerts[row] }
