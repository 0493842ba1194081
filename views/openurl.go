package views

import (
	"net/url"
	"path/filepath"
	"strings"
)

// openableURL makes a file:// URL that the system viewer opens. Fyne's
// storage.NewFileURI("C:\\…") reads "C:" as a host name on Windows, so the
// URL is built by hand: file:///C:/….
func openableURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}
