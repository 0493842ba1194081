package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"tuanxue/assets"
)

// fyneLocales are the languages Fyne 2.7 ships translations for, plus the
// Chinese variants. Fyne picks its own strings (OK, Cancel, the entry menu,
// the file dialog) by the OS locale; loading our Chinese under every one of
// them makes an English or German Windows show 确定 / 取消 as well. A locale
// Fyne does not know falls back to English, which is covered too.
var fyneLocales = []fyne.Locale{
	"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk",
	"zh", "zh-Hans", "zh-Hant",
}

// UseChinese makes Fyne's own widgets speak Chinese whatever the OS locale.
func UseChinese() {
	for _, l := range fyneLocales {
		if err := lang.AddTranslationsForLocale(assets.FyneChinese, l); err != nil {
			fyne.LogError("load Chinese strings for "+l.String(), err)
		}
	}
}
