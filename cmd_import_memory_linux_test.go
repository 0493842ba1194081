package main

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestAnImportStaysUnder200MB imports, each in a child process whose peak
// resident size the kernel measures, the largest roster the importer
// takes (50,000 rows) and one whose merged ranges cover every row: the
// whole command, reading, checking and writing, stays under 200 MB.
func TestAnImportStaysUnder200MB(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector multiplies memory use; make test runs this package without it")
	}
	if testing.Short() {
		t.Skip("builds and imports 50,000 rows")
	}
	for _, c := range []struct {
		name   string
		merges func(w io.Writer)
		args   []string
	}{
		{"50,000 rows, dry run", nil, []string{"--dry-run"}},
		{"50,000 rows", nil, nil},
		{"merged ranges over 50,000 rows", func(w io.Writer) {
			io.WriteString(w, `<mergeCells><mergeCell ref="C2:XFD1048576"/>`)
			for r := 2; r <= 50_001; r++ {
				fmt.Fprintf(w, `<mergeCell ref="F%d:XFD%d"/>`, r, r)
			}
			io.WriteString(w, `</mergeCells>`)
		}, []string{"--dry-run"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := sampleFolder(t)
			path := filepath.Join(t.TempDir(), "名册.xlsx")
			writeRosterBook(t, path, 50_000, c.merges)
			args := append([]string{"import", "members", path, "--data", dir}, c.args...)
			cmd := exec.Command(os.Args[0], "-test.run=^TestImportChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), "TUANXUE_IMPORT_CHILD="+strings.Join(args, "\x1f"))
			start := time.Now()
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			_, peakText, ok := strings.Cut(string(out), "peak ")
			var peak int64
			if _, err := fmt.Sscanf(peakText, "%d kB", &peak); !ok || err != nil {
				t.Fatalf("child said %q", out)
			}
			t.Logf("peak %d MB in %v", peak>>10, time.Since(start).Round(time.Millisecond))
			if !strings.Contains(string(out), "50000 行") {
				t.Errorf("child said %q", out)
			}
			if peak > 200<<10 {
				t.Errorf("the import took %d MB, more than 200 MB", peak>>10)
			}
		})
	}
}

// TestImportChild is the child of TestAnImportStaysUnder200MB: it runs the
// command and prints its peak resident size (VmHWM, the process's own;
// getrusage would count the parent's pages too).
func TestImportChild(t *testing.T) {
	args := os.Getenv("TUANXUE_IMPORT_CHILD")
	if args == "" {
		t.Skip("run by TestAnImportStaysUnder200MB")
	}
	var out strings.Builder
	run(strings.Split(args, "\x1f"), &out, &out)
	lines := strings.SplitN(out.String(), "\n", 3)
	fmt.Println(strings.Join(lines[:min(2, len(lines))], "\n"))
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

// writeRosterBook writes an .xlsx of n cadres of 校学生会 by hand (excelize
// would take long), with merges written after the rows.
func writeRosterBook(t *testing.T, path string, n int, merges func(io.Writer)) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z := zip.NewWriter(f)
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	const rel = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	add := func(name string, write func(w io.Writer)) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriter(w)
		write(bw)
		bw.Flush()
	}
	text := func(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }
	add("[Content_Types].xml", text(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`))
	add("_rels/.rels", text(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="`+rel+`officeDocument" Target="xl/workbook.xml"/></Relationships>`))
	add("xl/workbook.xml", text(`<?xml version="1.0"?><workbook `+ns+`><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`))
	add("xl/_rels/workbook.xml.rels", text(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="`+rel+`worksheet" Target="worksheets/sheet1.xml"/></Relationships>`))
	add("xl/worksheets/sheet1.xml", func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0"?><worksheet `+ns+`><sheetData><row r="1">`)
		for i, h := range []string{"学号", "姓名", "所属组织", "部门", "职务"} {
			fmt.Fprintf(w, `<c r="%c1" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, h)
		}
		io.WriteString(w, `</row>`)
		for r := 2; r < 2+n; r++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>2030%06d</v></c><c r="B%d" t="inlineStr"><is><t>学生%d</t></is></c><c r="C%d" t="inlineStr"><is><t>校学生会</t></is></c><c r="D%d" t="inlineStr"><is><t>办公室</t></is></c><c r="E%d" t="inlineStr"><is><t>干事</t></is></c></row>`, r, r, r, r, r, r, r, r)
		}
		io.WriteString(w, `</sheetData>`)
		if merges != nil {
			merges(w)
		}
		io.WriteString(w, `</worksheet>`)
	})
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
}
