// Command tuanxue is 团学台账, the record book of a college Youth League
// committee for the student-union reform. Without a subcommand it opens the
// window; subcommands do the same jobs headless.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"github.com/BurntSushi/toml"

	"tuanxue/app"
	"tuanxue/app/importer"
	"tuanxue/app/reports"
	"tuanxue/data"
	"tuanxue/views"
)

//go:embed FyneApp.toml
var fyneAppTOML []byte

// metadata is what FyneApp.toml says about the program: the one place its
// ID, name and version are written.
type metadata struct {
	Details struct {
		ID, Name, Version string
		Build             int
	}
}

const usage = `用法：
  tuanxue [--data 文件夹]                     打开程序窗口
  tuanxue import members 文件 [--data 文件夹] [--dry-run] [--create-missing]
                                             从 .xlsx 或 .csv 导入学生骨干名册
  tuanxue export report 报表名 --out 文件 [--format pdf|xlsx|docx] [--semester 2020-2021-1] [--org 组织]
                                             导出报表（报表名见 --list）
  tuanxue export report --list               列出全部报表：命令行名称和中文名称
  tuanxue backup --out 文件 [--data 文件夹]    把数据文件备份到一个文件（如 U 盘上）
  tuanxue restore 备份文件 [--data 文件夹]     从备份恢复；当前的数据文件先另存到 backups 文件夹
  tuanxue db copy --from 来源 --to 目标        在数据文件和共享数据库之间复制全部记录，逐表核对
  tuanxue screenshot 输出文件夹 [--data 文件夹]  用示例学院把每个主要界面渲染成 PNG
  tuanxue --version                          显示版本

import members：逐行检查后，把没有问题的行在一个事务中写入；有问题的行连同原因列出，
  此时退出码为 1。--dry-run 只检查不写入；--create-missing 自动新建名册中出现但尚未登记的组织和部门。

export report：--semester 默认为设置中的当前学期；--format 默认按 --out 的扩展名；--org 只看一个组织（名称或编号）；
  名册（roster）还可用 --date 给出某一天的在任名册（换届前），--status 为 in_post（在任，默认）、flagged（建议退出）、left（已离任）或 all。
db copy：来源和目标各是一个数据文件（.db）或共享数据库地址 postgres://用户名@服务器:5432/数据库名；
  目标须是还不存在的文件或没有记录的数据库。复制后比较两边每张表的行数和内容校验值，一致才算完成。
--data 指定数据文件夹（默认：%s）。
--db postgres://… 让 import、export、backup 使用共享数据库（密码可写在地址中，或用环境变量 PGPASSWORD）；
  不写时使用“系统设置 → 数据库”中为这个数据文件夹选定的数据库。
`

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run parses the command line and returns the exit code. Flags may stand
// before or after the subcommand.
func run(args []string, stdout, stderr io.Writer) int {
	var meta metadata
	if _, err := toml.Decode(string(fyneAppTOML), &meta); err != nil {
		fmt.Fprintln(stderr, "FyneApp.toml:", err)
		return 1
	}
	defaultDir, err := app.DefaultDataDir()
	if err != nil {
		fmt.Fprintln(stderr, "找不到用户文件夹：", err)
		return 1
	}
	fs := flag.NewFlagSet("tuanxue", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dataDir := fs.String("data", defaultDir, "")
	dbURL := fs.String("db", "", "")
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	version := fs.Bool("version", false, "")
	dryRun := fs.Bool("dry-run", false, "")
	createMissing := fs.Bool("create-missing", false, "")
	var export exportFlags
	fs.StringVar(&export.semester, "semester", "", "")
	fs.StringVar(&export.date, "date", "", "")
	fs.StringVar(&export.status, "status", "in_post", "")
	fs.StringVar(&export.format, "format", "", "")
	fs.StringVar(&export.org, "org", "", "")
	list := fs.Bool("list", false, "")
	fs.StringVar(&export.out, "out", "", "")
	var positional []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			fmt.Fprintf(stderr, "参数有误：%v\n\n"+usage, err, defaultDir)
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		rest = fs.Args()[1:]
	}

	switch {
	case *version:
		fmt.Fprintf(stdout, "%s %s (build %d)\n", meta.Details.Name, meta.Details.Version, meta.Details.Build)
		return 0
	case *dbURL != "" && !data.IsServerURL(*dbURL):
		fmt.Fprintf(stderr, "--db 应为共享数据库服务器的地址，如 postgres://用户名@服务器:5432/数据库名\n")
		return 2
	}
	at := place{dir: *dataDir, db: *dbURL}
	switch {
	case len(positional) == 0:
		return runWindow(meta.Details.ID, at)
	case len(positional) == 3 && positional[0] == "import" && positional[1] == "members":
		return importMembers(positional[2], at, *dryRun, *createMissing, stdout, stderr)
	case len(positional) == 2 && positional[0] == "export" && positional[1] == "report" && *list:
		for _, r := range reports.All {
			fmt.Fprintf(stdout, "%s\t%s\n", r.Name, r.Title)
		}
		return 0
	case len(positional) == 3 && positional[0] == "export" && positional[1] == "report":
		return exportReport(positional[2], at, export, stdout, stderr)
	case len(positional) == 1 && positional[0] == "backup":
		return backup(at, export.out, stdout, stderr)
	case len(positional) == 2 && positional[0] == "db" && positional[1] == "copy":
		return copyRecords(*from, *to, *dataDir, stdout, stderr)
	case len(positional) == 2 && positional[0] == "restore":
		return restore(at, positional[1], stdout, stderr)
	case positional[0] == "import":
		fmt.Fprintf(stderr, "请写成：tuanxue import members 名册文件\n\n"+usage, defaultDir)
		return 2
	case positional[0] == "screenshot" && len(positional) == 2:
		dir := ""
		if isSet(fs, "data") {
			dir = *dataDir
		}
		return screenshot(positional[1], dir, stdout, stderr)
	}
	fmt.Fprintf(stderr, "不认识的命令：%s\n\n"+usage, strings.Join(positional, " "), defaultDir)
	return 2
}

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// runWindow opens the data file and shows the main window; a file that
// cannot be used is explained in a window of its own.
func runWindow(id string, at place) int {
	dir := at.dir
	a := fyneapp.NewWithID(id)
	views.Setup(a)
	crashLog(dir)
	cfg, err := at.config()
	if err == nil && cfg.URL != "" {
		return runOnServer(a, at, cfg)
	}
	store, done, err := openStore(at)
	if errors.Is(err, data.ErrDamaged) {
		// A damaged file opens read-only, to look at and export what can be
		// read while a backup is chosen.
		store, done, err = openReadOnly(dir)
	}
	if err != nil {
		views.ShowStartupError(a, dir, err)
		return 1
	}
	defer done()
	svc := app.New(store, nil)
	svc.UseOperator()
	w := views.NewMainWindow(a, svc)
	a.Lifecycle().SetOnStarted(w.Started)
	w.Win.ShowAndRun()
	return 0
}

