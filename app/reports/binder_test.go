package reports

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/data"
)

// The sample college's binder of 2020—2021: the top files, a folder per
// union and per indicator of its form (the 2020 备案表's three items 3
// each its own), the lists in PDF and Excel, the ledger's file; every name
// flagged UTF-8; every PDF sound (qpdf) with Chinese text (pdftotext).
func TestBinderOfTheSampleCollege(t *testing.T) {
	svc := sampleService(t)
	r, _, err := compliance.RunForm(svc, fall2020)
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range r.Results {
		if res.Org.Name == "校学生会" && res.Rule.CheckKey == "staff_cap" {
			item, err := compliance.Rectify(svc, res)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.AddEvidence(item.ID, "精简方案.txt", strings.NewReader("精简方案")); err != nil {
				t.Fatal(err)
			}
		}
	}
	dbFile := filepath.Join(svc.Store().Dir(), data.FileName)
	before, _ := os.ReadFile(dbFile)
	steps := 0
	var b bytes.Buffer
	sum, err := Binder(svc, Options{Semester: fall2020}, &b, func(done, total int) {
		steps++
		if done != steps || done > total {
			t.Errorf("progress %d of %d at step %d", done, total, steps)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(dbFile); !bytes.Equal(before, after) {
		t.Error("the binder changed the data file")
	}
	z, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]*zip.File{}
	for _, f := range z.File {
		names[f.Name] = f
		if f.Flags&0x800 == 0 {
			t.Errorf("%s: no UTF-8 flag", f.Name)
		}
	}
	for _, want := range []string{"目录.pdf", "改革自评表.pdf", "改革自评表.xlsx", "自评报告（初稿）.docx", "自评报告（初稿）.pdf",
		"整改台账.pdf", "整改台账.xlsx",
		"校学生会/03 工作人员人数/工作人员名单.pdf", "校学生会/03 工作人员人数/工作人员名单.xlsx",
		"校学生会/03 工作人员人数/精简方案.txt", "校学生会/03 主席团人数/主席团成员名单.pdf",
		"校学生会/03 工作部门数量/机构设置.xlsx", "校学生会/05 政治面貌/工作人员名单.pdf",
		"校学生会/06 学业成绩/学业排名名单.pdf", "校学生会/07 推荐审批/选拔审批记录.pdf",
		"校学生会/09 学代会召开/学生代表大会记录.pdf", "校学生会/整改材料/平台运营 整改说明.txt",
		"校学生会/09 学代会召开/第十二次学代会 签到汇总.pdf", "校学生会/09 学代会召开/学代会代表名额分配.png",
		"校学生会/整改材料/整改台账.xlsx",
		"机电工程学院学生会/09 学代会召开/", "机电工程学院学生会/13 秘书长/", "机电工程学院学生会/03 工作人员人数/工作人员名单.pdf"} {
		if names[want] == nil {
			t.Errorf("no %s", want)
		}
	}
	if !strings.HasPrefix(z.File[0].Name, "目录.pdf") {
		t.Errorf("first entry %s", z.File[0].Name)
	}
	var top, unions []string
	for name := range names {
		dir, rest, nested := strings.Cut(name, "/")
		switch {
		case !nested:
			top = append(top, name)
		case rest == "":
			unions = append(unions, dir)
		}
	}
	slices.Sort(unions)
	if len(top) != 7 || !slices.Equal(unions, []string{"信息工程学院学生会", "机电工程学院学生会", "校学生会", "经济管理学院学生会"}) {
		t.Errorf("top %q, unions %q", top, unions)
	}
	for _, college := range unions[:2] {
		n := 0
		for name := range names {
			if rest, ok := strings.CutPrefix(name, college+"/"); ok && strings.Count(rest, "/") == 1 && strings.HasSuffix(rest, "/") {
				n++
			}
		}
		if n != 13 {
			t.Errorf("%s: %d indicator folders, the 二级 table has 13", college, n)
		}
	}
	// The ledger's two files and the sample's two on its congress.
	if sum.Unions != 4 || sum.Attached != 4 || len(sum.Missing) != 0 {
		t.Errorf("summary %+v", sum)
	}

	dir := t.TempDir()
	pdfs := 0
	for name, f := range names {
		if !strings.HasSuffix(name, ".pdf") {
			continue
		}
		pdfs++
		rc, _ := f.Open()
		content, _ := io.ReadAll(rc)
		rc.Close()
		path := filepath.Join(dir, strings.ReplaceAll(name, "/", "_"))
		os.WriteFile(path, content, 0o644)
		if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Errorf("%s: qpdf: %v %s", name, err, out)
		}
		text, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil || !strings.ContainsFunc(string(text), func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: no Chinese text (%v)", name, err)
		}
	}
	if pdfs < 30 {
		t.Errorf("only %d PDFs", pdfs)
	}
}

// An attached file that cannot be read is named in the index and left
// out; the binder goes on.
func TestBinderNamesAMissingFile(t *testing.T) {
	svc := sampleService(t)
	y, err := gatherEvidence(svc, Options{Semester: fall2020})
	if err != nil {
		t.Fatal(err)
	}
	lost := data.Evidence{ID: 9999, Name: "学代会签到表.pdf", Stored: "evidence/9999/学代会签到表.pdf"}
	u := y.unions[0]
	u.items[0].pieces = append(u.items[0].pieces, piece{title: "佐证文件：" + lost.Name, source: "整改台账", file: &lost})
	var sum BinderSummary
	files := y.resolveFiles(svc, &sum)
	if !slices.Equal(sum.Missing, []string{lost.Name}) {
		t.Errorf("missing %q", sum.Missing)
	}
	index := y.index(svc)
	found := false
	for i, row := range index.Sections[0].Rows {
		if strings.Contains(row[2], "学代会签到表.pdf") {
			found = row[2] == "缺少：佐证文件“学代会签到表.pdf”缺失或无法读取，未放入迎检材料" && index.Sections[0].Alerts[i]
		}
	}
	if !found {
		t.Errorf("the index does not name the lost file: %q", index.Sections[0].Rows)
	}
	var b bytes.Buffer
	z := &binderZip{w: zip.NewWriter(&b), names: map[string]bool{}}
	if err := z.union(u, files, &sum, func() {}); err != nil {
		t.Fatal(err)
	}
	z.w.Close()
	for name := range z.names {
		if strings.Contains(name, "学代会签到表") {
			t.Errorf("%s is in the binder", name)
		}
	}
}

// A file a teacher attached to an indicator that can no longer be read
// (its copy gone from the data folder, its content not in the records) is
// named in the index under its indicator; the indicator's other file and
// lists still go into its folder.
func TestBinderNamesALostAttachment(t *testing.T) {
	svc := sampleService(t)
	y, err := gatherEvidence(svc, Options{Semester: fall2020})
	if err != nil {
		t.Fatal(err)
	}
	u := y.unions[0]
	var congress *indicatorEvidence
	for i := range u.items {
		if u.items[i].res.Rule.CheckKey == "congress_held" {
			congress = &u.items[i]
		}
	}
	lost := 0
	for j, p := range congress.pieces {
		if p.file != nil && p.source == "教师上传" && strings.HasSuffix(p.file.Name, ".pdf") {
			gone := *p.file
			gone.ID, gone.Stored = 9999, "evidence/indicators/9999/签到汇总.pdf"
			congress.pieces[j].file = &gone
			lost++
		}
	}
	if lost != 1 {
		t.Fatalf("%d teacher's PDFs under the congress: %+v", lost, congress.pieces)
	}
	var sum BinderSummary
	files := y.resolveFiles(svc, &sum)
	if !slices.Equal(sum.Missing, []string{"第十二次学代会 签到汇总.pdf"}) {
		t.Errorf("missing %q", sum.Missing)
	}
	_, pieces := indexRows(t, y.index(svc).Sections[0])
	hasPiece(t, pieces, "9 学代会召开", "缺少：佐证文件“第十二次学代会 签到汇总.pdf”缺失或无法读取，未放入迎检材料｜教师上传｜2020-10-15")
	var b bytes.Buffer
	z := &binderZip{w: zip.NewWriter(&b), names: map[string]bool{}}
	if err := z.union(u, files, &sum, func() {}); err != nil {
		t.Fatal(err)
	}
	z.w.Close()
	dir := "校学生会/09 学代会召开/"
	for _, name := range []string{dir + "学代会代表名额分配.png", dir + "学生代表大会记录.pdf"} {
		if !z.names[name] {
			t.Errorf("no %s", name)
		}
	}
	if z.names[dir+"第十二次学代会 签到汇总.pdf"] || sum.Attached != 2 { // the picture and the ledger's file
		t.Errorf("the lost file is in the binder (%d attached)", sum.Attached)
	}
}

// A year with nothing on record says so and writes nothing.
func TestBinderOfAnEmptyYear(t *testing.T) {
	svc := sampleService(t)
	var b bytes.Buffer
	_, err := Binder(svc, Options{Semester: app.Semester{StartYear: 2015, Term: 2}}, &b, nil)
	if err == nil || !strings.Contains(app.Message(err), "2015—2016学年没有任何记录") || b.Len() != 0 {
		t.Errorf("%v, %d bytes", err, b.Len())
	}
}
