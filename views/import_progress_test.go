package views

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"
)

// The check of a roster shows how far it is and can be cancelled, with
// nothing written and no preview afterwards; the import itself says it is
// one transaction rather than offering a 取消 it could not keep.
func TestRosterCheckShowsCountsAndCancels(t *testing.T) {
	w, svc, s := rosterUI(t)
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "学号", "所属组织", "部门", "职务"})
	for i := range 600 {
		f.SetSheetRow("Sheet1", "A"+strconv.Itoa(i+2), &[]any{"新生" + strconv.Itoa(i), strconv.Itoa(2024100000 + i), "校学生会", "学习部", "干事"})
	}
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	before, _ := svc.Store().Digests()

	// The teacher presses 取消 while the check runs.
	inBackground = func(work, done func()) {
		test.Tap(findButton(t, topDialog(t, w.Win), "取消"))
		work()
		done()
	}
	defer func() { inBackground = func(work, done func()) { work(); done() } }()
	s.previewFile(path)
	settle()
	if top := w.Win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog after 取消: %v", labelsUnder(top))
	}
	if after, _ := svc.Store().Digests(); !slices.Equal(after, before) {
		t.Fatal("a cancelled check changed the records")
	}

	// Not cancelled: the counts are shown as the check goes.
	var counts []string
	inBackground = func(work, done func()) {
		progress := topDialog(t, w.Win)
		work()
		settle()
		counts = labelsUnder(progress)
		done()
	}
	s.previewFile(path)
	if !strings.Contains(strings.Join(counts, " "), "600 / 600 行") {
		t.Fatalf("progress said %q", counts)
	}
	if !strings.Contains(strings.Join(labelsUnder(topDialog(t, w.Win)), " "), "共 600 行") {
		t.Fatal("no preview after the check")
	}
}
