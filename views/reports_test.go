package views

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"

	"tuanxue/app/reports"
)

func TestReportsScreenShowsEveryReport(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.ShowModule("报表")
	s := w.reports
	for i, r := range reports.All {
		s.list.Select(i)
		if s.doc.Title == "" || !strings.Contains(s.title.Text, s.doc.Title) {
			t.Fatalf("%s: title %q", r.Name, s.title.Text)
		}
		if len(s.preview.Objects) != 1 {
			t.Fatalf("%s: nothing previewed", r.Name)
		}
		if r.Name == "assessment" {
			if tabs, ok := s.preview.Objects[0].(*container.AppTabs); !ok || len(tabs.Items) != 2 {
				t.Fatal("a two-table report should show two tabs")
			}
		}
	}
	// 打印 writes the PDF the viewer opens.
	s.list.Select(0)
	path, err := printFile(s.doc)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("print file %s: %v", path, err)
	}
	os.RemoveAll(path)
}
