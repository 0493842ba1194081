package views

import (
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
)

// openableURL makes a file:// URL that the system viewer opens.
func openableURL(path string) *url.URL { return fileURL(path, runtime.GOOS == "windows") }

// windowsURLEscaper escapes what would end or split a Windows file URL.
// Chinese stays as it is: Windows decodes %-escapes in file URLs with the
// ANSI code page, not UTF-8, so an escaped 报表 would open the wrong name.
var windowsURLEscaper = strings.NewReplacer("%", "%25", " ", "%20", "#", "%23", "?", "%3F")

// fileURL builds the URL by hand on Windows: Fyne's
// storage.NewFileURI("C:\\…") reads "C:" as a host name. C:\a b\报表.pdf
// becomes file:///C:/a%20b/报表.pdf and \\server\share\x.pdf becomes
// file://server/share/x.pdf.
func fileURL(path string, windows bool) *url.URL {
	if !windows {
		return &url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	}
	p := windowsURLEscaper.Replace(strings.ReplaceAll(path, `\`, "/"))
	if !strings.HasPrefix(p, "//") { // a drive letter, not a network share
		p = "///" + strings.TrimPrefix(p, "/")
	}
	return &url.URL{Scheme: "file", Opaque: p}
}
