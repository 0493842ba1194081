package app_test

import (
	"errors"
	"testing"

	"tuanxue/app"
	"tuanxue/app/apptest"
)

// Numbers no meeting can have, and a member under 18, are refused next to
// the field; nothing is saved.
func TestRecommendationImpossibleInput(t *testing.T) {
	svc := apptest.Service(t)
	p, err := svc.SavePerson(app.PersonDraft{StudentNo: "20190001", Name: "陈思远", BornOn: "2002-05-01"})
	if err != nil {
		t.Fatal(err)
	}
	ok := app.RecommendationDraft{PersonID: p.ID, Branch: "机电1班团支部", HeldOn: "2020-10-10", Stage: app.StageBranchMeeting,
		BranchMembers: "20", Present: "15", VotesFor: "12"}
	cases := []struct {
		field string
		edit  func(d *app.RecommendationDraft)
	}{
		{"Present", func(d *app.RecommendationDraft) { d.Present = "21" }},
		{"VotesFor", func(d *app.RecommendationDraft) { d.VotesFor = "25" }},
		{"VotesFor", func(d *app.RecommendationDraft) { d.VotesFor = "16" }},
		{"BranchMembers", func(d *app.RecommendationDraft) { d.BranchMembers = "二十" }},
		{"HeldOn", func(d *app.RecommendationDraft) { d.HeldOn = "2020-04-30" }}, // 16 years old
	}
	for _, c := range cases {
		d := ok
		c.edit(&d)
		_, err := svc.SaveRecommendation(d)
		var v app.ValidationError
		if !errors.As(err, &v) || v.For(c.field) == "" {
			t.Errorf("%+v: %v", d, err)
		}
	}
	if rs, _ := svc.Store().RecommendationsOf(p.ID); len(rs) != 0 {
		t.Fatalf("refused records saved: %+v", rs)
	}
	if _, err := svc.SaveRecommendation(app.RecommendationDraft{PersonID: p.ID, Branch: "机电1班团支部", HeldOn: "2020-10-10",
		Stage: app.StageBranchMeeting, BranchMembers: "20", Present: "15", VotesFor: "12"}); err != nil {
		t.Fatal(err)
	}
	d := app.PersonDraftOf(p)
	d.BornOn = "2099-01-01"
	if _, err := svc.SavePerson(d); err == nil {
		t.Fatal("a birth date in the future saved")
	}
}
