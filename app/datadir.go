package app

import (
	"os"
	"path/filepath"
	"runtime"
)

// DataFolderName is the name of the program's folder in the user's
// application-data folder.
const DataFolderName = "tuanxue"

// DefaultDataDir is where the data file lives unless --data says otherwise:
// %LOCALAPPDATA%\tuanxue on Windows (local, not roaming: a synced copy of a
// SQLite file is unsafe), ~/Library/Application Support/tuanxue on macOS,
// $XDG_DATA_HOME/tuanxue or ~/.local/share/tuanxue elsewhere.
func DefaultDataDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return dataDirFor(runtime.GOOS, os.Getenv, home), nil
}

func dataDirFor(goos string, getenv func(string) string, home string) string {
	switch goos {
	case "windows":
		if d := getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, DataFolderName)
		}
		return filepath.Join(home, "AppData", "Local", DataFolderName)
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", DataFolderName)
	}
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, DataFolderName)
	}
	return filepath.Join(home, ".local", "share", DataFolderName)
}
