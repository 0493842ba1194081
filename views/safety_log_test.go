package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"tuanxue/app"
	"tuanxue/app/importer"
)

// TestLogReadsAsATeacherWould: 操作日志 shows the whole time, names the
// record (also a deleted one) instead of its internal number, and an
// import as one line with its counts; the 回收站 says what a deleted
// union took with it and that restoring brings it back.
func TestLogReadsAsATeacherWould(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	tree, err := svc.OrgTree()
	if err != nil {
		t.Fatal(err)
	}
	var union app.Organization
	tree.Walk(func(o app.Organization, _ int) {
		if o.Name == "信息工程学院学生会" {
			union = o
		}
	})
	if err := svc.DeleteOrganization(union.ID); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "名册.csv")
	csv := "姓名,学号,所属组织,部门,职务\n新甲,2020201,校学生会,学习部,干事\n新乙,2020202,校学生会,学习部,干事\n新丙,2020203,校学生会,学习部,干事\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	table, err := importer.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := importer.Make(svc, table, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := importer.Apply(svc, plan); err != nil {
		t.Fatal(err)
	}
	settle()

	w.ShowModule("操作日志")
	l := w.log
	for _, c := range app.LogColumns {
		if c.Title == "编号" {
			t.Error("the log shows internal numbers (编号)")
		}
	}
	timeWidth := fyne.MeasureText("2020-10-15 10:00:00", theme14, fyne.TextStyle{}).Width
	if got := l.table.widths[0]; got < timeWidth+16 {
		t.Errorf("时间 column %.0f px, the time needs %.0f", got, timeWidth+16)
	}
	content := len(app.LogColumns) - 1
	imports, deleted := 0, false
	for i, c := range l.cells {
		line := strings.Join(c, " ")
		if c[2] == "导入" {
			imports++
			if !strings.Contains(line, "新增 3 人") {
				t.Errorf("import line %q lacks its count", line)
			}
		}
		if c[2] == "删除" && c[3] == "组织" && strings.Contains(c[content], "信息工程学院学生会") {
			deleted = true
		}
		if c[content] == "" || strings.HasSuffix(c[content], " 条") && i < 10 {
			t.Errorf("line %d says nothing of what: %q", i, line)
		}
	}
	if imports != 1 {
		t.Errorf("%d import lines", imports)
	}
	if !deleted {
		t.Errorf("no line names the deleted union: %q", l.cells[:min(8, len(l.cells))])
	}

	w.ShowModule("回收站")
	b := w.bin
	for i, e := range b.entries {
		if e.Label == "信息工程学院学生会" {
			b.table.Select(widgetCell(i))
		}
	}
	if note := b.note.Text; !strings.Contains(note, "任职") || !strings.Contains(note, "恢复") || !strings.Contains(note, "部门") {
		t.Errorf("bin says %q about the union", note)
	}
}
