package views

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/importer"
	"tuanxue/data"
)

// The tests deliver notices of change as the window's main loop does,
// after the event that wrote: queued, and run by settle.
var (
	queueMu sync.Mutex
	queued  []func()
)

func queueDelivery(run func()) {
	queueMu.Lock()
	queued = append(queued, run)
	queueMu.Unlock()
}

// settle runs the deliveries waiting, as the main loop does once the
// event handler that wrote returns.
func settle() {
	for {
		queueMu.Lock()
		if len(queued) == 0 {
			queueMu.Unlock()
			return
		}
		run := queued[0]
		queued = queued[1:]
		queueMu.Unlock()
		run()
	}
}

// dropDeliveries forgets what an earlier test left queued.
func dropDeliveries() {
	queueMu.Lock()
	queued = nil
	queueMu.Unlock()
}

// figure is the value of the dashboard card labelled label.
func figure(t *testing.T, d *dashboard, label string) string {
	t.Helper()
	for _, o := range d.figures.Objects {
		if c, ok := o.(*widget.Card); ok && c.Subtitle == label {
			return c.Content.(*canvas.Text).Text
		}
	}
	t.Fatalf("no figure %q on the dashboard", label)
	return ""
}

// sampleUI is the window over the sample college, with every notice of
// loading it delivered.
func sampleUI(t *testing.T) (*MainWindow, *app.Service) {
	t.Helper()
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	return w, svc
}

