package importer

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"tuanxue/app"
	"tuanxue/data"
	"tuanxue/data/pgtest"
)

// bigCollege is a large college: 12 二级学院, 20,000 cadres.
var bigCollege = Spec{
	Colleges: []string{"机电工程学院", "信息工程学院", "经济管理学院", "建筑工程学院", "医药卫生学院", "艺术设计学院",
		"外国语学院", "旅游管理学院", "汽车工程学院", "食品工程学院", "化学工程学院", "教育学院"},
	SchoolUnion: "校学生会", SchoolDepts: []string{"办公室", "学习部", "宣传部", "文艺部", "体育部", "权益服务部"},
	CollegeDepts: []string{"办公室", "学习部", "宣传部", "文体部"},
	Cadres:       20_000, Seed: 2020, Year: 2020,
}

// BenchmarkImport20k imports 20,000 cadres into an empty data file: plan
// every row, then write them (the backup before it included).
func BenchmarkImport20k(b *testing.B) {
	table := Generate(bigCollege)
	for b.Loop() {
		b.StopTimer()
		svc := newService(b)
		b.StartTimer()
		p, err := Make(svc, table, Options{CreateMissing: true})
		if err != nil {
			b.Fatal(err)
		}
		if c, err := Apply(svc, p); err != nil || c.Good != bigCollege.Cadres {
			b.Fatalf("imported %+v: %v", c, err)
		}
	}
}

// BenchmarkRawInsert20k is the floor the import is measured against: the
// same people and appointments inserted with two prepared statements in
// one transaction through database/sql, no checks.
func BenchmarkRawInsert20k(b *testing.B) {
	table := Generate(bigCollege)
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		st, err := data.Open(data.Config{Dir: dir, Now: testNow})
		if err != nil {
			b.Fatal(err)
		}
		svc := app.New(st, testNow)
		if err := svc.LoadSample(); err != nil {
			b.Fatal(err)
		}
		st.Close()
		db, err := sql.Open("sqlite", filepath.Join(dir, data.FileName)+"?_pragma=synchronous(FULL)&_pragma=journal_mode(DELETE)")
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rawInsert(b, db, table)
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
}

