package views

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tuanxue/app"
	"tuanxue/app/importer"
	"tuanxue/data"
)

// ScreenshotSize is the window size the screenshots are taken at.
var ScreenshotSize = fyne.NewSize(1280, 800)

// Screenshots renders every main screen to PNG files in dir without a
// display, using Fyne's software renderer. svc must be over an empty data
// file: the first picture is the welcome offer, then the sample college is
// loaded and each screen is shown with it. It returns the files written.
func Screenshots(dir string, svc *app.Service) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	a := test.NewApp()
	Setup(a)
	// Fyne's test driver runs fyne.Do at once on the calling goroutine: the
	// notices of change wait here and are delivered after each step, as
	// the main loop would after each event.
	var queued []func()
	defer func(d func(func())) { deliver = d }(deliver)
	deliver = func(run func()) { queued = append(queued, run) }
	// Slow work (the dashboard's first check) done before the picture.
	defer func(b func(work, done func())) { inBackground = b }(inBackground)
	inBackground = func(work, done func()) { work(); done() }
	settle := func() {
		for len(queued) > 0 {
			run := queued[0]
			queued = queued[1:]
			run()
		}
	}
	w := NewMainWindow(a, svc)
	w.Win.Resize(ScreenshotSize)

	var written []string
	snap := func(name string) error {
		path := filepath.Join(dir, name+".png")
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := png.Encode(f, w.Win.Canvas().Capture()); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		written = append(written, path)
		return f.Close()
	}
	steps := []struct {
		name    string
		prepare func() error
	}{
		{"welcome", func() error { w.OfferSample(); return nil }},
		{"dashboard", func() error {
			dismissOverlays(w.Win)
			if err := svc.SampleOffered(); err != nil {
				return err
			}
			if err := svc.LoadSample(); err != nil {
				return err
			}
			settle()
			w.dashboard.table.Select(widgetCell(0))
			return nil
		}},
		{"dashboard-charts", func() error {
			w.dashboard.tabs.SelectIndex(1)
			return nil
		}},
		{"organizations", func() error {
			w.ShowModule("组织机构")
			return w.orgs.selectKind(data.KindSchoolUnion)
		}},
		{"departments", func() error {
			w.orgs.tabs.SelectIndex(1)
			return nil
		}},
		{"organization-errors", func() error {
			w.orgs.createUnder(w.orgs.selected)
			w.orgs.form.phone.SetText("1380013")
			w.orgs.form.founded.SetText("2020-02-30")
			w.orgs.form.save()
			return nil
		}},
		{"department-form", func() error {
			if err := w.orgs.selectKind(data.KindSchoolUnion); err != nil {
				return err
			}
			w.orgs.tabs.SelectIndex(1)
			w.orgs.depts.table.Select(widgetCell(2))
			w.orgs.depts.edit.OnTapped()
			return nil
		}},
		{"college-union", func() error {
			dismissOverlays(w.Win)
			return w.orgs.selectKind(data.KindCollegeUnion)
		}},
		{"roster", func() error {
			dismissOverlays(w.Win)
			w.ShowModule("学生骨干")
			return nil
		}},
		{"roster-flagged", func() error {
			f := w.roster.filters
			f.period.SetSelected(app.SemesterAt(svc.Today().Time()).Prev().Label())
			f.status.SetSelected(app.TextOf(app.RosterStatuses, data.RosterFlagged))
			return nil
		}},
		{"person", func() error {
			w.roster.table.Select(widgetCell(0))
			return nil
		}},
		{"exit", func() error {
			top := w.Win.Canvas().Overlays().Top()
			if top == nil {
				return fmt.Errorf("person dialog did not open")
			}
			lastPerson.tabs.SelectIndex(1)
			lastPerson.openExit()
			return nil
		}},
		{"roster-history", func() error {
			dismissOverlays(w.Win)
			f := w.roster.filters
			f.status.SetSelected(app.TextOf(app.RosterStatuses, data.RosterInPost))
			f.period.SetSelected(onADay)
			f.day.SetText(app.SampleHistoryDay(app.SemesterAt(svc.Today().Time())).String())
			tree, err := svc.OrgTree()
			if err != nil {
				return err
			}
			f.org.SetSelected(f.orgs.label(&tree.OfKinds(data.KindSchoolUnion)[0].ID))
			f.dept.SetSelected(app.Presidium)
			return nil
		}},
		{"assessment-grid", func() error {
			g := openAssessmentGrid(svc, w.Win)
			g.semester.SetSelected(app.SemesterAt(svc.Today().Time()).Prev().Label())
			g.dept.SetSelected("宣传部")
			return nil
		}},
		{"reviews", func() error {
			dismissOverlays(w.Win)
			r := openReviewDialog(svc, w.Win)
			r.semester.SetSelected(app.SemesterAt(svc.Today().Time()).Prev().Label())
			return nil
		}},
		{"import-preview", func() error {
			dismissOverlays(w.Win)
			plan, err := samplePreview(svc)
			if err != nil {
				return err
			}
			w.roster.showPreview(plan)
			return nil
		}},
		{"selection", func() error {
			dismissOverlays(w.Win)
			w.ShowModule("选拔")
			if len(w.selections.rounds) == 0 {
				return fmt.Errorf("the sample has no selection round")
			}
			w.selections.list.Select(0)
			return nil
		}},
		{"candidate", func() error {
			w.selections.row = 0
			w.selections.openCandidate(app.CandidateDraftOf(w.selections.cands[0]))
			return nil
		}},
		{"trainings", func() error {
			dismissOverlays(w.Win)
			w.ShowModule("培训与会议")
			if len(w.sessions.trainings.ids) == 0 {
				return fmt.Errorf("the sample has no training")
			}
			return nil
		}},
		{"attendance", func() error {
			openAttendance(svc, w.Win, app.Session{TrainingID: &w.sessions.trainings.ids[0]})
			return nil
		}},
		{"meetings", func() error {
			dismissOverlays(w.Win)
			w.sessions.tabs.SelectIndex(1)
			return nil
		}},
		{"congress", func() error {
			for i, c := range w.sessions.meetings.cells {
				if c[2] == app.TextOf(app.MeetingKinds, data.MeetingCongress) {
					w.sessions.editMeeting(w.sessions.meetings.ids[i])
					return nil
				}
			}
			return fmt.Errorf("the sample has no congress")
		}},
		{"congress-seats", func() error { return congressKitShot(w, 0) }},
		{"congress-delegates", func() error { return congressKitShot(w, 1) }},
		{"congress-election", func() error { return congressKitShot(w, 2) }},
		{"congress-proposals", func() error { return congressKitShot(w, 3) }},
		{"ledger", func() error {
			dismissOverlays(w.Win)
			w.ShowModule("整改台账")
			return nil
		}},
		{"ledger-item", func() error {
			for _, item := range w.ledger.items {
				if item.Status == data.RectClosed {
					d := openRect(svc, w.Win, item.ID)
					d.tabs.SelectIndex(1)
					return nil
				}
			}
			return fmt.Errorf("the sample has no closed item")
		}},
		{"reports", func() error {
			dismissOverlays(w.Win)
			w.ShowModule("报表")
			w.reports.list.Select(0)
			return nil
		}},
		{"report-selfcheck", func() error {
			w.reports.list.Select(8)
			return nil
		}},
		{"settings", func() error {
			dismissOverlays(w.Win)
			w.ShowModule("系统设置")
			return nil
		}},
		{"settings-database", func() error {
			db := w.settings.database
			db.choice.SetSelected(choiceServer)
			db.server.host.SetText("10.20.0.15")
			db.server.database.SetText("tuanxue")
			db.server.user.SetText("tuanwei_jidian")
			scroll := w.settings.root
			scroll.Offset = fyne.NewPos(0, db.card.Position().Y-8)
			scroll.Refresh()
			return nil
		}},
		{"settings-about", func() error {
			w.settings.root.ScrollToBottom()
			return nil
		}},
		{"bin", func() error {
			tree, err := svc.OrgTree()
			if err != nil {
				return err
			}
			var last app.Organization
			tree.Walk(func(o app.Organization, _ int) { last = o })
			if err := svc.DeleteOrganization(last.ID); err != nil {
				return err
			}
			settle()
			w.ShowModule("回收站")
			w.bin.table.Select(widgetCell(0))
			return nil
		}},
		{"log", func() error {
			// The union deleted for the picture of the bin comes back, so the
			// folder ends as the sample college (tests export it afterwards).
			bin, err := svc.Bin()
			if err != nil || len(bin) == 0 {
				return fmt.Errorf("the bin is empty after a deletion: %v", err)
			}
			if err := svc.RestoreFromBin(bin[0]); err != nil {
				return err
			}
			settle()
			w.ShowModule("操作日志")
			w.log.table.table.Select(widgetCell(0))
			return nil
		}},
		{"person-recommendations", func() error {
			dismissOverlays(w.Win)
			recs, err := svc.Recommendations()
			if err != nil || len(recs) == 0 {
				return fmt.Errorf("no sample 推优 records: %v", err)
			}
			openPersonDialog(svc, w.Win, recs[0].PersonID).tabs.SelectIndex(5)
			return nil
		}},
		{"org-evidence", func() error {
			dismissOverlays(w.Win)
			w.ShowModule("组织机构")
			if err := w.orgs.selectKind(data.KindSchoolUnion); err != nil {
				return err
			}
			w.orgs.tabs.SelectIndex(2)
			return w.orgs.checks.selectCheck("congress_held")
		}},
	}
	for i, st := range steps {
		if err := st.prepare(); err != nil {
			return written, fmt.Errorf("screenshot %s: %w", st.name, err)
		}
		settle()
		if err := snap(fmt.Sprintf("%02d-%s", i+1, st.name)); err != nil {
			return written, err
		}
	}
	return written, nil
}

