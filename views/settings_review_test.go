package views

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuanxue/app"
)

// The 述职评议 parameters are edited in 系统设置 with the one 保存; thresholds
// out of order are refused and leave the stored ones as they were.
func TestSettingsSaveReviewParams(t *testing.T) {
	w, svc := newTestUI(t)
	screen := newSettingsScreen(svc, w.Win, func(app.Settings) {})
	screen.school.SetText("潮汕职业技术学院")
	screen.reviewEntries[0].SetText("政治态度、工作成效、纪律作风")
	screen.reviewEntries[1].SetText("30")
	test.Tap(findButton(t, screen.object(), "保存"))
	p, _ := svc.ReviewParams()
	if len(p.Aspects) != 3 || p.AspectMax != 30 {
		t.Fatalf("saved %+v (%s)", p, screen.saved.Text)
	}
	screen.reviewEntries[2].SetText("50") // 优秀 below 合格
	test.Tap(findButton(t, screen.object(), "保存"))
	if p, _ := svc.ReviewParams(); p.Excellent != 90 || screen.saved.Text != "基本设置已保存；标红的一项没有保存。" {
		t.Fatalf("bad thresholds: %+v %q", p, screen.saved.Text)
	}
}

// A share of the total set in 系统设置 makes the 述职评议 a component of
// the semester assessment: the grid says the formula and its live total
// weighs in the reporter's review score.
func TestReviewShareInTheAssessmentGrid(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	screen := newSettingsScreen(svc, w.Win, func(app.Settings) {})
	screen.reviewEntries[5].SetText("120")
	test.Tap(findButton(t, screen.object(), "保存"))
	if p, _ := svc.ReviewParams(); p.Weight != 0 || !strings.Contains(strings.Join(labelsUnder(screen.object()), ""), "计入考核总分的比例请填 0–100") {
		t.Fatalf("120%% accepted or not explained: %+v", p)
	}
	screen.reviewEntries[5].SetText("20")
	test.Tap(findButton(t, screen.object(), "保存"))
	if p, _ := svc.ReviewParams(); p.Weight != 20 {
		t.Fatalf("share not saved: %+v (%s)", p, screen.saved.Text)
	}
	g := openAssessmentGrid(svc, w.Win)
	g.org.SetSelected(g.orgs.labels[0])
	var reporter *gridRow
	for _, sem := range g.semester.Options {
		g.semester.SetSelected(sem)
		for _, r := range g.rows {
			if r.sheet.ReviewScore != nil && reporter == nil {
				reporter = r
			}
		}
		if reporter != nil {
			break
		}
	}
	if reporter == nil {
		t.Fatal("no reviewed 主席团 member in any semester of the sample")
	}
	if !strings.Contains(strings.Join(labelsUnder(topDialog(t, w.Win)), ""), "总分 = 上式×80% + 述职评议得分率×20%") {
		t.Error("the grid does not say how the review is weighed in")
	}
	for _, e := range reporter.scores {
		e.SetText("80")
	}
	want := math.Round((80*80+*reporter.sheet.ReviewScore*20)/10) / 10
	if !strings.HasPrefix(reporter.total.Text, strconv.FormatFloat(want, 'f', -1, 64)+"（") {
		t.Errorf("live total %q, want %g (review %g)", reporter.total.Text, want, *reporter.sheet.ReviewScore)
	}
}
