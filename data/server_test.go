package data

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"testing"

	"gorm.io/gorm/schema"

	"tuanxue/data/pgtest"
)

func TestTestStoreIsTheBackEndUnderTest(t *testing.T) {
	if s := newTestStore(t); s.Server() != (pgtest.Server() != "") {
		t.Fatalf("server %v, with %s=%q", s.Server(), pgtest.Env, pgtest.Server())
	}
}

// Every table of the schema is copied, and copied in an order the tests know.
func TestCopyOrderNamesEveryTable(t *testing.T) {
	s := newTestStore(t)
	tables, err := s.db.Migrator().GetTables()
	if err != nil {
		t.Fatal(err)
	}
	// The server's own: its schema number and its offices, never copied.
	tables = slices.DeleteFunc(tables, func(n string) bool { return n == "tuanxue_schema" || n == "tuanxue_offices" })
	want := slices.Clone(copyOrder)
	slices.Sort(tables)
	slices.Sort(want)
	if !slices.Equal(tables, want) {
		t.Fatalf("tables %v, copyOrder %v", tables, want)
	}
}

// A bool field of a model needs a boolean column on the server: pgStatement
// must know every one of them.
func TestServerYesNoColumnsAreBoolean(t *testing.T) {
	pgtest.Need(t)
	s := newTestStore(t)
	bools, err := booleanColumns(s.db)
	if err != nil {
		t.Fatal(err)
	}
	models := []any{&Organization{}, &Department{}, &Person{}, &Appointment{}, &Exit{}, &SelectionRound{},
		&Candidate{}, &Assessment{}, &Recommendation{}, &Training{}, &Meeting{}, &Attendance{},
		&RuleSet{}, &Rule{}, &Rectification{}, &RectLog{}, &Evidence{}, &OpLog{}, &Review{}, &ReviewPanelist{}, &ReviewReporter{}}
	for _, m := range models {
		sch, err := schema.Parse(m, &sync.Map{}, s.db.NamingStrategy)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range sch.Fields {
			if f.DBName == "" {
				continue
			}
			isBool := f.FieldType.Kind() == reflect.Bool
			if col := sch.Table + "." + f.DBName; isBool != bools[col] {
				t.Errorf("%s: bool field %v, boolean column %v", col, isBool, bools[col])
			}
		}
	}
}

// Two programs that start at once on a new database: one creates the
// schema while the other waits on the advisory lock; both end on it.
func TestConcurrentStartsShareOneMigration(t *testing.T) {
	pgtest.Need(t)
	cfg := testConfig(t, nil)
	stores := make([]*Store, 4)
	errs := make([]error, len(stores))
	var wg sync.WaitGroup
	for i := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stores[i], errs[i] = Open(cfg)
		}()
	}
	wg.Wait()
	for i, s := range stores {
		if errs[i] != nil {
			t.Fatalf("start %d: %v", i, errs[i])
		}
		defer s.Close()
		if v, err := s.SchemaVersion(); err != nil || v != LatestVersion() {
			t.Errorf("start %d: schema %d (%v)", i, v, err)
		}
	}
	var rows int64
	stores[0].db.Table("tuanxue_schema").Count(&rows)
	if rows != 1 {
		t.Errorf("%d schema rows", rows)
	}
	p := Person{StudentNo: "2020001", Name: "陈思远"}
	if err := stores[1].SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	if got, err := stores[2].Person(p.ID); err != nil || got.Name != "陈思远" {
		t.Fatalf("the other program reads %+v, %v", got, err)
	}
}

// A database that holds another program's tables is refused untouched.
func TestServerRefusesAForeignDatabase(t *testing.T) {
	pgtest.Need(t)
	cfg := testConfig(t, nil)
	s := mustOpen(t, cfg)
	if err := s.db.Exec("DROP TABLE tuanxue_schema").Error; err != nil {
		t.Fatal(err)
	}
	if _, err := Open(cfg); !errors.Is(err, ErrForeignDatabase) {
		t.Fatalf("open: %v", err)
	}
	if s.db.Migrator().HasTable("tuanxue_schema") {
		t.Fatal("the foreign database was changed")
	}
}

