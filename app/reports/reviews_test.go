package reports

import (
	"bytes"
	"strings"
	"testing"
)

// Last semester's sample reviews: the 汇总表 counts each union's results and
// prints the school union's scores with the failed row standing out and
// the half-teacher panel noted; the 登记表 has one form per reporter. Both
// write in every format.
func TestReviewReports(t *testing.T) {
	svc := sampleService(t)
	sum := make(t, svc, "reviews", Options{Semester: spring2020})
	if len(sum.Sections) != 6 || len(sum.Sections[0].Rows) != 4 {
		t.Fatalf("汇总表: %d sections, %d unions", len(sum.Sections), len(sum.Sections[0].Rows))
	}
	if got := strings.Join(sum.Sections[0].Rows[0], "|"); got != "校学生会|2020-06-21|15|5|8|1|1" {
		t.Errorf("school union's counts %q", got)
	}
	school := sum.Sections[2]
	if school.Rows[4][1] == "" || school.Rows[4][9] != "不合格" || !school.Alerts[4] || school.Alerts[0] {
		t.Errorf("failed row %v (alerts %v)", school.Rows[4], school.Alerts)
	}
	last := sum.Sections[5]
	if note := last.Header[len(last.Header)-1]; note.Label != "注意" || !strings.Contains(note.Value, "未超过半数") {
		t.Errorf("half-teacher panel not noted: %+v", last.Header)
	}
	forms := make(t, svc, "review-forms", Options{Semester: spring2020})
	if len(forms.Sections) != 15+3*10 {
		t.Fatalf("登记表: %d forms, want 45", len(forms.Sections))
	}
	if f := forms.Sections[4]; f.Rows[5][2] != "52" || f.Rows[6][2] != "不合格" || !f.Alerts[6] {
		t.Errorf("failed form %v %v", f.Rows, f.Alerts)
	}
	for _, format := range []string{"pdf", "xlsx", "docx"} {
		var b bytes.Buffer
		if err := Write(&b, forms, format); err != nil || b.Len() == 0 {
			t.Errorf("%s: %v", format, err)
		}
	}
	empty := make(t, svc, "review-forms", Options{Semester: fall2020})
	if len(empty.Sections) != 1 || empty.Sections[0].Empty == "" {
		t.Errorf("a semester without reviews: %+v", empty.Sections)
	}
}
