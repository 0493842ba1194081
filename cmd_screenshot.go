package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"tuanxue/app"
	"tuanxue/views"
)

// screenshotCommand is tuanxue screenshot 输出文件夹.
func screenshotCommand(fs *flag.FlagSet, e *env) func([]string) int {
	dataDir := fs.String("data", e.defaultDir, "")
	return func(args []string) int {
		dir := ""
		if isSet(fs, "data") {
			dir = *dataDir
		}
		return screenshot(args[0], dir, e.stdout, e.stderr)
	}
}

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// screenshot renders every main screen with the sample college. It uses a
// fresh temporary data folder unless --data names one, which must be empty.
func screenshot(outDir, dataDir string, stdout, stderr io.Writer) int {
	if dataDir == "" {
		tmp, err := os.MkdirTemp("", "tuanxue-screenshot-")
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer os.RemoveAll(tmp)
		dataDir = tmp
	}
	svc, done, err := place{dir: dataDir}.open()
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	defer done()
	if empty, err := svc.IsEmpty(); err != nil || !empty {
		fmt.Fprintln(stderr, app.Message(errors.Join(err, errors.New("截图需要一个空的数据文件夹"))))
		return 1
	}
	files, err := views.Screenshots(outDir, svc)
	for _, f := range files {
		fmt.Fprintln(stdout, f)
	}
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	return 0
}
