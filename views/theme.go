// Package views is the Fyne user interface of 团学台账: the theme with the
// bundled Chinese font, the main window and one screen per file.
package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"tuanxue/assets"
)

// leagueRed is the accent colour, close to the red of the League flag.
var leagueRed = color.NRGBA{R: 0xC8, G: 0x10, B: 0x2E, A: 0xFF}

// appTheme is Fyne's default theme with the bundled CJK font for every text
// style, so Chinese never depends on the fonts of the teacher's machine.
type appTheme struct {
	fyne.Theme
	font fyne.Resource
}

// NewTheme returns the program's theme.
func NewTheme() fyne.Theme {
	return &appTheme{Theme: theme.DefaultTheme(), font: FontResource()}
}

// FontResource is the bundled font as a Fyne resource.
func FontResource() fyne.Resource {
	return fyne.NewStaticResource(assets.FontName, assets.Font)
}

// Font serves the single-face bundled font for every style: it has no bold
// face, and Fyne refuses font collections.
func (t *appTheme) Font(fyne.TextStyle) fyne.Resource { return t.font }

// Color is always the light variant: the screens mirror the paper forms
// the teachers print, and look the same on every machine.
func (t *appTheme) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch name {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return leagueRed
	}
	return t.Theme.Color(name, theme.VariantLight)
}

// Setup applies the theme, icon and Chinese strings to a Fyne app.
func Setup(a fyne.App) {
	a.Settings().SetTheme(NewTheme())
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	UseChinese()
}
