package app

import (
	"fmt"
	"slices"

	"tuanxue/data"
)

// sampleStudents are the sample colleges' students (9,860 in all, as the
// school union says), so that the congress's seats come from them.
var sampleStudents = map[string]string{"机电工程学院": "3600", "信息工程学院": "3460", "经济管理学院": "2800"}

// sampleCongress gives the sample's congress its kit: seats allocated from
// the colleges' students at 1 % (99), 99 delegates elected by their classes
// (about a third of each college's seats go to cadres, the school union's
// 主席团 among them; the others hold no post), 96 present, 3 on leave, the
// 主席团 election of 4 candidates for 3 seats, and
// three proposals — one answered, one awaiting its answer, one not accepted.
func (b *sampleBuilder) sampleCongress() {
	if b.err != nil {
		return
	}
	ms, err := b.s.Meetings(data.SessionFilter{Kind: data.MeetingCongress})
	b.fail(err)
	if b.err != nil || len(ms) == 0 {
		return
	}
	m := ms[0]
	quotas, err := b.s.AllocateSeats(m.ID, DefaultCongressRules)
	b.fail(err)
	tree, _ := b.s.OrgTree()
	staff, err := b.s.store.StaffOn(m.HeldOn, data.KindSchoolUnion, data.KindCollegeUnion)
	b.fail(err)
	var rows []DelegateDraft
	var presidium []string
	for _, q := range quotas {
		org, _ := tree.Get(q.OrganizationID)
		cadres := b.sampleCadreDelegates(staff, org, q.Seats*37/100, &presidium)
		rows = append(rows, cadres...)
		for i := len(cadres); i < q.Seats; i++ {
			rows = append(rows, DelegateDraft{StudentNo: b.sampleStudent(org, i).StudentNo})
		}
	}
	for i := range rows {
		rows[i].ElectedBy, rows[i].Attendance = data.DelegateByClass, data.AttendPresent
		if i%25 == 24 {
			rows[i].Attendance = data.AttendLeave
		}
	}
	if b.err != nil {
		return
	}
	b.fail(b.s.SaveDelegates(m.ID, rows))
	b.sampleElection(m, presidium, rows[len(rows)-1].StudentNo)
	b.sampleProposals(m, rows)
}

// sampleCadreDelegates picks n of a college's cadres, the school union's
// 主席团 members of that college first.
func (b *sampleBuilder) sampleCadreDelegates(staff []data.StaffRow, college Organization, n int, presidium *[]string) []DelegateDraft {
	tree, _ := b.s.OrgTree()
	var out []DelegateDraft
	seen := map[uint]bool{}
	for _, first := range []bool{true, false} {
		for _, r := range staff {
			org, _ := tree.Get(r.OrganizationID)
			p, err := b.s.store.Person(r.PersonID)
			if err != nil || seen[p.ID] || len(out) >= n || p.College+"学生会" != college.Name {
				continue
			}
			chief := org.Kind == data.KindSchoolUnion && r.DepartmentID == nil
			if first != chief {
				continue
			}
			if chief {
				*presidium = append(*presidium, p.StudentNo)
			}
			seen[p.ID] = true
			out = append(out, DelegateDraft{StudentNo: p.StudentNo})
		}
	}
	return out
}

// sampleStudent adds a student of a college who holds no post.
func (b *sampleBuilder) sampleStudent(college Organization, i int) Person {
	name := []rune(college.Name)
	collegeName := string(name[:len(name)-3])
	n := 5000 + collegeCode(collegeName)*100 + i
	grade := 2019 + i%2
	d := PersonDraft{StudentNo: fmt.Sprintf("%d%02d%04d", grade, collegeCode(collegeName), n), College: collegeName,
		Name:      string(sampleSurnames[(n*5)%len(sampleSurnames)]) + sampleGiven[(n*7)%len(sampleGiven)],
		Gender:    []string{data.GenderMale, data.GenderFemale}[i%2],
		Major:     sampleMajors[collegeName],
		ClassName: fmt.Sprintf("%d级%s%d班", grade%100, string([]rune(sampleMajors[collegeName])[:2]), 1+i%4),
		Grade:     fmt.Sprint(grade), PoliticalStatus: []string{data.PoliticalLeague, data.PoliticalMasses}[min(i%5, 1)]}
	if b.err != nil {
		return Person{}
	}
	p, err := b.s.SavePerson(d)
	b.fail(err)
	return p
}

