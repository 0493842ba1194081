package views

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tuanxue/app"
	"tuanxue/data"
)

// ScreenshotSize is the window size the screenshots are taken at.
var ScreenshotSize = fyne.NewSize(1280, 800)

// Screenshots renders every main screen to PNG files in dir without a
// display, using Fyne's software renderer. svc must be over an empty data
// file: the first picture is the welcome offer, then the sample college is
// loaded and each screen is shown with it. It returns the files written.
func Screenshots(dir string, svc *app.Service) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	a := test.NewApp()
	Setup(a)
	w := NewMainWindow(a, svc)
	w.Win.Resize(ScreenshotSize)

	var written []string
	snap := func(name string) error {
		path := filepath.Join(dir, name+".png")
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := png.Encode(f, w.Win.Canvas().Capture()); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		written = append(written, path)
		return f.Close()
	}
	steps := []struct {
		name    string
		prepare func() error
	}{
		{"01-welcome", func() error { w.OfferSample(); return nil }},
		{"02-organizations", func() error {
			dismissOverlays(w.Win)
			if err := svc.SampleOffered(); err != nil {
				return err
			}
			if err := svc.LoadSample(); err != nil {
				return err
			}
			w.refreshAll()
			return w.orgs.selectKind(data.KindSchoolUnion)
		}},
		{"03-departments", func() error {
			w.orgs.tabs.SelectIndex(1)
			return nil
		}},
		{"04-organization-errors", func() error {
			w.orgs.createUnder(w.orgs.selected)
			w.orgs.form.phone.SetText("1380013")
			w.orgs.form.founded.SetText("2020-02-30")
			w.orgs.form.save()
			return nil
		}},
		{"05-department-form", func() error {
			if err := w.orgs.selectKind(data.KindSchoolUnion); err != nil {
				return err
			}
			w.orgs.tabs.SelectIndex(1)
			w.orgs.depts.table.Select(widgetCell(2))
			w.orgs.depts.edit.OnTapped()
			return nil
		}},
		{"06-college-union", func() error {
			dismissOverlays(w.Win)
			return w.orgs.selectKind(data.KindCollegeUnion)
		}},
		{"07-settings", func() error {
			w.ShowModule("系统设置")
			return nil
		}},
	}
	for _, st := range steps {
		if err := st.prepare(); err != nil {
			return written, fmt.Errorf("screenshot %s: %w", st.name, err)
		}
		if err := snap(st.name); err != nil {
			return written, err
		}
	}
	return written, nil
}

func dismissOverlays(win fyne.Window) {
	for win.Canvas().Overlays().Top() != nil {
		win.Canvas().Overlays().Remove(win.Canvas().Overlays().Top())
	}
}
