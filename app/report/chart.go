package report

// Chart is a horizontal bar chart printed above a section's table: one bar
// per row of figures, each with its limit when it has one. Bars over their
// limit are hatched and labelled, so they stand out in black-and-white print
// and for readers who cannot tell red from green.
type Chart struct {
	Title      string
	ValueLabel string // the value axis, such as 人数
	Bars       []Bar
}

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Value int
	Limit int // 0: no limit
}

// Over tells whether the bar passes its limit.
func (b Bar) Over() bool { return b.Limit > 0 && b.Value > b.Limit }

// axis gives the value axis's end and the step between its ticks: a round
// step (1, 2, 5 × 10ⁿ) that makes four to ten ticks and leaves room past the
// largest value or limit.
func (c Chart) axis() (end, step int) {
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