// sampleElection is the 主席团 election: the three members in post and one
// more delegate for three seats. The members' terms began before this
// congress in the sample's story, so the count is written as the congress
// recorded it and their terms are linked to it, rather than appointing them
// a second time.
func (b *sampleBuilder) sampleElection(m Meeting, presidium []string, other string) {
	if b.err != nil {
		return
	}
	nos := append(slices.Clone(presidium), other)
	d := ElectionDraft{MeetingID: m.ID, Title: "主席团成员选举", Seats: fmt.Sprint(len(presidium))}
	for _, no := range nos {
		d.Candidates = append(d.Candidates, NomineeDraft{StudentNo: no})
	}
	e, err := b.s.SaveElection(d, DefaultCongressRules)
	b.fail(err)
	if b.err != nil {
		return
	}
	k, err := b.s.Kit(m.ID)
	b.fail(err)
	voters, ballots := PresentCount(k.Delegates), PresentCount(k.Delegates)-1
	e.Voters, e.Ballots, e.Status = &voters, &ballots, data.ElectionCounted
	b.fail(b.s.store.SaveElection(&e))
	for i, n := range k.Nominees {
		votes := []int{88, 85, 80, 31}[min(i, 3)]
		n.Votes, n.Result = &votes, data.ResultNotElected
		if i < len(presidium) {
			n.Result = data.ResultElected
			b.sampleLinkTerm(&n, m)
		}
		b.fail(b.s.store.SaveNominee(&n))
	}
}

// sampleLinkTerm names the congress as the source of a member's term.
func (b *sampleBuilder) sampleLinkTerm(n *Nominee, m Meeting) {
	as, err := b.s.store.AppointmentsOf(n.PersonID)
	b.fail(err)
	for _, a := range as {
		if a.OrganizationID == m.OrganizationID && a.DepartmentID == nil && a.EndOn.IsZero() {
			a.MeetingID, n.Post = &m.ID, a.Post
			b.fail(b.s.store.SaveAppointment(&a))
			n.AppointmentID = &a.ID
		}
	}
}

// sampleProposals are three proposals of delegates.
func (b *sampleBuilder) sampleProposals(m Meeting, rows []DelegateDraft) {
	for i, p := range []ProposalDraft{
		{Title: "关于延长图书馆自习室开放时间的提案", Content: "期末复习期间自习座位紧张，建议自习室开放至22:30。",
			Seconders: "8 名代表", Decision: data.ProposalAccepted, Answer: "经与图书馆协商，考试周自习室开放至22:30。",
			AnsweredBy: "校团委、图书馆", AnsweredOn: b.s.Today().String()},
		{Title: "关于在教学楼增设饮水机的提案", Content: "三号教学楼仅一楼有饮水机，课间排队时间长。",
			Seconders: "5 名代表", Decision: data.ProposalAccepted},
		{Title: "关于取消晚自习的提案", Content: "建议取消一年级晚自习。", Seconders: "2 名代表",
			Decision: data.ProposalRejected, Reason: "晚自习属学校教学管理安排，不属于学生会职责范围，已转学工部参考。"},
	} {
		if b.err != nil {
			return
		}
		p.MeetingID, p.ProposerNo = m.ID, rows[10+20*i].StudentNo
		_, err := b.s.SaveProposal(p)
		b.fail(err)
	}
}
