package importer

import "os"

func tempDir() (string, func()) {
	dir, err := os.MkdirTemp("", "tuanxue-bench-")
	if err != nil {
		panic(err)
	}
	return dir, func() { os.RemoveAll(dir) }
}

func exitWith(code int) { os.Exit(code) }
