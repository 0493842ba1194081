package app

import (
	"strings"
	"testing"

	"tuanxue/data"
)

func TestSelectionRoundToAppointment(t *testing.T) {
	s, p, union, pub := cadreFixture(t)
	tree, _ := s.OrgTree()
	league := tree.OfKinds(data.KindLeague)[0]
	if _, err := s.SaveRound(RoundDraft{OrganizationID: union.ID, Semester: "2020-2021-1", Kind: "抽签", Title: ""}); err == nil ||
		errFor(err, "Kind") == "" || errFor(err, "Title") == "" {
		t.Fatalf("bad round accepted: %v", err)
	}
	round, err := s.SaveRound(RoundDraft{OrganizationID: union.ID, Semester: "2020-2021-1", Kind: data.RoundElection,
		Title: "2020年换届选举", HeldOn: "2020-09-20", ApproverLeagueID: &league.ID, ScoreItems: "笔试，面试、民主测评"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ScoreItemsOf(round), "|"); got != "笔试|面试|民主测评" {
		t.Fatalf("score items %q", got)
	}

	draft := CandidateDraft{RoundID: round.ID, PersonID: p.ID, Post: PostChair,
		Scores:        map[string]string{"笔试": "88", "面试": "９２", "民主测评": ""},
		RecommendedOn: "2020-09-21", PartyAgreedOn: "2020-09-20"}
	if _, err := s.SaveCandidate(draft); !strings.Contains(errFor(err, "PartyAgreedOn"), "不能早于学院团组织推荐日期") {
		t.Fatalf("steps out of order: %v", err)
	}
	draft.PartyAgreedOn = "2020-09-22"
	draft.Scores["面试"] = "满分"
	if _, err := s.SaveCandidate(draft); !strings.Contains(errFor(err, "Scores"), "面试成绩") {
		t.Fatalf("bad score: %v", err)
	}
	draft.Scores["面试"] = "９２"
	c, err := s.SaveCandidate(draft)
	if err != nil {
		t.Fatal(err)
	}
	if sc := CandidateScores(c); sc["面试"] != 92 || sc["笔试"] != 88 || len(sc) != 2 {
		t.Fatalf("scores %v", sc)
	}

	// A 主席团 candidate needs all four steps before the appointment.
	if _, err := s.Admit(c.ID, "2020-10-01"); !strings.Contains(Message(err), "学工部门与校团委审核、校党委决定") {
		t.Fatalf("admit without the steps: %v", err)
	}
	draft.ID, draft.Version = c.ID, c.Version
	draft.ReviewedOn, draft.DecidedOn = "2020-09-25", "2020-09-28"
	if _, err := s.SaveCandidate(draft); err != nil {
		t.Fatal(err)
	}
	a, err := s.Admit(c.ID, "2020-10-01")
	if err != nil {
		t.Fatal(err)
	}
	if a.SelectedBy != data.SelectedByRound || *a.RoundID != round.ID || a.DepartmentID != nil || a.Post != PostChair {
		t.Fatalf("appointment %+v", a)
	}
	cs, _ := s.Candidates(round.ID)
	if cs[0].Result != data.ResultAdmitted || *cs[0].AppointmentID != a.ID {
		t.Fatalf("candidate after admit %+v", cs[0])
	}
	if _, err := s.Admit(c.ID, "2020-10-01"); !strings.Contains(Message(err), "已经录用") {
		t.Fatalf("admitted twice: %v", err)
	}

	// A department member needs steps one and three only.
	q, _ := s.SavePerson(PersonDraft{StudentNo: "2020102", Name: "林雅婷"})
	dc, err := s.SaveCandidate(CandidateDraft{RoundID: round.ID, PersonID: q.ID, DepartmentID: &pub.ID, Post: PostStaff,
		RecommendedOn: "2020-09-21", ReviewedOn: "2020-09-25"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Admit(dc.ID, "2020-10-01"); err != nil {
		t.Fatalf("department member with steps 1 and 3: %v", err)
	}
}

func TestRecommendations(t *testing.T) {
	s, p, _, _ := cadreFixture(t)
	if _, err := s.SaveRecommendation(RecommendationDraft{PersonID: p.ID, HeldOn: "2020-13-01"}); errFor(err, "HeldOn") == "" || errFor(err, "Stage") == "" {
		t.Fatalf("bad 推优 accepted: %v", err)
	}
	if _, err := s.SaveRecommendation(RecommendationDraft{PersonID: p.ID, Branch: "20级机电1班团支部", HeldOn: "2020-10-10",
		Stage: RecommendationStages[0], Result: "通过"}); err != nil {
		t.Fatal(err)
	}
	f, err := s.PersonFile(p.ID)
	if err != nil || len(f.Recommendations) != 1 || f.Recommendations[0].Branch != "20级机电1班团支部" {
		t.Fatalf("person file %+v %v", f.Recommendations, err)
	}
}
