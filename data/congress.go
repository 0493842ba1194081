package data

import "time"

// How a delegate came to the congress (代表产生方式).
const (
	DelegateByClass    = "class"    // 班级团员大会/班会选举
	DelegateByAssembly = "assembly" // 全体学生大会（院系不足规定人数时）
	DelegateByOther    = "other"    // 其他（特邀、增补）
)

// Congress forms: a 学生代表大会, or a 全体学生大会 in its place.
const (
	CongressByDelegates = ""
	CongressAssembly    = "assembly"
)

// A candidate's result once the votes are counted.
const (
	ResultElected    = "elected"
	ResultNotElected = "not_elected"
)

// A proposal's review (提案审查).
const (
	ProposalAccepted = "accepted" // 立案
	ProposalRejected = "rejected" // 不予立案
)

// ElectionCounted marks an election whose votes are counted and whose
// elected candidates hold their posts.
const ElectionCounted = "counted"

// CongressQuota is the seats a congress gives one college (代表名额分配),
// from its students on the day the allocation was made.
type CongressQuota struct {
	ID             uint
	MeetingID      uint
	OrganizationID uint
	Students       int
	Seats          int
	Version        int // see saveRecord
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Delegate is one line of a congress's delegates register.
type Delegate struct {
	ID             uint
	MeetingID      uint
	PersonID       uint
	OrganizationID *uint // the college union whose seats the delegate fills
	ClassName      string
	ElectedBy      string
	Attendance     string // AttendPresent, AttendLeave, AttendAbsent, or "" before the day
	Notes          string
	Version        int // see saveRecord
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// TableName names the delegates table.
func (Delegate) TableName() string { return "congress_delegates" }

// Election is one election held by a congress (e.g. 主席团成员选举).
type Election struct {
	ID        uint
	MeetingID uint
	Title     string
	Seats     int
	Voters    *int // delegates present at the vote
	Ballots   *int // ballots cast
	Status    string
	Version   int // see saveRecord
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TableName names the elections table.
func (Election) TableName() string { return "congress_elections" }

// Nominee is one candidate of an election with the votes counted.
type Nominee struct {
	ID            uint
	ElectionID    uint
	MeetingID     uint
	PersonID      uint
	Post          string // the post the candidate stands for
	Votes         *int
	Result        string
	AppointmentID *uint // the term the election created
	Version       int   // see saveRecord
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// TableName names the candidates table.
func (Nominee) TableName() string { return "congress_candidates" }

// Proposal is one 提案 of a congress with its review and answer.
type Proposal struct {
	ID         uint
	MeetingID  uint
	Number     int
	Title      string
	Content    string
	ProposerID uint
	Seconders  string // 附议人, names separated by 、
	Decision   string
	Reason     string
	Answer     string
	AnsweredBy string
	AnsweredOn Date `gorm:"type:text"`
	Version    int  // see saveRecord
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// TableName names the proposals table.
func (Proposal) TableName() string { return "congress_proposals" }

// TableName names the quotas table.
func (CongressQuota) TableName() string { return "congress_quotas" }

// CongressKit is everything recorded for one congress.
type CongressKit struct {
	Quotas    []CongressQuota
	Delegates []Delegate
	Elections []Election
	Nominees  []Nominee
	Proposals []Proposal
}

// KitOf reads a congress's kit, each list in its printing order.
func (s *Store) KitOf(meetingID uint) (CongressKit, error) {
	var k CongressKit
	for _, step := range []struct {
		dest  any
		order string
	}{{&k.Quotas, "id"}, {&k.Delegates, "organization_id, class_name, id"}, {&k.Elections, "id"},
		{&k.Nominees, "election_id, id"}, {&k.Proposals, "number, id"}} {
		if err := s.db.Where("meeting_id = ?", meetingID).Order(step.order).Find(step.dest).Error; err != nil {
			return k, translate(err)
		}
	}
	return k, nil
}

// ReplaceQuotas writes a congress's allocation over the one it had.
func (s *Store) ReplaceQuotas(meetingID uint, qs []CongressQuota) error {
	if err := translate(s.db.Where("meeting_id = ?", meetingID).Delete(&CongressQuota{}).Error); err != nil {
		return err
	}
	return createAll(s.db, qs)
}

// SaveDelegate creates or updates a delegate.
func (s *Store) SaveDelegate(d *Delegate) error { return saveRecord(s.db, d, d.ID) }

// DeleteDelegate removes a delegate from the register.
func (s *Store) DeleteDelegate(id uint) error { return deleteRecord[Delegate](s.db, id) }

// SaveElection creates or updates an election.
func (s *Store) SaveElection(e *Election) error { return saveRecord(s.db, e, e.ID) }

// Election reads one election.
func (s *Store) Election(id uint) (Election, error) { return getRecord[Election](s.db, id) }

// DeleteElection removes an election and its candidates.
func (s *Store) DeleteElection(id uint) error {
	if err := translate(s.db.Where("election_id = ?", id).Delete(&Nominee{}).Error); err != nil {
		return err
	}
	return deleteRecord[Election](s.db, id)
}

// SaveNominee creates or updates a candidate.
func (s *Store) SaveNominee(n *Nominee) error { return saveRecord(s.db, n, n.ID) }

// DeleteNominee removes a candidate.
func (s *Store) DeleteNominee(id uint) error { return deleteRecord[Nominee](s.db, id) }

// SaveProposal creates or updates a proposal.
func (s *Store) SaveProposal(p *Proposal) error { return saveRecord(s.db, p, p.ID) }

// DeleteProposal removes a proposal.
func (s *Store) DeleteProposal(id uint) error { return deleteRecord[Proposal](s.db, id) }
