package reports

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"tuanxue/app/report"
	"tuanxue/assets"
	"tuanxue/data/pgtest"
)

// pageBounds are the page counts each report's Word and Excel files of the
// sample college may print on, converted by LibreOffice: the roster of 141
// within 7 pages (issue 16), the rest near what they print today.
var pageBounds = map[string][2][2]int{ // report: {docx {least, most}, xlsx {least, most}}
	"scale":      {{1, 4}, {1, 4}},
	"roster":     {{3, 7}, {3, 7}},
	"assessment": {{1, 3}, {1, 4}},
	"selection":  {{1, 2}, {1, 2}},
	"publicity":  {{1, 2}, {1, 2}},
	"exits":      {{1, 2}, {1, 3}},
	"training":   {{2, 7}, {2, 12}},
	"meetings":   {{1, 3}, {1, 3}},
	"ledger":     {{1, 3}, {1, 4}},
	"selfcheck":  {{4, 8}, {4, 4}}, // four unions, each form on a page of its own (Excel: exactly one)
	"coverage":   {{1, 2}, {1, 2}},
	"draft":      {{2, 12}, {1, 12}},
	"disclosure": {{4, 8}, {4, 8}}, // the self-check's four forms after the preamble
	"evidence":   {{4, 8}, {4, 8}}, // four unions, each on a page of its own

	"recommendations": {{1, 3}, {1, 4}},   // 推优情况表 (#20)
	"reviews":         {{1, 8}, {1, 8}},   // 述职评议结果汇总表: a page a union (#20)
	"review-forms":    {{1, 70}, {1, 70}}, // 述职评议登记表: a page a reporter (#20)

	// The 学代会 kit of the sample's congress (#20): 99 delegates.
	"congress-seats":       {{1, 1}, {1, 1}},
	"congress-delegates":   {{3, 6}, {2, 5}},
	"congress-eligibility": {{1, 3}, {1, 4}},
	"congress-ballot":      {{1, 1}, {1, 1}},
	"congress-elected":     {{1, 1}, {1, 1}},
	"congress-proposals":   {{1, 2}, {1, 2}},
}

// TestPaperFromAnOfficeSuite converts every report's Word and Excel file
// of the sample college to PDF with LibreOffice, in one run, as a teacher's
// office suite would print them, and checks each: A4, its text there,
// ruled tables, and a page count within bounds. LibreOffice finds the
// fonts every Chinese Windows has (宋体, 黑体, 仿宋, 楷体) as our bundled font,
// and Segoe UI Symbol as DejaVu Sans.
func TestPaperFromAnOfficeSuite(t *testing.T) {
	if pgtest.Server() != "" {
		t.Skip("the files do not depend on the database: printed once, in the SQLite pass")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if testing.Short() {
			t.Skip("LibreOffice (soffice) is not installed")
		}
		t.Fatal("LibreOffice (soffice) is needed; make test installs it")
	}
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s (poppler-utils) is needed; make test installs it", tool)
		}
	}
	svc := sampleService(t)
	dir := t.TempDir()
	docs := map[string]report.Document{}
	var files []string
	for _, r := range All {
		d := make(t, svc, r.Name, Options{Semester: fall2020})
		docs[r.Name] = d
		for _, format := range []string{"docx", "xlsx"} {
			path := filepath.Join(dir, r.Name+"-"+format+"."+format)
			var buf bytes.Buffer
			if err := Write(&buf, d, format); err != nil {
				t.Fatalf("%s.%s: %v", r.Name, format, err)
			}
			if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			if format == "docx" && len(d.Sections) > 0 && !strings.Contains(docxBody(t, buf.Bytes()), `<w:insideH w:val="single"`) {
				t.Errorf("%s.docx: tables without rules", r.Name)
			}
			files = append(files, path)
		}
	}
	out := convert(t, soffice, dir, files)
	for _, r := range All {
		for i, format := range []string{"docx", "xlsx"} {
			pdf := filepath.Join(out, r.Name+"-"+format+".pdf")
			checkPaper(t, pdf, docs[r.Name], pageBounds[r.Name][i])
		}
	}
}

