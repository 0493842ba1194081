package app

import (
	"fmt"
	"time"

	"tuanxue/data"
)

// sampleRecommendations is last semester's 推优 (团员推优入党) by two League
// branches of second-year students, with the people's birth and 入团 dates
// and the branch meetings' numbers: the first branch recommends 5 of its 20
// members, over the 20 % quota (4), so the checks and the 推优情况表 show
// one finding; the second keeps every rule.
func (b *sampleBuilder) sampleRecommendations(sem Semester) {
	if b.err != nil {
		return
	}
	all, err := b.s.store.SearchPeople("", 5000)
	b.fail(err)
	grade := sem.StartYear - 2
	var picked []Person
	for _, p := range all {
		eligible := p.PoliticalStatus == data.PoliticalLeague || p.PoliticalStatus == data.PoliticalActivist
		if p.Grade == grade && eligible && !p.PartyAppliedOn.IsZero() && len(picked) < 7 {
			picked = append(picked, p)
		}
	}
	held := data.DateOf(sem.Prev().Start().Time().AddDate(0, 0, 60))
	branches := []struct {
		name                   string
		members, present, vote int
	}{{fmt.Sprintf("%d级计算机应用技术1班团支部", grade%100), 20, 16, 15}, {fmt.Sprintf("%d级计算机应用技术2班团支部", grade%100), 30, 25, 22}}
	for i, p := range picked {
		if b.err != nil {
			return
		}
		d := PersonDraftOf(p)
		d.BornOn = data.NewDate(grade-18, time.Month(1+i), 10+i).String()
		d.JoinedLeagueOn = data.NewDate(grade-4, 5, 4).String()
		_, err := b.s.SavePerson(d)
		b.fail(err)
		br := branches[min(i/5, 1)]
		_, err = b.s.SaveRecommendation(RecommendationDraft{PersonID: p.ID, Branch: br.name, HeldOn: held.String(),
			Stage: StageBranchMeeting, Result: RecommendationResults[0], BranchMembers: fmt.Sprint(br.members),
			Present: fmt.Sprint(br.present), VotesFor: fmt.Sprint(br.vote)})
		b.fail(err)
	}
}
