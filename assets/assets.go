// Package assets holds the files built into the program: the CJK font and its
// licence, the icon and the Chinese strings for Fyne's own widgets. It is
// bytes only, so the window, the PDF writer and the tests share one copy.
package assets

import (
	_ "embed"
)

// FontName is the file name of the bundled font.
const FontName = "wqy-microhei.ttf"

// Font is WenQuanYi Micro Hei, a single-face TrueType font that covers GBK
// and ASCII (Apache-2.0, see FontLicense). The window and every PDF use it,
// so Chinese renders the same on machines without Chinese fonts.
//
//go:embed fonts/wqy-microhei.ttf
var Font []byte

// FontLicense is the font's copyright notice and licence text.
//
//go:embed fonts/LICENSE-wqy-microhei.txt
var FontLicense []byte

// Icon is the program icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

// FyneChinese holds Chinese values for the strings of Fyne's own widgets
// (确定, 取消, the entry menu, the file dialog), in go-i18n JSON.
//
//go:embed i18n/zh.json
var FyneChinese []byte
