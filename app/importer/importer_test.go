package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"tuanxue/app"
	"tuanxue/data"
	"tuanxue/data/pgtest"
)

var testNow = func() time.Time { return time.Date(2020, 10, 15, 10, 0, 0, 0, time.Local) }

func newService(t testing.TB) *app.Service {
	t.Helper()
	st, err := data.Open(data.Config{Dir: t.TempDir(), URL: pgtest.Schema(t), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return app.New(st, testNow)
}

func sampleService(t testing.TB) *app.Service {
	t.Helper()
	svc := newService(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	return svc
}

func writeFile(t testing.TB, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeXLSX saves rows (first row the header) as an .xlsx; cells that are
// not strings are written as numbers.
func writeXLSX(t testing.TB, rows [][]any, edit func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := r
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if edit != nil {
		edit(f)
	}
	path := filepath.Join(t.TempDir(), "名册 2020.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func plan(t testing.TB, svc *app.Service, path string, create bool) *Plan {
	t.Helper()
	tbl, err := ReadFile(path)
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	p, err := Make(svc, tbl, Options{CreateMissing: create})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func problems(p *Plan) string {
	var b strings.Builder
	for _, r := range p.Rejected() {
		b.WriteString(r.Reasons() + "\n")
	}
	return b.String()
}

func TestCSVInGBKWithVariantsAndMess(t *testing.T) {
	svc := sampleService(t)
	csv := "校学生会干部名册（2020年9月）\n" +
		"序号,姓名,学号,性别,手机,政治面貌,所属组织,部门,职务,任职开始日期,爱好\n" +
		"1,  陈思远 ,２０２００１０１,男,138 0013 8000,团员,校学生会,主席团,主席,2020/9/10,篮球\n" +
		"2,林雅婷,00123,女,13900139000,中共预备党员,校学生会,宣传部,部长,2020年9月10日,\n" +
		",,,,,,,,,,\n" +
		"3,黄晓东,2.02401E+11,男,,共青团员,校学生会,宣传部,干事,2020-09-10,\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(csv)
	if err != nil {
		t.Fatal(err)
	}
	p := plan(t, svc, writeFile(t, "roster.csv", []byte(gbk)), false)
	if len(p.Rows) != 3 {
		t.Fatalf("%d rows read, want 3 (blank rows skipped)", len(p.Rows))
	}
	r := p.Rows[0]
	if !r.OK() || r.Person.Name != "陈思远" || r.Person.StudentNo != "20200101" || r.Person.Phone != "13800138000" ||
		r.Person.PoliticalStatus != data.PoliticalLeague || r.Appointment == nil || r.Appointment.DepartmentID != nil {
		t.Fatalf("row 3: %+v %s", r.Person, r.Reasons())
	}
	if p.Rows[1].Person.StudentNo != "00123" || p.Rows[1].Line != 4 || !p.Rows[1].OK() {
		t.Fatalf("leading zeros or line number lost: %+v line %d %s", p.Rows[1].Person, p.Rows[1].Line, p.Rows[1].Reasons())
	}
	bad := p.Rows[2]
	if bad.OK() || bad.Line != 6 || !strings.Contains(bad.Reasons(), "科学计数法") {
		t.Fatalf("scientific 学号 row: line %d %q", bad.Line, bad.Reasons())
	}
	if strings.Join(p.Ignored, ",") != "序号,爱好" {
		t.Fatalf("ignored headers %v", p.Ignored)
	}
}

func TestXLSXNumbersDatesAndMergedCells(t *testing.T) {
	svc := sampleService(t)
	rows := [][]any{
		{"2020-2021学年 学生会名册"},
		{"基本信息", "", "任职情况"},
		{"姓名", "学号", "所属组织", "部门", "职务", "任职开始日期", "递交入党申请书日期"},
		{"陈思远", 202401000123, "机电工程学院学生会", "学习部", "部长", 44084, "2020-10-01"},
		{"林雅婷", "00123", "", "", "干事", 44084, 44105},
		{"黄晓东", 2.02401000124e11, "", "宣传部", "干事", "2020-09-10", ""},
	}
	path := writeXLSX(t, rows, func(f *excelize.File) {
		f.MergeCell("Sheet1", "A2", "B2")
		f.MergeCell("Sheet1", "C4", "C6") // 所属组织 merged down three rows
		f.MergeCell("Sheet1", "D4", "D5")
	})
	p := plan(t, svc, path, false)
	if len(p.Rows) != 3 {
		t.Fatalf("rows %d", len(p.Rows))
	}
	want := []struct{ no, dept, start string }{
		{"202401000123", "学习部", "2020-09-10"}, {"00123", "学习部", "2020-09-10"}, {"202401000124", "宣传部", "2020-09-10"},
	}
	for i, w := range want {
		r := p.Rows[i]
		if !r.OK() {
			t.Fatalf("row %d rejected: %s", r.Line, r.Reasons())
		}
		if r.Person.StudentNo != w.no || r.DeptName != w.dept || r.Appointment.StartOn.String() != w.start || r.OrgName != "机电工程学院学生会" {
			t.Errorf("row %d: 学号 %s 部门 %s 开始 %s 组织 %s", r.Line, r.Person.StudentNo, r.DeptName, r.Appointment.StartOn, r.OrgName)
		}
	}
	if p.Rows[1].Person.PartyAppliedOn.String() != "2020-10-01" {
		t.Errorf("date serial 44105 read as %s", p.Rows[1].Person.PartyAppliedOn)
	}
}

func TestRowProblemsAreExplained(t *testing.T) {
	svc := sampleService(t)
	rows := [][]any{
		{"姓名", "学号", "性别", "政治面貌", "联系电话", "所属组织", "部门", "职务", "任职开始日期", "年级"},
		{"陈思远", "2020001", "男", "团员", "13800138000", "校学生会", "", "主席", "2020-09-10", "2020级"},
		{"林雅婷", "2020001", "女", "团员", "", "校学生会", "宣传部", "干事", "", ""},
		{"", "2020003", "女", "团员", "", "", "", "", "", ""},
		{"黄晓东", "2020004", "未知", "少先队员", "12345", "", "", "", "", ""},
		{"吴建国", "2020005", "男", "团员", "", "校学生会", "", "干事", "", ""},
		{"郑雅琳", "2020006", "女", "团员", "", "校学生会", "宣传部", "主席", "", ""},
		{"许嘉欣", "2020007", "女", "团员", "", "校学生会", "纠察部", "干事", "", ""},
		{"洪子涵", "2020008", "女", "团员", "", "某某俱乐部", "", "会长", "", ""},
		{"蔡泽楷", "2020009", "男", "团员", "", "校学生会", "宣传部", "干事", "2020-02-30", ""},
		{"叶诗涵", "2020010", "女", "团员", "", "", "", "", "", "1820级"},
	}
	p := plan(t, svc, writeXLSX(t, rows, nil), false)
	want := map[int]string{
		3:  "学号 2020001 与第 2 行重复",
		4:  "请填写姓名",
		5:  "性别“未知”应为男或女",
		6:  "干事须填写所在部门",
		7:  "主席属于主席团",
		8:  "还没有部门“纠察部”",
		9:  "组织“某某俱乐部”还没有登记",
		10: "2 月没有 30 日",
		11: "年级",
	}
	got := map[int]string{}
	for _, r := range p.Rejected() {
		got[r.Line] = r.Reasons()
	}
	for line, w := range want {
		if !strings.Contains(got[line], w) {
			t.Errorf("line %d: %q, want %q", line, got[line], w)
		}
	}
	if !strings.Contains(got[5], "政治面貌“少先队员”") || !strings.Contains(got[5], "联系电话") {
		t.Errorf("line 5 should list every problem: %q", got[5])
	}
	if len(got) != len(want) {
		t.Errorf("rejected lines %v", got)
	}
	if c := p.Counts(); c.Good != 1 || c.Rejected != 9 {
		t.Errorf("counts %+v", c)
	}
}

func TestApplyWritesGoodRowsOnceAndIsIdempotent(t *testing.T) {
	svc := sampleService(t)
	rows := [][]any{
		{"姓名", "学号", "所属组织", "部门", "职务", "组织类型"},
		{"陈思远", "2020001", "校学生会", "", "主席", ""},
		{"林雅婷", "2020002", "校学生会", "宣传部", "部长", ""},
		{"黄晓东", "2020003", "校学生会", "实践部", "干事", ""},
		{"吴建国", "2020004", "电气工程学院学生会", "学习部", "干事", ""},
		{"郑雅琳", "2020005", "摄影爱好者", "", "会长", "学生社团"},
		{"坏行", "abc", "", "", "", ""},
	}
	path := writeXLSX(t, rows, nil)
	p := plan(t, svc, path, true)
	var orgs []string
	for _, n := range p.NewOrgs {
		orgs = append(orgs, n.Name+"/"+n.Kind+"/"+n.Parent)
	}
	if got := strings.Join(orgs, " "); got != "电气工程学院学生会/college_union/校团委 摄影爱好者/club/学生社团联合会" {
		t.Fatalf("new organizations %q", got)
	}
	if len(p.NewDepts) != 2 {
		t.Fatalf("new departments %+v", p.NewDepts)
	}
	counts, err := Apply(svc, p)
	if err != nil {
		t.Fatal(err)
	}
	if counts.Good != 5 || counts.Rejected != 1 || counts.NewPeople != 5 || counts.Appointments != 5 {
		t.Fatalf("counts %+v", counts)
	}
	person, err := svc.Store().PersonByStudentNo("2020003")
	if err != nil {
		t.Fatal(err)
	}
	as, _ := svc.Appointments(person.ID)
	if len(as) != 1 || as[0].DepartmentID == nil || as[0].SelectedBy != data.SelectedByImport {
		t.Fatalf("appointment of 黄晓东: %+v", as)
	}
	backups, _ := filepath.Glob(filepath.Join(svc.Store().Dir(), data.BackupDir, "before-import-*.db"))
	if len(backups) != 1 {
		t.Fatalf("backups before import: %v", backups)
	}

	// The same file again: nothing new, nothing rejected but the bad row.
	again := plan(t, svc, path, true)
	c := again.Counts()
	if c.NewPeople != 0 || c.Updated != 0 || c.Appointments != 0 || len(again.NewOrgs) != 0 || c.Rejected != 1 {
		t.Fatalf("second import would change %+v, new orgs %v", c, again.NewOrgs)
	}
}

func TestAFreshInstallationStartsFromOneRoster(t *testing.T) {
	svc := newService(t) // no organizations at all
	rows := [][]any{
		{"姓名", "学号", "所属组织", "部门", "职务"},
		{"陈思远", "2020001", "校学生会", "", "主席"},
		{"林雅婷", "2020002", "校学生会", "宣传部", "部长"},
	}
	p := plan(t, svc, writeXLSX(t, rows, nil), true)
	if _, err := Apply(svc, p); err != nil {
		t.Fatal(err)
	}
	tree, _ := svc.OrgTree()
	unions := tree.OfKinds(data.KindSchoolUnion)
	if len(unions) != 1 {
		t.Fatalf("school unions %d", len(unions))
	}
	parent, _ := tree.Get(*unions[0].ParentID)
	if parent.Name != "校团委" || parent.Kind != data.KindLeague {
		t.Fatalf("school union under %+v", parent)
	}
}

func TestPostAlreadyHeldElsewhereInTheOrganization(t *testing.T) {
	svc := sampleService(t)
	first := writeXLSX(t, [][]any{{"姓名", "学号", "所属组织", "部门", "职务"}, {"陈思远", "2020001", "校学生会", "宣传部", "干事"}}, nil)
	if _, err := Apply(svc, plan(t, svc, first, false)); err != nil {
		t.Fatal(err)
	}
	second := writeXLSX(t, [][]any{{"姓名", "学号", "所属组织", "部门", "职务"}, {"陈思远", "2020001", "校学生会", "学习部", "部长"}}, nil)
	p := plan(t, svc, second, false)
	if !strings.Contains(problems(p), "已在“校学生会”任干事") {
		t.Fatalf("second post in the same organization: %q", problems(p))
	}
}

func TestRejectedRowsFileReopens(t *testing.T) {
	svc := sampleService(t)
	rows := [][]any{{"姓名", "学号", "职务"}, {"陈思远", "00123", ""}, {"", "00124", ""}}
	p := plan(t, svc, writeXLSX(t, rows, nil), false)
	path := filepath.Join(t.TempDir(), "rejected.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.WriteRejected(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	got, _ := x.GetRows("Sheet1")
	if len(got) != 2 || got[0][1] != "问题" || got[1][0] != "3" || !strings.Contains(got[1][1], "请填写姓名") || got[1][3] != "00124" {
		t.Fatalf("rejected file %q", got)
	}
	// It can be imported again as it is, once fixed.
	if tbl, err := ReadFile(path); err != nil || !tbl.Has(ColStudentNo) {
		t.Fatalf("rejected file not importable: %v", err)
	}
}
