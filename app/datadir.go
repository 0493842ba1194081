package app

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
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

// syncedFolders are names of folders that cloud drives keep in step; a
// SQLite file there can be overwritten by an older copy from another PC.
var syncedFolders = []string{"onedrive", "dropbox", "icloud", "google drive", "googledrive", "坚果云", "nutstore",
	"百度网盘", "baidunetdisk", "baiduyun", "wps云", "wpsdrive", "腾讯微云", "weiyun", "seafile", "nextcloud", "owncloud"}

// RiskyLocation explains why a data folder is unsafe for the data file, or
// returns "": a network share, or a folder a cloud drive synchronises.
func RiskyLocation(dir string) string {
	norm := strings.ToLower(strings.ReplaceAll(dir, `\`, "/")) // Windows paths on any system
	if strings.HasPrefix(norm, "//") || strings.HasPrefix(dir, `\\`) {
		return "数据文件夹在网络共享上。网络断开或多人同时使用可能损坏数据文件，请放在本机硬盘上，用“备份到…”复制到共享位置。"
	}
	for _, name := range syncedFolders {
		if strings.Contains(norm, "/"+name) || strings.Contains(norm, name+"/") {
			return "数据文件夹在网盘同步文件夹（" + name + "）中。网盘可能用旧的副本覆盖数据文件，请放在本机硬盘上，用“备份到…”复制到网盘。"
		}
	}
	return ""
}
