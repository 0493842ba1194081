package main

import (
	"flag"
	"fmt"
	"io"

	"tuanxue/app"
	"tuanxue/app/importer"
)

// applyImport is what a test replaces to make an import fail from inside.
var applyImport = importer.Apply

// importCommand is tuanxue import members 文件.
func importCommand(fs *flag.FlagSet, e *env) func([]string) int {
	at := placeFlags(fs, e)
	dryRun := fs.Bool("dry-run", false, "")
	createMissing := fs.Bool("create-missing", false, "")
	return func(args []string) int {
		return importMembers(args[0], *at, *dryRun, *createMissing, e.stdout, e.stderr)
	}
}

// importMembers imports a cadre roster; the exit code is 1 when any row is
// rejected or the file cannot be read.
func importMembers(path string, at place, dryRun, createMissing bool, stdout, stderr io.Writer) int {
	table, err := importer.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "%s：%v\n", path, err)
		return 1
	}
	svc, done, err := at.open()
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	defer done()
	plan, err := importer.Make(svc, table, importer.Options{CreateMissing: createMissing})
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	if !dryRun {
		if _, err := applyImport(svc, plan); err != nil {
			fmt.Fprintln(stderr, "导入失败，没有写入任何数据：", app.Message(err))
			return 1
		}
	}
	plan.Report(stdout, !dryRun)
	if plan.Counts().Rejected > 0 {
		return 1
	}
	return 0
}
