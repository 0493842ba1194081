// Package apptest gives the tests of the app packages a real store in a
// temporary folder, with a fixed clock, empty or with the sample college,
// and the large generated college of the benchmarks.
package apptest

import (
	"testing"
	"time"

	"tuanxue/app"
	"tuanxue/app/importer"
	"tuanxue/data"
	"tuanxue/data/pgtest"
)

// Now is the tests' clock: the day of the source college's 2020 congress.
func Now() time.Time { return time.Date(2020, 10, 15, 10, 0, 0, 0, time.Local) }

// Fall2020 is the semester of Now.
var Fall2020 = app.Semester{StartYear: 2020, Term: 1}

// Config is a new store for one test: a data file in a temporary folder,
// or in the PostgreSQL pass a schema on the test server.
func Config(t testing.TB) data.Config {
	return data.Config{Dir: t.TempDir(), URL: pgtest.Schema(t), Now: Now}
}

// Service opens an empty store.
func Service(t testing.TB) *app.Service {
	t.Helper()
	return Open(t, Config(t))
}

// Open opens the store of cfg, closed when the test ends: two of them on
// one server are two offices at work.
func Open(t testing.TB, cfg data.Config) *app.Service {
	t.Helper()
	st, err := data.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return app.New(st, Now)
}

// Sample opens a store with the sample college loaded.
func Sample(t testing.TB) *app.Service {
	t.Helper()
	svc := Service(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	return svc
}

// BigSpec is a large college: 20,000 cadres in the school union and the
// unions of 12 二级学院.
var BigSpec = importer.Spec{
	Colleges: []string{"机电工程学院", "信息工程学院", "经济管理学院", "建筑工程学院", "医药卫生学院", "艺术设计学院",
		"外国语学院", "旅游管理学院", "汽车工程学院", "食品工程学院", "化学工程学院", "教育学院"},
	SchoolUnion: "校学生会", SchoolDepts: []string{"办公室", "学习部", "宣传部", "文艺部", "体育部", "权益服务部"},
	CollegeDepts: []string{"办公室", "学习部", "宣传部", "文体部"},
	Cadres:       20_000, Seed: 2020, Year: 2020,
}

// Big opens a store with BigSpec imported.
func Big(t testing.TB) *app.Service {
	t.Helper()
	svc := Service(t)
	plan, err := importer.Make(svc, importer.Generate(BigSpec), importer.Options{CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := importer.Apply(svc, plan); err != nil {
		t.Fatal(err)
	}
	return svc
}
