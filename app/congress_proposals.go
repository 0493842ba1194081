package app

import (
	"errors"
	"fmt"
	"strings"

	"tuanxue/data"
)

// ProposalDecisions label the review of a proposal (提案审查).
var ProposalDecisions = []Label{{"", "待审查"}, {data.ProposalAccepted, "立案"}, {data.ProposalRejected, "不予立案"}}

// ProposalDraft is the 提案 form as filled in.
type ProposalDraft struct {
	ID         uint
	Version    int
	MeetingID  uint
	Title      string
	Content    string
	ProposerNo string // the proposer's 学号: a delegate of the congress
	Seconders  string // 附议人
	Decision   string
	Reason     string
	Answer     string
	AnsweredBy string
	AnsweredOn string
}

// SaveProposal validates and stores a proposal. The proposer is a delegate
// of the congress; a proposal not accepted says why; an answer comes from
// someone, on a day from the congress on, and only to an accepted one.
func (s *Service) SaveProposal(d ProposalDraft) (Proposal, error) {
	var v ValidationError
	p := Proposal{ID: d.ID, Version: d.Version, MeetingID: d.MeetingID, Decision: d.Decision}
	m, err := s.Congress(d.MeetingID)
	if err != nil {
		return p, err
	}
	k, err := s.store.KitOf(m.ID)
	if err != nil {
		return p, err
	}
	p.Title = cleanName(&v, "Title", "提案题目", d.Title, 100)
	p.Content = cleanText(&v, "Content", "提案内容", d.Content, 10*MaxNotesLen)
	p.Seconders = cleanText(&v, "Seconders", "附议人", d.Seconders, 500)
	p.ProposerID = s.proposer(&v, k, d.ProposerNo)
	if TextOf(ProposalDecisions, p.Decision) == p.Decision {
		v.add("Decision", "请选择审查结果")
	}
	p.Reason = cleanText(&v, "Reason", "审查意见", d.Reason, MaxNotesLen)
	if p.Decision == data.ProposalRejected && p.Reason == "" {
		v.add("Reason", "不予立案须写明理由")
	}
	p.Answer = cleanText(&v, "Answer", "答复", d.Answer, 10*MaxNotesLen)
	p.AnsweredBy = cleanText(&v, "AnsweredBy", "答复单位", d.AnsweredBy, MaxNameLen)
	p.AnsweredOn = parseDay(&v, "AnsweredOn", "答复日期", d.AnsweredOn)
	switch {
	case p.Answer != "" && p.Decision != data.ProposalAccepted:
		v.add("Answer", "提案立案后才能登记答复")
	case p.Answer != "" && p.AnsweredBy == "":
		v.add("AnsweredBy", "请填写答复单位或答复人")
	case p.Answer == "" && (p.AnsweredBy != "" || !p.AnsweredOn.IsZero()):
		v.add("Answer", "请填写答复内容")
	}
	if !p.AnsweredOn.IsZero() && p.AnsweredOn.Before(m.HeldOn) {
		v.add("AnsweredOn", fmt.Sprintf("答复日期不能早于大会日期 %s", m.HeldOn))
	}
	notAfter(&v, "AnsweredOn", "答复日期", p.AnsweredOn, s.Today())
	if err := v.Err(); err != nil {
		return p, err
	}
	p.Number = nextNumber(k.Proposals, p.ID)
	return p, s.refused(s.store.SaveProposal(&p), m.OrganizationID)
}

// proposer finds the delegate a 学号 names.
func (s *Service) proposer(v *ValidationError, k CongressKit, no string) uint {
	no = strings.TrimSpace(no)
	if no == "" {
		v.add("ProposerNo", "请填写提案人（代表）的学号")
		return 0
	}
	person, err := s.store.PersonByStudentNo(no)
	switch {
	case errors.Is(err, data.ErrNotFound):
		v.add("ProposerNo", fmt.Sprintf("学号 %s 不在人员名册中", no))
		return 0
	case err != nil:
		v.add("ProposerNo", Message(err))
		return 0
	}
	for _, d := range k.Delegates {
		if d.PersonID == person.ID {
			return person.ID
		}
	}
	v.add("ProposerNo", fmt.Sprintf("%s不是本次大会的代表：提案须由代表提出", person.Name))
	return person.ID
}

// nextNumber keeps a proposal's number, or gives a new one the next.
func nextNumber(ps []Proposal, id uint) int {
	top := 0
	for _, p := range ps {
		if p.ID == id && id != 0 {
			return p.Number
		}
		top = max(top, p.Number)
	}
	return top + 1
}

// ProposalDraftOf fills the form from a stored proposal.
func (s *Service) ProposalDraftOf(p Proposal) ProposalDraft {
	person, _ := s.store.Person(p.ProposerID)
	return ProposalDraft{ID: p.ID, Version: p.Version, MeetingID: p.MeetingID, Title: p.Title, Content: p.Content,
		ProposerNo: person.StudentNo, Seconders: p.Seconders, Decision: p.Decision, Reason: p.Reason, Answer: p.Answer,
		AnsweredBy: p.AnsweredBy, AnsweredOn: p.AnsweredOn.String()}
}

// DeleteProposal removes a proposal from the register.
func (s *Service) DeleteProposal(id uint) error { return s.store.DeleteProposal(id) }

// DeleteElection removes an election not yet counted, with its candidates.
func (s *Service) DeleteElection(id uint) error {
	e, err := s.store.Election(id)
	if err != nil {
		return err
	}
	if e.Status == data.ElectionCounted {
		return ValidationError{{"", "本次选举已计票并产生任职，不能删除"}}
	}
	return s.InTransaction(func(tx *Service) error { return tx.store.DeleteElection(id) })
}
