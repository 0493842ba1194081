package importer

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// memoryLimit is what reading any file may take, the whole process
// included.
const memoryLimit = 200 << 20

// TestReadingStaysSmall reads files built to exhaust memory, each in a
// child process whose peak resident size is measured by the kernel: a
// 60 KB workbook with one 2-million-cell row took 1.7 GB and 10 s, one with
// merged ranges over 50,000 rows 4.5 GB.
func TestReadingStaysSmall(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector multiplies memory use; make memory runs this without it")
	}
	if testing.Short() {
		t.Skip("builds large files")
	}
	cases := []struct {
		name  string
		make  func(w io.Writer)
		after string
	}{
		{"one row of 2 million cells", func(w io.Writer) {
			fmt.Fprint(w, `<row r="1"><c t="inlineStr"><is><t>姓名</t></is></c><c t="inlineStr"><is><t>学号</t></is></c></row><row r="2">`)
			for i := 0; i < 2_000_000; i++ {
				io.WriteString(w, `<c><v>1</v></c>`)
			}
			io.WriteString(w, `</row>`)
		}, ""},
		{"a million cells as wide as Excel allows", func(w io.Writer) {
			fmt.Fprint(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>学号</t></is></c></row>`)
			names := make([]string, excelColumns+1)
			for c := 1; c <= excelColumns; c++ {
				names[c] = colName(c)
			}
			for r := 2; r < 2+1_000_000/excelColumns; r++ {
				row := strconv.Itoa(r)
				io.WriteString(w, `<row r="`+row+`">`)
				for c := 1; c <= excelColumns; c++ {
					io.WriteString(w, `<c r="`+names[c]+row+`"><v>1</v></c>`)
				}
				io.WriteString(w, `</row>`)
			}
		}, ""},
		{"merged ranges over 50,000 rows", func(w io.Writer) {
			fmt.Fprint(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>学号</t></is></c><c r="C1" t="inlineStr"><is><t>所属组织</t></is></c></row>`)
			for r := 2; r <= 50_001; r++ {
				fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>学生%d</t></is></c><c r="B%d"><v>2020%05d</v></c><c r="C%d" t="inlineStr"><is><t>校学生会</t></is></c></row>`, r, r, r, r, r, r)
			}
		}, mergesOver50000Rows()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var sheet bytes.Buffer
			c.make(&sheet)
			path := writeFile(t, "big.xlsx", workbook(t, []testSheet{{name: "Sheet1", xml: sheet.String(), after: c.after}}, ""))
			peak, took, out := readInChild(t, path)
			t.Logf("%d KB file: peak %d MB in %v: %s", fileSize(t, path)>>10, peak>>20, took.Round(time.Millisecond), out)
			if peak > memoryLimit {
				t.Fatalf("reading took %d MB, more than %d MB", peak>>20, memoryLimit>>20)
			}
		})
	}
	t.Run("a CSV line of 15 million commas", func(t *testing.T) {
		b := append([]byte("姓名,学号\n张三,"), bytes.Repeat([]byte{','}, 15_000_000)...)
		path := writeFile(t, "wide.csv", b)
		peak, took, out := readInChild(t, path)
		t.Logf("peak %d MB in %v: %s", peak>>20, took.Round(time.Millisecond), out)
		if peak > memoryLimit {
			t.Fatalf("reading took %d MB, more than %d MB", peak>>20, memoryLimit>>20)
		}
	})
}

// mergesOver50000Rows are a range over the whole sheet from C2 and one per row over the
// unused columns of rows 2 to 50,001.
func mergesOver50000Rows() string {
	var b strings.Builder
	b.WriteString(`<mergeCells><mergeCell ref="C2:XFD1048576"/>`)
	for r := 2; r <= 50_001; r++ {
		fmt.Fprintf(&b, `<mergeCell ref="D%d:XFD%d"/>`, r, r)
	}
	b.WriteString(`</mergeCells>`)
	return b.String()
}

func fileSize(t *testing.T, path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}

// readInChild runs TestReadChild on path in a new process and returns its
// peak resident size, the time it took and what it printed. The peak is
// the child's own VmHWM: getrusage's maxrss of a child also counts the
// parent's pages shared until exec, so it would measure this test.
func readInChild(t *testing.T, path string) (int64, time.Duration, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestReadChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "TUANXUE_READ_CHILD="+path)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	took := time.Since(start)
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	result, rest, _ := strings.Cut(string(out), "\n")
	var peak int64
	if _, err := fmt.Sscanf(rest, "peak %d kB", &peak); err != nil {
		t.Fatalf("child said %q", out)
	}
	return peak << 10, took, result
}

// TestReadChild is the child of readInChild.
func TestReadChild(t *testing.T) {
	path := os.Getenv("TUANXUE_READ_CHILD")
	if path == "" {
		t.Skip("run by TestReadingStaysSmall")
	}
	tbl, err := ReadFile(path)
	if err != nil {
		fmt.Println("refused:", err)
	} else {
		fmt.Printf("%d rows, notices %q\n", len(tbl.Rows), tbl.Notices)
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			fmt.Println("peak", strings.TrimSpace(v))
		}
	}
}
