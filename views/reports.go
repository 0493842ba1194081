package views

import (
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/app/reports"
	"tuanxue/data"
)

// reportsScreen is 报表: the reports on the left; the chosen one on screen
// with its filters, ready to export or print.
type reportsScreen struct {
	svc       *app.Service
	win       fyne.Window
	list      *widget.List
	chosen    int
	html      *widget.Button // 导出网页…, for the public disclosure only
	semesters []app.Semester
	semester  *widget.Select
	orgs      choices
	org       *widget.Select
	doc       report.Document
	title     *widget.Label
	preview   *fyne.Container
	root      fyne.CanvasObject
}

func newReportsScreen(svc *app.Service, win fyne.Window) *reportsScreen {
	s := &reportsScreen{svc: svc, win: win, chosen: -1, title: widget.NewLabel("请在左侧选择报表。"), preview: container.NewStack()}
	s.title.TextStyle = fyne.TextStyle{Bold: true}
	s.title.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(func() int { return len(reports.All) },
		func() fyne.CanvasObject { return widget.NewLabel("学生会组织规模统计表") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(reports.All[i].Title) })
	s.list.OnSelected = func(i widget.ListItemID) {
		s.chosen = i
		s.reload()
	}
	settings, _ := svc.Settings()
	s.semesters = app.SemesterChoices(app.SemesterAt(svc.Today().Time()), settings.Semester)
	labels := semesterLabels(s.semesters)
	tree, _ := svc.OrgTree()
	s.orgs = orgChoices(tree, allOrgs, func(o app.Organization) bool { return o.Status == data.StatusActive })
	s.semester = newChoice(labels, func(string) { s.reload() })
	s.org = newChoice(s.orgs.labels, func(string) { s.reload() })
	// The disclosure goes on the League committee's website: one page of
	// text tables to paste into its editor.
	s.html = widget.NewButtonWithIcon("导出网页…", theme.DocumentSaveIcon(), func() { s.export("html") })
	s.html.Hide()
	buttons := container.NewHBox(
		widget.NewButtonWithIcon("导出 PDF…", theme.DocumentSaveIcon(), func() { s.export("pdf") }),
		widget.NewButtonWithIcon("导出 Excel…", theme.DownloadIcon(), func() { s.export("xlsx") }),
		widget.NewButtonWithIcon("导出 Word…", theme.DocumentIcon(), func() { s.export("docx") }),
		widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), s.print),
		s.html,
		widget.NewButtonWithIcon("导出迎检材料…", theme.FolderIcon(), s.exportBinder))
	top := container.NewVBox(container.NewGridWithColumns(2, s.semester, s.org), buttons, s.title)
	split := container.NewHSplit(s.list, container.NewPadded(container.NewBorder(top, nil, nil, nil, s.preview)))
	split.Offset = 0.22
	s.root = split
	s.org.SetSelected(allOrgs)
	s.semester.SetSelected(settings.Semester.Label())
	return s
}

func (s *reportsScreen) object() fyne.CanvasObject { return s.root }

// show opens a report (by its command-line name) for a semester.
func (s *reportsScreen) show(name, semester string) {
	if sem, err := app.ParseSemester(semester); err == nil {
		s.semester.SetSelected(sem.Label())
	}
	for i, r := range reports.All {
		if r.Name == name {
			s.list.Select(i)
		}
	}
}

func (s *reportsScreen) options() reports.Options {
	o := reports.Options{}
	o.Semester, _ = semesterLabeled(s.semesters, s.semester.Selected)
	if id := s.orgs.id(s.org.Selected); id != nil {
		o.OrganizationID = *id
	}
	return o
}

// refresh makes the report on view again after records changed.
func (s *reportsScreen) refresh() {
	reloadOrgChoice(s.svc, &s.orgs, s.org, allOrgs)
	s.reload()
}

