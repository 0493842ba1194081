package views

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"tuanxue/app"
	"tuanxue/app/reports"
)

// exportBinder writes the inspection binder (迎检材料) of the school year of
// the semester chosen, for the organization chosen, as one zip: asked
// where, then made off the UI thread with a bar of its steps. A year with
// no records says so and writes nothing.
func (s *reportsScreen) exportBinder() {
	o := s.options()
	if o.Semester == (app.Semester{}) {
		return
	}
	sem, err := reports.SemesterOfYear(s.svc, o.Semester)
	if err != nil {
		showError(err, s.win)
		return
	}
	o.Semester = sem
	year := strings.Replace(sem.Year(), "-", "—", 1)
	saveAs(s.win, year+"学年迎检材料.zip", func(path string) {
		progress := showProgress(s.win, "导出迎检材料", "正在整理 "+year+" 学年的迎检材料…", "")
		tell := func(done, total int) {
			progress.tell(fmt.Sprintf("正在写入：第 %d / %d 步", done, total), int64(done), int64(total))
		}
		var sum reports.BinderSummary
		var err error
		inBackground(func() {
			err = app.Guard(dataFolder, func() error {
				return app.WriteFile(path, func(w io.Writer) (err error) {
					sum, err = reports.Binder(s.svc, o, w, tell)
					return err
				})
			})
		}, func() {
			progress.hide()
			if err != nil {
				showError(err, s.win)
				return
			}
			text := fmt.Sprintf("%s学年：%d 个学生会，%d 个文件（其中佐证文件 %d 个）。\n已保存到：\n%s", sum.Year, sum.Unions, sum.Files, sum.Attached, path)
			if len(sum.Missing) > 0 {
				text += "\n\n以下佐证文件缺失或无法读取，未放入（目录中已注明）：\n" + strings.Join(sum.Missing, "\n")
			}
			dialog.ShowInformation("迎检材料已导出", text, s.win)
		})
	})
}
