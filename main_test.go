package main

import (
	"bytes"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/app/importer"
	"tuanxue/app/report"
	"tuanxue/data"
)

// TestLayersDoNotImportFyne keeps data, app and assets free of the UI
// toolkit (STYLE.md): only views and main may import fyne.io.
// TestMain lets a test run this binary as the program itself, in a child
// process: TUANXUE_ARGS holds its command line.
func TestMain(m *testing.M) {
	if args := os.Getenv("TUANXUE_ARGS"); args != "" {
		os.Exit(run(strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestWorksWithoutANetwork runs the program in a network namespace of its
// own (unshare -n): nothing in it may need the network.
func TestWorksWithoutANetwork(t *testing.T) {
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Fatal("unshare (util-linux) is needed for this test")
	}
	dir := t.TempDir()
	args := []string{"screenshot", filepath.Join(dir, "shots"), "--data", filepath.Join(dir, "data")}
	cmd := exec.Command("unshare", "-n", os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "TUANXUE_ARGS="+strings.Join(args, "\x1f"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("without a network: %v\n%s", err, out)
	}
	export := []string{"export", "report", "selfcheck", "--data", filepath.Join(dir, "data"), "--out", filepath.Join(dir, "自评表.pdf")}
	cmd = exec.Command("unshare", "-n", os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "TUANXUE_ARGS="+strings.Join(export, "\x1f"))
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "已写入") {
		t.Fatalf("export without a network: %v\n%s", err, out)
	}
}

func TestSecondCopyOnTheSameFolderStops(t *testing.T) {
	dir := t.TempDir()
	release, err := data.LockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	code, _, stderr := runCLI(t, "backup", "--data", dir, "--out", filepath.Join(t.TempDir(), "b.db"))
	if code != 1 || !strings.Contains(stderr, "已经在运行") {
		t.Fatalf("exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, data.FileName)); !os.IsNotExist(err) {
		t.Fatal("the second copy touched the data folder")
	}
}

func TestBackupAndRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join(dir, "data")
	if code, _, stderr := runCLI(t, "screenshot", filepath.Join(dir, "shots"), "--data", sample); code != 0 {
		t.Fatal(stderr)
	}
	out := filepath.Join(dir, "U盘", "团学台账 备份.db")
	if code, stdout, stderr := runCLI(t, "backup", "--data", sample, "--out", out); code != 0 || !strings.Contains(stdout, "已备份到") {
		t.Fatalf("backup: %d %q %q", code, stdout, stderr)
	}
	fresh := filepath.Join(dir, "fresh")
	if code, stdout, stderr := runCLI(t, "restore", out, "--data", fresh); code != 0 || !strings.Contains(stdout, "已从") {
		t.Fatalf("restore: %d %q %q", code, stdout, stderr)
	}
	code, stdout, _ := runCLI(t, "export", "report", "roster", "--data", fresh, "--out", filepath.Join(dir, "r.xlsx"))
	if code != 0 || !strings.Contains(stdout, "141 行") {
		t.Fatalf("roster of the restored data: %q", stdout)
	}
	bad := filepath.Join(dir, "bad.db")
	os.WriteFile(bad, []byte("not a database"), 0o644)
	if code, _, stderr := runCLI(t, "restore", bad, "--data", fresh); code != 1 || !strings.Contains(stderr, "没有恢复") {
		t.Fatalf("restore of a bad file: %d %q", code, stderr)
	}
}

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestVersionComesFromFyneAppTOML(t *testing.T) {
	code, out, _ := runCLI(t, "--version")
	if code != 0 || out != "团学台账 0.1.0 (build 1)\n" {
		t.Fatalf("--version: %d %q", code, out)
	}
}

func TestUnknownCommand(t *testing.T) {
	code, _, errOut := runCLI(t, "frobnicate")
	if code != 2 || !strings.Contains(errOut, "不认识的命令") || !strings.Contains(errOut, "用法") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

// TestHelpIsNotAnError: --help, -h and help print the usage on stdout and
// exit 0, with no "参数有误", before and after a subcommand.
func TestHelpIsNotAnError(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"export", "report", "--help"}, {"backup", "-h"}} {
		code, out, errOut := runCLI(t, args...)
		if code != 0 || !strings.HasPrefix(out, "用法：") || errOut != "" || strings.Contains(out, "参数有误") {
			t.Errorf("tuanxue %s: exit %d, stdout %.40q, stderr %q", strings.Join(args, " "), code, out, errOut)
		}
	}
}

func TestScreenshotRendersEveryScreen(t *testing.T) {
	out := t.TempDir()
	dataDir := filepath.Join(t.TempDir(), "数据 文件夹")
	code, stdout, stderr := runCLI(t, "screenshot", out, "--data", dataDir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.png"))
	if len(files) < 6 || strings.Count(stdout, ".png") != len(files) {
		t.Fatalf("pictures %v, listed %q", files, stdout)
	}
	if _, err := os.Stat(filepath.Join(dataDir, data.FileName)); err != nil {
		t.Fatalf("--data not used: %v", err)
	}
	// The folder now holds the sample: a second run refuses to mix data.
	if code, _, stderr := runCLI(t, "screenshot", t.TempDir(), "--data", dataDir); code != 1 || !strings.Contains(stderr, "空的数据文件夹") {
		t.Fatalf("non-empty data folder: exit %d, %q", code, stderr)
	}
}

func TestForeignDataFileIsRefusedInChinese(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, data.FileName)
	if err := os.WriteFile(path, []byte("这不是数据库"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "screenshot", t.TempDir(), "--data", dir)
	if code != 1 || !strings.Contains(stderr, "不是团学台账的数据文件") {
		t.Fatalf("exit %d, %q", code, stderr)
	}
	if b, _ := os.ReadFile(path); string(b) != "这不是数据库" {
		t.Fatal("foreign file changed")
	}
}

// TestExportedRosterImportsAgain: the roster the program exports is a roster
// file it can import, into an empty installation, with the same posts.
func TestExportedRosterImportsAgain(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample")
	if code, _, stderr := runCLI(t, "screenshot", filepath.Join(dir, "shots"), "--data", sample); code != 0 {
		t.Fatal(stderr)
	}
	out := filepath.Join(dir, "名册 导出.xlsx")
	code, stdout, stderr := runCLI(t, "export", "report", "学生骨干名册", "--data", sample, "--out", out)
	if code != 0 || !strings.Contains(stdout, "141 行") {
		t.Fatalf("export: %d %q %q", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, "import", "members", out, "--data", filepath.Join(dir, "fresh"), "--dry-run")
	if code != 1 || !strings.Contains(stdout, "还没有登记") {
		t.Fatalf("without --create-missing the unknown organizations are refused: %d %q %q", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "import", "members", out, "--data", filepath.Join(dir, "fresh"), "--create-missing")
	if code != 0 || !strings.Contains(stdout, "已导入 141 行（新增 141 人，更新 0 人，新任职 141 项），拒绝 0 行") {
		t.Fatalf("import: %d %q", code, stdout)
	}
	again := filepath.Join(dir, "again.xlsx")
	if code, stdout, _ := runCLI(t, "export", "report", "roster", "--data", filepath.Join(dir, "fresh"), "--out", again); code != 0 || !strings.Contains(stdout, "141 行") {
		t.Fatalf("re-export: %q", stdout)
	}
}

func TestExportReportArguments(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", "report", "roster"}, 2, "--out"},
		{[]string{"export", "report", "roster", "--out", "x.odt"}, 2, "--format 应为 pdf、xlsx、docx 或 html"},
		{[]string{"export", "report", "roster", "--out", "x.xlsx", "--org", "不存在的组织"}, 2, "没有名为“不存在的组织”的组织"},
		{[]string{"export", "report", "roster", "--out", "x.xlsx", "--status", "retired"}, 2, "in_post"},
		{[]string{"export", "report", "roster", "--out", "x.xlsx", "--semester", "2020"}, 2, "2020-2021-1"},
		{[]string{"export", "report", "roster", "--out", "x.xlsx", "--date", "2020-02-30"}, 2, "2 月没有 30 日"},
		{[]string{"export", "report", "名单", "--out", "x.xlsx"}, 2, "没有名为“名单”的报表"},
		{[]string{"export", "report", "roster", "--out", filepath.Join(dir, "无此文件夹", "x.xlsx")}, 1, "写入失败"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, append(c.args, "--data", dir)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
}

func TestExportReportList(t *testing.T) {
	code, stdout, _ := runCLI(t, "export", "report", "--list")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != 0 || len(lines) != 23 || lines[0] != "scale\t学生会组织规模统计表" || lines[9] != "selfcheck\t改革自评表" {
		t.Fatalf("exit %d, %q", code, lines)
	}
}

func TestExportEveryReportInEveryFormat(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample")
	if code, _, stderr := runCLI(t, "screenshot", filepath.Join(dir, "shots"), "--data", sample); code != 0 {
		t.Fatal(stderr)
	}
	_, list, _ := runCLI(t, "export", "report", "--list")
	for _, line := range strings.Split(strings.TrimSpace(list), "\n") {
		name, _, _ := strings.Cut(line, "\t")
		for _, format := range []string{"pdf", "xlsx", "docx"} {
			out := filepath.Join(dir, name+"."+format)
			code, stdout, stderr := runCLI(t, "export", "report", name, "--data", sample, "--out", out, "--org", "校学生会")
			if code != 0 || !strings.Contains(stdout, "已写入") {
				t.Fatalf("%s %s: %d %q %q", name, format, code, stdout, stderr)
			}
			if want := map[string]string{"scale": "1 行、3 张图", "draft": "段、6 张图"}[name]; !strings.Contains(stdout, want) {
				t.Errorf("%s: %q does not say %q", name, stdout, want)
			}
			if st, err := os.Stat(out); err != nil || st.Size() < 1000 {
				t.Fatalf("%s: %v", out, err)
			}
		}
	}
}

// newDataFolder makes a data folder with a data file and the other files a
// folder holds: a backup, the connection file, a crash log.
func newDataFolder(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "数据")
	st, err := data.Open(data.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	for name, text := range map[string]string{
		filepath.Join(data.BackupDir, "daily-20200101.db"): "一个备份",
		"database.json": "{}",
		"crash.log":     "旧的记录\n",
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot is every file of a folder with its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(path)
			files[path] = string(b)
		}
		return nil
	})
	return files
}

// TestNoExportOverwritesTheData: an export or a backup aimed at the data
// file, its journal, its lock, the backups, the connection file, the crash
// log, the folder itself or any folder is refused and changes nothing.
func TestNoExportOverwritesTheData(t *testing.T) {
	dir := newDataFolder(t)
	link := filepath.Join(t.TempDir(), "链接")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	cwd, _ := os.Getwd()
	relative, err := filepath.Rel(cwd, filepath.Join(dir, data.FileName))
	if err != nil {
		t.Fatal(err)
	}
	targets := []string{
		filepath.Join(dir, data.FileName),
		filepath.Join(dir, data.FileName+"-journal"),
		filepath.Join(dir, data.FileName+"-wal"),
		filepath.Join(dir, data.FileName+"-shm"),
		filepath.Join(dir, data.LockName),
		filepath.Join(dir, data.BackupDir, "daily-20200101.db"),
		filepath.Join(dir, data.BackupDir, "新的.xlsx"),
		filepath.Join(dir, "database.json"),
		filepath.Join(dir, "crash.log"),
		dir,
		dir + string(filepath.Separator),
		filepath.Join(dir, data.BackupDir),
		dir + "/./" + data.FileName,
		dir + "/其他/../" + data.FileName,
		relative,
		filepath.Join(link, data.FileName),
		filepath.Join(link, data.BackupDir, "x.xlsx"),
		t.TempDir(),
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		targets = append(targets, filepath.Join(dir, "TuanXue.DB"))
	}
	before := snapshot(t, dir)
	for _, out := range targets {
		for _, args := range [][]string{
			{"export", "report", "roster", "--format", "xlsx", "--out", out, "--data", dir},
			{"export", "report", "roster", "--format", "xlsx", "--out", out, "--data", dir, "--force"},
			{"backup", "--out", out, "--data", dir, "--force"},
		} {
			code, stdout, stderr := runCLI(t, args...)
			if code != 2 || !strings.Contains(stderr, "不能写到") || stdout != "" {
				t.Errorf("%v: exit %d, %q %q; want 2 and a refusal", args, code, stdout, stderr)
			}
		}
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Errorf("the data folder changed:\nbefore %v\nafter  %v", slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
	}
	// The same folder's other files are fine.
	out := filepath.Join(dir, "名册.xlsx")
	if code, _, stderr := runCLI(t, "export", "report", "roster", "--out", out, "--data", dir); code != 0 {
		t.Fatalf("export into the data folder under a new name: %d %q", code, stderr)
	}
}

// TestAnExistingFileIsReplacedOnlyWithForce, for exports and backups.
func TestAnExistingFileIsReplacedOnlyWithForce(t *testing.T) {
	dir := newDataFolder(t)
	for _, c := range []struct{ name, cmd string }{{"名册.xlsx", "export"}, {"备份.db", "backup"}} {
		out := filepath.Join(t.TempDir(), c.name)
		os.WriteFile(out, []byte("老师自己的文件"), 0o644)
		args := []string{"backup", "--out", out, "--data", dir}
		if c.cmd == "export" {
			args = []string{"export", "report", "roster", "--out", out, "--data", dir}
		}
		code, _, stderr := runCLI(t, args...)
		if code != 2 || !strings.Contains(stderr, "文件已存在："+out) || !strings.Contains(stderr, "如要替换，请加 --force") {
			t.Errorf("%s without --force: exit %d, %q", c.cmd, code, stderr)
		}
		if b, _ := os.ReadFile(out); string(b) != "老师自己的文件" {
			t.Errorf("%s without --force changed the file", c.cmd)
		}
		if code, _, stderr := runCLI(t, append(args, "--force")...); code != 0 {
			t.Errorf("%s --force: exit %d, %q", c.cmd, code, stderr)
		}
		if b, _ := os.ReadFile(out); string(b) == "老师自己的文件" {
			t.Errorf("%s --force kept the old file", c.cmd)
		}
	}
}

// TestFlagsBelongToTheirSubcommand: a flag of another subcommand is refused
// with that subcommand's usage instead of being ignored.
func TestFlagsBelongToTheirSubcommand(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args       []string
		flag, line string
	}{
		{[]string{"export", "report", "roster", "--out", filepath.Join(dir, "r.xlsx"), "--dry-run"}, "--dry-run", "tuanxue export report 报表名"},
		{[]string{"--create-missing", "backup", "--out", filepath.Join(dir, "b.db")}, "--create-missing", "tuanxue backup --out 文件"},
		{[]string{"import", "members", "名册.xlsx", "--out", "x.xlsx"}, "--out", "tuanxue import members 文件"},
		{[]string{"screenshot", dir, "--from", "x"}, "--from", "tuanxue screenshot 输出文件夹"},
		{[]string{"restore", "b.db", "--semester=2020-2021-1"}, "--semester", "tuanxue restore 备份文件"},
		{[]string{"--format", "pdf"}, "--format", "tuanxue [--data 文件夹]"},
	}
	for _, c := range cases {
		code, stdout, stderr := runCLI(t, append(c.args, "--data", filepath.Join(dir, "data"))...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, c.flag) || !strings.Contains(stderr, "不认识") ||
			!strings.Contains(stderr, c.line) || strings.Contains(stderr, "db copy") {
			t.Errorf("%v: exit %d, %q", c.args, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "r.xlsx")); !os.IsNotExist(err) {
		t.Error("the export ran despite a flag it does not know")
	}
	if _, err := os.Stat(filepath.Join(dir, "data")); !os.IsNotExist(err) {
		t.Error("a refused command touched the data folder")
	}
}

// TestFlagsStandAnywhere: before the subcommand, between its words, after
// its arguments, with = or a space.
func TestFlagsStandAnywhere(t *testing.T) {
	dir := t.TempDir()
	for i, args := range [][]string{
		{"--data", dir, "export", "report", "roster", "--out", filepath.Join(dir, "1.xlsx")},
		{"export", "--data=" + dir, "report", "--out=" + filepath.Join(dir, "2.pdf"), "roster", "--status", "all"},
		{"-data", dir, "export", "report", "-format", "docx", "roster", "-out", filepath.Join(dir, "3.bin")},
	} {
		if code, stdout, stderr := runCLI(t, args...); code != 0 || !strings.Contains(stdout, "已写入") {
			t.Errorf("%d %v: exit %d, %q %q", i, args, code, stdout, stderr)
		}
	}
	if code, stdout, _ := runCLI(t, "--data", dir, "export", "report", "--list"); code != 0 || !strings.Contains(stdout, "roster\t") {
		t.Errorf("--list after --data: %d %q", code, stdout)
	}
	if code, _, stderr := runCLI(t, "import", "--data", dir); code != 2 || !strings.Contains(stderr, "请写成：tuanxue import members 名册文件") {
		t.Errorf("import without members: %d %q", code, stderr)
	}
}

// TestPanicBecomesAMessage: an internal error in an export or an import
// is a Chinese message, a stack in crash.log, exit 1 and no file.
func TestPanicBecomesAMessage(t *testing.T) {
	dir := newDataFolder(t)
	defer func(w func(io.Writer, report.Document, string) error) { writeReport = w }(writeReport)
	writeReport = func(io.Writer, report.Document, string) error { panic("测试用的内部错误") }
	outDir := t.TempDir()
	code, stdout, stderr := runCLI(t, "export", "report", "roster", "--data", dir, "--out", filepath.Join(outDir, "r.xlsx"))
	if code != 1 || stdout != "" || !strings.Contains(stderr, "程序内部出错，没有保存任何改动；详情已记入 crash.log") {
		t.Fatalf("exit %d, %q %q", code, stdout, stderr)
	}
	if left, _ := os.ReadDir(outDir); len(left) != 0 {
		t.Errorf("the export left %v", left)
	}
	log, _ := os.ReadFile(filepath.Join(dir, "crash.log"))
	if !strings.HasPrefix(string(log), "旧的记录\n") || !strings.Contains(string(log), "测试用的内部错误") || !strings.Contains(string(log), "goroutine") {
		t.Errorf("crash.log: %q", log)
	}
	if st, err := os.Stat(filepath.Join(dir, "crash.log")); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("crash.log: %v %v", st.Mode(), err)
	}

	defer func(a func(*app.Service, *importer.Plan) (importer.Counts, error)) { applyImport = a }(applyImport)
	applyImport = func(*app.Service, *importer.Plan) (importer.Counts, error) { panic("导入时的内部错误") }
	roster := filepath.Join(outDir, "名册.csv")
	os.WriteFile(roster, []byte("学号,姓名,所属组织,职务\n2020001,张三,校学生会,主席\n"), 0o644)
	code, _, stderr = runCLI(t, "import", "members", roster, "--data", dir, "--create-missing")
	if code != 1 || !strings.Contains(stderr, "程序内部出错") {
		t.Fatalf("import: exit %d, %q", code, stderr)
	}
	if log, _ := os.ReadFile(filepath.Join(dir, "crash.log")); !strings.Contains(string(log), "导入时的内部错误") {
		t.Errorf("crash.log: %q", log)
	}
	// The folder is free again: the lock went with the panic.
	if code, _, stderr := runCLI(t, "backup", "--data", dir, "--out", filepath.Join(outDir, "b.db")); code != 0 {
		t.Errorf("after the panic: %d %q", code, stderr)
	}
}

// TestNoEnglishUnderACLocale: Debian's default LANG=C.UTF-8 made Fyne log
// "Error parsing user locale C" on every command.
func TestNoEnglishUnderACLocale(t *testing.T) {
	dir := t.TempDir()
	for _, locale := range []string{"LANG=C.UTF-8", "LANG=C", "LC_ALL=POSIX"} {
		for _, args := range [][]string{
			{"--version"},
			{"nonsense"},
			{"export", "report", "selfcheck", "--data", filepath.Join(dir, "data"), "--out", filepath.Join(dir, locale+".pdf")},
		} {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH"), locale, "TUANXUE_ARGS=" + strings.Join(args, "\x1f")}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			_ = cmd.Run()
			if strings.Contains(stderr.String(), "Fyne") || strings.Contains(stderr.String(), "locale") {
				t.Errorf("%s tuanxue %s wrote:\n%s", locale, strings.Join(args, " "), stderr.String())
			}
		}
	}
}
