package app

import (
	"strings"
	"testing"

	"tuanxue/data"
	"tuanxue/data/pgtest"
)

// Two offices (two programs on one server, or two windows on one file)
// open the same training, meeting and rectification item; the second save
// is refused with a message and the first one stays.
func TestSecondOfficeSaveIsRefused(t *testing.T) {
	cfg := data.Config{Dir: t.TempDir(), URL: pgtest.Schema(t), Now: testNow}
	open := func() *Service {
		st, err := data.Open(cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return New(st, testNow)
	}
	a, b := open(), open()
	league := mustOrg(t, a, OrgDraft{Name: "校团委", Kind: data.KindLeague})
	union := mustOrg(t, a, OrgDraft{Name: "校学生会", Kind: data.KindSchoolUnion, ParentID: &league.ID})
	tr, err := a.SaveTraining(TrainingDraft{Title: "骨干培训", Kind: data.TrainingCadre, HeldOn: "2020-10-10", Hours: "2"})
	if err != nil {
		t.Fatal(err)
	}
	m, err := a.SaveMeeting(MeetingDraft{Kind: data.MeetingStudy, Title: "周例会", HeldOn: "2020-10-12", OrganizationID: union.ID})
	if err != nil {
		t.Fatal(err)
	}
	inA, inB := TrainingDraftOf(tr), TrainingDraftOf(tr)
	inA.Place = "第一会议室"
	if _, err := a.SaveTraining(inA); err != nil {
		t.Fatal(err)
	}
	inB.Place = "报告厅"
	if _, err := b.SaveTraining(inB); !strings.Contains(Message(err), "另一位老师的电脑上被修改过") {
		t.Fatalf("second office's training save: %v", err)
	}
	mA, mB := MeetingDraftOf(m), MeetingDraftOf(m)
	mA.Minutes = "学习了会议精神"
	if _, err := a.SaveMeeting(mA); err != nil {
		t.Fatal(err)
	}
	mB.Minutes = "另一份记录"
	if _, err := b.SaveMeeting(mB); !strings.Contains(Message(err), "被修改过") {
		t.Fatalf("second office's meeting save: %v", err)
	}
	item, err := a.SaveRect(RectDraft{Problem: "周例会记录不全", Source: "self_check", FoundOn: "2020-10-01"})
	if err != nil {
		t.Fatal(err)
	}
	rA, rB := RectDraftOf(item), RectDraftOf(item)
	rA.Measures = "每周检查记录"
	if _, err := a.SaveRect(rA); err != nil {
		t.Fatal(err)
	}
	rB.Measures = "另一种措施"
	if _, err := b.SaveRect(rB); !strings.Contains(Message(err), "被修改过") {
		t.Fatalf("second office's rectification save: %v", err)
	}
	stored, _ := b.store.Training(tr.ID)
	storedM, _ := b.store.Meeting(m.ID)
	if stored.Place != "第一会议室" || storedM.Minutes != "学习了会议精神" {
		t.Fatalf("kept %q and %q", stored.Place, storedM.Minutes)
	}
}
