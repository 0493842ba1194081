package views

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestFileDialogsSpeakChineseAndRemember: the file dialogs name their
// places in Chinese, fill most of the window, and open in the folder last
// used for the same purpose (exports, evidence, backups), not wherever the
// last dialog was.
func TestFileDialogsSpeakChineseAndRemember(t *testing.T) {
	w, _ := newTestUI(t)
	w.Win.Resize(fyne.NewSize(1024, 700))
	backups, evidence := t.TempDir(), t.TempDir()
	rememberFolder(purposeBackups, filepath.Join(backups, "团学台账备份-20201015.db"))
	rememberFolder(purposeEvidence, filepath.Join(evidence, "整改说明.docx"))

	openFileFor(w.Win, purposeBackups, "选择要恢复的备份", []string{".db"}, func(string) {})
	d := topDialog(t, w.Win)
	var texts []string
	walkShown(d, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *widget.Button:
			texts = append(texts, x.Text)
		}
	})
	all := strings.Join(texts, "|")
	for _, english := range []string{"Home", "Computer", "Open", "File", "Cancel"} {
		for _, s := range texts {
			if s == english || strings.HasPrefix(s, english+" ") {
				t.Errorf("file dialog says %q: %s", english, all)
			}
		}
	}
	for _, want := range []string{"主文件夹", "选择要恢复的备份", filepath.Base(backups)} {
		if !strings.Contains(all, want) {
			t.Errorf("file dialog lacks %q: %s", want, all)
		}
	}
	if size := d.Size(); size.Width < 800 || size.Height < 560 {
		t.Errorf("file dialog %v in a 1024 × 700 window", size)
	}
	w.Win.Canvas().Overlays().Remove(d)

	openFileFor(w.Win, purposeEvidence, "添加佐证材料", nil, func(string) {})
	all = ""
	walkShown(topDialog(t, w.Win), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			all += b.Text + "|"
		}
	})
	if !strings.Contains(all, filepath.Base(evidence)) || strings.Contains(all, filepath.Base(backups)) {
		t.Errorf("evidence dialog opened elsewhere: %s", all)
	}
}

// TestEveryFileDialogGoesThroughOne: Fyne's own file dialogs say "Home"
// and "打开 文件"; every screen opens ours (the import of a roster did not).
func TestEveryFileDialogGoesThroughOne(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if name == "filedialog.go" || strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, call := range []string{"dialog.NewFileOpen", "dialog.NewFileSave", "dialog.NewFolderOpen",
			"dialog.ShowFileOpen", "dialog.ShowFileSave", "dialog.ShowFolderOpen"} {
			if strings.Contains(string(b), call) {
				t.Errorf("%s calls %s: use openFileFor and its kin in filedialog.go", name, call)
			}
		}
	}
}

// TestSystemDialogChoiceCancelAndFailure: while the system's dialog is
// open a notice covers the window; a choice reaches the screen, a cancel
// does nothing, and a failure of the system's dialog opens Fyne's instead.
func TestSystemDialogChoiceCancelAndFailure(t *testing.T) {
	w, _ := newTestUI(t)
	for _, c := range []struct {
		name             string
		path             string
		err              error
		chosen, fellBack bool
	}{
		{"choice", "/home/老师/名册.xlsx", nil, true, false},
		{"cancel", "", nil, false, false},
		{"failure", "", errors.New("CommDlgExtendedError: 0x3002"), false, true},
	} {
		var chosen string
		fellBack := false
		shown := false
		runNative(w.Win, func() (string, error) {
			shown = w.Win.Canvas().Overlays().Top() != nil
			return c.path, c.err
		}, func(p string) { chosen = p }, func() { fellBack = true })
		if !shown {
			t.Errorf("%s: no notice covered the window while the system's dialog was open", c.name)
		}
		if top := w.Win.Canvas().Overlays().Top(); top != nil && top.Visible() {
			t.Errorf("%s: the notice stayed after the system's dialog closed", c.name)
		}
		if (chosen != "") != c.chosen || (c.chosen && chosen != c.path) || fellBack != c.fellBack {
			t.Errorf("%s: chosen %q, fell back %v", c.name, chosen, fellBack)
		}
	}
}

// TestSystemDialogFilter: the roster filter lists each extension once, as
// a system dialog wants them, and names them in Chinese.
func TestSystemDialogFilter(t *testing.T) {
	got := extensionPatterns([]string{".xlsx", ".csv", ".XLSX", ".CSV"})
	if strings.Join(got, ",") != "xlsx,csv" {
		t.Errorf("patterns %v", got)
	}
	if name := filterName(got); name != "支持的文件（*.xlsx; *.csv）" {
		t.Errorf("filter name %q", name)
	}
}
