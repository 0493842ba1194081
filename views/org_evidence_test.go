package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app/compliance"
	"tuanxue/data"
)

// selectCheck chooses the result of the checks tab whose check is key.
func selectCheck(t *testing.T, c *orgChecks, key string) {
	t.Helper()
	if err := c.selectCheck(key); err != nil {
		t.Fatal(err)
	}
}

func evidenceTexts(e *indicatorEvidence) []string {
	var out []string
	for _, l := range e.lines {
		out = append(out, l.Text+"｜"+l.Source)
	}
	return out
}

// On the 改革指标 tab an indicator shows its conclusion and evidence: the
// sample's congress its record and two attached files, a 二级 union's
// 秘书长 what is missing, in red. The teacher attaches a file (a duplicate
// is refused and changes nothing), opens it, and removes it to the
// recycle bin after confirming.
func TestEvidenceOnTheChecksTab(t *testing.T) {
	w, svc := sampleUI(t)
	w.ShowModule("组织机构")
	s := w.orgs
	school := s.orgs.OfKinds(data.KindSchoolUnion)[0]
	s.selectOrg(school.ID)
	s.tabs.SelectIndex(2)
	c, e := s.checks, s.checks.panel
	if !e.add.Disabled() || len(e.lines) != 0 {
		t.Fatal("the evidence panel offers files before an indicator is chosen")
	}
	selectCheck(t, c, "congress_held")
	got := strings.Join(evidenceTexts(e), "\n")
	for _, want := range []string{"学生代表大会：第十二次学生代表大会，代表99人，出席96人，会议记录｜会议记录",
		"佐证文件：第十二次学代会 签到汇总.pdf｜教师上传", "佐证文件：学代会代表名额分配.png｜教师上传"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	if !strings.Contains(e.title.Text, "结论：达标；佐证材料 3 项") || !e.open.Disabled() || e.add.Disabled() {
		t.Errorf("title %q, open enabled %v", e.title.Text, !e.open.Disabled())
	}

	college := s.orgs.OfKinds(data.KindCollegeUnion)[0]
	s.selectOrg(college.ID)
	selectCheck(t, c, "secretary_general")
	if len(e.lines) != 1 || e.lines[0].Text != "缺少：秘书长的聘任记录" || !e.lines[0].Missing ||
		!strings.Contains(e.title.Text, "缺少 1 项") {
		t.Fatalf("秘书长: %q %q", evidenceTexts(e), e.title.Text)
	}

	dir := t.TempDir()
	letter := filepath.Join(dir, "秘书长 聘书.pdf")
	os.WriteFile(letter, []byte("%PDF-1.4 聘书"), 0o644)
	e.attach(e.ref, letter)
	if len(e.lines) != 2 || e.lines[1].Text != "佐证文件：秘书长 聘书.pdf" || e.lines[1].Source != "教师上传" || !e.lines[0].Missing {
		t.Fatalf("after attaching: %q", evidenceTexts(e))
	}
	if c.results[c.row].Rule.CheckKey != "secretary_general" {
		t.Fatal("attaching lost the chosen indicator")
	}
	copyOf := filepath.Join(dir, "聘书（副本）.pdf")
	os.WriteFile(copyOf, []byte("%PDF-1.4 聘书"), 0o644)
	e.attach(e.ref, copyOf)
	if msg := strings.Join(labelsUnder(topDialog(t, w.Win)), ""); !strings.Contains(msg, "与已添加的“秘书长 聘书.pdf”内容相同") {
		t.Fatalf("a duplicate: %q", msg)
	}
	test.Tap(findButton(t, topDialog(t, w.Win), "确定"))
	if len(e.lines) != 2 {
		t.Fatalf("the duplicate changed the list: %q", evidenceTexts(e))
	}

	var opened string
	saved := openFile
	openFile = func(path string) error { opened = path; return nil }
	defer func() { openFile = saved }()
	e.table.Select(widget.TableCellID{Row: 1, Col: 0})
	test.Tap(e.open)
	if b, err := os.ReadFile(opened); err != nil || string(b) != "%PDF-1.4 聘书" {
		t.Fatalf("opened %s: %q %v", opened, b, err)
	}
	test.Tap(e.remove)
	confirmDlg := topDialog(t, w.Win)
	if msg := strings.Join(labelsUnder(confirmDlg), ""); !strings.Contains(msg, "确定删除“秘书长 聘书.pdf”吗？它将移入回收站。") {
		t.Fatalf("confirm says %q", msg)
	}
	test.Tap(findButton(t, confirmDlg, "删除"))
	if len(e.lines) != 1 || !e.open.Disabled() {
		t.Fatalf("after removing: %q", evidenceTexts(e))
	}
	bin, _ := svc.Store().Bin()
	if len(bin) != 1 || bin[0].Label != "秘书长 聘书.pdf" {
		t.Fatalf("recycle bin %+v", bin)
	}
	if by, _ := svc.IndicatorEvidence(college.ID, "2020-2021"); len(by[compliance.IndicatorOf(c.results[c.row].Rule)]) != 0 {
		t.Fatalf("still attached: %+v", by)
	}
}
