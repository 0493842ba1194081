package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"tuanxue/data"
)

// CrashLog is the file in the data folder that keeps the stack of every
// internal error, for whoever helps the teacher.
const CrashLog = "crash.log"

// protected are the files of the data folder that no export or backup may
// be written over, with what each one is.
var protected = []struct{ name, what string }{
	{data.FileName, "团学台账的数据文件"},
	{data.FileName + "-journal", "数据文件的日志文件"},
	{data.FileName + "-wal", "数据文件的日志文件"},
	{data.FileName + "-shm", "数据文件的日志文件"},
	{data.FileName + ".partial", "正在写入的数据文件"},
	{data.LockName, "数据文件夹的锁文件"},
	{ConnectionFile, "数据库连接设置文件"},
	{CrashLog, "程序的出错记录"},
}

// protectedDirs are the folders inside the data folder whose files belong
// to the program: a file written there would replace or pose as one.
var protectedDirs = []struct{ name, what string }{
	{data.BackupDir, "数据文件夹里的备份文件夹（backups），那里只放程序自己做的备份"},
	{EvidenceDir, "数据文件夹里的佐证材料文件夹（evidence），那里的文件由整改台账管理"},
}

// CheckOutput says whether a file may be written to out, for the data
// folder dataDir: never the data file, its journals, its lock, the
// connection file, the crash log or anything in backups or evidence; never
// a folder; an existing file only when replace is set. The error is a
// ValidationError on the field "Out", or on "Replace" when only the
// teacher's consent is missing (see NeedsReplace).
func CheckOutput(dataDir, out string, replace bool) error {
	if strings.TrimSpace(out) == "" {
		return ValidationError{{"Out", "请指定输出文件"}}
	}
	target, err := canonical(out)
	if err != nil {
		return refuse(out, "路径无效（"+err.Error()+"）")
	}
	st, statErr := os.Stat(out)
	if dataDir != "" {
		if what := protectedPart(dataDir, target, st); what != "" {
			return refuse(out, what)
		}
	}
	switch {
	case statErr == nil && st.IsDir():
		return refuse(out, "这是一个文件夹，不是文件")
	case statErr == nil && !st.Mode().IsRegular():
		return refuse(out, "这不是普通文件")
	case statErr == nil && !replace:
		return ValidationError{{"Replace", fmt.Sprintf("文件已存在：%s 如要替换，请加 --force", out)}}
	}
	return nil
}

// NeedsReplace says whether CheckOutput refused only because the file
// exists: the window then asks before replacing it.
func NeedsReplace(err error) bool {
	var v ValidationError
	return errors.As(err, &v) && v.For("Replace") != ""
}

func refuse(out, why string) error {
	return ValidationError{{"Out", fmt.Sprintf("不能写到“%s”：%s。什么都没有改动；请换一个文件名或位置。", out, why)}}
}

// protectedPart says what of the data folder target is, or "": the folder
// itself, one of its protected files, or something inside a protected
// folder. st is target's own information when it exists, to catch the same
// file under another name (a case-insensitive disk, a link).
func protectedPart(dataDir, target string, st os.FileInfo) string {
	dir, err := canonical(dataDir)
	if err != nil {
		return ""
	}
	if samePath(target, dir) || sameFile(st, dataDir) {
		return "这是数据文件夹本身"
	}
	parent, name := filepath.Split(target)
	parent = filepath.Clean(parent)
	inDir := samePath(parent, dir) || sameFile(stat(parent), dataDir)
	for _, p := range protected {
		if (inDir && sameName(name, p.name)) || sameFile(st, filepath.Join(dataDir, p.name)) {
			return "这是" + p.what
		}
	}
	for _, p := range protectedDirs {
		sub := filepath.Join(dir, p.name)
		for d := target; ; d = filepath.Dir(d) {
			if samePath(d, sub) || sameFile(stat(d), sub) {
				return "这在" + p.what
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return ""
}

// canonical is path absolute and clean, with the symbolic links of its
// longest existing part resolved: two names of one place become one.
func canonical(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rest := ""
	for p := abs; ; p = filepath.Dir(p) {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, rest), nil
		}
		if filepath.Dir(p) == p {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
}

// caseInsensitive: the file systems Windows and macOS use by default take
// TUANXUE.DB for tuanxue.db.
var caseInsensitive = runtime.GOOS == "windows" || runtime.GOOS == "darwin"

func samePath(a, b string) bool {
	if caseInsensitive {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// sameName compares a file name with a protected one. Windows also opens
// "tuanxue.db." or "tuanxue.db " as tuanxue.db, and "tuanxue.db:x" is a
// stream of that very file.
func sameName(name, protected string) bool {
	if runtime.GOOS == "windows" {
		name, _, _ = strings.Cut(name, ":")
		name = strings.TrimRight(name, ". ")
	}
	return samePath(name, protected)
}

func stat(path string) os.FileInfo {
	st, err := os.Stat(path)
	if err != nil {
		return nil
	}
	return st
}

// sameFile says whether st (nil when unknown) is the file at path.
func sameFile(st os.FileInfo, path string) bool {
	if st == nil {
		return false
	}
	other := stat(path)
	return other != nil && os.SameFile(st, other)
}

// WriteFile writes a new file at path through a temporary file beside it,
// flushed and then renamed, so a failed write (or a crash) never leaves
// half a file and an existing file is replaced whole or not at all. The file
// gets the mode every new file of the user gets (0666 less the umask).
func WriteFile(path string, write func(io.Writer) error) error {
	tmp, err := createTemp(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed; also on a panic in write
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// createTemp makes a new file under a random name in dir. Unlike
// os.CreateTemp (0600), it asks for 0666 and lets the umask decide.
func createTemp(dir string) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".tuanxue-%016x.tmp", rand.Uint64()))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("create a temporary file in %s: %w", dir, fs.ErrExist)
}
