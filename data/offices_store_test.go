package data

import (
	"errors"
	"testing"
)

// Through the program: office A saves, adds and deletes records of its own
// subtree; the server refuses it B's, and the store says so with
// ErrNotYours (not ErrConflict, not ErrNotFound); the school office saves
// both.
func TestOfficeSavesThroughTheStore(t *testing.T) {
	f := newOfficeFixture(t)
	a := f.aStore
	for _, id := range []uint{100, 200} {
		want := error(nil)
		if id == 200 {
			want = ErrNotYours
		}
		tr, err := a.Training(id)
		if err != nil {
			t.Fatal(err)
		}
		tr.Place = "报告厅"
		if err := a.SaveTraining(&tr); !errors.Is(err, want) {
			t.Errorf("training %d: %v, want %v", id, err, want)
		}
		m, _ := a.Meeting(id)
		m.Minutes = "记录"
		if err := a.SaveMeeting(&m); !errors.Is(err, want) {
			t.Errorf("meeting %d: %v, want %v", id, err, want)
		}
		o, _ := a.Organization(id + 1)
		o.Notes = "备注"
		if err := a.SaveOrganization(&o); !errors.Is(err, want) {
			t.Errorf("organization %d: %v, want %v", id+1, err, want)
		}
		p, _ := a.Person(id)
		p.Phone = "13800000000"
		if err := a.SavePerson(&p); !errors.Is(err, want) {
			t.Errorf("person %d: %v, want %v", id, err, want)
		}
		r, _ := a.Rectification(id)
		r.Measures = "每周检查"
		if err := a.SaveRectification(&r, nil); !errors.Is(err, want) {
			t.Errorf("rectification %d: %v, want %v", id, err, want)
		}
		union := id + 1
		fresh := Training{Title: "新培训", Kind: "cadre", HeldOn: NewDate(2020, 11, 1), Semester: "2020-2021-1", OrganizerID: &union}
		if err := a.SaveTraining(&fresh); !errors.Is(err, want) {
			t.Errorf("new training of %d: %v, want %v", union, err, want)
		}
		if err := a.DeleteMeeting(id); !errors.Is(err, want) {
			t.Errorf("delete meeting %d: %v, want %v", id, err, want)
		}
	}
	// A new person, in no subtree yet: any office may add one.
	p := Person{StudentNo: "S300", Name: "新同学"}
	if err := a.SavePerson(&p); err != nil {
		t.Fatalf("new person: %v", err)
	}
	// Its own lines in the log carry its name, put there by the server.
	logs, err := f.owner.OpLogs(OpLogFilter{Limit: 1})
	if err != nil || len(logs) != 1 || logs[0].Office != f.roleA {
		t.Fatalf("last log line %+v (%v), want office %s", logs, err, f.roleA)
	}
	// The school office still saves the other office's record.
	tr, _ := f.owner.Training(200)
	tr.Place = "校报告厅"
	if err := f.owner.SaveTraining(&tr); err != nil {
		t.Fatalf("school office's save: %v", err)
	}
}

// Two programs of the same office on one record: the second save is a
// version conflict, as before the offices.
func TestOfficeStillGetsTheVersionConflict(t *testing.T) {
	f := newOfficeFixture(t)
	second := mustOpen(t, Config{Dir: t.TempDir(), URL: asUser(f.url, f.roleA), Now: fixedNow})
	first, _ := f.aStore.Training(100)
	other, _ := second.Training(100)
	first.Place, other.Place = "一楼", "二楼"
	if err := f.aStore.SaveTraining(&first); err != nil {
		t.Fatal(err)
	}
	if err := second.SaveTraining(&other); !errors.Is(err, ErrConflict) {
		t.Fatalf("second save: %v, want ErrConflict", err)
	}
}

// The store knows its office and whether a record is its to change, by the
// same rule as the server.
func TestOfficeKnowsWhatItMayChange(t *testing.T) {
	f := newOfficeFixture(t)
	o, err := f.aStore.CurrentOffice()
	if err != nil || o.Role != f.roleA || o.OrganizationID != 100 || o.Organization != "甲学院团委" || o.School {
		t.Fatalf("office %+v %v", o, err)
	}
	if o, err := f.owner.CurrentOffice(); err != nil || !o.School {
		t.Fatalf("owner's office %+v %v", o, err)
	}
	for _, c := range []struct {
		table string
		id    uint
		want  bool
	}{
		{"trainings", 100, true}, {"trainings", 200, false}, {"organizations", 101, true}, {"organizations", 1, false},
		{"people", 100, true}, {"people", 200, false}, {"evidence_contents", 100, true}, {"rule_sets", 1, false},
		{"exits", 200, false},
	} {
		if got, err := f.aStore.MayChange(c.table, c.id); err != nil || got != c.want {
			t.Errorf("A may change %s %d: %v %v, want %v", c.table, c.id, got, err, c.want)
		}
		if got, _ := f.owner.MayChange(c.table, c.id); !got {
			t.Errorf("the school office may not change %s %d", c.table, c.id)
		}
	}
	if ok, _ := newFileStore(t).MayChange("trainings", 1); !ok {
		t.Error("the file's one office may not change a training")
	}
}

// Offices are listed, added and removed by the school office only; a bad or
// taken login name is refused, and the password never shows in an error.
func TestOfficesAreTheSchoolOfficesToManage(t *testing.T) {
	f := newOfficeFixture(t)
	list, err := f.owner.Offices()
	if err != nil || len(list) != 2 {
		t.Fatalf("offices %+v %v", list, err)
	}
	if err := f.aStore.AddOffice(uniqueRole(t, "c"), 101, "x"); !errors.Is(err, ErrNotSchool) {
		t.Errorf("an office adding an office: %v", err)
	}
	if err := f.aStore.RemoveOffice(f.roleB); !errors.Is(err, ErrNotSchool) {
		t.Errorf("an office removing an office: %v", err)
	}
	if err := f.owner.AddOffice("Bad Name", 101, "x"); !errors.Is(err, ErrBadRoleName) {
		t.Errorf("bad name: %v", err)
	}
	if err := f.owner.AddOffice(f.roleB, 101, "secret-pw"); !errors.Is(err, ErrRoleExists) {
		t.Errorf("taken name: %v", err)
	}
	if err := f.owner.AddOffice(uniqueRole(t, "d"), 9999, "secret-pw"); !errors.Is(err, ErrNotFound) {
		t.Errorf("no such organization: %v", err)
	}
	if err := f.owner.RemoveOffice("office_nobody"); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing no office: %v", err)
	}
	if _, err := newFileStore(t).Offices(); !errors.Is(err, ErrNoOffices) {
		t.Errorf("offices of a file: %v", err)
	}
}

// An office's account copies the whole server back into a file, every
// record of every office; the offices themselves stay on the server.
func TestOfficeCopiesEveryRecordToAFile(t *testing.T) {
	f := newOfficeFixture(t)
	want, err := f.owner.Digests()
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.aStore.CopyToFile(t.TempDir() + "/copy.db")
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if want[i] != got[i] {
			t.Errorf("%s: %d rows copied, the server has %d", want[i].Table, got[i].Rows, want[i].Rows)
		}
	}
}
