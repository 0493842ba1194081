package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"tuanxue/app"
	"tuanxue/app/importer"
)

// applyImport is what a test replaces to make an import fail from inside.
var applyImport = importer.Apply

// mapFlags collects --map "名册中的名称=已有名称", which may be given many
// times; they are checked when the command runs, so that what is wrong is
// said in Chinese.
type mapFlags []string

func (m *mapFlags) String() string     { return strings.Join(*m, " ") }
func (m *mapFlags) Set(s string) error { *m = append(*m, s); return nil }

// importFlags are the options of import members.
type importFlags struct {
	dryRun, createMissing bool
	maps                  mapFlags
}

// importCommand is tuanxue import members 文件.
func importCommand(fs *flag.FlagSet, e *env) func([]string) int {
	at := placeFlags(fs, e)
	var f importFlags
	fs.BoolVar(&f.dryRun, "dry-run", false, "")
	fs.BoolVar(&f.createMissing, "create-missing", false, "")
	fs.Var(&f.maps, "map", "")
	return func(args []string) int {
		return importMembers(args[0], *at, f, e.stdout, e.stderr)
	}
}

// parseMaps reads the --map arguments: 名册中的名称=已有名称 each.
func parseMaps(args []string) (map[string]string, error) {
	out := map[string]string{}
	for _, a := range args {
		from, to, ok := strings.Cut(a, "=")
		if !ok {
			from, to, ok = strings.Cut(a, "＝")
		}
		from, to = strings.TrimSpace(from), strings.TrimSpace(to)
		switch {
		case !ok || from == "" || to == "":
			return nil, fmt.Errorf("--map %s 应写成 --map \"名册中的名称=已有名称\"", importer.Quote(a))
		case out[from] != "" && out[from] != to:
			return nil, fmt.Errorf("--map 把%s对应到了两个组织：%s和%s", importer.Quote(from), importer.Quote(out[from]), importer.Quote(to))
		}
		out[from] = to
	}
	return out, nil
}

// importMemory is the heap the import command lets the garbage collector
// aim at: the largest roster the importer takes (50,000 rows) keeps up to
// about 100 MB live while it is planned and written, and by default the
// heap may grow to twice what is live, which took the whole command to
// 230–250 MB. With this soft limit it stays near 175 MB, for some 20–40 %
// more CPU time (TestAnImportStaysUnder200MB); a smaller GOMEMLIMIT is kept.
const importMemory = 140 << 20

// importMembers imports a cadre roster; the exit code is 1 when any row is
// rejected or the file cannot be read, 2 when a --map is wrong. A dry run
// and the import make the same plan, so they report the same rows.
func importMembers(path string, at place, f importFlags, stdout, stderr io.Writer) int {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(min(importMemory, debug.SetMemoryLimit(-1))))
	maps, err := parseMaps(f.maps)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	table, err := importer.ReadFile(path)
	if err != nil {
		msg := err.Error()
		if !importer.Refused(err) {
			msg = app.Message(err)
		}
		fmt.Fprintf(stderr, "%s：%s\n", importer.PrintablePath(path), msg)
		return 1
	}
	svc, done, err := at.open()
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	defer done()
	plan, err := importer.Make(svc, table, importer.Options{CreateMissing: f.createMissing, Map: maps})
	switch {
	case errors.Is(err, importer.ErrBadMap):
		fmt.Fprintln(stderr, err)
		return 2
	case err != nil:
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	if !f.dryRun {
		if _, err := applyImport(svc, plan); err != nil {
			fmt.Fprintln(stderr, "导入失败，没有写入任何数据：", app.Message(err))
			return 1
		}
	}
	plan.Report(stdout, !f.dryRun)
	if plan.Counts().Rejected > 0 {
		return 1
	}
	return 0
}