// addCadre saves a person in post in org from today.
func addCadre(t *testing.T, svc *app.Service, no, name string, org uint) app.Person {
	t.Helper()
	p, err := svc.SavePerson(app.PersonDraft{StudentNo: no, Name: name, Grade: "2020"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveAppointment(app.AppointmentDraft{PersonID: p.ID, OrganizationID: org, Post: "主席",
		StartOn: svc.Today().String(), SelectedBy: data.SelectedByOther}); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDashboardFiguresFollowAdditions(t *testing.T) {
	w, svc := sampleUI(t)
	d := w.dashboard
	people, unions, trainings := figure(t, d, "在任学生骨干"), figure(t, d, "学生会组织"), figure(t, d, "本学期培训")

	// A new union with a cadre, made on the organization screen, and a training.
	w.ShowModule("组织机构")
	s := w.orgs
	league := s.orgs.OfKinds(data.KindLeague)[0]
	s.createUnder(league.ID)
	s.form.kind.SetSelected(app.TextOf(app.OrgKinds, data.KindCollegeUnion))
	test.Type(s.form.name, "艺术学院学生会")
	test.Tap(s.form.saveButton)
	settle()
	addCadre(t, svc, "2020990001", "林新", s.selected)
	if _, err := svc.SaveTraining(app.TrainingDraft{Title: "新任骨干培训", Kind: data.TrainingCadre,
		HeldOn: svc.Today().String(), Hours: "2"}); err != nil {
		t.Fatal(err)
	}
	settle()

	w.ShowModule("概览")
	if got := figure(t, d, "在任学生骨干"); got == people {
		t.Errorf("在任学生骨干 still %s after a cadre was added", got)
	}
	if got := figure(t, d, "学生会组织"); got == unions {
		t.Errorf("学生会组织 still %s after a union was added", got)
	}
	if got := figure(t, d, "本学期培训"); got == trainings {
		t.Errorf("本学期培训 still %s after a training was added", got)
	}
}

func TestANewUnionsChecksCountItsCadres(t *testing.T) {
	w, svc := sampleUI(t)
	w.ShowModule("组织机构")
	s := w.orgs
	league := s.orgs.OfKinds(data.KindLeague)[0]
	s.createUnder(league.ID)
	s.form.kind.SetSelected(app.TextOf(app.OrgKinds, data.KindCollegeUnion))
	test.Type(s.form.name, "艺术学院学生会")
	test.Tap(s.form.saveButton)
	settle()
	union := s.selected
	s.tabs.SelectIndex(2)
	if !strings.Contains(strings.Join(checkSentences(s.checks), " "), "没有登记在任工作人员") {
		t.Fatalf("a union without cadres: %v", checkSentences(s.checks))
	}
	// Cadres are entered on the roster while the union stays on screen.
	w.ShowModule("学生骨干")
	for i := range 3 {
		addCadre(t, svc, fmt.Sprintf("202099%04d", i), "新干部"+itoa(i), union)
	}
	settle()
	w.ShowModule("组织机构")
	if got := strings.Join(checkSentences(s.checks), " "); strings.Contains(got, "没有登记在任工作人员") {
		t.Fatalf("the union's checks after 3 cadres were added: %s", got)
	}
}

func checkSentences(c *orgChecks) []string {
	var out []string
	for _, r := range c.results {
		out = append(out, r.Sentence)
	}
	return out
}

func TestTheTreeShowsImportedOrganizations(t *testing.T) {
	w, svc := newTestUI(t)
	w.ShowModule("组织机构")
	w.ShowModule("学生骨干")
	table := importer.Generate(importer.Spec{Colleges: []string{"机电工程学院"}, SchoolUnion: "校学生会",
		SchoolDepts: []string{"宣传部"}, CollegeDepts: []string{"办公室"}, Cadres: 20, Seed: 1, Year: 2020})
	plan, err := importer.Make(svc, table, importer.Options{CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := importer.Apply(svc, plan); err != nil {
		t.Fatal(err)
	}
	settle()
	w.ShowModule("组织机构")
	if len(w.orgs.orgs.OfKinds(data.KindSchoolUnion, data.KindCollegeUnion)) == 0 {
		t.Fatal("the tree does not show the imported unions")
	}
	if roots := w.orgs.childIDs(""); len(roots) == 0 {
		t.Fatal("the tree has no roots after the import")
	}
}

func TestDeletingAnOrganizationUpdatesTheRosterCount(t *testing.T) {
	w, svc := sampleUI(t)
	w.ShowModule("学生骨干")
	before := w.roster.count.Text
	w.ShowModule("组织机构")
	s := w.orgs
	union := s.orgs.OfKinds(data.KindCollegeUnion)[0]
	ids, _ := svc.RosterIDs(app.RosterFilter{OrganizationID: union.ID, Status: data.RosterInPost})
	if len(ids) == 0 {
		t.Fatal("the sample's college union has no posts")
	}
	s.selectOrg(union.ID)
	test.Tap(s.form.deleteButton)
	test.Tap(findButton(t, topDialog(t, w.Win), "删除"))
	settle()
	w.ShowModule("学生骨干")
	if after := w.roster.count.Text; after == before {
		t.Fatalf("roster still says %q after deleting %s with %d posts", after, union.Name, len(ids))
	}
}

// TestEveryScreenIsCurrentWhenShownAgain: each screen, once visited, shows
// a record of each kind it lists the next time it is shown.
func TestEveryScreenIsCurrentWhenShownAgain(t *testing.T) {
	w, svc := sampleUI(t)
	for _, m := range w.Modules() {
		w.ShowModule(m)
	}
	w.ShowModule("概览")
	settings, _ := svc.Settings()

	if _, err := svc.SaveTraining(app.TrainingDraft{Title: "新闻写作培训", Kind: data.TrainingCadre,
		HeldOn: svc.Today().String(), Hours: "2"}); err != nil {
		t.Fatal(err)
	}
	tree, _ := svc.OrgTree()
	union := tree.OfKinds(data.KindSchoolUnion)[0]
	if _, err := svc.SaveMeeting(app.MeetingDraft{Kind: data.MeetingStudy, Title: "第8周政治学习", OrganizationID: union.ID,
		HeldOn: svc.Today().String(), Minutes: "学习文件"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveRect(app.RectDraft{FoundOn: svc.Today().String(), Problem: "例会签到表缺失", Source: "self_check"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveRound(app.RoundDraft{Title: "宣传部干事选拔", Kind: data.RoundRecruitment, OrganizationID: union.ID,
		HeldOn: svc.Today().String(), Semester: settings.Semester.String(), ScoreItems: "笔试,面试"}); err != nil {
		t.Fatal(err)
	}
	p := addCadre(t, svc, "2020990009", "周新", union.ID)
	if err := svc.DeletePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	settle()

	w.ShowModule("培训与会议")
	if !hasCell(w.sessions.trainings.cells, "新闻写作培训") || !hasCell(w.sessions.meetings.cells, "第8周政治学习") {
		t.Error("培训与会议 does not list the new training and meeting")
	}
	w.ShowModule("整改台账")
	if !hasCell(w.ledger.cells, "例会签到表缺失") {
		t.Error("整改台账 does not list the new item")
	}
	w.ShowModule("选拔")
	found := false
	for _, r := range w.selections.rounds {
		found = found || r.Title == "宣传部干事选拔"
	}
	if !found {
		t.Error("选拔 does not list the new round")
	}
	w.ShowModule("回收站")
	if !hasCell(w.bin.cells, "周新（2020990009）") {
		t.Errorf("回收站 does not list the deleted person: %v", w.bin.cells)
	}
	w.ShowModule("操作日志")
	if !hasCell(w.log.cells, "周新") && !hasCellContaining(w.log.cells, "周新") {
		t.Error("操作日志 does not show the new lines")
	}

	// Restored from the bin: the roster shows the person again.
	w.ShowModule("学生骨干")
	before := w.roster.count.Text
	w.ShowModule("回收站")
	w.bin.table.Select(widgetCell(0))
	test.Tap(w.bin.restore)
	settle()
	w.ShowModule("学生骨干")
	if w.roster.count.Text == before {
		t.Errorf("roster still says %q after a person was restored from the bin", before)
	}
}

func hasCell(rows [][]string, text string) bool {
	for _, r := range rows {
		for _, c := range r {
			if c == text {
				return true
			}
		}
	}
	return false
}

func hasCellContaining(rows [][]string, text string) bool {
	for _, r := range rows {
		for _, c := range r {
			if strings.Contains(c, text) {
				return true
			}
		}
	}
	return false
}

// TestHiddenScreensAreNotReadOnEveryChange: a change reads the screen on
// view at once, and the others only when they are shown.
func TestHiddenScreensAreNotReadOnEveryChange(t *testing.T) {
	w, svc := sampleUI(t)
	w.ShowModule("整改台账")
	w.ShowModule("学生骨干")
	before := len(w.ledger.items)
	if _, err := svc.SaveRect(app.RectDraft{FoundOn: svc.Today().String(), Problem: "台账未按月更新", Source: "self_check"}); err != nil {
		t.Fatal(err)
	}
	settle()
	if len(w.ledger.items) != before {
		t.Fatal("the hidden ledger was read again before it was shown")
	}
	w.ShowModule("整改台账")
	if len(w.ledger.items) != before+1 {
		t.Fatalf("the ledger shows %d items, want %d", len(w.ledger.items), before+1)
	}
	// On view: read again once the write is done.
	if _, err := svc.SaveRect(app.RectDraft{FoundOn: svc.Today().String(), Problem: "佐证材料未归档", Source: "self_check"}); err != nil {
		t.Fatal(err)
	}
	settle()
	if len(w.ledger.items) != before+2 {
		t.Fatalf("the ledger on view shows %d items, want %d", len(w.ledger.items), before+2)
	}
}