// A snapshot sees the records as they were when it began, while another
// office saves new ones.
func TestSnapshotIgnoresLaterSaves(t *testing.T) {
	pgtest.Need(t)
	cfg := testConfig(t, nil)
	reader, writer := mustOpen(t, cfg), mustOpen(t, cfg)
	count := func(s *Store) int64 {
		var n int64
		s.db.Model(&Person{}).Count(&n)
		return n
	}
	err := reader.Snapshot(func(snap *Store) error {
		before := count(snap)
		if err := writer.SavePerson(&Person{StudentNo: "2020002", Name: "林晓"}); err != nil {
			return err
		}
		if after := count(snap); after != before {
			return fmt.Errorf("the snapshot saw %d people, then %d", before, after)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(reader); n != 1 {
		t.Fatalf("after the snapshot: %d people", n)
	}
}

// Records move from a file to the store under test and back into a new
// file without losing a row or changing a value, IDs, recycle bin and
// operation log included; the counters go on after the copied IDs.
func TestCopyRoundTrip(t *testing.T) {
	src := newFileStore(t)
	fillForCopy(t, src)
	mid := newTestStore(t)
	want, err := src.CopyTo(mid)
	if err != nil {
		t.Fatal(err)
	}
	back := filepath.Join(t.TempDir(), "带回 的文件.db")
	got, err := mid.CopyToFile(back)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(want, got) {
		t.Fatalf("digests differ:\n%v\n%v", want, got)
	}
	for _, d := range got {
		if d.Rows == 0 && d.Table != "recommendations" && d.Table != "selection_rounds" && d.Table != "candidates" &&
			d.Table != "exits" && d.Table != "rule_sets" && d.Table != "rules" {
			t.Errorf("%s: nothing copied, the test proves little", d.Table)
		}
	}
	if _, err := src.CopyTo(mid); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("copy into a store with records: %v", err)
	}
	if _, err := mid.CopyToFile(back); err == nil {
		t.Fatal("copy over an existing file was not refused")
	}
	p := Person{StudentNo: "2099001", Name: "新来的"}
	if err := mid.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	var maxID uint
	src.db.Model(&Person{}).Unscoped().Select("max(id)").Scan(&maxID)
	if p.ID <= maxID {
		t.Fatalf("new person got ID %d, the copy has up to %d", p.ID, maxID)
	}
	f, err := OpenFile(back)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if orgs, err := f.Organizations(); err != nil || len(orgs) != 3 {
		t.Fatalf("the file brought back has %d organizations, %v", len(orgs), err)
	}
}

// fillForCopy puts records into every kind of table, one in the recycle
// bin, one union merged into a later one, a yes/no column set both ways.
func fillForCopy(t *testing.T, s *Store) {
	t.Helper()
	league := mustSaveOrg(t, s, Organization{Name: "校团委", Kind: KindLeague})
	union := mustSaveOrg(t, s, Organization{Name: "校学生会", Kind: KindSchoolUnion, ParentID: &league.ID, FoundedOn: NewDate(2019, 9, 1)})
	old := mustSaveOrg(t, s, Organization{Name: "旧学生会", Kind: KindSchoolUnion, Status: StatusMerged, MergedIntoID: &union.ID})
	_ = old
	dept := Department{OrganizationID: union.ID, Name: "宣传部", Status: StatusActive, Duties: "宿舍管理"}
	if err := s.SaveDepartment(&dept); err != nil {
		t.Fatal(err)
	}
	rank := 12.5
	people := []Person{{StudentNo: "0020001", Name: "陈思远", Grade: 2019, RankPercent: &rank}, {StudentNo: "2020002", Name: "林晓"}}
	for i := range people {
		if err := s.SavePerson(&people[i]); err != nil {
			t.Fatal(err)
		}
		a := Appointment{PersonID: people[i].ID, OrganizationID: union.ID, DepartmentID: &dept.ID, Post: "部长", StartOn: NewDate(2020, 9, 1)}
		if err := s.SaveAppointment(&a); err != nil {
			t.Fatal(err)
		}
	}
	score := 91.5
	if err := s.SaveAssessments([]Assessment{{PersonID: people[0].ID, Semester: "2020-2021-1", Total: &score, Grade: "优秀"}}); err != nil {
		t.Fatal(err)
	}
	tr := Training{Title: "骨干培训", Kind: "cadre", HeldOn: NewDate(2020, 10, 1), Semester: "2020-2021-1", Hours: 2}
	if err := s.SaveTraining(&tr); err != nil {
		t.Fatal(err)
	}
	marks := []Attendance{{PersonID: people[0].ID, Status: "present"}, {PersonID: people[1].ID, Status: "absent", Guest: true}}
	if err := s.SetAttendance(&tr.ID, nil, marks); err != nil {
		t.Fatal(err)
	}
	m := Meeting{Kind: "congress", Title: "第一次学代会", HeldOn: NewDate(2020, 10, 15), Semester: "2020-2021-1", OrganizationID: union.ID, PresidiumElected: true}
	if err := s.SaveMeeting(&m); err != nil {
		t.Fatal(err)
	}
	fillCongressKit(t, s, m.ID, union.ID, people[0].ID, people[1].ID)
	round := SelectionRound{OrganizationID: union.ID, Semester: "2020-2021-1", Kind: RoundElection, Title: "换届选举"}
	if err := s.SaveRound(&round); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePublicity(&Publicity{RoundID: round.ID, StartOn: NewDate(2020, 9, 30), Days: 5, Holidays: "2020-10-01"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveObjection(&Objection{RoundID: round.ID, ReceivedOn: NewDate(2020, 10, 9), RaisedBy: "匿名", Content: "成绩有误"}); err != nil {
		t.Fatal(err)
	}
	total := 88.5
	review := ReviewRecord{Review: Review{OrganizationID: union.ID, Semester: "2020-2021-1", HeldOn: NewDate(2021, 1, 8)},
		Panel:     []ReviewPanelist{{Name: "王老师", Role: "组长"}, {Name: "学生甲", Student: true}},
		Reporters: []ReviewReporter{{PersonID: people[0].ID, Post: "宣传部部长", Total: &total, Result: ReviewPass, Scores: AspectScores{{Aspect: "政治态度", Score: 18}}}}}
	if err := s.SaveReview(&review); err != nil {
		t.Fatal(err)
	}
	r := Rectification{Year: "2020-2021", FoundOn: NewDate(2020, 10, 1), Problem: "周例会记录不全", Source: "self", OrganizationID: &union.ID}
	if err := s.SaveRectification(&r, &RectLog{LoggedOn: NewDate(2020, 10, 2), Note: "登记"}); err != nil {
		t.Fatal(err)
	}
	e := Evidence{ItemID: &r.ID, Name: "整改 报告.pdf", Stored: "evidence/1/整改 报告.pdf", Size: 5, AddedOn: NewDate(2020, 10, 3)}
	if err := s.SaveEvidence(&e, []byte{'%', 0, 0xff, 0xfe, '\n'}); err != nil {
		t.Fatal(err)
	}
	attached := Evidence{OrganizationID: &union.ID, Year: "2020-2021", Indicator: "school/manual/12", Name: "党委会 纪要.jpg",
		Stored: "evidence/indicators/1/2020-2021/school-manual-12/党委会 纪要.jpg", Size: 3, AddedOn: NewDate(2020, 10, 4)}
	if err := s.SaveEvidence(&attached, []byte{0xff, 0xd8, 0xff}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSettings(map[string]string{"school": "潮汕职业技术学院"}); err != nil {
		t.Fatal(err)
	}
	c := Conclusion{OrganizationID: union.ID, Year: "2020-2021", Indicator: "school/manual/12", Outcome: "pass", Note: "党委会议纪要", RecordedBy: "林老师"}
	if err := s.SaveConclusion(&c); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePerson(people[1].ID); err != nil {
		t.Fatal(err)
	}
}

// A server that goes away in the middle of a save (here: its connection is
// ended by the server) is reported as such, and the save is not half made.
func TestServerLostDuringASave(t *testing.T) {
	pgtest.Need(t)
	cfg := testConfig(t, nil)
	s, admin := mustOpen(t, cfg), mustOpen(t, cfg)
	err := s.InTransaction(func(tx *Store) error {
		if err := tx.SavePerson(&Person{StudentNo: "2020001", Name: "陈思远"}); err != nil {
			return err
		}
		var pid int
		tx.db.Raw("SELECT pg_backend_pid()").Scan(&pid)
		admin.db.Exec("SELECT pg_terminate_backend(?)", pid)
		return tx.SavePerson(&Person{StudentNo: "2020002", Name: "林晓"})
	})
	if !errors.Is(err, ErrServer) {
		t.Fatalf("save on a lost connection: %v", err)
	}
	var n int64
	admin.db.Model(&Person{}).Count(&n)
	if n != 0 {
		t.Fatalf("%d people saved of a transaction that failed", n)
	}
}

// A copy tells how far it has come, and a copy stopped halfway leaves the
// target as empty as it was: the same copy then goes through.
func TestCopyWatchedStopsWritingNothing(t *testing.T) {
	src := newFileStore(t)
	fillForCopy(t, src)
	dst := newTestStore(t)
	var seen []int64
	var total int64
	_, err := src.CopyWatched(dst, func(copied, all int64) bool {
		seen, total = append(seen, copied), all
		return copied < all/2
	})
	if !errors.Is(err, ErrCopyStopped) {
		t.Fatalf("stopped copy: %v", err)
	}
	if len(seen) < 2 || total == 0 || !slices.IsSorted(seen) {
		t.Fatalf("progress %v of %d", seen, total)
	}
	if err := mustBeEmpty(dst.db); err != nil {
		t.Fatalf("a stopped copy left records: %v", err)
	}
	var last, all int64
	digests, err := src.CopyWatched(dst, func(copied, n int64) bool { last, all = copied, n; return true })
	if err != nil {
		t.Fatal(err)
	}
	var rows int64
	for _, d := range digests {
		rows += d.Rows
	}
	if last != rows || all != rows {
		t.Fatalf("progress ended at %d of %d, copied %d rows", last, all, rows)
	}
}

// fillCongressKit gives a congress one row of each part of its kit.
func fillCongressKit(t *testing.T, s *Store, meeting, org, p1, p2 uint) {
	t.Helper()
	if err := s.ReplaceQuotas(meeting, []CongressQuota{{MeetingID: meeting, OrganizationID: org, Students: 9860, Seats: 99}}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []uint{p1, p2} {
		if err := s.SaveDelegate(&Delegate{MeetingID: meeting, PersonID: p, OrganizationID: &org, ClassName: "计算机2001", ElectedBy: DelegateByClass, Attendance: AttendPresent}); err != nil {
			t.Fatal(err)
		}
	}
	two, one := 2, 1
	e := Election{MeetingID: meeting, Title: "主席团成员选举", Seats: 1, Voters: &two, Ballots: &two, Status: ElectionCounted}
	if err := s.SaveElection(&e); err != nil {
		t.Fatal(err)
	}
	for i, p := range []uint{p1, p2} {
		n := Nominee{ElectionID: e.ID, MeetingID: meeting, PersonID: p, Post: "主席", Votes: &two, Result: ResultElected}
		if i == 1 {
			n.Votes, n.Result = &one, ResultNotElected
		}
		if err := s.SaveNominee(&n); err != nil {
			t.Fatal(err)
		}
	}
	pr := Proposal{MeetingID: meeting, Number: 1, Title: "增设自习室", ProposerID: p1, Seconders: "林晓", Decision: ProposalAccepted,
		Answer: "已协调图书馆", AnsweredBy: "校团委", AnsweredOn: NewDate(2020, 11, 1)}
	if err := s.SaveProposal(&pr); err != nil {
		t.Fatal(err)
	}
}
