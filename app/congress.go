package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"tuanxue/data"
)

// The records of a congress's kit (学代会).
type (
	CongressQuota = data.CongressQuota
	Delegate      = data.Delegate
	Election      = data.Election
	Nominee       = data.Nominee
	Proposal      = data.Proposal
	CongressKit   = data.CongressKit
)

// Fraction is a share written as teachers write it: 2/3, 1/2.
type Fraction struct{ Num, Den int }

// Exceeded reports whether n is more than the fraction of of: 81 of 120 is
// more than 2/3, 80 is not.
func (f Fraction) Exceeded(n, of int) bool { return n*f.Den > of*f.Num }

// Needed is the least n that exceeds the fraction of of.
func (f Fraction) Needed(of int) int { return of*f.Num/f.Den + 1 }

func (f Fraction) String() string { return fmt.Sprintf("%d/%d", f.Num, f.Den) }

// ParseFraction reads "2/3"; anything else gives def.
func ParseFraction(text string, def Fraction) Fraction {
	a, b, ok := strings.Cut(strings.TrimSpace(width.Narrow.String(text)), "/")
	n, err1 := strconv.Atoi(strings.TrimSpace(a))
	d, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || n <= 0 || d <= 0 || n >= d {
		return def
	}
	return Fraction{n, d}
}

// CongressRules are the numbers of the congress rules in force, from the
// college's rule set (see compliance.CongressRulesOf).
type CongressRules struct {
	DelegateShare float64  // delegates ≥ this % of the students represented
	NonCadreShare float64  // delegates not union cadres ≥ this %
	AssemblyBelow int      // a 院系 with fewer students may hold a 全体学生大会
	Quorum        Fraction // the congress is valid with more than this of the delegates present
	Majority      Fraction // elected with more than this of the votes of the delegates present
	Competitive   bool     // 差额: more candidates than seats
}

// DefaultCongressRules are the 全国学联 working rules' numbers.
var DefaultCongressRules = CongressRules{DelegateShare: 1, NonCadreShare: 60, AssemblyBelow: 400,
	Quorum: Fraction{2, 3}, Majority: Fraction{1, 2}, Competitive: true}

// DelegateWays label how a delegate was elected.
var DelegateWays = []Label{{data.DelegateByClass, "班级选举"}, {data.DelegateByAssembly, "全体学生大会"}, {data.DelegateByOther, "其他（特邀、增补）"}}

// CongressForms label a congress held by delegates or as a 全体学生大会.
var CongressForms = []Label{{data.CongressByDelegates, "学生代表大会"}, {data.CongressAssembly, "全体学生大会"}}

// Congress reads a meeting that must be a congress.
func (s *Service) Congress(id uint) (Meeting, error) {
	m, err := s.store.Meeting(id)
	if err != nil {
		return m, err
	}
	if m.Kind != data.MeetingCongress {
		return m, ValidationError{{"", "这条会议记录不是学生代表大会，没有代表、选举和提案"}}
	}
	return m, nil
}

// Kit reads a congress's kit.
func (s *Service) Kit(meetingID uint) (CongressKit, error) { return s.store.KitOf(meetingID) }

// CongressColleges are the unions whose students a congress represents,
// each given seats: every active 二级学院 union for the school union's
// congress, the union itself for a 二级学院's own.
func (s *Service) CongressColleges(m Meeting) ([]Organization, error) {
	tree, err := s.OrgTree()
	if err != nil {
		return nil, err
	}
	org, ok := tree.Get(m.OrganizationID)
	if !ok {
		return nil, ValidationError{{"", "召开大会的组织不存在"}}
	}
	if org.Kind != data.KindSchoolUnion {
		return []Organization{org}, nil
	}
	var out []Organization
	for _, o := range tree.OfKinds(data.KindCollegeUnion) {
		if o.Status == data.StatusActive {
			out = append(out, o)
		}
	}
	return out, nil
}

// SeatsFor is a college's seats: its share of its students, rounded up, so
// that the whole congress reaches the share.
func SeatsFor(students int, share float64) int {
	if students <= 0 {
		return 0
	}
	return max(1, int(math.Ceil(float64(students)*share/100-1e-9)))
}

// AllocateSeats writes a congress's 代表名额分配 from each college's students
// and the rules' share, over the allocation it had. A college without its
// number of students is refused by name: a seat count from nothing would
// print as a fact.
func (s *Service) AllocateSeats(meetingID uint, rules CongressRules) ([]CongressQuota, error) {
	m, err := s.Congress(meetingID)
	if err != nil {
		return nil, err
	}
	colleges, err := s.CongressColleges(m)
	if err != nil {
		return nil, err
	}
	if len(colleges) == 0 {
		return nil, ValidationError{{"Quotas", "没有可分配名额的二级学院学生会"}}
	}
	var missing []string
	var out []CongressQuota
	for _, o := range colleges {
		if o.Students == nil || *o.Students == 0 {
			missing = append(missing, o.Name)
			continue
		}
		out = append(out, CongressQuota{MeetingID: m.ID, OrganizationID: o.ID, Students: *o.Students,
			Seats: SeatsFor(*o.Students, rules.DelegateShare)})
	}
	if len(missing) > 0 {
		return nil, ValidationError{{"Quotas", strings.Join(missing, "、") + "未填学生人数，请先在“组织机构”中填写后再分配名额"}}
	}
	return out, s.refused(s.InTransaction(func(tx *Service) error { return tx.store.ReplaceQuotas(m.ID, out) }), m.OrganizationID)
}

// PresentCount counts the delegates marked present.
func PresentCount(ds []Delegate) int {
	n := 0
	for _, d := range ds {
		if d.Attendance == data.AttendPresent {
			n++
		}
	}
	return n
}

// AttendanceMarked reports whether the day's attendance was taken.
func AttendanceMarked(ds []Delegate) bool {
	for _, d := range ds {
		if d.Attendance != "" {
			return true
		}
	}
	return false
}
