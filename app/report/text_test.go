package report

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// em is one Chinese character at the body size, in mm.
func em() float64 { return bundled().runeWidth('中', bodySize) }

func TestLinesNeverStartWithClosingPunctuationNorSplitANumber(t *testing.T) {
	m := bundled()
	text := "校学生会实有工作人员 51 人，超过 40 人且未登记扩编理由；2026-2027学年第一学期已完成 1/6 项（占 16.7%），" +
		"于2020年10月15日召开第一次学生代表大会。出席率 45/51（88%）。"
	widestWord := widest(m, text, bodySize, false)
	for width := widestWord / em(); width < 25; width += 0.5 { // characters, from the widest word up
		lines := breakLines(m, text, width*em(), bodySize)
		for i, line := range lines {
			if line == "" {
				t.Fatalf("width %.1f: empty line %d in %q", width, i, lines)
			}
			if first := []rune(line)[0]; i > 0 && strings.ContainsRune("。，、）；：%", first) {
				t.Errorf("width %.1f: line %q starts with %q", width, line, first)
			}
			if i > 0 {
				prev := []rune(lines[i-1])
				if last := prev[len(prev)-1]; strings.ContainsRune("（“《", last) {
					t.Errorf("width %.1f: line %q ends with %q", width, lines[i-1], last)
				}
			}
		}
		joined := strings.Join(lines, "\x00")
		for _, whole := range []string{"2026-2027学", "1/6 项", "45/51", "16.7%", "2020年10月15日", "51 人，", "40 人"} {
			if !strings.Contains(joined, whole) {
				t.Errorf("width %.1f: %q split: %q", width, whole, lines)
			}
		}
	}
}

func TestLinesKeepEveryCharacter(t *testing.T) {
	m := bundled()
	alphabet := []rune("学生会组织工作人员部门。，、）；：（“”《》0123456789-/% abcXYZ☑□")
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		var b strings.Builder
		for range r.IntN(80) {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		text := b.String()
		width := 2 + r.Float64()*40
		lines := breakLines(m, text, width, bodySize)
		got := strings.ReplaceAll(strings.Join(lines, ""), " ", "")
		if want := strings.ReplaceAll(text, " ", ""); got != want {
			t.Fatalf("width %.1f: %q became %q", width, text, lines)
		}
		for _, line := range lines {
			// A line is never wider than the width, unless one character is.
			if w := m.width(line, bodySize); w > width+1e-6 && len([]rune(line)) > 1 && !fitsNoBreak(m, line, width) {
				t.Fatalf("width %.1f: line %q is %.1f wide", width, line, w)
			}
		}
	}
}

// fitsNoBreak: a line wider than the width is one that cannot be broken
// further: a single unit.
func fitsNoBreak(m *fontMetrics, line string, width float64) bool {
	return len(segment(m, line, bodySize)) == 1 || m.width(line, bodySize) <= width
}

func TestHeadersBreakBetweenWords(t *testing.T) {
	m := bundled()
	for _, c := range []struct {
		title string
		chars float64
		want  string
	}{
		{"工作部门", 3, "工作|部门"},
		{"部门负责人", 3.2, "部门|负责人"},
		{"递交入党申请书", 4.5, "递交入党|申请书"},
		{"参加培训（次）", 4.5, "参加培训|（次）"},
		{"二级学院学生会", 4.2, "二级学院|学生会"},
		{"考核等次", 2.5, "考核|等次"},
		{"人数上限", 10, "人数上限"},
	} {
		got := strings.Join(breakHeader(m, c.title, c.chars*em(), bodySize), "|")
		if got != c.want {
			t.Errorf("%s in %.1f characters: %s, want %s", c.title, c.chars, got, c.want)
		}
	}
}

func TestColumnsSizedFromContent(t *testing.T) {
	s := Section{Columns: []Column{{Title: "姓名"}, {Title: "情况"}, {Title: "考核"}},
		Rows: [][]string{{"陈思远", strings.Repeat("校学生会实有工作人员 51 人，超过 40 人。", 4), ""}}}
	w := columnWidths(s, 180, pdfTable)
	if got := sum(w); got < 179.9 || got > 180.1 {
		t.Fatalf("widths %v add up to %.1f", w, got)
	}
	if w[0] < bundled().width("陈思远", bodySize)+2*cellPad || w[1] < 100 || w[2] > 20 {
		t.Errorf("widths %v: the name whole, the long text wide, the empty column narrow", w)
	}
	kinds := Section{Columns: []Column{{Title: "学号"}, {Title: "人数"}, {Title: "比例"}, {Title: "日期"}, {Title: "备注"}},
		Rows: [][]string{{"2017010001", "51", "90.2%", "2020-10-15", "3"}, {"2017010002", "", "100%", "2020-09-01", "无"}}}.kinds()
	if strings.Join(kinds, ",") != "text,number,percent,date,text" {
		t.Errorf("kinds %v", kinds)
	}
}

func TestUnprintableCharactersAreReplacedAndListed(t *testing.T) {
	m := bundled()
	missing := map[rune]bool{}
	if got := m.printable("𠮷田一郎😀", missing); got != "〓田一郎〓" {
		t.Errorf("printable %q", got)
	}
	if !missing['𠮷'] || !missing['😀'] || len(missing) != 2 {
		t.Errorf("missing %v", missing)
	}
	d := Document{Title: "名册", Sections: []Section{{Columns: []Column{{Title: "姓名"}}, Rows: [][]string{{"𠮷田"}}}}}
	if got := Unprintable(d); len(got) != 1 || got[0] != '𠮷' {
		t.Errorf("Unprintable %q", string(got))
	}
}

// BenchmarkWrapLongText wraps a 2,000-character cell into a narrow column:
// the work grows with the text, not its square.
func BenchmarkWrapLongText(b *testing.B) {
	m := bundled()
	text := strings.Repeat("学生会组织工作人员不超过40人，二级学院学生会不超过30人。", 70)
	for b.Loop() {
		breakLines(m, text, 60, bodySize)
	}
}
