package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/importer"
	"tuanxue/data"
)

// rosterUI opens the roster screen over the sample college.
func rosterUI(t *testing.T) (*MainWindow, *app.Service, *rosterScreen) {
	t.Helper()
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.ShowModule("学生骨干")
	w.roster.debounce = 0
	return w, svc, w.roster
}

func TestRosterFiltersAndSearch(t *testing.T) {
	_, _, s := rosterUI(t)
	if len(s.ids) != 141 || s.count.Text != "共 141 条任职记录" {
		t.Fatalf("sample roster shows %d rows (%q)", len(s.ids), s.count.Text)
	}
	if text, _ := s.cell(0, 4); text != app.PostChair {
		t.Fatalf("first row's post %q, want the chair", text)
	}
	test.Type(s.filters.search, "喆")
	for row := range s.ids {
		if name, _ := s.cell(row, 1); !strings.Contains(name, "喆") {
			t.Fatalf("search kept %q", name)
		}
	}
	if len(s.ids) == 0 {
		t.Fatal("search for 喆 found nobody")
	}
	s.filters.search.SetText("")
	s.filters.status.SetSelected(app.TextOf(app.RosterStatuses, data.RosterFlagged))
	if len(s.ids) != 1 {
		t.Fatalf("%d flagged this semester, want the one with a failed course", len(s.ids))
	}
	if reason, alert := s.cell(0, 11); !alert || !strings.Contains(reason, "课程不及格") {
		t.Fatalf("flag cell %q alert=%v", reason, alert)
	}
	// The roster as it stood before the change of term: last year's chair.
	s.filters.status.SetSelected(app.TextOf(app.RosterStatuses, data.RosterInPost))
	s.filters.period.SetSelected(onADay)
	s.filters.day.SetText(app.SampleHistoryDay(app.SemesterAt(testNow())).String())
	if len(s.ids) != 1 {
		t.Fatalf("roster on the old day has %d rows", len(s.ids))
	}
	if name, _ := s.cell(0, 1); name != "许嘉堃" {
		t.Fatalf("old chair %q", name)
	}
}

func TestNewPersonAppointAndExit(t *testing.T) {
	w, svc, s := rosterUI(t)
	test.Tap(findButton(t, s.object(), "新增人员"))
	p := lastPerson
	test.Type(p.studentNo, "2020099")
	test.Type(p.name, "新同学")
	p.political.SetSelected("共青团员")
	test.Tap(findButton(t, topDialog(t, w.Win), "保存"))
	person, err := svc.Store().PersonByStudentNo("2020099")
	if err != nil || person.Name != "新同学" {
		t.Fatalf("person not saved: %+v %v", person, err)
	}

	// Appoint in 校学生会 宣传部 as 干事.
	p.tabs.SelectIndex(1)
	test.Tap(findButton(t, topDialog(t, w.Win), "新增任职"))
	d := topDialog(t, w.Win)
	selects := selectsUnder(d)
	selects[0].SetSelected("校学生会")
	selects[1].SetSelected("宣传部")
	for _, o := range test.LaidOutObjects(d) {
		if e, ok := o.(*widget.SelectEntry); ok {
			e.SetText("干事")
		}
	}
	test.Tap(findButton(t, d, "保存"))
	as, _ := svc.Appointments(person.ID)
	if len(as) != 1 || as[0].Post != "干事" || as[0].DepartmentID == nil {
		t.Fatalf("appointment %+v", as)
	}
	if len(p.appointments) != 1 || p.appointments[0][1] != "宣传部" {
		t.Fatalf("任职 tab shows %v", p.appointments)
	}

	// Exit with a date before the start: refused in the dialog.
	test.Tap(p.exitButtons[0])
	d = topDialog(t, w.Win)
	entries := entriesUnder(d)
	entries[0].SetText("2019-01-01")
	selectsUnder(d)[0].SetSelected("个人辞职")
	test.Tap(findButton(t, d, "确认退出"))
	if !strings.Contains(strings.Join(labelsUnder(topDialog(t, w.Win)), ""), "不能早于任职开始日期") {
		t.Fatal("early exit date not explained")
	}
	entries[0].SetText(svc.Today().String())
	test.Tap(findButton(t, d, "确认退出"))
	exits, _ := svc.Exits(person.ID)
	if len(exits) != 1 || exits[0].Reason != data.ExitResigned {
		t.Fatalf("exits %+v", exits)
	}
	if !p.exitButtons[0].Disabled() || !p.exitButtons[1].Disabled() || len(p.exits) != 1 {
		t.Fatal("person dialog not updated after the exit")
	}
}

func TestImportPreviewWritesOnlyOnConfirm(t *testing.T) {
	w, svc, s := rosterUI(t)
	path := filepath.Join(t.TempDir(), "名册.csv")
	csv := "姓名,学号,所属组织,部门,职务\n新甲,2020201,校学生会,学习部,干事\n新乙,2020202,摄影协会,,会长\n坏行,,,,\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	table, err := importer.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := importer.Make(svc, table, importer.Options{CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	s.showPreview(plan)
	d := topDialog(t, w.Win)
	labels := strings.Join(labelsUnder(d), "|")
	if !strings.Contains(labels, "可导入 2 行") || !strings.Contains(labels, "组织“摄影协会”") {
		t.Fatalf("preview says %q", labels)
	}
	if _, err := svc.Store().PersonByStudentNo("2020201"); !data.IsNotFound(err) {
		t.Fatal("preview wrote data")
	}
	test.Tap(findButton(t, d, "确认导入 2 行"))
	if _, err := svc.Store().PersonByStudentNo("2020202"); err != nil {
		t.Fatalf("confirmed import not written: %v", err)
	}
	if len(s.ids) != 143 {
		t.Fatalf("roster shows %d rows after the import", len(s.ids))
	}
}

func TestAssessmentGridSavesADepartment(t *testing.T) {
	w, svc, _ := rosterUI(t)
	g := openAssessmentGrid(svc, w.Win)
	g.dept.SetSelected("宣传部")
	if len(g.rows) != 8 {
		t.Fatalf("宣传部 has %d rows, want 8", len(g.rows))
	}
	for i, r := range g.rows {
		for _, e := range r.scores {
			e.SetText("85")
		}
		if i == 0 {
			r.scores[3].SetText("120")
		}
	}
	if !strings.Contains(g.rows[1].total.Text, "85（良好）") {
		t.Fatalf("live total %q", g.rows[1].total.Text)
	}
	if g.save() || !strings.Contains(g.message.Text, "第 1 行") {
		t.Fatalf("bad score saved or not explained: %q", g.message.Text)
	}
	g.rows[0].scores[3].SetText("50")
	g.rows[0].grade.SetSelected("不合格")
	if !g.save() {
		t.Fatalf("save refused: %q", g.message.Text)
	}
	first, _ := svc.Assessments(g.rows[0].sheet.PersonID)
	if len(first) == 0 || first[0].Grade != data.GradeFail || first[0].Semester != g.sem().String() {
		t.Fatalf("saved %+v", first)
	}
}
