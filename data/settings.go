package data

import (
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// setting is one key/value pair of the settings table.
type setting struct {
	Key   string `gorm:"primaryKey"`
	Value string
}

func (setting) TableName() string { return "settings" }

// Setting returns the value stored under key, or "" when none is.
func (s *Store) Setting(key string) (string, error) {
	var st setting
	err := s.db.Where("key = ?", key).Take(&st).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", nil
	}
	return st.Value, translate(err)
}

// SetSettings stores several values in one transaction.
func (s *Store) SetSettings(values map[string]string) error {
	return translate(s.db.Transaction(func(tx *gorm.DB) error {
		for k, v := range values {
			err := tx.Clauses(clause.OnConflict{UpdateAll: true}).
				Create(&setting{Key: k, Value: v}).Error
			if err != nil {
				return err
			}
		}
		return nil
	}))
}