// convert runs LibreOffice once on all the files, with a profile and a font
// set-up of its own, and returns the folder of the PDFs.
func convert(t *testing.T, soffice, dir string, files []string) string {
	t.Helper()
	fonts := filepath.Join(dir, "fonts")
	if err := os.MkdirAll(fonts, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fonts, assets.FontName), assets.Font, 0o600); err != nil {
		t.Fatal(err)
	}
	var aliases strings.Builder
	for _, family := range []string{"宋体", "SimSun", "黑体", "SimHei", "仿宋", "FangSong", "楷体", "KaiTi"} {
		fmt.Fprintf(&aliases, `<alias binding="same"><family>%s</family><prefer><family>WenQuanYi Micro Hei</family></prefer></alias>`, family)
	}
	// Segoe UI Symbol (the forms' ☑ □ ▲) has DejaVu Sans as its stand-in:
	// both draw the three marks at one size.
	aliases.WriteString(`<alias binding="same"><family>Segoe UI Symbol</family><prefer><family>DejaVu Sans</family></prefer></alias>`)
	conf := filepath.Join(dir, "fonts.conf")
	err := os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>`+
		`<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>`+fonts+`</dir><cachedir>`+filepath.Join(dir, "fc-cache")+`</cachedir>`+
		aliases.String()+`</fontconfig>`), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "pdf")
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", out}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf, "HOME="+dir)
	start := time.Now()
	if log, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, log)
	}
	t.Logf("LibreOffice converted %d files in %v", len(files), time.Since(start).Round(time.Second))
	return out
}

var pageSize = regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`)

// checkPaper checks one converted file: A4 either way round, pages within
// bounds, the title and the first cells there, and rules on page 1.
func checkPaper(t *testing.T, pdf string, d report.Document, bounds [2]int) {
	t.Helper()
	name := filepath.Base(pdf)
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Errorf("%s: not converted: %v", name, err)
		return
	}
	m := pageSize.FindSubmatch(info)
	w, _ := strconv.ParseFloat(string(m[1]), 64)
	h, _ := strconv.ParseFloat(string(m[2]), 64)
	if short, long := min(w, h), max(w, h); short < 594 || short > 597 || long < 840 || long > 843 {
		t.Errorf("%s: page %.1f × %.1f pt, not A4", name, w, h)
	}
	pages, _ := strconv.Atoi(regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(string(info))[1])
	if pages < bounds[0] || pages > bounds[1] {
		t.Errorf("%s: %d pages, want %d to %d", name, pages, bounds[0], bounds[1])
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := squeeze(string(text))
	for _, want := range paperWords(d) {
		if !strings.Contains(flat, squeeze(want)) {
			t.Errorf("%s lacks %q", name, want)
		}
	}
	// A ruled table has a line above and below its header and below each
	// row (a chart's axes make two or three).
	if len(d.Sections) > 0 {
		want := min(len(d.Sections[0].Rows)+2, 5)
		if rules := horizontalRules(t, pdf); rules < want {
			t.Errorf("%s: %d ruled lines across page 1, want %d or more", name, rules, want)
		}
	}
}

// paperWords are texts each file must carry: the title, and the first
// cells of the first table or the first paragraph.
func paperWords(d report.Document) []string {
	words := []string{d.Title}
	for _, s := range d.Sections {
		if len(s.Columns) > 0 {
			words = append(words, s.Columns[0].Title)
		}
		if len(s.Rows) > 0 && len(s.Rows[0]) > 1 {
			words = append(words, firstRunes(s.Rows[0][0], 10)) // a cell's first line
		}
		break
	}
	if len(d.Sections) == 0 && len(d.Paragraphs) > 0 {
		words = append(words, firstRunes(d.Paragraphs[0].Text, 12))
	}
	return words
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// squeeze drops white space: office suites space Chinese and Latin apart.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\t' || r == '\f' || r == '\u00a0' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

// horizontalRules counts the thin dark lines across at least an eighth of
// page 1: a table's rules. Text has gaps, and a chart's bars are thick.
func horizontalRules(t *testing.T, pdf string) int {
	t.Helper()
	img, err := exec.Command("pdftoppm", "-gray", "-r", "72", "-f", "1", "-l", "1", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(bytes.NewReader(img))
	var width, height, maxval int
	var magic string
	if _, err := fmt.Fscan(r, &magic, &width, &height, &maxval); err != nil || magic != "P5" {
		t.Fatalf("pdftoppm: %v %q", err, magic)
	}
	r.ReadByte()
	pixels, err := io.ReadAll(r) // (make is the tests' report maker here)
	if err != nil || len(pixels) < width*height {
		t.Fatalf("pdftoppm: %d bytes, %v", len(pixels), err)
	}
	rules, thick := 0, 0 // thick: how many rows the current dark band has
	for y := range height {
		run, longest := 0, 0
		for _, p := range pixels[y*width : (y+1)*width] {
			if p < 200 {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
		switch {
		case longest > width/8:
			thick++
		case thick > 0:
			if thick <= 2 {
				rules++
			}
			thick = 0
		}
	}
	return rules
}

func docxBody(t *testing.T, file []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(f)
	return string(data)
}