func rawInsert(b *testing.B, db *sql.DB, t *Table) {
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	person, _ := tx.Prepare(`INSERT INTO people (student_no, name, gender, college, major, class_name, grade, phone,
		political_status, party_applied_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`)
	post, _ := tx.Prepare(`INSERT INTO appointments (person_id, organization_id, department_id, post, post_rank,
		start_on, selected_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`)
	now := testNow()
	for _, r := range t.Rows {
		c := r.Cells
		res, err := person.Exec(c[1], c[0], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], now, now)
		if err != nil {
			b.Fatal(err)
		}
		id, _ := res.LastInsertId()
		if _, err := post.Exec(id, 2, nil, c[12], 6, c[13], "import", now, now); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

var (
	loadedOnce sync.Once
	loaded     *app.Service
)

// loadedCollege is the big college imported once, with three semesters of
// assessments (60,000), shared by the query benchmarks.
func loadedCollege(b *testing.B) *app.Service {
	loadedOnce.Do(func() {
		st, err := data.Open(data.Config{Dir: filepath.Join(benchDir, "college"), URL: benchURL, Now: testNow})
		if err != nil {
			b.Fatal(err)
		}
		svc := app.New(st, testNow)
		p, err := Make(svc, Generate(bigCollege), Options{CreateMissing: true})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Apply(svc, p); err != nil {
			b.Fatal(err)
		}
		ids, _ := st.RosterIDs(data.RosterFilter{})
		rows, _ := st.RosterRows(ids, "")
		for k, sem := range []string{"2019-2020-2", "2020-2021-1", "2020-2021-2"} {
			drafts := make([]app.AssessmentDraft, len(rows))
			for i, r := range rows {
				score := fmt.Sprint(55 + (i*7+k*13)%45)
				drafts[i] = app.AssessmentDraft{PersonID: r.PersonID, Name: r.Name, Scores: [4]string{score, score, score, score}}
			}
			if err := svc.SaveAssessments(sem, drafts); err != nil {
				b.Fatal(err)
			}
		}
		// Statistics as a server keeps them once its autovacuum has seen
		// the new rows (within a minute), and as the import leaves a file.
		if err := svc.Store().Optimize(); err != nil {
			b.Fatal(err)
		}
		loaded = svc
	})
	return loaded
}

// benchDir and benchURL hold the shared college: a folder, and in the
// PostgreSQL pass a schema on the test server.
var benchDir, benchURL string

func TestMain(m *testing.M) {
	dir, cleanup := tempDir()
	benchDir = dir
	u, drop, err := pgtest.NewSchema()
	if err != nil {
		fmt.Println("test server:", err)
		exitWith(1)
	}
	benchURL = u
	code := m.Run()
	drop()
	cleanup()
	exitWith(code)
}

// BenchmarkRosterFilter: count and first page of a filtered roster — one
// college union's cadres in post this semester who are League members,
// with a name search as typed.
func BenchmarkRosterFilter(b *testing.B) {
	svc := loadedCollege(b)
	tree, _ := svc.OrgTree()
	org := tree.OfKinds(data.KindCollegeUnion)[3]
	sem := app.Semester{StartYear: 2020, Term: 1}
	f := data.RosterFilter{OrganizationID: org.ID, Political: data.PoliticalLeague, Status: data.RosterInPost,
		From: sem.Start(), To: sem.End(), Semester: sem.String(), RankLimit: app.DefaultRankLimit, Search: "林"}
	for b.Loop() {
		ids, err := svc.Store().RosterIDs(f)
		if err != nil || len(ids) == 0 {
			b.Fatalf("%d rows, %v", len(ids), err)
		}
		if _, err := svc.Store().RosterRows(ids[:min(50, len(ids))], f.Semester); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRosterAll: the unfiltered roster of 20,000 in post, as the
// screen opens it: every row's ID in order, and the first page.
func BenchmarkRosterAll(b *testing.B) {
	svc := loadedCollege(b)
	f := data.RosterFilter{Status: data.RosterInPost, Semester: "2020-2021-1"}
	for b.Loop() {
		ids, err := svc.Store().RosterIDs(f)
		if err != nil || len(ids) != bigCollege.Cadres {
			b.Fatalf("%d rows, %v", len(ids), err)
		}
		if _, err := svc.Store().RosterRows(ids[:50], f.Semester); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRosterPage: one page of 50 rows deep in the roster of 20,000,
// as when the teacher scrolls to the middle.
func BenchmarkRosterPage(b *testing.B) {
	svc := loadedCollege(b)
	ids, _ := svc.Store().RosterIDs(data.RosterFilter{})
	for b.Loop() {
		if rows, err := svc.Store().RosterRows(ids[10_000:10_050], "2020-2021-1"); err != nil || len(rows) != 50 {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
	}
}

// BenchmarkPersonFormLoad: everything the person form shows.
func BenchmarkPersonFormLoad(b *testing.B) {
	svc := loadedCollege(b)
	p, err := svc.Store().PersonByStudentNo("2020050123")
	if err != nil {
		ids, _ := svc.Store().RosterIDs(data.RosterFilter{})
		rows, _ := svc.Store().RosterRows(ids[12_345:12_346], "")
		p, _ = svc.Person(rows[0].PersonID)
	}
	for b.Loop() {
		if _, err := svc.PersonFile(p.ID); err != nil {
			b.Fatal(err)
		}
	}
}

var (
	trainedOnce sync.Once
	trained     *app.Service
)

// trainedCollege adds to the big college 500 training sessions of one
// semester with 100 marks each: 50,000 attendance rows.
func trainedCollege(b *testing.B) *app.Service {
	svc := loadedCollege(b)
	trainedOnce.Do(func() {
		ids, _ := svc.Store().RosterIDs(data.RosterFilter{})
		rows, _ := svc.Store().RosterRows(ids, "")
		kinds := []string{data.TrainingCadre, data.TrainingWeekly, data.TrainingTheory, data.TrainingLecture}
		for i := 0; i < 500; i++ {
			t := data.Training{Title: fmt.Sprintf("第 %d 次培训", i+1), Kind: kinds[i%len(kinds)],
				HeldOn: data.NewDate(2020, 9, 1+i%30), Semester: "2020-2021-1", Hours: 2}
			if err := svc.Store().SaveTraining(&t); err != nil {
				b.Fatal(err)
			}
			marks := make([]data.Attendance, 100)
			for k := range marks {
				marks[k] = data.Attendance{PersonID: rows[(i*100+k)%len(rows)].PersonID, Status: data.AttendPresent}
			}
			if err := svc.Store().SetAttendance(&t.ID, nil, marks); err != nil {
				b.Fatal(err)
			}
		}
		trained = svc
	})
	return trained
}

// BenchmarkTrainingByPerson: every cadre's sessions and hours of a
// semester, for the whole roster, from 500 sessions and 50,000 marks.
func BenchmarkTrainingByPerson(b *testing.B) {
	svc := trainedCollege(b)
	for b.Loop() {
		sum, err := svc.TrainingByPerson(app.Semester{StartYear: 2020, Term: 1})
		if err != nil || len(sum) != bigCollege.Cadres {
			b.Fatalf("%d people, %v", len(sum), err)
		}
	}
}

// BenchmarkCopyToFile20k: the big college with its 60,000 assessments
// copied out of the store under test into a new data file, compared table
// by table — a teacher leaving the server, or its daily backup.
func BenchmarkCopyToFile20k(b *testing.B) {
	svc := loadedCollege(b)
	for b.Loop() {
		if _, err := svc.Store().CopyToFile(filepath.Join(b.TempDir(), "copy.db")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCopyOnto20k: the same records from a data file onto an empty
// store under test — a college moving onto its server.
func BenchmarkCopyOnto20k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "college.db")
	if _, err := loadedCollege(b).Store().CopyToFile(path); err != nil {
		b.Fatal(err)
	}
	src, err := data.OpenFile(path)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	for b.Loop() {
		b.StopTimer()
		dst := newService(b).Store()
		b.StartTimer()
		if _, err := src.CopyTo(dst); err != nil {
			b.Fatal(err)
		}
	}
}
