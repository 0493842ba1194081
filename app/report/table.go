// Package report writes the program's tables to files: .xlsx now, PDF and
// .docx as the reports arrive. It works on plain tables and knows nothing of
// the records behind them.
package report

// Column is one column of a table.
type Column struct {
	Title string
	Width float64 // in characters; 0 picks a default
}

// Table is what a list or report shows: a title, a line under it (school,
// semester, filters), the columns and the rows as text.
type Table struct {
	Title    string
	Subtitle string
	Columns  []Column
	Rows     [][]string
}
