package views

import (
	"archive/zip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tuanxue/app/reports"
)

// 导出迎检材料… on the reports screen writes the binder of the chosen
// semester's school year where the teacher says, and tells what it holds.
func TestReportsScreenExportsTheBinder(t *testing.T) {
	w, svc := newTestUI(t)
	useDataFolder(t, svc.Store().Dir())
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.ShowModule("报表")
	folder := t.TempDir()
	test.Tap(findButton(t, w.reports.root, "导出迎检材料…"))
	fillSaveDialog(t, w.Win, folder, "迎检材料")
	done := labelsUnder(topDialog(t, w.Win))
	if !slices.ContainsFunc(done, func(l string) bool { return strings.Contains(l, "个学生会") }) {
		t.Fatalf("after the export: %q", done)
	}
	z, err := zip.OpenReader(filepath.Join(folder, "迎检材料.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	if len(z.File) < 20 || z.File[0].Name != "目录.pdf" {
		t.Errorf("%d entries, first %s", len(z.File), z.File[0].Name)
	}
}

// 导出网页… shows with the public disclosure only, and writes its page.
func TestReportsScreenExportsTheDisclosurePage(t *testing.T) {
	w, svc := newTestUI(t)
	useDataFolder(t, svc.Store().Dir())
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.ShowModule("报表")
	s := w.reports
	for i, r := range reports.All {
		s.list.Select(i)
		if s.html.Visible() != (r.Name == "disclosure") {
			t.Errorf("%s: 导出网页 visible %v", r.Name, s.html.Visible())
		}
		if r.Name != "disclosure" {
			continue
		}
		folder := t.TempDir()
		test.Tap(s.html)
		fillSaveDialog(t, w.Win, folder, "改革情况公开")
		b, err := os.ReadFile(filepath.Join(folder, "改革情况公开.html"))
		if err != nil || !strings.Contains(string(b), "改革情况公开如下") {
			t.Errorf("page: %v %.200q", err, b)
		}
		if top := w.Win.Canvas().Overlays().Top(); top != nil {
			top.Hide()
		}
	}
}
