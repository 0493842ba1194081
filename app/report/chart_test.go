package report

import (
	"bytes"
	"fmt"
	"testing"
)

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

// TestChartOfManyUnionsGoesOnInParts: 45 unions print on several pages, each
// part on the whole chart's axis, none past the foot of its page.
func TestChartOfManyUnionsGoesOnInParts(t *testing.T) {
	c := Chart{Title: "各学生会工作人员数与上限", ValueLabel: "工作人员数", Unit: "人", MarkLegend: "超出上限"}
	for i := range 45 {
		c.Bars = append(c.Bars, Bar{Label: fmt.Sprintf("第%d学院学生会", i+1), Value: 10 + i, Limit: 40})
	}
	parts := c.split(18)
	if len(parts) != 3 || len(parts[2].Bars) != 9 || parts[1].Title != c.Title+"（续）" {
		t.Fatalf("%d parts", len(parts))
	}
	wholeEnd, _ := c.Axis()
	for _, p := range parts {
		if end, _ := p.Axis(); end != wholeEnd {
			t.Errorf("a part's axis ends at %d, the chart's at %d", end, wholeEnd)
		}
	}
	var buf bytes.Buffer
	if err := WritePDF(&buf, Document{Title: "规模", Charts: []Chart{c}}); err != nil {
		t.Fatal(err)
	}
	if pages := bytes.Count(buf.Bytes(), []byte("/Type /Page\n")); pages < 2 {
		t.Errorf("45 bars on %d page(s)", pages)
	}
}
