package views

import (
	"archive/zip"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
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
