package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
)

// TestSettingsHasOneSaveAndAbout: 系统设置 saves the school, semester,
// weights and operator with one 保存, and 关于 says the version and where
// the data is.
func TestSettingsHasOneSaveAndAbout(t *testing.T) {
	w, svc := newTestUI(t)
	screen := newSettingsScreen(svc, w.Win, func(app.Settings) {})
	var saves []string
	for _, o := range test.LaidOutObjects(screen.object()) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "保存") && b.Text != "保存数据库设置" {
			saves = append(saves, b.Text)
		}
	}
	if len(saves) != 1 || saves[0] != "保存" {
		t.Fatalf("save buttons %q, want one 保存", saves)
	}
	screen.school.SetText("潮汕职业技术学院")
	screen.weights[0].SetText("40")
	screen.weights[1].SetText("20")
	screen.weights[2].SetText("20")
	screen.weights[3].SetText("20")
	screen.operator.SetText("王老师")
	test.Tap(findButton(t, screen.object(), "保存"))
	if wt, _ := svc.AssessmentWeights(); wt[0] != 40 {
		t.Errorf("weights %v not saved", wt)
	}
	if svc.Operator() != "王老师" {
		t.Errorf("operator %q not saved", svc.Operator())
	}
	about := strings.Join(labelsUnder(screen.about), "\n")
	if !strings.Contains(about, "版本") || !strings.Contains(about, svc.Store().Dir()) {
		t.Errorf("关于 says %q", about)
	}
}
