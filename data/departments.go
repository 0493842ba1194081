package data

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Department is a 工作部门 of a student union.
type Department struct {
	ID             uint
	OrganizationID uint
	Name           string
	Duties         string
	SortOrder      int
	Status         string
	StatusOn       Date `gorm:"type:text"`
	MergedIntoID   *uint
	Notes          string
	Version        int // see saveRecord
	CreatedAt      time.Time
	UpdatedAt      time.Time
	DeletedAt      gorm.DeletedAt
}

// Departments lists an organization's living departments: active ones first
// in their order, then merged and dissolved ones as history.
func (s *Store) Departments(orgID uint) ([]Department, error) {
	var ds []Department
	err := s.db.Where("organization_id = ?", orgID).
		Order(fmt.Sprintf("status <> '%s', sort_order, id", StatusActive)).
		Find(&ds).Error
	return ds, translate(err)
}

// Department reads one living department.
func (s *Store) Department(id uint) (Department, error) {
	return getRecord[Department](s.db, id)
}

// SaveDepartment creates d when d.ID is zero and updates it otherwise.
func (s *Store) SaveDepartment(d *Department) error {
	return saveRecord(s.db, d, d.ID)
}

// DeleteDepartment moves a department to the recycle bin.
func (s *Store) DeleteDepartment(id uint) error { return deleteRecord[Department](s.db, id) }

// MergeDepartments folds department from into department into on the given
// day (职责相近的部门合并). The merged department stays on record with status
// merged and a pointer to where it went; into takes the duties given. Both
// get a new version, so a form open on either is refused afterwards.
func (s *Store) MergeDepartments(fromID, intoID uint, on Date, duties string) error {
	return translate(s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&Department{}).Where("id = ? AND status = ?", fromID, StatusActive).
			Updates(map[string]any{"status": StatusMerged, "status_on": on, "merged_into_id": intoID,
				"version": gorm.Expr("version + 1")})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		res = tx.Model(&Department{}).Where("id = ? AND status = ?", intoID, StatusActive).
			Updates(map[string]any{"duties": duties, "version": gorm.Expr("version + 1")})
		if res.Error == nil && res.RowsAffected == 0 {
			return ErrNotFound
		}
		return res.Error
	}))
}
