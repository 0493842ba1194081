package app

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"tuanxue/data"
)

// NomineeDraft is one candidate line of the election form.
type NomineeDraft struct {
	ID        uint
	Version   int
	StudentNo string
	Post      string
}

// ElectionDraft is the election form: what is elected, how many seats, who
// stands.
type ElectionDraft struct {
	ID         uint
	Version    int
	MeetingID  uint
	Title      string
	Seats      string
	Candidates []NomineeDraft
}

// SaveElection validates an election with its candidates and stores them
// together. Under the rules' 差额 requirement, as many candidates as seats
// is refused; an election already counted cannot change.
func (s *Service) SaveElection(d ElectionDraft, rules CongressRules) (Election, error) {
	var v ValidationError
	e := Election{ID: d.ID, Version: d.Version, MeetingID: d.MeetingID}
	m, err := s.Congress(d.MeetingID)
	if err != nil {
		return e, err
	}
	if d.ID != 0 {
		old, err := s.store.Election(d.ID)
		if err != nil {
			return e, err
		}
		if old.Status == data.ElectionCounted {
			return e, ValidationError{{"", "本次选举已计票并产生任职，不能再修改"}}
		}
		e.Voters, e.Ballots = old.Voters, old.Ballots
	}
	e.Title = cleanName(&v, "Title", "选举名称", d.Title, MaxNameLen)
	if n, err := strconv.Atoi(strings.TrimSpace(d.Seats)); err != nil || n < 1 || n > 99 {
		v.add("Seats", "应选名额请填 1–99 的整数")
	} else {
		e.Seats = n
	}
	nominees := s.checkNominees(&v, d)
	if e.Seats > 0 && v.For("Candidates") == "" {
		checkCompetitive(&v, len(nominees), e.Seats, rules)
	}
	if err := v.Err(); err != nil {
		return e, err
	}
	err = s.InTransaction(func(tx *Service) error {
		if err := tx.store.SaveElection(&e); err != nil {
			return err
		}
		return tx.replaceNominees(e, nominees)
	})
	return e, s.refused(err, m.OrganizationID)
}

// checkCompetitive: fewer candidates than seats is never an election; as
// many is one only where the rules allow 等额.
func checkCompetitive(v *ValidationError, candidates, seats int, rules CongressRules) {
	switch {
	case candidates < seats:
		v.add("Candidates", fmt.Sprintf("候选人 %d 人，少于应选名额 %d 名", candidates, seats))
	case candidates == seats && rules.Competitive:
		v.add("Candidates", fmt.Sprintf("候选人 %d 人、应选 %d 名：须差额选举，候选人应多于应选名额", candidates, seats))
	}
}

// checkNominees reads the candidate lines: people on the roster, once
// each, standing for a 主席团 post.
func (s *Service) checkNominees(v *ValidationError, d ElectionDraft) []Nominee {
	var out []Nominee
	seen := map[uint]bool{}
	for _, c := range d.Candidates {
		no := strings.TrimSpace(c.StudentNo)
		if no == "" {
			continue
		}
		p, err := s.store.PersonByStudentNo(no)
		switch {
		case errors.Is(err, data.ErrNotFound):
			v.add("Candidates", fmt.Sprintf("候选人学号 %s 不在人员名册中，请先在“学生骨干”中添加此人", no))
			continue
		case err != nil:
			v.add("Candidates", Message(err))
			continue
		case seen[p.ID]:
			v.add("Candidates", p.Name+"在候选人中重复")
			continue
		}
		seen[p.ID] = true
		post := strings.TrimSpace(c.Post)
		if post == "" {
			post = PostViceChair
		}
		if !IsPresidiumPost(post) {
			v.add("Candidates", fmt.Sprintf("%s的候选职务“%s”不是主席团职务（主席、执行主席、轮值执行主席、副主席）", p.Name, post))
		}
		out = append(out, Nominee{ID: c.ID, Version: c.Version, ElectionID: d.ID, MeetingID: d.MeetingID, PersonID: p.ID, Post: post})
	}
	return out
}

