package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestEveryMigrationFromItsPredecessor builds a file at each released schema
// and migrates it forward; each step's check asserts what the step must
// create and keep (later steps seed rows at the old schema first).
func TestEveryMigrationFromItsPredecessor(t *testing.T) {
	seeds := map[int]func(t *testing.T, s *Store){
		16: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO organizations (id, name, kind, status) VALUES (1, '校学生会', 'school_union', 'active')`,
				`INSERT INTO people (id, student_no, name) VALUES (1, '2020001', '陈思远')`,
				`INSERT INTO meetings (id, kind, title, held_on, semester, organization_id, delegates_elected) VALUES (1, 'congress', '第十二次学生代表大会', '2020-10-15', '2020-2021-1', 1, 120)`,
				`INSERT INTO appointments (id, person_id, organization_id, post, start_on, selected_by) VALUES (1, 1, 1, '主席', '2020-10-15', 'congress')`)
		},
		14: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO organizations (id, name, kind, status) VALUES (1, '校学生会', 'school_union', 'active')`,
				`INSERT INTO rectifications (id, year, found_on, problem, source) VALUES (1, '2020-2021', '2020-10-01', '问题', 'self_check')`,
				`INSERT INTO evidence_files (id, item_id, name, stored, size, added_on) VALUES (1, 1, '整改 报告.txt', 'evidence/1/整改 报告.txt', 9, '2020-10-02')`,
				`INSERT INTO evidence_contents (evidence_id, content) VALUES (1, '已整改')`)
		},
		15: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO organizations (id, name, kind, status) VALUES (1, '校学生会', 'school_union', 'active')`,
				`INSERT INTO people (id, student_no, name) VALUES (1, '2020001', '陈思远')`)
		},
		18: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO people (id, student_no, name) VALUES (1, '2020001', '陈思远')`,
				`INSERT INTO assessments (id, person_id, semester, self_score, total, grade) VALUES (1, 1, '2020-2021-1', 90, 90, 'excellent')`)
		},
		17: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO op_log (id, at, operator, action, entity) VALUES (1, '2020-10-01 08:00:00', '林老师', 'create', 'settings')`)
		},
		13: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO people (id, student_no, name) VALUES (1, '2020001', '陈思远')`,
				`INSERT INTO recommendations (id, person_id, branch, held_on, stage, result) VALUES (1, 1, '计算机2001团支部', '2021-10-10', '团支部推荐', '通过')`)
		},
		12: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO organizations (id, name, kind, status) VALUES (1, '校学生会', 'school_union', 'active')`,
				`INSERT INTO selection_rounds (id, organization_id, semester, kind, title) VALUES (1, 1, '2020-2021-1', 'election', '换届选举')`)
		},
		11: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO organizations (id, name, kind, status) VALUES (1, '校学生会', 'school_union', 'active')`,
				`INSERT INTO meetings (id, kind, title, held_on, semester, organization_id) VALUES (1, 'study', '学习会', '2020-10-14', '2020-2021-1', 1)`)
		},
		10: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO organizations (id, name, kind, status) VALUES (1, '校学生会', 'school_union', 'active')`)
		},
		9: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO organizations (id, name, kind, status) VALUES (1, '校学生会', 'school_union', 'active')`,
				`INSERT INTO departments (id, organization_id, name, status) VALUES (1, 1, '宣传部', 'active')`,
				`INSERT INTO people (id, student_no, name) VALUES (1, '2020001', '陈思远')`,
				`INSERT INTO appointments (id, person_id, organization_id, department_id, post, start_on, end_on)
					VALUES (1, 1, 1, 1, '干事', '2019-09-10', '2020-06-30')`,
				`INSERT INTO exits (id, appointment_id, person_id, exit_on, reason) VALUES (1, 1, 1, '2020-06-30', 'term_end')`,
				`INSERT INTO assessments (id, person_id, semester, grade) VALUES (1, 1, '2019-2020-2', 'pass')`,
				`INSERT INTO selection_rounds (id, organization_id, semester, kind, title) VALUES (1, 1, '2020-2021-1', 'recruitment', '招新')`,
				`INSERT INTO candidates (id, round_id, person_id, post) VALUES (1, 1, 1, '干事')`,
				`INSERT INTO recommendations (id, person_id, held_on, stage) VALUES (1, 1, '2020-10-10', '团支部推荐')`)
		},
		8: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO trainings (id, title, kind, held_on, semester) VALUES (1, '骨干培训', 'cadre', '2020-10-10', '2020-2021-1')`)
		},
		4: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO organizations (id, name, kind, status) VALUES (1, '校学生会', 'school_union', 'active')`,
				`INSERT INTO departments (id, organization_id, name, status) VALUES (1, 1, '宣传部', 'active')`)
		},
		3: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO organizations (id, name, kind, status) VALUES (1, '校学生会', 'school_union', 'active')`,
				`INSERT INTO people (id, student_no, name) VALUES (1, '00123', '张三')`)
		},
		2: func(t *testing.T, s *Store) {
			mustExec(t, s, `INSERT INTO organizations (id, name, kind, status) VALUES (1, '校学生会', 'school_union', 'active')`,
				`INSERT INTO departments (id, organization_id, name, status) VALUES (1, 1, '宣传部', 'active')`)
		},
	}
	checks := map[int]func(t *testing.T, s *Store){
		16: func(t *testing.T, s *Store) {
			hasTables(t, s, "congress_quotas", "congress_delegates", "congress_elections", "congress_candidates", "congress_proposals")
			m, err := s.Meeting(1)
			if err != nil || *m.DelegatesElected != 120 || m.CongressForm != CongressByDelegates {
				t.Fatalf("old congress after the kit: %+v %v", m, err)
			}
			if a, err := s.Appointment(1); err != nil || a.MeetingID != nil || a.Post != "主席" {
				t.Fatalf("old term has no congress link: %+v %v", a, err)
			}
			org := uint(1)
			d := Delegate{MeetingID: 1, PersonID: 1, OrganizationID: &org, ClassName: "计算机2001", ElectedBy: DelegateByClass}
			if err := s.SaveDelegate(&d); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveDelegate(&Delegate{MeetingID: 1, PersonID: 1}); !errors.Is(err, ErrDuplicate) {
				t.Fatalf("a person twice in one register: %v", err)
			}
			e := Election{MeetingID: 1, Title: "主席团成员选举", Seats: 1}
			if err := s.SaveElection(&e); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveNominee(&Nominee{ElectionID: e.ID, MeetingID: 1, PersonID: 1, Post: "主席"}); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveProposal(&Proposal{MeetingID: 1, Number: 1, Title: "增设自习室", ProposerID: 1}); err != nil {
				t.Fatal(err)
			}
			if err := s.ReplaceQuotas(1, []CongressQuota{{MeetingID: 1, OrganizationID: 1, Students: 9860, Seats: 99}}); err != nil {
				t.Fatal(err)
			}
			k, err := s.KitOf(1)
			if err != nil || len(k.Quotas) != 1 || len(k.Delegates) != 1 || len(k.Elections) != 1 || len(k.Nominees) != 1 || len(k.Proposals) != 1 {
				t.Fatalf("kit: %+v %v", k, err)
			}
		},
		14: func(t *testing.T, s *Store) {
			es, err := s.EvidenceOf(1)
			if err != nil || len(es) != 1 || es[0].Name != "整改 报告.txt" || *es[0].ItemID != 1 || es[0].OrganizationID != nil || es[0].Indicator != "" {
				t.Fatalf("the ledger's file after the migration: %+v %v", es, err)
			}
			if b, err := s.EvidenceContent(1); err != nil || string(b) != "已整改" {
				t.Fatalf("its content: %q %v", b, err)
			}
			org := uint(1)
			e := Evidence{OrganizationID: &org, Year: "2020-2021", Indicator: "school/congress_held", Name: "学代会 会议记录.pdf",
				Stored: "evidence/indicators/1/2020-2021/school-congress_held/学代会 会议记录.pdf", Size: 4, AddedOn: NewDate(2020, 10, 20)}
			if err := s.SaveEvidence(&e, []byte("%PDF")); err != nil {
				t.Fatal(err)
			}
			by, err := s.IndicatorEvidence(1, "2020-2021")
			if err != nil || len(by) != 1 || len(by["school/congress_held"]) != 1 || by["school/congress_held"][0].Name != "学代会 会议记录.pdf" {
				t.Fatalf("the indicator's files: %+v %v", by, err)
			}
			if other, _ := s.IndicatorEvidence(1, "2021-2022"); len(other) != 0 {
				t.Fatalf("another year's files: %+v", other)
			}
			if err := s.DeleteEvidence(e.ID); err != nil {
				t.Fatal(err)
			}
			if by, _ := s.IndicatorEvidence(1, "2020-2021"); len(by) != 0 {
				t.Fatalf("a deleted file is listed: %+v", by)
			}
			files, err := s.Purge("evidence_files", e.ID)
			if err != nil || len(files) != 1 {
				t.Fatalf("purge: %q %v", files, err)
			}
			if _, err := s.EvidenceContent(e.ID); !errors.Is(err, ErrNotFound) {
				t.Fatalf("content after the purge: %v", err)
			}
		},
		15: func(t *testing.T, s *Store) {
			hasTables(t, s, "reviews", "review_panelists", "review_reporters")
			total := 88.0
			r := ReviewRecord{Review: Review{OrganizationID: 1, Semester: "2020-2021-1", HeldOn: NewDate(2021, 1, 8), Place: "201"},
				Panel: []ReviewPanelist{{Name: "王老师"}, {Name: "学生甲", Student: true}},
				Reporters: []ReviewReporter{{PersonID: 1, Post: "主席", Total: &total, Result: ReviewPass,
					Scores: AspectScores{{Aspect: "政治态度", Score: 18}}}}}
			if err := s.SaveReview(&r); err != nil || r.Version != 1 {
				t.Fatalf("first review: %v", err)
			}
			got, err := s.ReviewRecordOf(r.ID)
			if err != nil || len(got.Panel) != 2 || !got.Panel[1].Student || len(got.Reporters) != 1 ||
				got.Reporters[0].Scores[0].Score != 18 {
				t.Fatalf("read back %+v %v", got, err)
			}
			if err := s.SaveReview(&ReviewRecord{Review: Review{OrganizationID: 1, Semester: "2020-2021-1", HeldOn: NewDate(2021, 1, 9)}}); !errors.Is(err, ErrDuplicate) {
				t.Fatalf("a second review of one union in one semester: %v", err)
			}
			stale := got
			got.Place = "202"
			if err := s.SaveReview(&got); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveReview(&stale); !errors.Is(err, ErrConflict) {
				t.Fatalf("save over a newer review: %v", err)
			}
			if rs, _ := s.ReviewResultsIn("2020-2021-1", []uint{1}); rs[1].Result != ReviewPass || rs[1].Semester != "2020-2021-1" {
				t.Fatalf("results %+v", rs)
			}
		},
		18: func(t *testing.T, s *Store) {
			as, err := s.AssessmentsOf(1)
			if err != nil || len(as) != 1 || *as[0].Total != 90 || as[0].ReviewScore != nil {
				t.Fatalf("assessment after the review score: %+v %v", as, err)
			}
			score := 86.5
			as[0].ReviewScore = &score
			if err := s.SaveAssessments(as); err != nil {
				t.Fatal(err)
			}
			if as, _ = s.AssessmentsOf(1); as[0].ReviewScore == nil || *as[0].ReviewScore != 86.5 {
				t.Fatalf("review score not kept: %+v", as)
			}
		},
		17: func(t *testing.T, s *Store) {
			// The file has one office: its log lines name none.
			if err := s.LogAction(ActionUpdate, "settings", "学期"); err != nil {
				t.Fatal(err)
			}
			logs, err := s.OpLogs(OpLogFilter{})
			if err != nil || len(logs) != 2 || logs[0].Office != "" || logs[1].Operator != "林老师" {
				t.Fatalf("log after the offices: %+v %v", logs, err)
			}
		},
		13: func(t *testing.T, s *Store) {
			p, err := s.Person(1)
			if err != nil || p.Name != "陈思远" || !p.BornOn.IsZero() || !p.JoinedLeagueOn.IsZero() {
				t.Fatalf("person after the 推优 dates: %+v %v", p, err)
			}
			p.BornOn, p.JoinedLeagueOn = NewDate(2002, 3, 4), NewDate(2016, 5, 4)
			if err := s.SavePerson(&p); err != nil {
				t.Fatal(err)
			}
			if p, _ = s.Person(1); p.BornOn != NewDate(2002, 3, 4) || p.JoinedLeagueOn != NewDate(2016, 5, 4) {
				t.Fatalf("dates not kept: %+v", p)
			}
			rs, err := s.RecommendationsOf(1)
			if err != nil || len(rs) != 1 || rs[0].Branch != "计算机2001团支部" || rs[0].BranchMembers != nil || rs[0].Present != nil || rs[0].VotesFor != nil {
				t.Fatalf("old 推优 record has no meeting numbers: %+v %v", rs, err)
			}
			r := rs[0]
			members, present, votes := 30, 25, 20
			r.BranchMembers, r.Present, r.VotesFor = &members, &present, &votes
			if err := s.SaveRecommendation(&r); err != nil {
				t.Fatal(err)
			}
			if all, err := s.Recommendations(); err != nil || len(all) != 1 || *all[0].BranchMembers != 30 || *all[0].Present != 25 || *all[0].VotesFor != 20 {
				t.Fatalf("meeting numbers not kept: %+v %v", all, err)
			}
		},
		12: func(t *testing.T, s *Store) {
			hasTables(t, s, "publicities", "objections")
			if r, err := s.Round(1); err != nil || r.Title != "换届选举" {
				t.Fatalf("round kept through the migration: %+v %v", r, err)
			}
			if _, err := s.PublicityOf(1); !errors.Is(err, ErrNotFound) {
				t.Fatalf("a round without a 公示: %v", err)
			}
			p := Publicity{RoundID: 1, StartOn: NewDate(2020, 9, 30), Days: 5, Holidays: "2020-10-01,2020-10-02", Workdays: "2020-10-10"}
			if err := s.SavePublicity(&p); err != nil || p.Version != 1 {
				t.Fatalf("first 公示: %v (version %d)", err, p.Version)
			}
			stale := p
			p.ClosingNote = "公示期满，无异议。"
			if err := s.SavePublicity(&p); err != nil {
				t.Fatal(err)
			}
			if err := s.SavePublicity(&stale); !errors.Is(err, ErrConflict) {
				t.Fatalf("save over a newer 公示: %v", err)
			}
			if err := s.SavePublicity(&Publicity{RoundID: 1, Days: 5}); !errors.Is(err, ErrDuplicate) {
				t.Fatalf("a second 公示 of one round: %v", err)
			}
			o := Objection{RoundID: 1, ReceivedOn: NewDate(2020, 10, 9), RaisedBy: "匿名", Content: "成绩有误"}
			if err := s.SaveObjection(&o); err != nil {
				t.Fatal(err)
			}
			if os, err := s.Objections(1); err != nil || len(os) != 1 || os[0].Content != "成绩有误" || !os[0].HandledOn.IsZero() {
				t.Fatalf("objections %+v %v", os, err)
			}
		},
		11: func(t *testing.T, s *Store) {
			m, err := s.Meeting(1)
			if err != nil || m.Title != "学习会" || m.Recorder != "" {
				t.Fatalf("meeting after its recorder column: %+v %v", m, err)
			}
			m.Recorder = "陈思远"
			if err := s.SaveMeeting(&m); err != nil {
				t.Fatal(err)
			}
			if m, _ = s.Meeting(1); m.Recorder != "陈思远" {
				t.Fatalf("recorder not kept: %+v", m)
			}
		},
		10: func(t *testing.T, s *Store) {
			hasTables(t, s, "conclusions")
			c := Conclusion{OrganizationID: 1, Year: "2020-2021", Indicator: "school/manual/11", Outcome: "pass", Note: "见会议纪要"}
			if err := s.SaveConclusion(&c); err != nil || c.Version != 1 {
				t.Fatalf("first conclusion: %v (version %d)", err, c.Version)
			}
			if o, err := s.Organization(1); err != nil || o.Name != "校学生会" {
				t.Fatalf("organization kept through the migration: %+v %v", o, err)
			}
			again := Conclusion{OrganizationID: 1, Year: "2020-2021", Indicator: "school/manual/11", Outcome: "fail"}
			if err := s.SaveConclusion(&again); !errors.Is(err, ErrDuplicate) {
				t.Fatalf("a second conclusion on the same indicator: %v", err)
			}
		},
		9: func(t *testing.T, s *Store) {
			d, err := s.Department(1)
			if err != nil || d.Version != 1 || d.Name != "宣传部" {
				t.Fatalf("department after its version column: %+v %v", d, err)
			}
			a, _ := s.Appointment(1)
			r, _ := s.Round(1)
			c, _ := s.Candidate(1)
			as, _ := s.AssessmentsOf(1)
			es, _ := s.ExitsOf(1)
			rs, _ := s.RecommendationsOf(1)
			if len(as) != 1 || len(es) != 1 || len(rs) != 1 {
				t.Fatalf("records lost: %+v %+v %+v", as, es, rs)
			}
			for table, v := range map[string]int{"appointments": a.Version, "selection_rounds": r.Version, "candidates": c.Version,
				"assessments": as[0].Version, "exits": es[0].Version, "recommendations": rs[0].Version} {
				if v != 1 {
					t.Errorf("%s: version %d after the migration, want 1", table, v)
				}
			}
			stale := d
			d.Duties = "宣传栏"
			if err := s.SaveDepartment(&d); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveDepartment(&stale); !errors.Is(err, ErrConflict) {
				t.Fatalf("save from before the other one: %v", err)
			}
		},
		8: func(t *testing.T, s *Store) {
			tr, err := s.Training(1)
			if err != nil || tr.Version != 1 || tr.Title != "骨干培训" {
				t.Fatalf("training after its version column: %+v %v", tr, err)
			}
		},
		7: func(t *testing.T, s *Store) {
			hasTables(t, s, "evidence_contents")
			mustExec(t, s, `INSERT INTO rectifications (id, year, found_on, problem, source) VALUES (1, '2020-2021', '2020-10-01', '问题', 'self_check')`,
				`INSERT INTO evidence_files (id, item_id, name, stored, added_on) VALUES (1, 1, 'a.txt', 'evidence/1/a.txt', '2020-10-02')`,
				`INSERT INTO evidence_contents (evidence_id, content) VALUES (1, x'e695b4e694b9')`,
				`DELETE FROM evidence_files WHERE id = 1`)
			var n int64
			s.db.Table("evidence_contents").Count(&n)
			if n != 0 {
				t.Fatal("the content outlived its file record")
			}
		},
		1: func(t *testing.T, s *Store) {
			hasTables(t, s, "settings", "organizations", "departments")
		},
		6: func(t *testing.T, s *Store) {
			hasTables(t, s, "op_log")
			if err := s.db.Exec("UPDATE people SET version = version + 1").Error; err != nil {
				t.Fatal(err)
			}
		},
		5: func(t *testing.T, s *Store) {
			hasTables(t, s, "rectifications", "rectification_logs", "evidence_files")
		},
		4: func(t *testing.T, s *Store) {
			hasTables(t, s, "rule_sets", "rules")
			o, err := s.Organization(1)
			if err != nil || o.Name != "校学生会" || o.StaffCapReason != "" || o.Students != nil {
				t.Fatalf("organization after adding columns: %+v %v", o, err)
			}
			if d, err := s.Department(1); err != nil || d.OrganizationID != 1 {
				t.Fatalf("department lost when organizations grew columns: %+v %v", d, err)
			}
		},
		3: func(t *testing.T, s *Store) {
			hasTables(t, s, "trainings", "meetings", "attendance")
			if p, err := s.Person(1); err != nil || p.StudentNo != "00123" {
				t.Fatalf("person kept through the migration: %+v %v", p, err)
			}
			mustExec(t, s, `INSERT INTO trainings (id, title, kind, held_on, semester) VALUES (1, '骨干培训', 'cadre', '2020-10-10', '2020-2021-1')`,
				`INSERT INTO attendance (training_id, person_id, status) VALUES (1, 1, 'present')`)
			if err := s.db.Exec(`INSERT INTO attendance (person_id, status) VALUES (1, 'present')`).Error; err == nil {
				t.Fatal("attendance without a session accepted")
			}
		},
		2: func(t *testing.T, s *Store) {
			hasTables(t, s, "people", "appointments", "exits", "selection_rounds", "candidates", "assessments", "recommendations")
			if d, err := s.Department(1); err != nil || d.Name != "宣传部" {
				t.Fatalf("department kept through the migration: %+v %v", d, err)
			}
			mustExec(t, s, `INSERT INTO people (student_no, name) VALUES ('00123', '张三')`)
			if err := s.db.Exec(`INSERT INTO people (student_no, name) VALUES ('00123', '李四')`).Error; err == nil {
				t.Fatal("two living people share a 学号")
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
			if seed := seeds[m.version]; seed != nil {
				seed(t, s)
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
	migrations = migrations[:len(migrations)-len(stepsAfter(target))]
	if target == 0 {
		return nil
	}
	return s.migrate(0)
}

func hasTables(t *testing.T, s *Store, tables ...string) {
	t.Helper()
	for _, table := range tables {
		if !s.db.Migrator().HasTable(table) {
			t.Errorf("table %s missing", table)
		}
	}
}

func mustExec(t *testing.T, s *Store, statements ...string) {
	t.Helper()
	for _, st := range statements {
		if err := s.db.Exec(st).Error; err != nil {
			t.Fatalf("%s: %v", st, err)
		}
	}
}

// A file from before schema 7 gets the content of its evidence files from
// the data folder into the records when it is first opened.
func TestOlderFileKeepsItsEvidenceContents(t *testing.T) {
	dir := t.TempDir()
	db, err := openDB(filepath.Join(dir, FileName), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{db: db}
	mustExec(t, s, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID))
	if err := s.migrateTo(6); err != nil {
		t.Fatal(err)
	}
	mustExec(t, s, `INSERT INTO rectifications (id, year, found_on, problem, source) VALUES (1, '2020-2021', '2020-10-01', '问题', 'self_check')`,
		`INSERT INTO evidence_files (id, item_id, name, stored, added_on) VALUES (1, 1, '整改 报告.txt', 'evidence/1/整改 报告.txt', '2020-10-02')`,
		`INSERT INTO evidence_files (id, item_id, name, stored, added_on) VALUES (2, 1, '丢了.txt', 'evidence/1/丢了.txt', '2020-10-02')`)
	s.Close()
	os.MkdirAll(filepath.Join(dir, "evidence", "1"), 0o755)
	os.WriteFile(filepath.Join(dir, "evidence", "1", "整改 报告.txt"), []byte("已整改"), 0o644)

	s, err = Open(Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if b, err := s.EvidenceContent(1); err != nil || string(b) != "已整改" {
		t.Fatalf("content %q, %v", b, err)
	}
	if _, err := s.EvidenceContent(2); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a missing file: %v", err)
	}
}
