package views

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"tuanxue/app"
	"tuanxue/app/importer"
	"tuanxue/data"
)

// previewRoster is a roster over the sample college, in a workbook with a
// second sheet (which the reader says it left out) and a column the
// program does not use (said too): a look-alike of the
// school union, a new club, a title the rules forbid, a bad row and a
// look-alike of a college union.
var previewRoster = [][]any{
	{"姓名", "学号", "所属组织", "部门", "职务", "备注"},
	{"新甲", "2020201", "潮汕职业技术学院学生会", "宣传部", "干事"},
	{"新乙", "2020202", "摄影协会", "", "会长"},
	{"新丙", "2020203", "校学生会", "学习部", "部长助理"},
	{"坏行", "", "校学生会", "学习部", "干事"},
	{"新丁", "2020204", "机电学院学生会", "学习部", "干事"},
}

func openPreview(t *testing.T) (*MainWindow, *app.Service, fyne.CanvasObject, *importer.Table) {
	t.Helper()
	w, svc, s := rosterUI(t)
	f := excelize.NewFile()
	for i, row := range previewRoster {
		f.SetSheetRow("Sheet1", "A"+strconv.Itoa(i+1), &row)
	}
	f.NewSheet("旧名册")
	f.SetSheetRow("旧名册", "A1", &[]any{"姓名", "学号"})
	f.SetSheetRow("旧名册", "A2", &[]any{"旧人", "2019001"})
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	table, err := importer.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s.previewFile(path)
	return w, svc, topDialog(t, w.Win), table
}

func selectOffering(t *testing.T, o fyne.CanvasObject, option string) *widget.Select {
	t.Helper()
	for _, s := range selectsUnder(o) {
		if slices.Contains(s.Options, option) {
			return s
		}
	}
	t.Fatalf("no choice offers %q", option)
	return nil
}

// unknownLine is the line of the preview about one unknown name.
func unknownLine(t *testing.T, o fyne.CanvasObject, name string) fyne.CanvasObject {
	t.Helper()
	var best fyne.CanvasObject
	bestLabels := 0
	for _, obj := range test.LaidOutObjects(o) {
		c, ok := obj.(*fyne.Container)
		if !ok || len(selectsUnder(c)) == 0 {
			continue
		}
		labels := labelsUnder(c)
		if slices.ContainsFunc(labels, func(l string) bool { return strings.HasPrefix(l, "名册中的“"+name+"”") }) &&
			(best == nil || len(labels) < bestLabels) {
			best, bestLabels = c, len(labels)
		}
	}
	if best == nil {
		t.Fatalf("no line about %q", name)
	}
	return best
}

func checkUnder(t *testing.T, o fyne.CanvasObject, text string) *widget.Check {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if c, ok := obj.(*widget.Check); ok && c.Text == text {
			return c
		}
	}
	t.Fatalf("no check box %q", text)
	return nil
}

func tableUnder(t *testing.T, o fyne.CanvasObject) *widget.Table {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if tb, ok := obj.(*widget.Table); ok {
			return tb
		}
	}
	t.Fatal("no table")
	return nil
}

