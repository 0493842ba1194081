package app

import (
	"strings"
	"testing"

	"tuanxue/data"
)

// A round's 公示: bad input refused and nothing stored, the period counted
// in working days, the 异议 register, the warning before appointing, and
// rosters whose public one holds public fields only. Today is 2020-10-15.
func TestPublicityOfARound(t *testing.T) {
	s, p, union, pub := cadreFixture(t)
	round, err := s.SaveRound(RoundDraft{OrganizationID: union.ID, Semester: "2020-2021-1", Kind: data.RoundRecruitment,
		Title: "2020年招新", HeldOn: "2020-09-20"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveCandidate(CandidateDraft{RoundID: round.ID, PersonID: p.ID, DepartmentID: &pub.ID, Post: PostStaff,
		Result: data.ResultAdmitted, RecommendedOn: "2020-09-21", ReviewedOn: "2020-09-25"}); err != nil {
		t.Fatal(err)
	}

	bad := []struct {
		d           PublicityDraft
		field, want string
	}{
		{PublicityDraft{}, "StartOn", "请填写公示开始日期"},
		{PublicityDraft{StartOn: "2020-13-01"}, "StartOn", "公示开始日期不存在"},
		{PublicityDraft{StartOn: "2020-10-12", Days: "0"}, "Days", "1–30 个工作日"},
		{PublicityDraft{StartOn: "2020-10-12", Holidays: "国庆"}, "Holidays", "节假日“国庆”格式不对"},
		{PublicityDraft{StartOn: "2020-10-12", Workdays: "2020-10-14"}, "Workdays", "2020-10-14 是周三"},
		{PublicityDraft{StartOn: "2020-10-12", Holidays: "2020-10-10", Workdays: "2020-10-10"}, "Workdays", "不能既是节假日又是调休上班日"},
	}
	for _, b := range bad {
		b.d.RoundID = round.ID
		if _, err := s.SavePublicity(b.d); !strings.Contains(errFor(err, b.field), b.want) {
			t.Errorf("%+v: %s says %q, want %q", b.d, b.field, errFor(err, b.field), b.want)
		}
	}
	if got, _ := s.PublicityOf(round.ID); got.ID != 0 || got.Days != DefaultPublicityDays {
		t.Fatalf("a refused 公示 was stored: %+v", got)
	}

	// Monday 10-12 for five days: it runs until Friday 10-16, so appointing waits.
	pp, err := s.SavePublicity(PublicityDraft{RoundID: round.ID, StartOn: "2020年10月12日"})
	if err != nil {
		t.Fatal(err)
	}
	if end := PublicityEnd(pp); end.String() != "2020-10-16" {
		t.Fatalf("end %s", end)
	}
	if w, _ := s.AdmitWarning(round.ID); !strings.Contains(w, "2020年10月12日至2020年10月16日（5个工作日）尚未结束") {
		t.Fatalf("warning while the period runs: %q", w)
	}

	// From Monday 09-28 over the National Day week, Saturday 10-10 worked: over on 10-10.
	d := PublicityDraftOf(pp)
	d.StartOn, d.Holidays, d.Workdays = "2020-09-28", "2020-10-01 2020-10-02、2020-10-05，2020-10-06,2020-10-07,2020-10-08", "2020-10-10"
	if pp, err = s.SavePublicity(d); err != nil {
		t.Fatal(err)
	}
	if end := PublicityEnd(pp); end.String() != "2020-10-10" || pp.Holidays != "2020-10-01,2020-10-02,2020-10-05,2020-10-06,2020-10-07,2020-10-08" {
		t.Fatalf("end %s, holidays %q", end, pp.Holidays)
	}
	if w, err := s.AdmitWarning(round.ID); w != "" || err != nil {
		t.Fatalf("warning after the period: %q %v", w, err)
	}
	if _, err := s.SavePublicity(d); err == nil || Message(err) == "" {
		t.Fatalf("a save over a newer 公示: %v", err)
	}

	// The 异议 register.
	badObj := []struct {
		d           ObjectionDraft
		field, want string
	}{
		{ObjectionDraft{}, "ReceivedOn", "请填写收到异议的日期"},
		{ObjectionDraft{}, "RaisedBy", "请填写异议人"},
		{ObjectionDraft{}, "Content", "请填写异议内容"},
		{ObjectionDraft{ReceivedOn: "2020-10-20", RaisedBy: "匿名", Content: "x"}, "ReceivedOn", "不能晚于今天"},
		{ObjectionDraft{ReceivedOn: "2020-10-09", RaisedBy: "匿名", Content: "x", Handling: "已核实"}, "HandledOn", "请同时填写处理日期"},
		{ObjectionDraft{ReceivedOn: "2020-10-09", RaisedBy: "匿名", Content: "x", HandledOn: "2020-10-12"}, "Handling", "请同时填写处理情况"},
		{ObjectionDraft{ReceivedOn: "2020-10-09", RaisedBy: "匿名", Content: "x", Handling: "已核实", HandledOn: "2020-10-08"}, "HandledOn", "不能早于收到日期"},
	}
	for _, b := range badObj {
		b.d.RoundID = round.ID
		if _, err := s.SaveObjection(b.d); !strings.Contains(errFor(err, b.field), b.want) {
			t.Errorf("%+v: %s says %q, want %q", b.d, b.field, errFor(err, b.field), b.want)
		}
	}
	if os, _ := s.Objections(round.ID); len(os) != 0 {
		t.Fatalf("refused objections stored: %+v", os)
	}
	o, err := s.SaveObjection(ObjectionDraft{RoundID: round.ID, ReceivedOn: "2020-10-09", RaisedBy: "匿名来信", Content: "该生曾受处分"})
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := s.AdmitWarning(round.ID); !strings.Contains(w, "有 1 件异议尚未处理") || strings.Contains(w, "尚未结束") {
		t.Fatalf("warning with an open objection: %q", w)
	}
	od := ObjectionDraftOf(o)
	od.Handling, od.HandledOn = "经核实，处分已于2019年解除，不影响任职", "2020-10-12"
	if _, err := s.SaveObjection(od); err != nil {
		t.Fatal(err)
	}
	if w, _ := s.AdmitWarning(round.ID); w != "" {
		t.Fatalf("warning after handling: %q", w)
	}
	os, _ := s.Objections(round.ID)
	if note := DefaultClosingNote(pp, os); !strings.Contains(note, "公示期已于2020年10月10日结束，公示期间收到异议1件，均已处理。") ||
		!strings.Contains(note, "处分已于2019年解除") {
		t.Fatalf("closing note %q", note)
	}
	if note := DefaultClosingNote(pp, nil); note != "公示期已于2020年10月10日结束，公示期间未收到异议。" {
		t.Fatalf("closing note without objections %q", note)
	}

	public, err := s.PublicRows(round.ID)
	if err != nil || len(public) != 1 {
		t.Fatalf("public rows %v %v", public, err)
	}
	if got := strings.Join(public[0], "|"); got != "陈思远||2020级|宣传部干事" {
		t.Fatalf("public row %q", got)
	}
	internal, _ := s.InternalRows(round.ID)
	if len(internal) != 1 || internal[0][1] != "0020200101" || len(internal[0]) != len(InternalColumns) {
		t.Fatalf("internal rows %v", internal)
	}
}