// runOnServer shows the main window on the shared database, after asking
// for the password when the keychain has none.
func runOnServer(a fyne.App, at place, cfg data.Config) int {
	// The folder still holds this computer's backups and evidence copies:
	// one window per folder, as with the data file.
	release, err := data.LockDir(at.dir)
	if err != nil {
		views.ShowStartupError(a, at.dir, err)
		return 1
	}
	defer release()
	var store *data.Store
	// The main window's start (sample offer, daily backup) runs once the
	// app runs: at once when the login window came first.
	started, onStart := false, func() {}
	a.Lifecycle().SetOnStarted(func() { started = true; onStart() })
	login := views.ServerLogin{Config: cfg, Opened: func(s *data.Store) error {
		store = s
		svc := app.New(s, nil)
		svc.UseOperator()
		w := views.NewMainWindow(a, svc)
		w.Win.Show()
		if started {
			w.Started()
		} else {
			onStart = w.Started
		}
		return nil
	}}
	if at.db == "" { // the folder's own choice, kept in database.json
		conn, _ := app.LoadConnection(at.dir)
		login.Remember = func(password string) error { return app.SaveConnection(at.dir, conn, password) }
		login.UseFile = func() error { return app.SaveConnection(at.dir, app.Connection{}, "") }
	}
	views.ConnectToServer(a, login)
	a.Run()
	if store != nil {
		store.Close()
	}
	return 0
}