// replaceNominees makes the election's candidates the given ones.
func (s *Service) replaceNominees(e Election, ns []Nominee) error {
	k, err := s.store.KitOf(e.MeetingID)
	if err != nil {
		return err
	}
	kept := map[uint]bool{}
	for _, n := range ns {
		kept[n.ID] = true
	}
	for _, old := range k.Nominees {
		if old.ElectionID == e.ID && !kept[old.ID] {
			if err := s.store.DeleteNominee(old.ID); err != nil {
				return err
			}
		}
	}
	for i := range ns {
		ns[i].ElectionID = e.ID
		if err := s.store.SaveNominee(&ns[i]); err != nil {
			if errors.Is(err, data.ErrDuplicate) {
				return ValidationError{{"Candidates", "同一人在本次选举中只能作一次候选人"}}
			}
			return err
		}
	}
	return nil
}

// CountDraft is the 计票 form: the delegates present at the vote, the
// ballots returned and each candidate's votes (by candidate ID).
type CountDraft struct {
	ElectionID uint
	Voters     string
	Ballots    string
	Votes      map[uint]string
}

// Ranked is a candidate with the outcome of the count.
type Ranked struct {
	Nominee
	Person Person
	Passed bool   // more than the majority of the delegates present
	Tied   bool   // level with another at the last seat
	Why    string // why a candidate with a majority is not elected
}

// CountVotes checks the count against the congress's delegates and rules,
// decides who is elected (more than the majority of the votes of the
// delegates present, best first, up to the seats; a tie for the last seat
// elects neither), and appoints the elected to the 主席团 with the congress
// as the source — all in one transaction, or nothing.
func (s *Service) CountVotes(d CountDraft, rules CongressRules) ([]Ranked, error) {
	e, err := s.store.Election(d.ElectionID)
	if err != nil {
		return nil, err
	}
	if e.Status == data.ElectionCounted {
		return nil, ValidationError{{"", "本次选举已计票并产生任职，不能重复计票"}}
	}
	m, err := s.Congress(e.MeetingID)
	if err != nil {
		return nil, err
	}
	k, err := s.store.KitOf(m.ID)
	if err != nil {
		return nil, err
	}
	var v ValidationError
	voters, ballots := s.checkVoters(&v, d, k.Delegates, rules)
	var ranked []Ranked
	for _, n := range k.Nominees {
		if n.ElectionID != e.ID {
			continue
		}
		p, _ := s.store.Person(n.PersonID)
		field := fmt.Sprintf("Votes%d", n.ID)
		votes := parseOptionalCount(&v, field, p.Name+"的得票", d.Votes[n.ID])
		switch {
		case votes == nil && v.For(field) == "":
			v.add(field, "请填写"+p.Name+"的得票")
		case votes != nil && voters > 0 && *votes > voters:
			v.add(field, fmt.Sprintf("%s得票 %d，多于实到代表 %d 人", p.Name, *votes, voters))
		case votes != nil && ballots != nil && *votes > *ballots:
			v.add(field, fmt.Sprintf("%s得票 %d，多于收回的选票 %d 张", p.Name, *votes, *ballots))
		}
		n.Votes = votes
		ranked = append(ranked, Ranked{Nominee: n, Person: p})
	}
	checkCompetitive(&v, len(ranked), e.Seats, rules)
	if err := v.Err(); err != nil {
		return nil, err
	}
	decide(ranked, e.Seats, voters, rules.Majority)
	e.Voters, e.Ballots, e.Status = &voters, ballots, data.ElectionCounted
	return ranked, s.refused(s.InTransaction(func(tx *Service) error { return tx.storeCount(m, e, ranked) }), m.OrganizationID)
}

// checkVoters reads the delegates present at the vote, which the
// attendance gives when it is left empty, and the quorum.
func (s *Service) checkVoters(v *ValidationError, d CountDraft, ds []Delegate, rules CongressRules) (int, *int) {
	total := len(ds)
	if total == 0 {
		v.add("Voters", "本次大会尚未登记代表，不能计票")
		return 0, nil
	}
	voters := PresentCount(ds)
	if n := parseOptionalCount(v, "Voters", "实到代表", d.Voters); n != nil {
		voters = *n
	} else if v.For("Voters") == "" && !AttendanceMarked(ds) {
		v.add("Voters", "请填写实到代表人数，或先在“代表”页登记出席")
	}
	switch {
	case voters > total:
		v.add("Voters", fmt.Sprintf("实到代表（%d）不能多于代表总数（%d）", voters, total))
	case v.For("Voters") == "" && !rules.Quorum.Exceeded(voters, total):
		v.add("Voters", fmt.Sprintf("实到代表 %d 人，未超过代表总数 %d 人的 %s（至少须 %d 人），大会不能进行选举",
			voters, total, rules.Quorum, rules.Quorum.Needed(total)))
	}
	ballots := parseOptionalCount(v, "Ballots", "收回选票", d.Ballots)
	if ballots != nil && *ballots > voters {
		v.add("Ballots", fmt.Sprintf("收回选票 %d 张，多于实到代表 %d 人", *ballots, voters))
	}
	return voters, ballots
}

