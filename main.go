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
	"slices"
	"strings"

	_ "calmlocale" // before Fyne reads the locale: see its comment
	"github.com/BurntSushi/toml"

	"tuanxue/app"
	"tuanxue/data"
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

// command is one subcommand: the words that choose it, its lines of the
// usage text, and a setup that defines its flags (and only its) on a flag
// set of its own and returns its body, which runs once they are parsed.
type command struct {
	words   []string // e.g. "export", "report"; none for the window
	args    string   // what follows the words, as "请写成：" shows it
	minArgs int      // positional arguments after the words
	maxArgs int
	usage   string // its lines of the usage text
	setup   func(fs *flag.FlagSet, e *env) func(args []string) int
}

// env is what every subcommand gets: the program's metadata, the default
// data folder and where to write.
type env struct {
	meta           metadata
	defaultDir     string
	stdout, stderr io.Writer
}

// commands is the command line, in the order of the usage text.
var commands = []command{
	{usage: "  tuanxue [--data 文件夹]                     打开程序窗口\n", setup: windowCommand},
	{words: []string{"import", "members"}, args: "名册文件", minArgs: 1, maxArgs: 1, setup: importCommand, usage: "" +
		"  tuanxue import members 文件 [--data 文件夹] [--dry-run] [--create-missing] [--map \"名册中的名称=已有名称\"]…\n" +
		"                                             从 .xlsx 或 .csv 导入学生骨干名册\n"},
	{words: []string{"export", "report"}, args: "报表名 --out 文件", maxArgs: 1, setup: exportCommand, usage: "" +
		"  tuanxue export report 报表名 --out 文件 [--format pdf|xlsx|docx|html] [--semester 2020-2021-1 | --year 2020-2021] [--org 组织] [--force]\n" +
		"                                             导出报表（报表名见 --list）\n" +
		"  tuanxue export report --list               列出全部报表：命令行名称和中文名称\n"},
	{words: []string{"export", "binder"}, args: "--year 2023-2024 --out 迎检材料.zip", setup: binderCommand, usage: "" +
		"  tuanxue export binder --year 2023-2024 --out 迎检材料.zip [--org 组织] [--data 文件夹] [--force]\n" +
		"                                             导出一个学年的迎检材料：目录、自评表、自评报告、整改台账，每个学生会每项指标一个文件夹\n"},
	{words: []string{"backup"}, args: "--out 文件", setup: backupCommand, usage: "" +
		"  tuanxue backup --out 文件 [--data 文件夹] [--force]\n" +
		"                                             把数据文件备份到一个文件（如 U 盘上）\n"},
	{words: []string{"restore"}, args: "备份文件", minArgs: 1, maxArgs: 1, setup: restoreCommand, usage: "" +
		"  tuanxue restore 备份文件 [--data 文件夹]     从备份恢复；当前的数据文件先另存到 backups 文件夹\n"},
	{words: []string{"db", "copy"}, args: "--from 来源 --to 目标", setup: dbCopyCommand, usage: "" +
		"  tuanxue db copy --from 来源 --to 目标        在数据文件和共享数据库之间复制全部记录，逐表核对\n"},
	{words: []string{"db", "office", "add"}, args: "--db postgres://… --org 组织 --user 用户名", setup: officeAddCommand, usage: "" +
		"  tuanxue db office add --db 地址 --org 组织 --user 用户名 [--password-env 环境变量名]\n" +
		"                                             为一个办公室（如二级学院团委）开共享数据库账号：可查看全校，只能修改该组织及其下属组织\n"},
	{words: []string{"db", "office", "list"}, args: "--db postgres://…", setup: officeListCommand, usage: "" +
		"  tuanxue db office list --db 地址           列出各办公室的账号和它们管理的组织\n"},
	{words: []string{"db", "office", "remove"}, args: "--db postgres://… --user 用户名", setup: officeRemoveCommand, usage: "" +
		"  tuanxue db office remove --db 地址 --user 用户名\n" +
		"                                             删除一个办公室的账号（它录入的记录保留）\n"},
	{words: []string{"screenshot"}, args: "输出文件夹", minArgs: 1, maxArgs: 1, setup: screenshotCommand, usage: "" +
		"  tuanxue screenshot 输出文件夹 [--data 文件夹]  用示例学院把每个主要界面渲染成 PNG\n"},
}

const versionUsage = "  tuanxue --version                          显示版本\n"

const notes = `
import members：逐行检查后，把没有问题的行在一个事务中写入；有问题的行连同原因列出，
  此时退出码为 1。--dry-run 只检查不写入。名册中的组织按名称（不计空格和看不见的字符）对应已登记的组织；
  --map "名册中的名称=已有名称"（可写多次）把一个名称对应到已有组织；--create-missing 新建其余尚未登记的组织和部门，
  但不会新建第二个校级学生会。两样都没写时，用到未登记组织的行被拒绝，并列出它可能指的已有组织。

export report：--semester 默认为设置中的当前学期；--year 2023-2024（或 2023—2024）按学年：当前学年用当前学期，其他学年用第二学期；
  --format 默认按 --out 的扩展名；--org 只看一个组织（名称或编号）；改革情况公开（disclosure）可导出为 html，粘贴到网站编辑器；
  名册（roster）还可用 --date 给出某一天的在任名册（换届前），--status 为 in_post（在任，默认）、flagged（建议退出）、left（已离任）或 all。
--force：--out 的文件已经存在时替换它；不写时不替换。数据文件夹里的数据文件、日志、锁文件、备份和连接设置任何时候都不会被替换。
db copy：来源和目标各是一个数据文件（.db）或共享数据库地址 postgres://用户名@服务器:5432/数据库名；
  目标须是还不存在的文件或没有记录的数据库。复制后比较两边每张表的行数和内容校验值，一致才算完成。
db office：只有校团委的账号（建表的账号，或管理最上级组织的账号）可以使用；密码取自 --password-env 指定的环境变量，
  不写时在终端上输入两遍（不显示），程序不会显示或记下密码。各办公室可查看全校的记录，只能修改自己组织及其下属组织的记录，
  由数据库服务器强制执行；设置和改革指标只有校团委能改。
--data 指定数据文件夹（默认：%s）。
--db postgres://… 让 import、export、backup 使用共享数据库（密码可写在地址中，或用环境变量 PGPASSWORD）；
  不写时使用“系统设置 → 数据库”中为这个数据文件夹选定的数据库。
`