// reload makes the chosen report and shows it: its tables, or its text.
func (s *reportsScreen) reload() {
	if s.chosen < 0 || s.semester.Selected == "" || s.org.Selected == "" {
		return
	}
	var doc report.Document
	err := app.Guard(dataFolder, func() (err error) {
		doc, err = reports.All[s.chosen].Make(s.svc, s.options())
		return err
	})
	if err != nil {
		showError(err, s.win)
		return
	}
	s.doc = doc
	if reports.All[s.chosen].Name == "disclosure" {
		s.html.Show()
	} else {
		s.html.Hide()
	}
	s.title.SetText(doc.Title + "\n" + doc.Subtitle)
	var view fyne.CanvasObject
	switch {
	case len(doc.Paragraphs) > 0:
		box := container.NewVBox()
		for _, p := range doc.Paragraphs {
			l := widget.NewLabel(p.Text)
			l.Wrapping = fyne.TextWrapWord
			if p.Heading {
				l.TextStyle = fyne.TextStyle{Bold: true}
			}
			box.Add(l)
		}
		view = container.NewVScroll(box)
	case len(doc.Sections) == 1:
		view = sectionTable(doc.Sections[0])
	default:
		tabs := container.NewAppTabs()
		for i, sec := range doc.Sections {
			name := sec.Caption
			if name == "" {
				name = "表" + itoa(i+1)
			}
			tabs.Append(container.NewTabItem(name, sectionTable(sec)))
		}
		view = tabs
	}
	s.preview.Objects = []fyne.CanvasObject{view}
	s.preview.Refresh()
}

func sectionTable(sec report.Section) *wrapTable {
	return newWrapTable(sec.Columns, func() int { return len(sec.Rows) }, func(r, c int) (string, bool) {
		if c >= len(sec.Rows[r]) {
			return "", false
		}
		return sec.Rows[r][c], r < len(sec.Alerts) && sec.Alerts[r]
	})
}

// export asks where to save the report in a format and writes it off the
// UI thread (see exportXLSX).
func (s *reportsScreen) export(format string) {
	if s.chosen < 0 {
		return
	}
	doc := s.doc
	saveAs(s.win, doc.Title+"."+format, func(path string) {
		exportTo(s.win, path, func(w io.Writer) error { return reports.Write(w, doc, format) })
	})
}

// print writes the PDF to a temporary file and opens it in the system's
// viewer, from which the teacher prints: Fyne has no print API.
func (s *reportsScreen) print() {
	if s.chosen < 0 {
		return
	}
	var path string
	err := app.Guard(dataFolder, func() (err error) {
		path, err = printFile(s.doc)
		return err
	})
	if err != nil {
		showError(err, s.win)
		return
	}
	if openFile(path) != nil {
		d := dialog.NewConfirm("没法直接打印", "这台电脑上没有找到能打开 PDF 的程序，所以没法直接打印。\n"+
			"可以把报表另存为 PDF，再用装有 PDF 阅读器的电脑打开打印。", func(save bool) {
			if save {
				s.export("pdf")
			}
		}, s.win)
		d.SetConfirmText("另存为 PDF…")
		d.SetDismissText("关闭")
		showDialog(d, s.win, nil, nil)
	}
}

// printFile writes a document's PDF into a folder of its own in the
// temporary folder. The viewer reads it after we return, so the folder
// stays; those of prints more than a day old are removed first.
func printFile(doc report.Document) (string, error) {
	removeOldPrints()
	dir, err := os.MkdirTemp("", "tuanxue-print-")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, doc.Title+".pdf")
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	if err := report.WritePDF(f, doc); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}

// removeOldPrints deletes the print folders older than a day.
func removeOldPrints() {
	old, _ := filepath.Glob(filepath.Join(os.TempDir(), "tuanxue-print-*"))
	for _, dir := range old {
		if st, err := os.Stat(dir); err == nil && st.IsDir() && time.Since(st.ModTime()) > 24*time.Hour {
			os.RemoveAll(dir)
		}
	}
}
