package main

import (
	"flag"
	"fmt"
	"io"

	"tuanxue/app"
)

// backupCommand is tuanxue backup --out 文件.
func backupCommand(fs *flag.FlagSet, e *env) func([]string) int {
	at := placeFlags(fs, e)
	out := fs.String("out", "", "")
	force := fs.Bool("force", false, "")
	return func([]string) int { return backup(*at, *out, *force, e.stdout, e.stderr) }
}

// restoreCommand is tuanxue restore 备份文件.
func restoreCommand(fs *flag.FlagSet, e *env) func([]string) int {
	at := placeFlags(fs, e)
	return func(args []string) int { return restore(*at, args[0], e.stdout, e.stderr) }
}

// backup copies the data file to out; the copy is checked before it gets
// its name. Like an export, it never goes over the data folder's own files
// and replaces an existing file only when told to.
func backup(at place, out string, force bool, stdout, stderr io.Writer) int {
	if out == "" {
		fmt.Fprintln(stderr, "请用 --out 指定备份文件，如 --out /media/U盘/团学台账备份.db")
		return 2
	}
	if err := app.CheckOutput(at.dir, out, force); err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 2
	}
	ws := at.workspace()
	defer ws.Close()
	if _, err := ws.Open(); err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	if _, err := ws.BackupTo(out, force); err != nil {
		fmt.Fprintln(stderr, "备份失败：", app.Message(err))
		return 1
	}
	fmt.Fprintf(stdout, "已备份到 %s\n", out)
	return 0
}

// restore replaces the data file with a backup through the one restore
// path (app.Workspace.Restore): checked whole first, the current file
// kept aside, never over a shared server's records.
func restore(at place, file string, stdout, stderr io.Writer) int {
	ws := at.workspace()
	defer ws.Close()
	kept, err := ws.Restore(file)
	if err != nil {
		fmt.Fprintf(stderr, "没有恢复：%s\n", app.Message(err))
		return 1
	}
	if kept != "" {
		fmt.Fprintf(stdout, "原来的数据文件已另存为 %s\n", kept)
	}
	fmt.Fprintf(stdout, "已从 %s 恢复\n", file)
	return 0
}

// dbCopyCommand is tuanxue db copy --from 来源 --to 目标 (see dbcopy.go).
func dbCopyCommand(fs *flag.FlagSet, e *env) func([]string) int {
	dataDir := fs.String("data", e.defaultDir, "")
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	return func([]string) int { return copyRecords(*from, *to, *dataDir, e.stdout, e.stderr) }
}
