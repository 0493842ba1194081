package assets

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

func parseFont(t *testing.T) *sfnt.Font {
	t.Helper()
	f, err := sfnt.Parse(Font)
	if err != nil {
		t.Fatalf("bundled font is not a single-face TrueType/OpenType font: %v", err)
	}
	return f
}

// missing lists the runes of s that the font has no glyph for.
func missing(t *testing.T, f *sfnt.Font, s string) string {
	t.Helper()
	var buf sfnt.Buffer
	var out []rune
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			continue
		}
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			out = append(out, r)
		}
	}
	return string(out)
}

func TestFontIsTrueTypeWithGlyphOutlines(t *testing.T) {
	// fpdf embeds glyf-outline TrueType only; Fyne refuses .ttc collections.
	if !bytes.Equal(Font[:4], []byte{0, 1, 0, 0}) {
		t.Fatalf("font starts with %q, want TrueType outlines (00 01 00 00)", Font[:4])
	}
	parseFont(t)
	if !bytes.Contains(FontLicense, []byte("Apache License")) {
		t.Fatal("font licence text missing")
	}
}

func TestFontCoversNamesDigitsAndLatin(t *testing.T) {
	f := parseFont(t)
	// Rare name characters outside GB2312, digits and Latin for 学号 and
	// dates, full-width punctuation and the marks of the reform forms. The
	// font lacks ☑ (U+2611): printed forms must draw the ticked box.
	sample := "喆堃玥琹燚犇昇赟瑄頔0123456789ABCXYZabcxyz-/.:（）《》“”，。、；：？！★▲□■√✓"
	if m := missing(t, f, sample); m != "" {
		t.Fatalf("font has no glyph for %q", m)
	}
}

// TestFontCoversEveryChineseString checks every character that the program
// itself writes: the Fyne strings and all string literals of the code.
func TestFontCoversEveryChineseString(t *testing.T) {
	f := parseFont(t)
	var fyne map[string]any
	if err := json.Unmarshal(FyneChinese, &fyne); err != nil {
		t.Fatalf("i18n/zh.json: %v", err)
	}
	var text strings.Builder
	for _, v := range fyne {
		b, _ := json.Marshal(v)
		text.Write(b)
	}
	for _, dir := range []string{"../app", "../views", "../data"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, name := range files {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range string(b) {
				if r > unicode.MaxASCII {
					text.WriteRune(r)
				}
			}
		}
	}
	if m := missing(t, f, text.String()); m != "" {
		t.Fatalf("characters used by the program that the font cannot show: %q", m)
	}
}

func TestIcon(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Fatalf("icon is %v, want 512×512", b)
	}
}