// importMembers imports a cadre roster; the exit code is 1 when any row is
// rejected or the file cannot be read.
func importMembers(path string, at place, dryRun, createMissing bool, stdout, stderr io.Writer) int {
	table, err := importer.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "%s：%v\n", path, err)
		return 1
	}
	store, done, err := openStore(at)
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	defer done()
	svc := app.New(store, nil)
	plan, err := importer.Make(svc, table, importer.Options{CreateMissing: createMissing})
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	if !dryRun {
		if _, err := importer.Apply(svc, plan); err != nil {
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

// exportFlags are the options of export report.
type exportFlags struct {
	semester, date, status, format, out, org string
}

// exportReport writes a report to a file; 0 when written, 2 for wrong
// arguments, 1 when the data or the file fails.
func exportReport(name string, at place, f exportFlags, stdout, stderr io.Writer) int {
	rep, err := reports.Find(name)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if f.out == "" {
		fmt.Fprintln(stderr, "请用 --out 指定输出文件，如 --out 名册.pdf")
		return 2
	}
	if f.format == "" {
		f.format = strings.TrimPrefix(strings.ToLower(filepath.Ext(f.out)), ".")
	}
	if !slices.Contains(reports.Formats, f.format) {
		fmt.Fprintf(stderr, "不支持的格式“%s”：--format 应为 pdf、xlsx 或 docx\n", f.format)
		return 2
	}
	status, ok := app.ParseRosterStatus(f.status)
	if !ok {
		fmt.Fprintf(stderr, "--status “%s”不认识，应为 in_post、flagged、left 或 all\n", f.status)
		return 2
	}
	opts := reports.Options{Status: status}
	if f.date != "" {
		d, msg := app.ParseDate("--date", f.date)
		if msg != "" {
			fmt.Fprintln(stderr, msg)
			return 2
		}
		opts.On = d
	}
	store, done, err := openStore(at)
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	defer done()
	svc := app.New(store, nil)
	settings, err := svc.Settings()
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	opts.Semester = settings.Semester
	if f.semester != "" {
		if opts.Semester, err = app.ParseSemester(f.semester); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
	}
	if f.org != "" {
		if opts.OrganizationID, err = reports.FindOrganization(svc, f.org); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
	}
	doc, err := rep.Make(svc, opts)
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	if err := writeFileAtomically(f.out, func(w io.Writer) error { return reports.Write(w, doc, f.format) }); err != nil {
		fmt.Fprintln(stderr, "写入失败：", err)
		return 1
	}
	rows := 0
	for _, s := range doc.Sections {
		rows += len(s.Rows)
	}
	size := fmt.Sprintf("%d 行", rows)
	if len(doc.Sections) == 0 { // a text, such as the 自评报告 draft
		size = fmt.Sprintf("%d 段", len(doc.Paragraphs))
	}
	if len(doc.Charts) > 0 {
		size += fmt.Sprintf("、%d 张图", len(doc.Charts))
	}
	fmt.Fprintf(stdout, "%s：%s，已写入 %s\n", rep.Title, size, f.out)
	return 0
}

// backup copies the data file to out; the copy is checked before it gets
// its name.
func backup(at place, out string, stdout, stderr io.Writer) int {
	if out == "" {
		fmt.Fprintln(stderr, "请用 --out 指定备份文件，如 --out /media/U盘/团学台账备份.db")
		return 2
	}
	store, done, err := openStore(at)
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	defer done()
	if _, err := store.BackupTo(out); err != nil {
		fmt.Fprintln(stderr, "备份失败：", err)
		return 1
	}
	fmt.Fprintf(stdout, "已备份到 %s\n", out)
	return 0
}

// restore replaces the data file with a checked backup, keeping the
// current file aside.
func restore(at place, file string, stdout, stderr io.Writer) int {
	dataDir := at.dir
	if cfg, err := at.config(); err != nil || cfg.URL != "" {
		// Other offices work on the server's records: a restore from one
		// computer would throw their work away.
		fmt.Fprintln(stderr, "没有恢复：这个数据文件夹使用共享数据库，不能用一个备份整体替换服务器上的记录。"+
			"请学校信息中心用服务器的备份恢复，或用 tuanxue db copy --from 备份文件 --to 一个空数据库。")
		return 1
	}
	unlock, err := lockDataDir(dataDir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer unlock()
	kept, err := data.RestoreFile(dataDir, file)
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

// crashLog sends the report of a crash to crash.log in the data folder,
// where a teacher can find it for whoever helps them. It holds the Go stack
// only, no records.
func crashLog(dir string) {
	f, err := os.OpenFile(filepath.Join(dir, "crash.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return
	}
	_ = debug.SetCrashOutput(f, debug.CrashOptions{})
	f.Close() // SetCrashOutput keeps its own copy
}

// place is where the records are: the data folder, and the server that
// --db names instead of the folder's own choice (database.json).
type place struct{ dir, db string }

// config is the store configuration of a place: --db, or the server chosen
// in 系统设置 for the folder (password from the keychain, or PGPASSWORD),
// or the folder's data file.
func (p place) config() (data.Config, error) {
	if p.db != "" {
		return data.Config{Dir: p.dir, URL: p.db}, nil
	}
	c, err := app.LoadConnection(p.dir)
	if err != nil {
		return data.Config{}, err
	}
	return c.Config(p.dir, ""), nil
}

// openStore opens the records of a place. A data file is for this copy of
// the program only: the folder is taken first; a server is for everyone.
// done closes (and releases) them.
func openStore(at place) (store *data.Store, done func(), err error) {
	cfg, err := at.config()
	if err != nil {
		return nil, nil, err
	}
	if cfg.URL != "" {
		store, err := data.Open(cfg)
		if err != nil {
			return nil, nil, err
		}
		return store, func() { store.Close() }, nil
	}
	release, err := data.LockDir(at.dir)
	if err != nil {
		return nil, nil, err
	}
	store, err = data.Open(cfg)
	if err != nil {
		release()
		return nil, nil, err
	}
	return store, func() { store.Close(); release() }, nil
}

// openReadOnly takes the data folder and opens a damaged file read-only.
func openReadOnly(dir string) (*data.Store, func(), error) {
	release, err := data.LockDir(dir)
	if err != nil {
		return nil, nil, err
	}
	store, err := data.OpenReadOnly(dir)
	if err != nil {
		release()
		return nil, nil, fmt.Errorf("%w", data.ErrDamaged)
	}
	return store, func() { store.Close(); release() }, nil
}

// lockDataDir takes the data folder for this copy of the program.
func lockDataDir(dir string) (func(), error) {
	release, err := data.LockDir(dir)
	if err != nil {
		return nil, errors.New(app.Message(err))
	}
	return release, nil
}

// writeFileAtomically writes to a temporary file beside path and renames
// it into place, so a failed export never leaves half a file.
func writeFileAtomically(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tuanxue-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil { // CreateTemp makes it private
		return err
	}
	return os.Rename(tmp.Name(), path)
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
	store, done, err := openStore(place{dir: dataDir})
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	defer done()
	svc := app.New(store, nil)
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
