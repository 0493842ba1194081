package app

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"
)

// InternalError is a panic caught on its way to the teacher: a fault of
// the program, not of the records or of what the teacher typed.
type InternalError struct {
	Value  any    // what the code panicked with
	Stack  []byte // where
	Logged bool   // whether crash.log holds it
}

func (e *InternalError) Error() string {
	if e.Logged {
		return "程序内部出错，没有保存任何改动；详情已记入 " + CrashLog
	}
	return fmt.Sprintf("程序内部出错，没有保存任何改动；出错记录也没能写入 %s（%v）", CrashLog, e.Value)
}

// Recover, deferred, turns a panic of the calling function into an
// *InternalError in *err and appends its stack to crash.log in the data
// folder dir. The caller's own defers (a rolled-back transaction, a removed
// temporary file, a released lock) have run by then, so nothing is left
// half-saved:
//
//	func export(dir string) (err error) {
//		defer app.Recover(dir, &err)
//		…
//	}
func Recover(dir string, err *error) {
	r := recover()
	if r == nil {
		return
	}
	e := &InternalError{Value: r, Stack: debug.Stack()}
	e.Logged = LogCrash(dir, e) == nil
	*err = e
}

// Guard runs work and returns its error, or the *InternalError of its panic.
func Guard(dir string, work func() error) (err error) {
	defer Recover(dir, &err)
	return work()
}

// LogCrash appends an internal error with its stack to crash.log in dir.
// The file is the owner's only (0600): a stack holds no records, but it is
// nobody else's business either.
func LogCrash(dir string, e *InternalError) error {
	if dir == "" {
		return os.ErrInvalid
	}
	f, err := os.OpenFile(filepath.Join(dir, CrashLog), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	_ = f.Chmod(0o600) // a log from an older version may be 0644
	_, err = fmt.Fprintf(f, "%s 程序内部出错：%v\n%s\n", time.Now().Format(time.RFC3339), e.Value, e.Stack)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
