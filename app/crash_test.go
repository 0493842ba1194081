package app_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuanxue/app"
)

func TestGuardTurnsAPanicIntoAMessage(t *testing.T) {
	dir := t.TempDir()
	err := app.Guard(dir, func() error {
		var m map[string]int
		m["崩溃"]++ // a nil map: a runtime panic
		return nil
	})
	var internal *app.InternalError
	if !errors.As(err, &internal) || !internal.Logged {
		t.Fatalf("%#v", err)
	}
	if msg := app.Message(err); !strings.Contains(msg, "程序内部出错，没有保存任何改动；详情已记入 crash.log") {
		t.Errorf("message %q", msg)
	}
	log, _ := os.ReadFile(filepath.Join(dir, app.CrashLog))
	for _, want := range []string{"程序内部出错：assignment to entry in nil map", "goroutine", "TestGuardTurnsAPanicIntoAMessage"} {
		if !strings.Contains(string(log), want) {
			t.Errorf("crash.log lacks %q:\n%s", want, log)
		}
	}
	// A second error is added, not written over the first.
	app.Guard(dir, func() error { panic("第二次") })
	if again, _ := os.ReadFile(filepath.Join(dir, app.CrashLog)); !strings.HasPrefix(string(again), string(log)) || !strings.Contains(string(again), "第二次") {
		t.Errorf("crash.log after a second panic:\n%s", again)
	}
}

func TestGuardPassesErrorsThrough(t *testing.T) {
	dir := t.TempDir()
	plain := errors.New("普通错误")
	if err := app.Guard(dir, func() error { return plain }); err != plain {
		t.Errorf("%v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, app.CrashLog)); !os.IsNotExist(err) {
		t.Error("crash.log written without a crash")
	}
}

func TestGuardWithoutAFolderStillExplains(t *testing.T) {
	err := app.Guard(filepath.Join(t.TempDir(), "没有这个文件夹"), func() error { panic("找不到的地方") })
	if msg := app.Message(err); !strings.Contains(msg, "程序内部出错") || !strings.Contains(msg, "找不到的地方") {
		t.Errorf("message %q", msg)
	}
}
