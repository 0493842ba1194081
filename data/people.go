package data

import (
	"time"

	"gorm.io/gorm"
)

// Political statuses (政治面貌), in the order of the forms.
const (
	PoliticalMasses       = "masses"        // 群众
	PoliticalLeague       = "league_member" // 共青团员
	PoliticalActivist     = "activist"      // 入党积极分子
	PoliticalCandidate    = "candidate"     // 发展对象
	PoliticalProbationary = "probationary"  // 预备党员
	PoliticalParty        = "party_member"  // 中共党员
)

// Genders.
const (
	GenderMale   = "male"
	GenderFemale = "female"
)

// Person is a student who is or was a cadre (学生骨干).
type Person struct {
	ID              uint
	StudentNo       string // 学号: text, leading zeros kept
	Name            string
	Gender          string
	College         string // 二级学院
	Major           string
	ClassName       string
	Grade           int // 年级: the year of enrolment, e.g. 2020; 0 unknown
	Phone           string
	PoliticalStatus string
	PartyAppliedOn  Date     `gorm:"type:text"` // 递交入党申请书
	BornOn          Date     `gorm:"type:text"` // 出生日期; zero unknown
	JoinedLeagueOn  Date     `gorm:"type:text"` // 入团日期; zero unknown
	RankPercent     *float64 // latest ranking within the major, in percent from the top
	FailedCourses   int
	Notes           string
	Version         int // for refusing a save over a newer one
	CreatedAt       time.Time
	UpdatedAt       time.Time
	DeletedAt       gorm.DeletedAt
}

// TableName keeps the plural "people" rather than GORM's "persons".
func (Person) TableName() string { return "people" }

// Person reads one living person.
func (s *Store) Person(id uint) (Person, error) { return getRecord[Person](s.db, id) }

// PersonByStudentNo finds the living person with a 学号.
func (s *Store) PersonByStudentNo(no string) (Person, error) {
	var p Person
	err := s.db.Where("student_no = ?", no).Take(&p).Error
	return p, translate(err)
}

// PeopleByStudentNo reads the living people with the given numbers, keyed
// by 学号, in batches small enough for SQLite's parameter limit.
func (s *Store) PeopleByStudentNo(nos []string) (map[string]Person, error) {
	out := make(map[string]Person, len(nos))
	for start := 0; start < len(nos); start += 500 {
		end := min(start+500, len(nos))
		var batch []Person
		if err := s.db.Where("student_no IN ?", nos[start:end]).Find(&batch).Error; err != nil {
			return nil, translate(err)
		}
		for _, p := range batch {
			out[p.StudentNo] = p
		}
	}
	return out, nil
}

// SavePerson creates p when p.ID is zero and updates it otherwise.
func (s *Store) SavePerson(p *Person) error { return saveRecord(s.db, p, p.ID) }

// SearchPeople finds living people whose name or 学号 contains text, for
// pickers; at most limit of them.
func (s *Store) SearchPeople(text string, limit int) ([]Person, error) {
	var ps []Person
	like := "%" + escapeLike(text) + "%"
	err := s.db.Where("name LIKE ? ESCAPE '\\' OR student_no LIKE ? ESCAPE '\\'", like, like).
		Order("student_no").Limit(limit).Find(&ps).Error
	return ps, translate(err)
}

// CreatePeople inserts new people in batches and fills in their IDs.
func (s *Store) CreatePeople(ps []Person) error { return createAll(s.db, ps) }
