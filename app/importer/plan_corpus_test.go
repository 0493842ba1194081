package importer

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tuanxue/app"
)

// The row corpus (testdata/rows) holds hostile and odd roster rows, one
// per line, each with what must become of it. The first three columns say
// it and are ignored by the importer as unknown headers:
//
//	结果  拒绝 (rejected), 导入 (accepted, no warning) or 提醒 (accepted with a warning)
//	原因  substrings of the reasons (拒绝) or the warnings (提醒), parted by |;
//	      one starting with ! must not be there
//	存为  what is stored after the import: 学号=…;姓名=…;组织=…;部门=…;职务=…;开始=…;结束=…
//
// The other cells are Go string escapes (\x1b, \u202e, \n), so that no
// control or bidi character sits in the repository itself; the test writes
// the real characters into a CSV and imports it over the sample college.
var corpusFiles = []struct {
	file string
	opts Options
}{
	{"people.csv", Options{}},
	{"posts.csv", Options{}},
	{"create.csv", Options{CreateMissing: true}},
	{"map.csv", Options{Map: map[string]string{"潮汕职业技术学院学生会": "校学生会"}}},
}

func TestRowCorpus(t *testing.T) {
	for _, cf := range corpusFiles {
		t.Run(cf.file, func(t *testing.T) {
			records := readCorpus(t, filepath.Join("testdata", "rows", cf.file))
			svc := sampleService(t)
			p := plan0(t, svc, writeCorpusCSV(t, records), cf.opts)
			if len(p.Rows) != len(records)-1 {
				t.Fatalf("%d rows planned, the corpus has %d", len(p.Rows), len(records)-1)
			}
			for i, r := range p.Rows {
				checkPlanned(t, records[i+1], r)
			}
			if _, err := Apply(svc, p); err != nil {
				t.Fatalf("Apply: %v", err)
			}
			for i, r := range p.Rows {
				if r.OK() {
					checkStored(t, svc, records[i+1], r.Line)
				}
			}
		})
	}
}

func readCorpus(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return records
}

// writeCorpusCSV writes the corpus's roster columns with their escapes
// turned into the characters they name.
func writeCorpusCSV(t *testing.T, records [][]string) string {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	for i, rec := range records {
		row := slices.Clone(rec)
		if i > 0 {
			for j := 3; j < len(row); j++ {
				s, err := strconv.Unquote(`"` + strings.ReplaceAll(row[j], `"`, `\"`) + `"`)
				if err != nil {
					t.Fatalf("corpus line %d, cell %q: %v", i+1, row[j], err)
				}
				row[j] = s
			}
		}
		w.Write(row)
	}
	w.Flush()
	return writeFile(t, "corpus.csv", buf.Bytes())
}

func plan0(t *testing.T, svc *app.Service, path string, opts Options) *Plan {
	t.Helper()
	tbl, err := ReadFile(path)
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	p, err := Make(svc, tbl, opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func checkPlanned(t *testing.T, rec []string, r PlannedRow) {
	t.Helper()
	outcome, reasons := rec[0], rec[1]
	var text string
	switch outcome {
	case "拒绝":
		if r.OK() {
			t.Errorf("%s: accepted, want rejected for %q (warnings %q)", rec[4], reasons, r.Notes())
			return
		}
		text = r.Reasons()
	case "导入":
		if !r.OK() || len(r.Warnings) > 0 {
			t.Errorf("%s: want accepted without a word; problems %q, warnings %q", rec[4], r.Reasons(), r.Notes())
		}
		return
	case "提醒":
		if !r.OK() || len(r.Warnings) == 0 {
			t.Errorf("%s: want accepted with a warning; problems %q, warnings %q", rec[4], r.Reasons(), r.Notes())
			return
		}
		text = r.Notes()
	default:
		t.Fatalf("corpus: outcome %q", outcome)
	}
	for _, want := range strings.Split(reasons, "|") {
		if not, ok := strings.CutPrefix(want, "!"); ok {
			if strings.Contains(text, not) {
				t.Errorf("%s: %q should not say %q", rec[4], text, not)
			}
		} else if !strings.Contains(text, want) {
			t.Errorf("%s: %q, want %q", rec[4], text, want)
		}
	}
}

// checkStored compares what the import wrote with the 存为 column.
func checkStored(t *testing.T, svc *app.Service, rec []string, line int) {
	t.Helper()
	want := map[string]string{}
	for _, kv := range strings.Split(rec[2], ";") {
		if k, v, ok := strings.Cut(kv, "="); ok {
			want[k] = v
		}
	}
	no := want["学号"]
	if no == "" {
		no, _, _, _ = parseStudentNo(mustUnquote(t, rec[3]))
	}
	found, err := svc.Store().PeopleByStudentNoFold([]string{no})
	if err != nil || len(found[strings.ToUpper(no)]) != 1 {
		t.Errorf("line %d: 学号 %s stored %d times (%v)", line, no, len(found[strings.ToUpper(no)]), err)
		return
	}
	p := found[strings.ToUpper(no)][0]
	got := map[string]string{"学号": p.StudentNo, "姓名": p.Name, "性别": app.TextOf(app.Genders, p.Gender),
		"班级": p.ClassName, "二级学院": p.College, "专业": p.Major}
	for k, w := range want {
		if g, ok := got[k]; ok && g != w {
			t.Errorf("line %d: %s stored as %q, want %q", line, k, g, w)
		}
	}
	if _, ok := want["组织"]; !ok {
		return
	}
	as, _ := svc.Appointments(p.ID)
	var terms []string
	for _, a := range as {
		o, _ := svc.Store().Organization(a.OrganizationID)
		dept := ""
		if a.DepartmentID != nil {
			d, _ := svc.Store().Department(*a.DepartmentID)
			dept = d.Name
		}
		term := map[string]string{"组织": o.Name, "部门": dept, "职务": a.Post, "开始": a.StartOn.String(), "结束": a.EndOn.String()}
		match := true
		for _, k := range []string{"组织", "部门", "职务", "开始", "结束"} {
			if w, ok := want[k]; ok && term[k] != w {
				match = false
			}
		}
		if match {
			return
		}
		terms = append(terms, o.Name+"/"+dept+"/"+a.Post+"/"+termText(a.StartOn, a.EndOn))
	}
	t.Errorf("line %d: no term like %q among %v", line, rec[2], terms)
}

func mustUnquote(t *testing.T, s string) string {
	t.Helper()
	u, err := strconv.Unquote(`"` + s + `"`)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
