package data

import (
	"errors"
	"fmt"
	"reflect"
	"time"

	"gorm.io/gorm"
)

// Organization kinds ("一心双环": the League committee at the centre, the
// student unions and the clubs around it). Labels live in the app package.
const (
	KindLeague         = "league"          // 团委
	KindSchoolUnion    = "school_union"    // 校级学生会
	KindCollegeUnion   = "college_union"   // 二级学院学生会
	KindClubFederation = "club_federation" // 学生社团联合会
	KindClub           = "club"            // 学生社团
	KindClassCommittee = "class_committee" // 班委会
	KindLeagueBranch   = "league_branch"   // 团支部
)

// Statuses of organizations and departments.
const (
	StatusActive    = "active"
	StatusMerged    = "merged"
	StatusDissolved = "dissolved"
)

// Organization is one node of the organization tree.
type Organization struct {
	ID            uint
	Name          string
	Kind          string
	ParentID      *uint
	GuideLeagueID *uint // the 团委 that guides it (归口指导)
	TeacherName   string
	TeacherPhone  string
	FoundedOn     Date `gorm:"type:text"`
	Status        string
	StatusOn      Date `gorm:"type:text"` // when merged or dissolved
	MergedIntoID  *uint
	Notes         string
	// For student unions (reform rules 3, 11–13):
	StaffCapReason   string // why more than 40 staff are allowed (large school, several campuses)
	SecretaryGeneral string // the League teacher who serves as 秘书长
	Students         *int   // students the union represents
	Version          int    // for refusing a save over a newer one
	CreatedAt        time.Time
	UpdatedAt        time.Time
	DeletedAt        gorm.DeletedAt
}

// Organizations lists every living organization, parents before children
// is not guaranteed; callers build the tree from ParentID.
func (s *Store) Organizations() ([]Organization, error) {
	var orgs []Organization
	err := s.db.Order("id").Find(&orgs).Error
	return orgs, translate(err)
}

// Organization reads one living organization.
func (s *Store) Organization(id uint) (Organization, error) {
	return getRecord[Organization](s.db, id)
}

// SaveOrganization creates o when o.ID is zero and updates it otherwise.
func (s *Store) SaveOrganization(o *Organization) error {
	return saveRecord(s.db, o, o.ID)
}

// DeleteOrganization moves an organization and its departments to the
// recycle bin in one transaction. It refuses while living organizations sit
// under it or name it as their guide.
func (s *Store) DeleteOrganization(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var dependants int64
		err := tx.Model(&Organization{}).
			Where("parent_id = ? OR guide_league_id = ?", id, id).
			Count(&dependants).Error
		if err != nil {
			return err
		}
		if dependants > 0 {
			return fmt.Errorf("%w: %d organizations depend on it", ErrInUse, dependants)
		}
		// One timestamp for the whole deletion, so a restore can find what
		// went to the bin together.
		at := tx.NowFunc()
		if err := tx.Model(&Department{}).Where("organization_id = ?", id).
			Update("deleted_at", at).Error; err != nil {
			return err
		}
		res := tx.Model(&Organization{}).Where("id = ?", id).Update("deleted_at", at)
		if res.Error == nil && res.RowsAffected == 0 {
			return unchanged(tx, &Organization{}, id, reflect.Value{})
		}
		return res.Error
	})
}

// IsNotFound reports whether err means the record is missing.
func IsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
