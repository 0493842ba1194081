package views

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

// useDataFolder sets the folder the save dialog protects for one test.
func useDataFolder(t *testing.T, dir string) {
	old := dataFolder
	SetDataFolder(dir)
	t.Cleanup(func() { SetDataFolder(old) })
}

// fillSaveDialog types a folder and a name into the open save dialog and
// taps 保存.
func fillSaveDialog(t *testing.T, w fyne.Window, folder, name string) {
	t.Helper()
	d := topDialog(t, w)
	var entries []*widget.Entry
	for _, o := range test.LaidOutObjects(d) {
		if e, ok := o.(*widget.Entry); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) != 2 {
		t.Fatalf("save dialog with %d entries", len(entries))
	}
	entries[0].SetText(folder)
	entries[1].SetText(name)
	test.Tap(findButton(t, d, "保存"))
}

var sampleTable = func() (report.Table, error) {
	return report.Table{Title: "名册", Columns: []report.Column{{Title: "姓名"}}, Rows: [][]string{{"张三"}}}, nil
}

// TestSaveDialogRefusesTheDataFolder: the window's exports, like the
// command line's, never go over the data file or into backups.
func TestSaveDialogRefusesTheDataFolder(t *testing.T) {
	w, svc := newTestUI(t)
	dir := svc.Store().Dir()
	useDataFolder(t, dir)
	before, _ := os.ReadFile(filepath.Join(dir, data.FileName))
	for _, c := range []struct{ folder, name string }{
		{dir, data.FileName},
		{filepath.Join(dir, data.BackupDir), "名册.db"},
		{dir, ""}, // the folder itself: the name is required
	} {
		chosen := false
		saveAs(w.Win, "备份.db", func(string) { chosen = true })
		fillSaveDialog(t, w.Win, c.folder, c.name)
		if c.name == "" {
			if topDialog(t, w.Win) == nil || chosen {
				t.Error("saved without a name")
			}
			w.Win.Canvas().Overlays().Top().Hide()
			continue
		}
		if chosen || !slices.ContainsFunc(labelsUnder(topDialog(t, w.Win)), func(l string) bool { return strings.Contains(l, "不能写到") }) {
			t.Errorf("%s/%s: chosen %v, %q", c.folder, c.name, chosen, labelsUnder(topDialog(t, w.Win)))
		}
		w.Win.Canvas().Overlays().Top().Hide()
	}
	if after, _ := os.ReadFile(filepath.Join(dir, data.FileName)); string(after) != string(before) {
		t.Error("the data file changed")
	}
}

// TestExportAsksBeforeReplacing: an existing file is replaced only after
// 替换; 取消 leaves it as it was.
func TestExportAsksBeforeReplacing(t *testing.T) {
	w, svc := newTestUI(t)
	useDataFolder(t, svc.Store().Dir())
	folder := t.TempDir()
	path := filepath.Join(folder, "名册.xlsx")
	os.WriteFile(path, []byte("老师的旧文件"), 0o644)

	exportXLSX(w.Win, "名册.xlsx", sampleTable)
	fillSaveDialog(t, w.Win, folder, "名册")
	ask := topDialog(t, w.Win)
	findButton(t, ask, "替换")
	test.Tap(findButton(t, ask, "取消"))
	if b, _ := os.ReadFile(path); string(b) != "老师的旧文件" {
		t.Fatal("取消 replaced the file")
	}

	exportXLSX(w.Win, "名册.xlsx", sampleTable)
	fillSaveDialog(t, w.Win, folder, "名册.xlsx")
	test.Tap(findButton(t, topDialog(t, w.Win), "替换"))
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "PK") {
		t.Fatalf("替换 did not write the spreadsheet: %q", b[:min(len(b), 20)])
	}
	if labels := labelsUnder(topDialog(t, w.Win)); !slices.Contains(labels, "已保存到：\n"+path) {
		t.Errorf("after the export: %q", labels)
	}
	if files, _ := os.ReadDir(folder); len(files) != 1 {
		t.Errorf("left in the folder: %v", files)
	}
}

// TestPanicInAnExportIsAMessage: the window stays, says what happened in
// Chinese and logs the stack in crash.log; no file is written.
func TestPanicInAnExportIsAMessage(t *testing.T) {
	w, svc := newTestUI(t)
	dir := svc.Store().Dir()
	useDataFolder(t, dir)
	folder := t.TempDir()
	exportXLSX(w.Win, "名册.xlsx", func() (report.Table, error) { panic("表格生成时的内部错误") })
	fillSaveDialog(t, w.Win, folder, "名册.xlsx")
	if labels := labelsUnder(topDialog(t, w.Win)); !slices.ContainsFunc(labels, func(l string) bool {
		return strings.Contains(l, "程序内部出错，没有保存任何改动；详情已记入 crash.log")
	}) {
		t.Errorf("dialog says %q", labels)
	}
	if files, _ := os.ReadDir(folder); len(files) != 0 {
		t.Errorf("left in the folder: %v", files)
	}
	log, err := os.ReadFile(filepath.Join(dir, app.CrashLog))
	if err != nil || !strings.Contains(string(log), "表格生成时的内部错误") || !strings.Contains(string(log), "goroutine") {
		t.Errorf("crash.log: %v %q", err, log)
	}
}

// TestBackgroundWorkThatPanicsDoesNotEndTheProgram: the last resort for
// work that does not guard itself: logged and shown, done not run.
func TestBackgroundWorkThatPanicsDoesNotEndTheProgram(t *testing.T) {
	w, svc := newTestUI(t)
	dir := svc.Store().Dir()
	useDataFolder(t, dir)
	doneRan := false
	runGuarded(func() { panic("后台的内部错误") }, func() { doneRan = true })
	if log, _ := os.ReadFile(filepath.Join(dir, app.CrashLog)); !strings.Contains(string(log), "后台的内部错误") {
		t.Errorf("crash.log: %q", log)
	}
	if labels := labelsUnder(topDialog(t, w.Win)); !slices.ContainsFunc(labels, func(l string) bool { return strings.Contains(l, "程序内部出错") }) {
		t.Errorf("the window says %q", labels)
	}
	if doneRan {
		t.Error("done ran after a panic")
	}
	ok := false
	runGuarded(func() {}, func() { ok = true })
	if !ok {
		t.Error("done did not run after work that went well")
	}
}
