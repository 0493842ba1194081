package app

import (
	"path/filepath"
	"testing"
)

func TestDataDirPerSystem(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	cases := []struct {
		goos string
		vars map[string]string
		want string
	}{
		{"windows", map[string]string{"LOCALAPPDATA": `C:\Users\张老师\AppData\Local`}, filepath.Join(`C:\Users\张老师\AppData\Local`, "tuanxue")},
		{"windows", nil, filepath.Join("/home/t", "AppData", "Local", "tuanxue")},
		{"darwin", nil, filepath.Join("/home/t", "Library", "Application Support", "tuanxue")},
		{"linux", map[string]string{"XDG_DATA_HOME": "/data"}, filepath.Join("/data", "tuanxue")},
		{"linux", nil, filepath.Join("/home/t", ".local", "share", "tuanxue")},
	}
	for _, c := range cases {
		if got := dataDirFor(c.goos, env(c.vars), "/home/t"); got != c.want {
			t.Errorf("%s %v: %s, want %s", c.goos, c.vars, got, c.want)
		}
	}
}

func TestRiskyLocations(t *testing.T) {
	for dir, risky := range map[string]bool{
		`C:\Users\张老师\OneDrive\团委\tuanxue`:             true,
		`\\server\share\团委`:                            true,
		"/Users/li/Library/Mobile Documents/iCloud/团委": true,
		"/home/li/坚果云/团委":                              true,
		`C:\Users\张老师\AppData\Local\tuanxue`:           false,
		"/media/li/U盘/团委台账":                            false,
	} {
		if got := RiskyLocation(dir) != ""; got != risky {
			t.Errorf("%s: risky = %v, want %v", dir, got, risky)
		}
	}
}
