package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tuanxue/app/compliance"
	"tuanxue/data"
)

func TestDashboardListsBreachesAndFollowsParameters(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.refreshAll()
	d := w.dashboard
	first := d.breaches[0]
	if first.Outcome != compliance.Fail || !strings.Contains(first.Sentence, "实有工作人员 51 人，超过 40 人且未登记扩编理由") {
		t.Fatalf("first breach %s %q", first.Outcome, first.Sentence)
	}
	if _, alert := d.table.Length(); alert == 0 {
		t.Fatal("breach table has no columns")
	}
	d.table.Select(widgetCell(0))
	if !strings.Contains(d.detail.Text, "指标 3") {
		t.Fatalf("detail %q", d.detail.Text)
	}
	// The link opens the union on the organization screen.
	test.Tap(findButton(t, d.links, "校学生会"))
	if w.orgs == nil || w.orgs.form.title.Text != "组织信息：校学生会" {
		t.Fatal("link did not open the union")
	}

	// A copy of the set with a limit of 60 in force: the breach is gone.
	settings, _ := svc.Settings()
	base, _ := compliance.InForce(svc, settings.Semester)
	set, err := compliance.Copy(svc, base, "本校指标")
	if err != nil {
		t.Fatal(err)
	}
	if err := compliance.UseForYear(svc, settings.Semester, set); err != nil {
		t.Fatal(err)
	}
	for _, r := range set.Rules {
		if r.CheckKey == "staff_cap" && r.Scope == data.ScopeSchool {
			if _, err := compliance.SetParamFields(svc, set, r, map[string]string{"limit": "60"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	w.ShowModule("概览")
	d.reload()
	for _, b := range d.breaches {
		if b.Rule.CheckKey == "staff_cap" && b.Org.Name == "校学生会" {
			t.Fatalf("breach still listed after raising the limit: %q", b.Sentence)
		}
	}
	if !strings.Contains(d.setName.Text, "本校指标") {
		t.Fatalf("set shown %q", d.setName.Text)
	}
}

func TestOrganizationScreenShowsItsOwnChecks(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.refreshAll()
	w.ShowModule("组织机构")
	s := w.orgs
	if err := s.selectKind(data.KindSchoolUnion); err != nil {
		t.Fatal(err)
	}
	s.tabs.SelectIndex(2)
	if len(s.checks.results) < 10 || !strings.Contains(s.checks.hint.Text, "未达标") {
		t.Fatalf("checks of the school union: %d, %q", len(s.checks.results), s.checks.hint.Text)
	}
	for _, r := range s.checks.results {
		if r.Org.Name != "校学生会" {
			t.Fatalf("result of another union: %s", r.Org.Name)
		}
	}
	if err := s.selectKind(data.KindClub); err != nil {
		t.Fatal(err)
	}
	if len(s.checks.results) != 0 || !strings.Contains(s.checks.hint.Text, "只对校级和二级学院学生会") {
		t.Fatalf("a club has checks: %q", s.checks.hint.Text)
	}
}

// TestDashboardChartsOpenTheirRecords: the charts show the sample's
// staffing against the limits, and a bar opens the records behind it.
func TestDashboardChartsOpenTheirRecords(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.refreshAll()
	d := w.dashboard
	d.tabs.SelectIndex(1)
	if got := len(d.charts.Objects); got != 6 {
		t.Fatalf("%d charts on the dashboard, want 6", got)
	}
	var staff, ledger []*barTrack
	collect := func(o fyne.CanvasObject, into *[]*barTrack) {
		for _, obj := range test.LaidOutObjects(o) {
			if b, ok := obj.(*barTrack); ok && b.bar.Key != "" { // not the legend's swatches
				*into = append(*into, b)
			}
		}
	}
	collect(d.charts.Objects[0], &staff)
	collect(d.charts.Objects[5], &ledger)
	var grades []*barTrack
	collect(d.charts.Objects[3], &grades)
	test.Tap(grades[0])
	if w.reports == nil || w.reports.doc.Title != "考核结果汇总表" || w.reports.options().Semester != d.sem() {
		t.Fatal("a grade bar did not open the semester's 考核结果汇总表")
	}
	if len(staff) != 4 || staff[0].bar.Label != "校学生会" || staff[0].bar.Value != 51 || !staff[0].bar.Marked() {
		t.Fatalf("staff bars %+v", staff)
	}
	test.Tap(staff[0])
	if w.orgs == nil || w.orgs.form.title.Text != "组织信息：校学生会" {
		t.Fatal("the school union's bar did not open the union")
	}
	for _, b := range ledger {
		if b.bar.Alert && b.bar.Value > 0 {
			test.Tap(b)
			if w.ledger == nil || w.ledger.status.Selected != b.bar.Label || len(w.ledger.items) != b.bar.Value {
				t.Fatalf("the %s bar (%d) opened the ledger at %q with %d items", b.bar.Label, b.bar.Value,
					w.ledger.status.Selected, len(w.ledger.items))
			}
			return
		}
	}
	t.Fatal("no overdue status marked in the ledger chart of the sample")
}

// The first check of 概览 runs off the window's thread: the screen is
// built and drawn with "正在检查……" first, and the figures come after.
func TestDashboardDrawsBeforeItsFirstCheck(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	var pending []func()
	defer func(b func(work, done func())) { inBackground = b }(inBackground)
	inBackground = func(work, done func()) { pending = append(pending, func() { work(); done() }) }
	d := newDashboard(svc, w.Win, func(compliance.Link) {})
	if len(pending) != 1 || d.detail.Text != "正在检查……" || len(d.breaches) != 0 {
		t.Fatalf("built with %d checks pending, detail %q, %d breaches", len(pending), d.detail.Text, len(d.breaches))
	}
	pending[0]()
	if len(d.breaches) == 0 || len(d.figures.Objects) == 0 {
		t.Fatal("no overview after the first check")
	}

	// A check run meanwhile (重新检查) is not undone by the first one's
	// later result.
	pending = nil
	d = newDashboard(svc, w.Win, func(compliance.Link) {})
	d.reload()
	shown := d.breaches
	d.breaches = nil
	pending[0]()
	if d.breaches != nil {
		t.Fatalf("the first check's result replaced a newer one (%d breaches shown before)", len(shown))
	}
}
