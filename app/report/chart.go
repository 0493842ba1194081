package report

import (
	"fmt"
	"strconv"
)

// Chart is a horizontal bar chart printed above a section's table: one bar
// per row of figures, each with its limit when it has one. Bars over their
// limit are hatched and labelled, so they stand out in black-and-white print
// and for readers who cannot tell red from green.
type Chart struct {
	Title      string
	ValueLabel string // the value axis, such as 人数
	Unit       string // after each value: 人, 次, 项
	MarkLegend string // what a marked bar means: 超出上限, 有逾期
	Empty      string // said instead of the chart when every bar is 0; "" is EmptyNote
	Bars       []Bar

	end, step int // the axis of the whole chart, kept by its parts
}

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Value int
	Limit int    // 0: no limit
	Alert bool   // marked for another reason than its limit (不合格, 逾期)
	Note  string // said after the value: "出勤率 90%"
	Key   string // what the bar stands for, for the screen that opens its records
}

// Over tells whether the bar passes its limit.
func (b Bar) Over() bool { return b.Limit > 0 && b.Value > b.Limit }

// Marked bars are hatched in print and in the window.
func (b Bar) Marked() bool { return b.Alert || b.Over() }

// HasLimits tells whether any bar has a limit, to draw and explain.
func (c Chart) HasLimits() bool {
	for _, b := range c.Bars {
		if b.Limit > 0 {
			return true
		}
	}
	return false
}

// Figures writes a bar's figures: "51 人 · 上限 40 · 超出 11".
func (c Chart) Figures(b Bar) string {
	text := strconv.Itoa(b.Value)
	if c.Unit != "" {
		text += " " + c.Unit
	}
	if b.Limit > 0 {
		text += fmt.Sprintf(" · 上限 %d", b.Limit)
	}
	if b.Over() {
		text += fmt.Sprintf(" · 超出 %d", b.Value-b.Limit)
	}
	if b.Note != "" {
		text += " · " + b.Note
	}
	return text
}

// IsEmpty tells whether the chart has nothing to show: no bars, or all 0.
func (c Chart) IsEmpty() bool {
	for _, b := range c.Bars {
		if b.Value != 0 {
			return false
		}
	}
	return true
}

// EmptyText is what an empty chart says.
func (c Chart) EmptyText() string {
	if c.Empty != "" {
		return c.Empty
	}
	return EmptyNote
}

// axis gives the value axis's end and the step between its ticks: a round
// step (1, 2, 5 × 10ⁿ) that makes four to ten ticks and leaves room past the
// largest value or limit.
func (c Chart) Axis() (end, step int) {
	if c.end > 0 {
		return c.end, c.step
	}
	most := 1
	for _, b := range c.Bars {
		most = max(most, b.Value, b.Limit)
	}
	for step = 1; ; step *= 10 {
		for _, m := range []int{1, 2, 5} {
			if most/(step*m) < 8 {
				s := step * m
				return (most/s + 1) * s, s
			}
		}
	}
}

// split cuts a chart of many bars into parts of at most n bars, for pages
// and pictures of a printable height: the later parts say "（续）" and all
// keep the whole chart's axis, so bars on different pages compare.
func (c Chart) split(n int) []Chart {
	c.end, c.step = c.Axis()
	var parts []Chart
	for i := 0; i < len(c.Bars); i += n {
		part := c
		part.Bars = c.Bars[i:min(i+n, len(c.Bars))]
		if i > 0 {
			part.Title += "（续）"
		}
		parts = append(parts, part)
	}
	return parts
}
