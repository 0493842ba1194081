package views

import (
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