// TestImportPreviewAsksAboutUnknownOrganizations: the preview says what the
// reader left out, asks about each unknown organization (a look-alike of
// the school union is never created unasked), marks rows refused and with
// warnings, filters to them, and writes what the teacher chose.
func TestImportPreviewAsksAboutUnknownOrganizations(t *testing.T) {
	w, svc, d, table := openPreview(t)
	labels := strings.Join(labelsUnder(d), "|")
	for _, want := range []string{
		"共 5 行：可导入 2 行（新增 2 人，更新 0 人，新任职 2 项），有问题 3 行；可导入的行中有 1 行带提醒",
		"将新建：组织“摄影协会”（学生社团）",
		"名册中的“潮汕职业技术学院学生会”（第 2 行）可能就是已有的“校学生会”",
		"名册中的“机电学院学生会”（第 6 行）可能就是已有的“机电工程学院学生会”",
	} {
		if !strings.Contains(labels, want) {
			t.Errorf("the preview does not say %q:\n%s", want, labels)
		}
	}
	if len(table.Notices) == 0 || !strings.Contains(labels, "读取文件时请注意：\n"+table.Notices[0]) ||
		!strings.Contains(labels, "\n未使用的列：备注") {
		t.Errorf("the reader's notices %q are not shown:\n%s", table.Notices, labels)
	}
	if rows, _ := tableUnder(t, d).Length(); rows != 5 {
		t.Errorf("%d rows listed", rows)
	}
	test.Tap(checkUnder(t, d, "只看问题行"))
	if rows, _ := tableUnder(t, d).Length(); rows != 4 {
		t.Errorf("只看问题行 lists %d rows, want 3 refused and 1 with a warning", rows)
	}

	selectOffering(t, unknownLine(t, d, "潮汕职业技术学院学生会"), "就是已有的“校学生会”").SetSelected("就是已有的“校学生会”")
	selectOffering(t, unknownLine(t, d, "机电学院学生会"), choiceSkip).SetSelected(choiceSkip)
	labels = strings.Join(labelsUnder(d), "|")
	if !strings.Contains(labels, "可导入 3 行（新增 3 人，更新 0 人，新任职 3 项），有问题 2 行") {
		t.Fatalf("after the choices:\n%s", labels)
	}
	if rows, _ := tableUnder(t, d).Length(); rows != 3 {
		t.Errorf("只看问题行 lists %d rows after the choices", rows)
	}
	test.Tap(findButton(t, d, "确认导入 3 行"))

	if got := postsIn(t, svc, "2020201"); !slices.Equal(got, []string{"校学生会/宣传部/干事"}) {
		t.Errorf("新甲: %v", got)
	}
	if _, err := svc.Store().PersonByStudentNo("2020204"); !data.IsNotFound(err) {
		t.Errorf("the rows left out were written: %v", err)
	}
	tree, _ := svc.OrgTree()
	if n := len(tree.OfKinds(data.KindSchoolUnion)); n != 1 {
		t.Errorf("%d school unions", n)
	}
	_ = w
}

// TestImportPreviewCreatesWhatTheTeacherChooses: 新建 with a kind chosen
// makes that organization, and a name the rules refuse is said.
func TestImportPreviewCreatesWhatTheTeacherChooses(t *testing.T) {
	_, svc, d, _ := openPreview(t)
	selectOffering(t, unknownLine(t, d, "机电学院学生会"), choiceCreate).SetSelected(choiceCreate)
	kinds := selectOffering(t, unknownLine(t, d, "机电学院学生会"), "二级学院学生会")
	if kinds.Selected != "二级学院学生会" {
		t.Errorf("the kind offered is %q", kinds.Selected)
	}
	selectOffering(t, unknownLine(t, d, "机电学院学生会"), "机电工程学院团委（团委）").SetSelected("机电工程学院团委（团委）")
	selectOffering(t, unknownLine(t, d, "潮汕职业技术学院学生会"), choiceSkip).SetSelected(choiceSkip)
	labels := strings.Join(labelsUnder(d), "|")
	if !strings.Contains(labels, "组织“机电学院学生会”（二级学院学生会）") {
		t.Fatalf("after 新建:\n%s", labels)
	}
	test.Tap(findButton(t, d, "确认导入 3 行"))
	tree, _ := svc.OrgTree()
	var found bool
	for _, o := range tree.OfKinds(data.KindCollegeUnion) {
		if o.Name == "机电学院学生会" {
			p, _ := tree.Get(*o.ParentID)
			found = p.Name == "机电工程学院团委"
		}
	}
	if !found {
		t.Error("机电学院学生会 not created under 机电工程学院团委")
	}
	if n := len(tree.OfKinds(data.KindSchoolUnion)); n != 1 {
		t.Errorf("%d school unions", n)
	}
}

func postsIn(t *testing.T, svc *app.Service, no string) []string {
	t.Helper()
	p, err := svc.Store().PersonByStudentNo(no)
	if err != nil {
		t.Fatalf("%s: %v", no, err)
	}
	as, _ := svc.Appointments(p.ID)
	var out []string
	for _, a := range as {
		o, _ := svc.Store().Organization(a.OrganizationID)
		dept := ""
		if a.DepartmentID != nil {
			dd, _ := svc.Store().Department(*a.DepartmentID)
			dept = dd.Name
		}
		out = append(out, o.Name+"/"+dept+"/"+a.Post)
	}
	return out
}
