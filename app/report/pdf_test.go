package report

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// pdfText writes a document as PDF and reads it back with pdftotext.
func pdfText(t *testing.T, d Document) (text string, pages int) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext (poppler-utils) is needed; make test installs it")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	var buf bytes.Buffer
	if err := WritePDF(&buf, d); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out), bytes.Count(buf.Bytes(), []byte("/Type /Page\n"))
}

// A name with a character outside the Basic Multilingual Plane panicked
// inside fpdf and took the program down. It prints as 〓, and the page
// says which character it stands for.
func TestNamesTheFontCannotDrawPrintAsSubstitutes(t *testing.T) {
	d := Document{Title: "学生骨干名册", Sections: []Section{{Columns: []Column{{Title: "姓名"}, {Title: "职务"}},
		Rows: [][]string{{"𠮷田一", "干事"}, {"陈思远😀", "部长"}, {"林喆", "主席"}}}},
		Charts: []Chart{{Title: "人数", Bars: []Bar{{Label: "𠮷田学生会", Value: 3}}}}}
	text, _ := pdfText(t, d)
	for _, want := range []string{"〓田一", "陈思远〓", "林喆", "U+20BB7", "U+1F600", "请手写补正"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	if got := string(Unprintable(d)); got != "😀𠮷" { // in code order
		t.Errorf("Unprintable %q", got)
	}
	var png bytes.Buffer
	if err := WriteChartPNG(&png, d.Charts[0]); err != nil {
		t.Fatal(err)
	}
}

func TestEmptyTablesAndChartsSaySo(t *testing.T) {
	d := Document{Title: "退出情况表", Sections: []Section{
		{Caption: "退出名单", Columns: []Column{{Title: "日期"}, {Title: "姓名"}}},
		{Caption: "整改", Columns: []Column{{Title: "问题"}}, Empty: "本学年无整改事项"}},
		Charts: []Chart{{Title: "整改事项状态", Bars: []Bar{{Label: "待整改"}, {Label: "已销号"}}}}}
	text, _ := pdfText(t, d)
	if strings.Count(text, EmptyNote) != 2 || !strings.Contains(text, "本学年无整改事项") || strings.Contains(text, "待整改") {
		t.Errorf("empty tables and chart:\n%s", text)
	}
}

// A chart that fits on a page is never split: it starts a page of its own
// when the room left is too small, and every bar is on that page.
func TestChartIsNeverSplitAcrossPages(t *testing.T) {
	s := Section{Columns: []Column{{Title: "序号"}, {Title: "内容"}}}
	for i := range 38 {
		s.Rows = append(s.Rows, []string{fmt.Sprint(i + 1), "一行"})
	}
	c := Chart{Title: "各学生会主席团人数与上限", Unit: "人"}
	for i := range 6 {
		c.Bars = append(c.Bars, Bar{Label: fmt.Sprintf("第%d学生会", i+1), Value: 3, Limit: 5})
	}
	text, pages := pdfText(t, Document{Title: "规模", Sections: []Section{s}, Charts: []Chart{c}})
	_, last, _ := strings.Cut(text, "\f")
	if pages != 2 || !strings.Contains(last, c.Title) || strings.Count(last, "3 人 · 上限 5") != 6 {
		t.Errorf("%d pages; the chart's page:\n%s", pages, last)
	}
}

func TestNumbersRightAlignedAndHeadersWhole(t *testing.T) {
	d := Document{Title: "规模", Sections: []Section{{Columns: []Column{{Title: "组织"}, {Title: "部门负责人"}, {Title: "比例"}},
		Rows: [][]string{{"校学生会", "12", "96.1%"}, {"机电工程学院学生会", "8", "100.0%"}}}}}
	text, _ := pdfText(t, d)
	// Where each word ends on the page, from pdftotext -bbox: the text
	// layout of pdftotext -layout guesses columns from a character grid.
	path := filepath.Join(t.TempDir(), "doc.pdf")
	var buf bytes.Buffer
	if err := WritePDF(&buf, d); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	ends := map[string]float64{}
	for _, m := range regexp.MustCompile(`xMax="([\d.]+)"[^>]*>([^<]+)<`).FindAllStringSubmatch(string(out), -1) {
		ends[m[2]], _ = strconv.ParseFloat(m[1], 64)
	}
	if ends["12"] == 0 || math.Abs(ends["12"]-ends["8"]) > 0.1 || math.Abs(ends["96.1%"]-ends["100.0%"]) > 0.1 {
		t.Errorf("numbers not right-aligned: they end at %v", ends)
	}
	if !strings.Contains(text, "部门负责人") {
		t.Errorf("header broken:\n%s", text)
	}
}