// usage is the whole usage text.
func (e *env) usage() string {
	var b strings.Builder
	b.WriteString("用法：\n")
	for _, c := range commands {
		b.WriteString(c.usage)
	}
	b.WriteString(versionUsage)
	fmt.Fprintf(&b, notes, e.defaultDir)
	return b.String()
}

// usageOf is the part of the usage text about one subcommand.
func usageOf(c command) string {
	if len(c.words) == 0 {
		return "用法：\n" + c.usage + versionUsage
	}
	return "用法：\n" + c.usage
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run parses the command line and returns the exit code: 2 when it is
// wrong. Flags may stand before, between or after the subcommand's words.
func run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	if _, err := toml.Decode(string(fyneAppTOML), &e.meta); err != nil {
		fmt.Fprintln(stderr, "FyneApp.toml:", err)
		return 1
	}
	var err error
	if e.defaultDir, err = app.DefaultDataDir(); err != nil {
		fmt.Fprintln(stderr, "找不到用户文件夹：", err)
		return 1
	}
	body, dataDir, code := e.parse(args)
	if body == nil {
		return code
	}
	if code = guard(dataDir, stderr, body); code == wrongArgs {
		return e.unknownCommand(positional(args, e.takesValue))
	}
	return code
}

// wrongArgs is what a subcommand's body returns when its arguments do not
// fit together, to be explained as a wrong command line.
const wrongArgs = -1

// parse finds the subcommand and parses its flags. It returns the body to
// run and its data folder, or no body and the exit code when the command
// line is wrong (or asked for help).
func (e *env) parse(args []string) (body func() int, dataDir string, code int) {
	words := positional(args, e.takesValue)
	if slices.Equal(words, []string{"help"}) { // as --help
		fmt.Fprint(e.stdout, e.usage())
		return nil, "", 0
	}
	i, ok := choose(words)
	if !ok {
		return nil, "", e.unknownCommand(words)
	}
	c, fs := commands[i], flag.NewFlagSet("tuanxue "+strings.Join(commands[i].words, " "), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	run := c.setup(fs, e)
	if bad := unknownFlag(args, fs); bad != "" {
		fmt.Fprintf(e.stderr, "参数有误：%s 不认识参数 %s\n\n%s", fs.Name(), bad, usageOf(c))
		return nil, "", 2
	}
	rest, err := parseFlags(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(e.stdout, e.usage())
		return nil, "", 0
	case err != nil:
		fmt.Fprintf(e.stderr, "参数有误：%s\n\n%s", flagError(err), usageOf(c))
		return nil, "", 2
	}
	rest = rest[len(c.words):]
	if len(rest) < c.minArgs || len(rest) > c.maxArgs {
		return nil, "", e.unknownCommand(words)
	}
	if db := fs.Lookup("db"); db != nil && db.Value.String() != "" && !data.IsServerURL(db.Value.String()) {
		fmt.Fprintf(e.stderr, "--db 应为共享数据库服务器的地址，如 postgres://用户名@服务器:5432/数据库名\n")
		return nil, "", 2
	}
	return func() int { return run(rest) }, fs.Lookup("data").Value.String(), 0
}

// takesValue says whether a flag of any subcommand takes the next argument
// as its value: the subcommand is not known yet when its words are sought.
func (e *env) takesValue(name string) bool {
	for _, c := range commands {
		fs := flag.NewFlagSet("", flag.ContinueOnError)
		c.setup(fs, e)
		if flagTakesValue(fs, name) {
			return true
		}
	}
	return false
}

// choose finds the subcommand whose words begin the positional arguments;
// the window has none.
func choose(words []string) (int, bool) {
	for i, c := range commands {
		if len(words) >= len(c.words) && slices.Equal(words[:len(c.words)], c.words) &&
			(len(c.words) > 0 || len(words) == 0) {
			return i, true
		}
	}
	return 0, false
}

// unknownCommand explains a command line that names no subcommand, or one
// with the wrong number of arguments.
func (e *env) unknownCommand(words []string) int {
	// The command sharing the most leading words: "export binder x" is
	// export binder's, not export report's.
	best, most := -1, 0
	for i, c := range commands {
		n := 0
		for n < len(c.words) && n < len(words) && c.words[n] == words[n] {
			n++
		}
		if n > most {
			best, most = i, n
		}
	}
	if best >= 0 {
		c := commands[best]
		fmt.Fprintf(e.stderr, "请写成：tuanxue %s %s\n\n%s", strings.Join(c.words, " "), c.args, e.usage())
		return 2
	}
	fmt.Fprintf(e.stderr, "不认识的命令：%s\n\n%s", strings.Join(words, " "), e.usage())
	return 2
}

// guard runs a subcommand's body: a panic in it becomes a Chinese message,
// a stack in crash.log in the data folder and exit code 1. The body's own
// defers (temporary file, transaction, lock) have run by then.
func guard(dataDir string, stderr io.Writer, body func() int) int {
	code := 1
	if err := app.Guard(dataDir, func() error { code = body(); return nil }); err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	return code
}
