package compliance

import (
	"testing"

	"tuanxue/app"
	"tuanxue/app/importer"
	"tuanxue/data"
)

// BenchmarkCheck20k: the whole check of a college of 20,000 cadres in 13
// unions, with the national set.
func BenchmarkCheck20k(b *testing.B) {
	st, err := data.Open(data.Config{Dir: b.TempDir(), Now: testNow})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	svc := app.New(st, testNow)
	spec := importer.Spec{Colleges: []string{"机电工程学院", "信息工程学院", "经济管理学院", "建筑工程学院", "医药卫生学院",
		"艺术设计学院", "外国语学院", "旅游管理学院", "汽车工程学院", "食品工程学院", "化学工程学院", "教育学院"},
		SchoolUnion: "校学生会", SchoolDepts: []string{"办公室", "学习部", "宣传部", "文艺部", "体育部", "权益服务部"},
		CollegeDepts: []string{"办公室", "学习部", "宣传部", "文体部"}, Cadres: 20_000, Seed: 2020, Year: 2020}
	plan, err := importer.Make(svc, importer.Generate(spec), importer.Options{CreateMissing: true})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := importer.Apply(svc, plan); err != nil {
		b.Fatal(err)
	}
	if err := EnsureBuiltins(svc); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		r, err := Run(svc, fall2020)
		if err != nil || len(r.Results) < 13*12 {
			b.Fatalf("%d results, %v", len(r.Results), err)
		}
	}
}
