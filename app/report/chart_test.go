package report

import "testing"

func TestChartAxisIsRoundAndPassesTheLargest(t *testing.T) {
	for _, c := range []struct {
		bars      []Bar
		end, step int
	}{
		{nil, 2, 1},
		{[]Bar{{Value: 7}}, 8, 1},
		{[]Bar{{Value: 40, Limit: 60}}, 70, 10},
		{[]Bar{{Value: 45}, {Value: 12, Limit: 30}}, 50, 10},
		{[]Bar{{Value: 35}}, 40, 5},
		{[]Bar{{Value: 1234}}, 1400, 200},
	} {
		end, step := Chart{Bars: c.bars}.Axis()
		if end != c.end || step != c.step {
			t.Errorf("%v: axis to %d by %d, want %d by %d", c.bars, end, step, c.end, c.step)
		}
	}
	c := Chart{Unit: "人"}
	if got := c.Figures(Bar{Value: 51, Limit: 40}); got != "51 人 · 上限 40 · 超出 11" {
		t.Errorf("figures %q", got)
	}
	if got := (Chart{}).Figures(Bar{Value: 3, Note: "出勤率 90%"}); got != "3 · 出勤率 90%" {
		t.Errorf("figures %q", got)
	}
	if !(Bar{Value: 61, Limit: 60}).Over() || (Bar{Value: 60, Limit: 60}).Over() || (Bar{Value: 99}).Over() {
		t.Error("Over: a bar is over only when it passes a limit it has")
	}
}
