package reports

import (
	"io"
	"sync"
	"testing"

	"tuanxue/app"
	"tuanxue/app/importer"
	"tuanxue/data"
)

var (
	bigOnce sync.Once
	big     *app.Service
)

// bigCollege is 20,000 cadres in a school union and 12 college unions.
func bigCollege(b *testing.B) *app.Service {
	bigOnce.Do(func() {
		st, err := data.Open(data.Config{Dir: b.TempDir(), Now: testNow})
		if err != nil {
			b.Fatal(err)
		}
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
		big = svc
	})
	return big
}

// BenchmarkReportTables makes every report of the 20,000-cadre college.
func BenchmarkReportTables(b *testing.B) {
	svc := bigCollege(b)
	for _, r := range All {
		b.Run(r.Name, func(b *testing.B) {
			for b.Loop() {
				if _, err := r.Make(svc, Options{Semester: fall2020}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRosterPDF prints the whole roster of 20,000.
func BenchmarkRosterPDF(b *testing.B) {
	svc := bigCollege(b)
	doc, err := roster(svc, Options{Semester: fall2020})
	if err != nil || len(doc.Sections[0].Rows) != 20_000 {
		b.Fatalf("%v", err)
	}
	for b.Loop() {
		if err := Write(io.Discard, doc, "pdf"); err != nil {
			b.Fatal(err)
		}
	}
}
