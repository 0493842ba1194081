package views

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuanxue/assets"
)

// render draws text alone in a small window and returns the picture.
func render(t *testing.T, text string) image.Image {
	t.Helper()
	txt := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
	txt.TextSize = 24
	w := test.NewWindow(container.NewCenter(txt))
	defer w.Close()
	w.Resize(fyne.NewSize(200, 60))
	return w.Canvas().Capture()
}

func encode(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func inked(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, _ := img.At(x, y).RGBA(); r+g+bl < 3*0x8000 {
				n++
			}
		}
	}
	return n
}

// TestChineseRendersAsGlyphs draws Chinese characters with the program's
// theme and compares each with how a character that no font has (a private
// use code point) is drawn: a box or a replacement mark. A theme without a
// CJK font draws Chinese the same way and fails here.
func TestChineseRendersAsGlyphs(t *testing.T) {
	a := test.NewTempApp(t)
	Setup(a)
	missing := encode(t, render(t, "\ue000"))
	seen := map[string]bool{string(missing): true}
	for _, r := range "团学台账组织机构喆堃玥" {
		img := render(t, string(r))
		if inked(img) < 20 {
			t.Fatalf("%c renders blank", r)
		}
		pic := string(encode(t, img))
		if pic == string(missing) {
			t.Fatalf("%c renders like a missing glyph", r)
		}
		if seen[pic] {
			t.Fatalf("%c renders like another character: the font is not in use", r)
		}
		seen[pic] = true
	}
}

func TestThemeServesTheBundledFont(t *testing.T) {
	th := NewTheme()
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Monospace: true}, {Symbol: true}} {
		if !bytes.Equal(th.Font(style).Content(), assets.Font) {
			t.Errorf("style %+v is not served by the bundled font", style)
		}
	}
}

// TestFyneStringsAreChineseOnAnyLocale: Fyne's own buttons say 确定 / 取消 on
// an English or German system too.
func TestFyneStringsAreChineseOnAnyLocale(t *testing.T) {
	for _, locale := range []string{"en_US.UTF-8", "de_DE.UTF-8", "ja_JP.UTF-8", "zh_CN.UTF-8"} {
		t.Run(locale, func(t *testing.T) {
			t.Setenv("LANGUAGE", "")
			t.Setenv("LC_ALL", locale)
			t.Setenv("LC_MESSAGES", locale)
			t.Setenv("LANG", locale)
			UseChinese()
			for en, zh := range map[string]string{"OK": "确定", "Cancel": "取消", "Yes": "是", "No": "否",
				"Copy": "复制", "Paste": "粘贴", "Select all": "全选", "Save": "保存", "Open": "打开"} {
				if got := lang.L(en); got != zh {
					t.Errorf("lang.L(%q) = %q, want %q", en, got, zh)
				}
			}
		})
	}
}

func TestErrorDialogSpeaksChinese(t *testing.T) {
	t.Setenv("LC_ALL", "en_US.UTF-8")
	a := test.NewTempApp(t)
	Setup(a)
	w := test.NewWindow(widget.NewLabel(""))
	defer w.Close()
	w.Resize(fyne.NewSize(600, 400))
	showError(errTest("磁盘已满"), w)
	d := topDialog(t, w)
	findButton(t, d, "确定")
	for _, l := range labelsUnder(d) {
		if l == "OK" || l == "Error" {
			t.Fatalf("English text %q in the error dialog", l)
		}
	}
}

type errTest string

func (e errTest) Error() string { return string(e) }

// TestNoEnglishPlaceholders opens every module of the sample college and
// checks that no select box says "(Select one)".
func TestNoEnglishPlaceholders(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.refreshAll()
	for _, title := range w.Modules() {
		w.ShowModule(title)
		for _, s := range selectsUnder(w.Win.Content()) {
			if s.Selected == "" && s.PlaceHolder != "（请选择）" {
				t.Errorf("%s: a select box shows %q", title, s.PlaceHolder)
			}
		}
	}
}
