package calmlocale

import (
	"bytes"
	"log"
	"strings"
	"testing"
)

func TestQuietDropsFyneNoiseOnly(t *testing.T) {
	var out bytes.Buffer
	l := log.New(newQuiet(&out), "", log.LstdFlags)
	say := func(reason, cause string) { // as fyne.LogError writes
		l.Println("Fyne error: ", reason)
		l.Println("  Cause:", cause)
		l.Printf("  At: %s:%d", "/go/fyne/app/preferences.go", 103)
	}
	say("Preferences load error:", "EOF")
	say("Getting favorite locations", "this computer does not define a VIDEOS folder")
	say("Preferences load error:", "invalid character 'x' looking for beginning of value")
	l.Println("数据文件已打开")
	got := out.String()
	for _, gone := range []string{"EOF", "VIDEOS", "favorite"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q reached the terminal:\n%s", gone, got)
		}
	}
	for _, kept := range []string{"Preferences load error:", "invalid character", "  At: ", "数据文件已打开"} {
		if !strings.Contains(got, kept) {
			t.Errorf("%q was dropped:\n%s", kept, got)
		}
	}
	if n := strings.Count(got, "\n"); n != 4 {
		t.Errorf("%d lines, want the real error's 3 and ours:\n%s", n, got)
	}
}