// decide marks who is elected: the most votes first, only those with more
// than the majority, up to the seats; candidates level with each other who
// do not all fit in the seats left are none of them elected.
func decide(rs []Ranked, seats, voters int, majority Fraction) {
	slices.SortStableFunc(rs, func(a, b Ranked) int { return cmp.Compare(*b.Votes, *a.Votes) })
	elected := 0
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && *rs[j].Votes == *rs[i].Votes {
			j++
		}
		passed := majority.Exceeded(*rs[i].Votes, voters)
		fits := elected+(j-i) <= seats
		for k := i; k < j; k++ {
			r := &rs[k]
			r.Passed, r.Result = passed, data.ResultNotElected
			switch {
			case !passed:
				r.Why = fmt.Sprintf("得票未超过实到代表 %d 人的 %s", voters, majority)
			case elected >= seats:
				r.Why = "名额已满"
			case !fits:
				r.Tied, r.Why = true, "与他人得票相同，超出剩余名额，须另行选举"
			default:
				r.Result = data.ResultElected
			}
		}
		if passed && fits {
			elected += j - i
		}
		i = j
	}
}

// storeCount writes the count: each candidate's votes and result, a 主席团
// term for each one elected from the congress day, and the congress marked
// as having elected the 主席团.
func (s *Service) storeCount(m Meeting, e Election, rs []Ranked) error {
	for i := range rs {
		n := &rs[i].Nominee
		if n.Result == data.ResultElected {
			a, v := s.CheckAppointment(AppointmentDraft{PersonID: n.PersonID, OrganizationID: m.OrganizationID, Post: n.Post,
				StartOn: m.HeldOn.String(), SelectedBy: data.SelectedByCongress})
			if len(v) > 0 {
				return ValidationError{{fmt.Sprintf("Votes%d", n.ID), rs[i].Person.Name + "当选后不能任职：" + v.Error()}}
			}
			a.MeetingID = &m.ID
			if err := s.store.SaveAppointment(&a); err != nil {
				return err
			}
			n.AppointmentID = &a.ID
		}
		if err := s.store.SaveNominee(n); err != nil {
			return err
		}
	}
	if err := s.store.SaveElection(&e); err != nil {
		return err
	}
	if !m.PresidiumElected && slices.ContainsFunc(rs, func(r Ranked) bool { return r.Result == data.ResultElected }) {
		m.PresidiumElected = true
		return s.store.SaveMeeting(&m)
	}
	return nil
}

// ElectionResult is an election with its candidates, best first once
// counted, for the 计票单 and the 当选名单.
type ElectionResult struct {
	Election
	Candidates []Ranked
}

// ElectionResults lists a congress's elections with their candidates.
func (s *Service) ElectionResults(k CongressKit) ([]ElectionResult, error) {
	out := make([]ElectionResult, len(k.Elections))
	for i, e := range k.Elections {
		out[i].Election = e
		for _, n := range k.Nominees {
			if n.ElectionID != e.ID {
				continue
			}
			p, err := s.store.Person(n.PersonID)
			if err != nil && !errors.Is(err, data.ErrNotFound) {
				return nil, err
			}
			out[i].Candidates = append(out[i].Candidates, Ranked{Nominee: n, Person: p, Passed: n.Result == data.ResultElected})
		}
		if e.Status == data.ElectionCounted {
			slices.SortStableFunc(out[i].Candidates, func(a, b Ranked) int { return cmp.Compare(votesOf(b), votesOf(a)) })
		}
	}
	return out, nil
}

func votesOf(r Ranked) int {
	if r.Votes == nil {
		return -1
	}
	return *r.Votes
}
