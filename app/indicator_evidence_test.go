package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuanxue/data"
)

// Files attached to an indicator are kept like the ledger's: copied into
// the data folder under their own names, the content in the records,
// listed by indicator for the union and year only.
func TestFilesAttachedToAnIndicator(t *testing.T) {
	s, _, union, _ := cadreFixture(t)
	ref := IndicatorRef{OrganizationID: union.ID, Year: "2020-2021", Indicator: "school/congress_held"}
	e, err := s.AddIndicatorEvidence(ref, `C:\扫描\学代会 会议记录.pdf`, strings.NewReader("%PDF-1.4 会议记录"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Name != "学代会 会议记录.pdf" || e.ItemID != nil || *e.OrganizationID != union.ID || e.AddedOn != s.Today() ||
		e.Stored != "evidence/indicators/"+fmt.Sprint(union.ID)+"/2020-2021/school-congress_held/学代会 会议记录.pdf" {
		t.Fatalf("kept as %+v", e)
	}
	if _, err := s.AddIndicatorEvidence(ref, "代表名单.png", strings.NewReader("\x89PNG 名单")); err != nil {
		t.Fatal(err)
	}
	other := ref
	other.Indicator = "school/staff_cap"
	if _, err := s.AddIndicatorEvidence(other, "聘书.jpg", strings.NewReader("聘书")); err != nil {
		t.Fatal(err)
	}
	// The same content under another indicator is no duplicate: each
	// indicator's folder in the binder holds its own copy.
	if _, err := s.AddIndicatorEvidence(other, "学代会 会议记录.pdf", strings.NewReader("%PDF-1.4 会议记录")); err != nil {
		t.Fatal(err)
	}
	by, err := s.IndicatorEvidence(union.ID, "2020-2021")
	if err != nil || len(by) != 2 || names(by[ref.Indicator]) != "学代会 会议记录.pdf,代表名单.png" ||
		names(by[other.Indicator]) != "聘书.jpg,学代会 会议记录.pdf" {
		t.Fatalf("listed %+v %v", by, err)
	}
	if later, _ := s.IndicatorEvidence(union.ID, "2021-2022"); len(later) != 0 {
		t.Fatalf("another year lists %+v", later)
	}
	b, err := os.ReadFile(mustEvidencePath(t, s, e))
	if err != nil || string(b) != "%PDF-1.4 会议记录" {
		t.Fatalf("the copy: %q %v", b, err)
	}
	// Removed: out of the list, into the recycle bin, the copy kept.
	if err := s.DeleteEvidence(e.ID); err != nil {
		t.Fatal(err)
	}
	by, _ = s.IndicatorEvidence(union.ID, "2020-2021")
	if names(by[ref.Indicator]) != "代表名单.png" {
		t.Fatalf("after removing: %+v", by)
	}
	if _, err := os.Stat(filepath.Join(s.Store().Dir(), filepath.FromSlash(e.Stored))); err != nil {
		t.Fatalf("the copy went with the record: %v", err)
	}
	bin, _ := s.Store().Bin()
	if len(bin) != 1 || bin[0].Entity != "evidence_files" || bin[0].Label != "学代会 会议记录.pdf" {
		t.Fatalf("recycle bin %+v", bin)
	}
}

// Every bad file is refused with a Chinese message and changes nothing.
func TestBadFilesForAnIndicator(t *testing.T) {
	s, _, union, _ := cadreFixture(t)
	ref := IndicatorRef{OrganizationID: union.ID, Year: "2020-2021", Indicator: "school/congress_held"}
	if _, err := s.AddIndicatorEvidence(ref, "签到表.pdf", strings.NewReader("签到表")); err != nil {
		t.Fatal(err)
	}
	tree, _ := s.OrgTree()
	league := tree.OfKinds(data.KindLeague)[0]
	cases := []struct {
		ref     IndicatorRef
		name    string
		content string
		size    int // a content of this many bytes instead
		want    string
	}{
		{ref, "录像.mp4", "", MaxEvidenceSize + 1, "“录像.mp4”超过 100 MB，太大了"},
		{ref, "空白.pdf", "", 0, "“空白.pdf”是空文件（0 字节），没有添加"},
		{ref, "签到表（扫描）.pdf", "签到表", 0, "“签到表（扫描）.pdf”与已添加的“签到表.pdf”内容相同，没有重复添加"},
		{ref, "会议\n记录.pdf", "x", 0, "文件名“会议?记录.pdf”含有换行、制表符之类的控制字符"},
		{ref, "会议\x7f记录.pdf", "x", 0, "控制字符"},
		{ref, "会议\xff记录.pdf", "x", 0, "文件名“会议?记录.pdf”含有无法识别的文字编码"},
		{ref, strings.Repeat("长", 81) + ".pdf", "x", 0, "文件名太长（85 个字），请改短到 80 个字以内"},
		{ref, "  ", "x", 0, "文件名无效"},
		{IndicatorRef{OrganizationID: league.ID, Year: "2020-2021", Indicator: "school/congress_held"}, "a.pdf", "x", 0, "只能给校级或二级学院学生会"},
		{IndicatorRef{OrganizationID: 9999, Year: "2020-2021", Indicator: "school/congress_held"}, "a.pdf", "x", 0, "只能给校级或二级学院学生会"},
		{IndicatorRef{OrganizationID: union.ID, Year: "2020-2022", Indicator: "school/congress_held"}, "a.pdf", "x", 0, "学年格式不对"},
		{IndicatorRef{OrganizationID: union.ID, Year: "2020-2021"}, "a.pdf", "x", 0, "请先选择一项改革指标"},
	}
	for _, c := range cases {
		content := c.content
		if c.size > 0 {
			content = strings.Repeat("x", c.size)
		}
		_, err := s.AddIndicatorEvidence(c.ref, c.name, strings.NewReader(content))
		if _, ok := err.(ValidationError); !ok || !strings.Contains(Message(err), c.want) {
			t.Errorf("%q: %v, want %s", c.name, err, c.want)
		}
	}
	by, _ := s.IndicatorEvidence(union.ID, "2020-2021")
	if len(by) != 1 || names(by[ref.Indicator]) != "签到表.pdf" {
		t.Errorf("bad files were kept: %+v", by)
	}
	entries, _ := os.ReadDir(filepath.Join(s.Store().Dir(), filepath.Dir(filepath.FromSlash(by[ref.Indicator][0].Stored))))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files", len(entries))
	}
}

func names(es []Evidence) string {
	var out []string
	for _, e := range es {
		out = append(out, e.Name)
	}
	return strings.Join(out, ",")
}
