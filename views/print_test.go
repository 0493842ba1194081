package views

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestPrintingWithoutAPDFViewerOffersToSave: where nothing opens PDFs, 打印
// says so in Chinese and offers 另存为 PDF.
func TestPrintingWithoutAPDFViewerOffersToSave(t *testing.T) {
	defer func(o func(string) error) { openFile = o }(openFile)
	openFile = func(string) error { return errors.New(`exec: "xdg-open": executable file not found in $PATH`) }
	w, _ := sampleUI(t)
	w.ShowModule("报表")
	w.reports.list.Select(0)
	w.reports.print()
	d := topDialog(t, w.Win)
	text := strings.Join(labelsUnder(d), "")
	if strings.Contains(text, "exec") || !strings.Contains(text, "PDF") {
		t.Fatalf("the message says %q", text)
	}
	test.Tap(findButton(t, d, "另存为 PDF…"))
	if top := topDialog(t, w.Win); top == d {
		t.Fatal("另存为 PDF… did not ask where to save")
	}
}

// TestOldPrintFoldersAreRemoved: the temporary folders of earlier prints
// do not pile up.
func TestOldPrintFoldersAreRemoved(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	old := filepath.Join(tmp, "tuanxue-print-old")
	if err := os.MkdirAll(old, 0o700); err != nil {
		t.Fatal(err)
	}
	day := time.Now().Add(-25 * time.Hour)
	os.Chtimes(old, day, day)
	w, _ := sampleUI(t)
	w.ShowModule("报表")
	w.reports.list.Select(0)
	defer func(o func(string) error) { openFile = o }(openFile)
	openFile = func(string) error { return nil }
	w.reports.print()
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Fatal("an old print folder is still there")
	}
	left, _ := filepath.Glob(filepath.Join(tmp, "tuanxue-print-*"))
	if len(left) != 1 {
		t.Fatalf("print folders: %v", left)
	}
}
