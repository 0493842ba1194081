package data

import (
	"path/filepath"
	"testing"
)

// TestEveryMigrationFromItsPredecessor builds a file at each released schema
// and migrates it one step; each step's check asserts what the step must
// create and keep (later steps seed rows at the old schema first).
func TestEveryMigrationFromItsPredecessor(t *testing.T) {
	checks := map[int]func(t *testing.T, s *Store){
		1: func(t *testing.T, s *Store) {
			for _, table := range []string{"settings", "organizations", "departments"} {
				if !s.db.Migrator().HasTable(table) {
					t.Errorf("table %s missing", table)
				}
			}
		},
	}
	for _, m := range migrations {
		t.Run(m.name, func(t *testing.T) {
			check, ok := checks[m.version]
			if !ok {
				t.Fatalf("migration %d has no test", m.version)
			}
			db, err := openDB(filepath.Join(t.TempDir(), FileName), fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			s := &Store{db: db}
			defer s.Close()
			if err := s.migrateTo(m.version - 1); err != nil {
				t.Fatalf("build schema %d: %v", m.version-1, err)
			}
			if err := s.migrate(m.version - 1); err != nil {
				t.Fatalf("migrate: %v", err)
			}
			if v, _ := s.SchemaVersion(); v != LatestVersion() {
				t.Fatalf("schema %d after migrating, want %d", v, LatestVersion())
			}
			check(t, s)
		})
	}
}

// migrateTo applies the steps up to and including version target.
func (s *Store) migrateTo(target int) error {
	saved := migrations
	defer func() { migrations = saved }()
	migrations = migrations[:target]
	if target == 0 {
		return nil
	}
	return s.migrate(0)
}
