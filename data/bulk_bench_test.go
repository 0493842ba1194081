package data

import (
	"fmt"
	"testing"
)

// bulkPeople are n people and a post each, as an import of a roster of
// n rows writes them.
func bulkPeople(n int) []Person {
	ps := make([]Person, n)
	for i := range ps {
		ps[i] = Person{StudentNo: fmt.Sprintf("2020%06d", i), Name: "学生" + fmt.Sprint(i), Gender: "女",
			College: "信息工程学院", Major: "软件技术", ClassName: "软件2001班", Grade: 2020, Phone: "13800138000",
			PoliticalStatus: "共青团员", PartyAppliedOn: NewDate(2020, 3, 1)}
	}
	return ps
}

// BenchmarkCreate20k writes 20,000 people and their posts in one
// transaction, as the database part of an import does. Measured (issue 18):
// one prepared INSERT run per record is slower here than GORM's batches of
// 50, because glebarez/go-sqlite prepares a statement's SQL again at every
// Exec (and modernc's allocator unmaps its memory each time): fewer, larger
// statements are the lever with this driver, not prepared ones.
func BenchmarkCreate20k(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		s := mustOpen(b, Config{Dir: b.TempDir(), Now: fixedNow})
		org := Organization{Name: "校学生会", Kind: KindSchoolUnion, Status: StatusActive}
		if err := s.SaveOrganization(&org); err != nil {
			b.Fatal(err)
		}
		people := bulkPeople(20_000)
		b.StartTimer()
		err := s.InTransaction(func(tx *Store) error {
			if err := tx.CreatePeople(people); err != nil {
				return err
			}
			posts := make([]Appointment, len(people))
			for i, p := range people {
				posts[i] = Appointment{PersonID: p.ID, OrganizationID: org.ID, Post: "干事", PostRank: 6,
					StartOn: NewDate(2020, 9, 1), SelectedBy: SelectedByImport}
			}
			return tx.CreateAppointments(posts)
		})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