// samplePreview checks a small invented roster with the mistakes teachers
// make, for the picture of the import preview.
func samplePreview(svc *app.Service) (*importer.Plan, error) {
	t := importer.Generate(importer.Spec{Colleges: []string{"机电工程学院", "信息工程学院"}, SchoolUnion: "校学生会",
		SchoolDepts: []string{"学习部", "宣传部"}, CollegeDepts: []string{"学习部", "宣传部"}, Cadres: 24, Seed: 7,
		Year: app.SemesterAt(svc.Today().Time()).StartYear})
	t.Rows[3].Cells[1] = "2.02401E+11"
	t.Rows[5].Cells[8] = "少先队员"
	t.Rows[7].Cells[10], t.Rows[7].Cells[11], t.Rows[7].Cells[12] = "摄影协会", "", "会长"
	t.Rows[9].Cells[1] = t.Rows[8].Cells[1]
	return importer.Make(svc, t, importer.Options{CreateMissing: true})
}

func dismissOverlays(win fyne.Window) {
	for win.Canvas().Overlays().Top() != nil {
		win.Canvas().Overlays().Remove(win.Canvas().Overlays().Top())
	}
}

// congressKitShot shows one tab of the sample congress's kit, alone.
func congressKitShot(w *MainWindow, tab int) error {
	dismissOverlays(w.Win)
	for i, c := range w.sessions.meetings.cells {
		if c[2] == app.TextOf(app.MeetingKinds, data.MeetingCongress) {
			if k := openCongressKit(w.svc, w.Win, w.sessions.meetings.ids[i]); k != nil {
				k.tabs.SelectIndex(tab)
				return nil
			}
		}
	}
	return fmt.Errorf("the sample has no congress kit")
}
