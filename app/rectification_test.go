package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuanxue/data"
)

func TestRectificationLifecycle(t *testing.T) {
	s, _, union, _ := cadreFixture(t)
	bad := []struct {
		d           RectDraft
		field, want string
	}{
		{RectDraft{FoundOn: "2020-10-01", Source: "self_check"}, "Problem", "请填写问题"},
		{RectDraft{Problem: "制度未上墙", FoundOn: "2020-10-01"}, "Source", "请选择问题来源"},
		{RectDraft{Problem: "制度未上墙", Source: "self_check", FoundOn: "2020-10-01", Deadline: "2020-09-30"}, "Deadline", "不能早于发现日期"},
		{RectDraft{Problem: "制度未上墙", Source: "self_check"}, "FoundOn", "请填写发现日期"},
	}
	for _, c := range bad {
		if _, err := s.SaveRect(c.d); !strings.Contains(errFor(err, c.field), c.want) {
			t.Errorf("%+v: %v, want %q", c.d, err, c.want)
		}
	}
	r, err := s.SaveRect(RectDraft{Problem: "制度未上墙", Source: "self_check", FoundOn: "2020-10-01", Deadline: "2020-10-10",
		OrganizationID: &union.ID, Responsible: "刘嘉欣"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != data.RectOpen || r.Year != "2020-2021" {
		t.Fatalf("new item %+v", r)
	}
	if !s.Overdue(r) {
		t.Fatal("deadline 2020-10-10 has passed on 2020-10-15: overdue")
	}

	steps := []struct {
		a           Advance
		field, want string
	}{
		{Advance{To: data.RectDone}, "MeasureTaken", "请填写已采取的整改措施"},
		{Advance{To: data.RectDone, MeasureTaken: "制度已上墙"}, "CompletedOn", "请填写完成日期"},
		{Advance{To: data.RectDone, MeasureTaken: "制度已上墙", CompletedOn: "2020-09-01"}, "CompletedOn", "不能早于发现日期"},
		{Advance{To: data.RectOpen}, "To", "状态没有变化"},
	}
	for _, c := range steps {
		if _, err := s.AdvanceRect(r.ID, c.a); !strings.Contains(errFor(err, c.field), c.want) {
			t.Errorf("%+v: %v, want %q", c.a, err, c.want)
		}
	}
	if r, err = s.AdvanceRect(r.ID, Advance{To: data.RectDone, MeasureTaken: "制度已上墙", CompletedOn: "2020-10-12"}); err != nil {
		t.Fatal(err)
	}
	if s.Overdue(r) {
		t.Fatal("a completed item is not overdue")
	}
	if _, err := s.AdvanceRect(r.ID, Advance{To: data.RectClosed}); !strings.Contains(errFor(err, "Verifier"), "验收人") {
		t.Fatalf("closing without a verifier: %v", err)
	}
	if _, err := s.AdvanceRect(r.ID, Advance{To: data.RectInProgress}); !strings.Contains(errFor(err, "Note"), "须说明理由") {
		t.Fatalf("going back without a reason: %v", err)
	}
	if r, err = s.AdvanceRect(r.ID, Advance{To: data.RectInProgress, Note: "检查发现二级学院未上墙"}); err != nil {
		t.Fatal(err)
	}
	if !r.CompletedOn.IsZero() {
		t.Fatal("going back keeps the completion date")
	}
	if _, err := s.AdvanceRect(r.ID, Advance{To: data.RectClosed, MeasureTaken: "全部上墙", CompletedOn: "2020-10-14",
		Verifier: "林振华", VerifiedOn: "2020-10-15"}); err != nil {
		t.Fatal(err)
	}
	f, _ := s.RectFile(r.ID)
	var lines []string
	for _, l := range f.Log {
		lines = append(lines, l.Note)
	}
	log := strings.Join(lines, "|")
	for _, want := range []string{"登记问题", "由“待整改”改为“已完成”", "改为“整改中”：检查发现二级学院未上墙", "改为“已销号”"} {
		if !strings.Contains(log, want) {
			t.Errorf("log %q lacks %q", log, want)
		}
	}
}

func TestLedgerCarriesOpenItemsIntoTheNextYear(t *testing.T) {
	s, _, _, _ := cadreFixture(t)
	s.SaveRect(RectDraft{Problem: "去年未完成", Source: "inspection", FoundOn: "2020-03-01"})
	closed, _ := s.SaveRect(RectDraft{Problem: "去年已销号", Source: "inspection", FoundOn: "2020-03-02"})
	if _, err := s.AdvanceRect(closed.ID, Advance{To: data.RectClosed, MeasureTaken: "已整改", CompletedOn: "2020-04-01",
		Verifier: "林振华", VerifiedOn: "2020-04-02"}); err != nil {
		t.Fatal(err)
	}
	s.SaveRect(RectDraft{Problem: "今年发现", Source: "self_check", FoundOn: "2020-10-01"})
	items, err := s.Ledger(RectFilter{Semester: Semester{2020, 1}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range items {
		names = append(names, r.Problem)
	}
	if strings.Join(names, ",") != "今年发现,去年未完成" {
		t.Fatalf("ledger 2020-2021: %v", names)
	}
	cells, _ := s.LedgerCells(items, "2020-2021")
	if !strings.Contains(cells[1][7], "上学年结转") {
		t.Fatalf("carried item not marked: %q", cells[1])
	}
	last, _ := s.Ledger(RectFilter{Semester: Semester{2019, 2}})
	if len(last) != 2 {
		t.Fatalf("ledger 2019-2020 keeps both of its items: %d", len(last))
	}
	if got, _ := s.Ledger(RectFilter{Semester: Semester{2020, 1}, OverdueOnly: true}); len(got) != 0 {
		t.Fatalf("items without deadlines are not overdue: %d", len(got))
	}
}

func TestEvidenceIsCopiedIntoTheDataFolder(t *testing.T) {
	s, _, _, _ := cadreFixture(t)
	r, _ := s.SaveRect(RectDraft{Problem: "平台运用不足", Source: "self_check", FoundOn: "2020-10-01"})
	src := filepath.Join(t.TempDir(), "整改 说明 (终稿).txt")
	if err := os.WriteFile(src, []byte("已整改"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"", "与已添加的“整改 说明 (终稿).txt”内容相同"} {
		f, _ := os.Open(src)
		_, err := s.AddEvidence(r.ID, src, f)
		f.Close()
		if i == 0 && err != nil || i == 1 && !strings.Contains(Message(err), want) {
			t.Fatalf("adding the file a %d. time: %v", i+1, err)
		}
	}
	// Another content under the same name is a second file, numbered.
	if _, err := s.AddEvidence(r.ID, src, strings.NewReader("第二稿")); err != nil {
		t.Fatal(err)
	}
	file, _ := s.RectFile(r.ID)
	if len(file.Evidence) != 2 || file.Evidence[0].Name != "整改 说明 (终稿).txt" || file.Evidence[1].Name != "整改 说明 (终稿)（2）.txt" {
		t.Fatalf("evidence %+v", file.Evidence)
	}
	for i, e := range file.Evidence {
		want := []string{"已整改", "第二稿"}[i]
		path := mustEvidencePath(t, s, e)
		b, err := os.ReadFile(path)
		if err != nil || string(b) != want || e.Size != int64(len(want)) {
			t.Fatalf("%s: %q %v", e.Name, b, err)
		}
		if !strings.HasPrefix(path, s.Store().Dir()) {
			t.Fatalf("evidence outside the data folder: %s", path)
		}
	}
	if _, err := s.AddEvidence(r.ID, "../../etc/passwd", strings.NewReader("x")); err != nil {
		t.Fatal(err)
	}
	file, _ = s.RectFile(r.ID)
	if got := mustEvidencePath(t, s, file.Evidence[2]); filepath.Base(got) != "passwd" || !strings.Contains(got, EvidenceDir) {
		t.Fatalf("a path in the name escaped: %s", got)
	}
	// Deleting the item keeps its files for the recycle bin.
	if err := s.DeleteRect(r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(mustEvidencePath(t, s, file.Evidence[0])); err != nil {
		t.Fatal("evidence file removed with the item")
	}
}

func mustEvidencePath(t *testing.T, s *Service, e Evidence) string {
	t.Helper()
	path, err := s.EvidencePath(e)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// Evidence added in one office opens in another: the content travels in
// the records, and is written into the second computer's data folder.
func TestEvidenceOpensOnAnotherComputer(t *testing.T) {
	s, _, _, _ := cadreFixture(t)
	r, _ := s.SaveRect(RectDraft{Problem: "平台运用不足", Source: "self_check", FoundOn: "2020-10-01"})
	e, err := s.AddEvidence(r.ID, "整改报告.pdf", strings.NewReader("%PDF 整改报告"))
	if err != nil {
		t.Fatal(err)
	}
	// The other computer: the same records, another data folder.
	other := New(s.Store(), testNow)
	os.RemoveAll(filepath.Join(s.Store().Dir(), EvidenceDir))
	path, err := other.EvidencePath(e)
	if b, rerr := os.ReadFile(path); err != nil || rerr != nil || string(b) != "%PDF 整改报告" {
		t.Fatalf("%s: %q, %v %v", path, b, err, rerr)
	}
	big := strings.NewReader(strings.Repeat("x", MaxEvidenceSize+1))
	if _, err := s.AddEvidence(r.ID, "录像.mp4", big); !strings.Contains(Message(err), "太大") {
		t.Fatalf("a file over the limit: %v", err)
	}
}
