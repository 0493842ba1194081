package data

import (
	"time"

	"gorm.io/gorm"
)

// Scopes of a rule: the school union or each 二级学院 union.
const (
	ScopeSchool  = "school"
	ScopeCollege = "college"
)

// Marks of a rule on the official form.
const (
	MarkCore     = "core"     // ★ 核心指标
	MarkObserved = "observed" // ▲ 观测指标, not yet a hard requirement
)

// RuleSet is a named set of reform indicators (改革指标).
type RuleSet struct {
	ID         uint
	Name       string
	Basis      string  // which form it follows, e.g. "2021—2022 校级/二级自评表"
	BuiltinKey *string // set for the sets the program ships; those are not edited
	Notes      string
	Rules      []Rule `gorm:"foreignKey:RuleSetID"`
	CreatedAt  time.Time
	UpdatedAt  time.Time
	DeletedAt  gorm.DeletedAt
}

// Rule is one indicator: its wording on the form, how it is checked and
// with which parameters (JSON).
type Rule struct {
	ID        uint
	RuleSetID uint
	Scope     string
	Number    string
	Mark      string
	Text      string
	Remark    string
	CheckKey  string
	Params    string
	SortOrder int
	Enabled   bool
}

// RuleSets lists the living rule sets with their rules in form order.
func (s *Store) RuleSets() ([]RuleSet, error) {
	var sets []RuleSet
	err := s.db.Preload("Rules", func(db *gorm.DB) *gorm.DB { return db.Order("scope DESC, sort_order") }).
		Order("id").Find(&sets).Error
	return sets, translate(err)
}

// RuleSet reads one rule set with its rules.
func (s *Store) RuleSet(id uint) (RuleSet, error) {
	var set RuleSet
	err := s.db.Preload("Rules", func(db *gorm.DB) *gorm.DB { return db.Order("scope DESC, sort_order") }).
		First(&set, id).Error
	return set, translate(err)
}

// SaveRuleSet stores a set and replaces its rules, in one transaction.
func (s *Store) SaveRuleSet(set *RuleSet) error {
	return translate(s.db.Transaction(func(tx *gorm.DB) error {
		rules := set.Rules
		set.Rules = nil
		defer func() { set.Rules = rules }()
		if err := saveRecord(tx, set, set.ID); err != nil {
			return err
		}
		if err := tx.Where("rule_set_id = ?", set.ID).Delete(&Rule{}).Error; err != nil {
			return err
		}
		for i := range rules {
			rules[i].ID, rules[i].RuleSetID = 0, set.ID
		}
		return createAll(tx, rules)
	}))
}

// SaveRule updates one rule (its parameters, enabled flag, wording).
func (s *Store) SaveRule(r *Rule) error {
	return translate(s.db.Select("*").Updates(r).Error)
}

// DeleteRuleSet moves a rule set to the recycle bin.
func (s *Store) DeleteRuleSet(id uint) error { return deleteRecord[RuleSet](s.db, id) }
