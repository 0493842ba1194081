package app

import (
	"errors"
	"slices"
	"testing"

	"tuanxue/data"
)

// changeLog subscribes to s's notice of change the way the window does:
// deliveries wait in a queue until the work that wrote is over, and flush
// runs them.
type changeLog struct {
	queue []func()
	told  []Kinds
}

func watchChanges(s *Service) *changeLog {
	l := &changeLog{}
	s.Changes().Subscribe(func(run func()) { l.queue = append(l.queue, run) }, func(k Kinds) { l.told = append(l.told, k) })
	return l
}

// flush delivers what is queued and returns the kinds told, sorted.
func (l *changeLog) flush() []Kind {
	for len(l.queue) > 0 {
		run := l.queue[0]
		l.queue = l.queue[1:]
		run()
	}
	var out []Kind
	for _, k := range l.told {
		for kind := range k {
			if !slices.Contains(out, kind) {
				out = append(out, kind)
			}
		}
	}
	l.told = nil
	slices.Sort(out)
	return out
}

func TestEveryWriteIsToldByKind(t *testing.T) {
	s, p, union, dept := cadreFixture(t)
	log := watchChanges(s)
	log.flush()
	steps := []struct {
		name  string
		write func() error
		want  []Kind
	}{
		{"person", func() error {
			_, err := s.SavePerson(PersonDraft{StudentNo: "2020002", Name: "李四"})
			return err
		}, []Kind{KindPeople}},
		{"term", func() error {
			_, err := s.SaveAppointment(AppointmentDraft{PersonID: p.ID, OrganizationID: union.ID, DepartmentID: &dept.ID,
				Post: "干事", StartOn: "2020-09-10", SelectedBy: data.SelectedByOther})
			return err
		}, []Kind{KindPeople}},
		{"organization", func() error {
			_, err := s.SaveOrganization(OrgDraft{Name: "机电学院学生会", Kind: data.KindCollegeUnion, ParentID: union.ParentID,
				Status: data.StatusActive})
			return err
		}, []Kind{KindOrganizations}},
		{"training", func() error {
			_, err := s.SaveTraining(TrainingDraft{Title: "骨干培训", Kind: data.TrainingCadre, HeldOn: "2020-10-10", Hours: "2"})
			return err
		}, []Kind{KindSessions}},
		{"ledger", func() error {
			_, err := s.SaveRect(RectDraft{FoundOn: "2020-10-15", Problem: "例会记录不全", Source: "self_check"})
			return err
		}, []Kind{KindLedger}},
		{"settings", func() error {
			_, err := s.SaveSettings(SettingsDraft{SchoolName: "潮汕职业技术学院", Semester: "2020-2021-1"})
			return err
		}, []Kind{KindSettings}},
		{"delete", func() error { return s.DeletePerson(p.ID) }, []Kind{KindPeople}},
	}
	for _, step := range steps {
		if err := step.write(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if len(log.told) != 0 {
			t.Fatalf("%s: told while the write was still under way", step.name)
		}
		if got := log.flush(); !slices.Equal(got, step.want) {
			t.Errorf("%s: told %v, want %v", step.name, got, step.want)
		}
	}
	bin, _ := s.Bin()
	if err := s.RestoreFromBin(bin[0]); err != nil {
		t.Fatal(err)
	}
	if got := log.flush(); !slices.Equal(got, []Kind{KindPeople}) {
		t.Errorf("restore from the bin: told %v", got)
	}
	// A refused save is no change.
	if _, err := s.SavePerson(PersonDraft{StudentNo: "", Name: "王五"}); err == nil {
		t.Fatal("empty 学号 saved")
	}
	if got := log.flush(); len(got) != 0 {
		t.Errorf("a refused save told %v", got)
	}
}

func TestATransactionIsToldOnceWhenItEnds(t *testing.T) {
	s := newTestService(t)
	log := watchChanges(s)
	err := s.InTransaction(func(tx *Service) error {
		if _, err := tx.SavePerson(PersonDraft{StudentNo: "2020001", Name: "张三"}); err != nil {
			return err
		}
		if _, err := tx.SaveOrganization(OrgDraft{Name: "校团委", Kind: data.KindLeague, Status: data.StatusActive}); err != nil {
			return err
		}
		if len(log.queue) != 0 {
			t.Error("a write inside a transaction was told before it ended")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(log.queue) != 1 {
		t.Fatalf("%d deliveries for one transaction", len(log.queue))
	}
	if got := log.flush(); !slices.Equal(got, []Kind{KindOrganizations, KindPeople}) {
		t.Fatalf("told %v", got)
	}
	// A transaction that rolls back may be told: a screen read again
	// shows what is there, which is harmless.
	boom := errors.New("boom")
	if err := s.InTransaction(func(tx *Service) error {
		tx.SavePerson(PersonDraft{StudentNo: "2020003", Name: "王五"})
		return boom
	}); !errors.Is(err, boom) {
		t.Fatal(err)
	}
	log.flush()
	if _, err := s.SavePerson(PersonDraft{StudentNo: "2020004", Name: "赵六"}); err != nil {
		t.Fatal(err)
	}
	if got := log.flush(); !slices.Equal(got, []Kind{KindPeople}) {
		t.Fatalf("after a rolled back transaction, a save told %v", got)
	}
}

// Every table a screen shows is of a kind, so that a write to it reaches
// the screens (a teacher's conclusion did not), and every logged table is
// named in the log.
func TestEveryTableHasAKindAndAName(t *testing.T) {
	for _, table := range data.Tables() {
		switch table {
		case "op_log", "evidence_contents": // written with their parents' records
			continue
		}
		if _, ok := tableKinds[table]; !ok {
			t.Errorf("table %s has no kind", table)
		}
	}
	for table := range data.LoggedTables() {
		if TextOf(Entities, table) == table {
			t.Errorf("logged table %s has no name for the log", table)
		}
	}
}
