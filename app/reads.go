package app

import "tuanxue/data"

// The single records the screens open by ID, read as they are stored.

// Organization reads one organization.
func (s *Service) Organization(id uint) (data.Organization, error) { return s.store.Organization(id) }

// Department reads one department.
func (s *Service) Department(id uint) (data.Department, error) { return s.store.Department(id) }

// Training reads one training.
func (s *Service) Training(id uint) (data.Training, error) { return s.store.Training(id) }

// Meeting reads one meeting; a congress with its register's figures.
func (s *Service) Meeting(id uint) (data.Meeting, error) {
	m, err := s.store.Meeting(id)
	if err != nil {
		return m, err
	}
	one := []data.Meeting{m}
	return one[0], s.withKitFigures(one)
}

// RuleSets lists the reform rule sets.
func (s *Service) RuleSets() ([]data.RuleSet, error) { return s.store.RuleSets() }

// RuleSet reads one rule set with its rules.
func (s *Service) RuleSet(id uint) (data.RuleSet, error) { return s.store.RuleSet(id) }
