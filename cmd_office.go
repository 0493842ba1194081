package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"tuanxue/app"
	"tuanxue/app/reports"
)

// The offices of a shared server, from the command line: each office (a
// 二级学院 团委) gets its own login, which the server keeps to its own
// organization subtree. Only the school office can run them.

// officeFlags are the flags of every db office command.
type officeFlags struct {
	at       *place
	org      string
	user     string
	password string // the environment variable holding the password
}

func officeCommand(fs *flag.FlagSet, e *env) *officeFlags {
	f := &officeFlags{at: placeFlags(fs, e)}
	fs.StringVar(&f.org, "org", "", "")
	fs.StringVar(&f.user, "user", "", "")
	fs.StringVar(&f.password, "password-env", "", "")
	return f
}

func officeAddCommand(fs *flag.FlagSet, e *env) func([]string) int {
	f := officeCommand(fs, e)
	return func([]string) int { return addOffice(f, os.Stdin, e.stdout, e.stderr) }
}

func officeListCommand(fs *flag.FlagSet, e *env) func([]string) int {
	f := officeCommand(fs, e)
	return func([]string) int { return listOffices(f, e.stdout, e.stderr) }
}

func officeRemoveCommand(fs *flag.FlagSet, e *env) func([]string) int {
	f := officeCommand(fs, e)
	return func([]string) int { return removeOffice(f, e.stdout, e.stderr) }
}

// openOffices opens the server of --db; the offices exist there only.
func openOffices(f *officeFlags, stderr io.Writer) (*app.Service, func(), int) {
	if f.at.db == "" {
		fmt.Fprintln(stderr, "请用 --db 指定共享数据库，如 --db postgres://用户名@服务器:5432/数据库名（须用校团委的账号）")
		return nil, nil, 2
	}
	svc, done, err := f.at.open()
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return nil, nil, 1
	}
	return svc, done, 0
}

// addOffice is `tuanxue db office add --db URL --org ORG --user NAME
// [--password-env VAR]`: the password comes from the variable, or is asked
// for twice on the terminal without echo; it is never printed.
func addOffice(f *officeFlags, stdin io.Reader, stdout, stderr io.Writer) int {
	if f.org == "" || f.user == "" {
		fmt.Fprintln(stderr, "请写成：tuanxue db office add --db postgres://… --org 组织 --user 用户名 [--password-env 环境变量名]")
		return 2
	}
	svc, done, code := openOffices(f, stderr)
	if svc == nil {
		return code
	}
	defer done()
	orgID, err := reports.FindOrganization(svc, f.org)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	password, err := officePassword(f.password, stdin, stderr)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if err := svc.AddOffice(app.OfficeDraft{User: f.user, OrganizationID: orgID, Password: password}); err != nil {
		fmt.Fprintln(stderr, "没有添加："+app.Message(err))
		var v app.ValidationError
		if errors.As(err, &v) {
			return 2
		}
		return 1
	}
	tree, _ := svc.OrgTree()
	o, _ := tree.Get(orgID)
	fmt.Fprintf(stdout, "已添加办公室账号 %s：可查看全校记录，只能修改“%s”及其下属组织的记录。\n", f.user, o.Name)
	return 0
}

// officePassword reads the new office's password from the environment
// variable named, or from the terminal (typed twice, not shown).
func officePassword(envVar string, stdin io.Reader, stderr io.Writer) (string, error) {
	if envVar != "" {
		p, ok := os.LookupEnv(envVar)
		if !ok || p == "" {
			return "", fmt.Errorf("环境变量 %s 没有设置，或是空的", envVar)
		}
		return p, nil
	}
	file, isFile := stdin.(*os.File)
	if !isFile || !term.IsTerminal(int(file.Fd())) {
		// A script without a terminal: one line from standard input.
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if line = strings.TrimRight(line, "\r\n"); line == "" {
			return "", fmt.Errorf("没有读到密码：请用 --password-env 环境变量名 给出密码（%v）", err)
		}
		return line, nil
	}
	read := func(prompt string) (string, error) {
		fmt.Fprint(stderr, prompt)
		b, err := term.ReadPassword(int(file.Fd()))
		fmt.Fprintln(stderr)
		return string(b), err
	}
	first, err := read("新账号的密码（输入时不显示）：")
	if err != nil {
		return "", err
	}
	second, err := read("再输入一遍：")
	if err != nil {
		return "", err
	}
	if first != second {
		return "", errors.New("两次输入的密码不一样，没有添加")
	}
	return first, nil
}

// listOffices is `tuanxue db office list --db URL`.
func listOffices(f *officeFlags, stdout, stderr io.Writer) int {
	svc, done, code := openOffices(f, stderr)
	if svc == nil {
		return code
	}
	defer done()
	list, err := svc.Offices()
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	if len(list) == 0 {
		fmt.Fprintln(stdout, "还没有办公室账号。用 tuanxue db office add 添加。")
		return 0
	}
	fmt.Fprintf(stdout, "%-24s %-8s %s\n", "用户名", "权限", "管理的组织")
	for _, o := range list {
		scope := "本组织"
		if o.School {
			scope = "全校"
		}
		fmt.Fprintf(stdout, "%-24s %-8s %s\n", o.Role, scope, o.Organization)
	}
	return 0
}

// removeOffice is `tuanxue db office remove --db URL --user NAME`: the
// login is dropped; the records the office made stay.
func removeOffice(f *officeFlags, stdout, stderr io.Writer) int {
	if f.user == "" {
		fmt.Fprintln(stderr, "请写成：tuanxue db office remove --db postgres://… --user 用户名")
		return 2
	}
	svc, done, code := openOffices(f, stderr)
	if svc == nil {
		return code
	}
	defer done()
	if err := svc.RemoveOffice(f.user); err != nil {
		fmt.Fprintln(stderr, "没有删除："+app.Message(err))
		return 1
	}
	fmt.Fprintf(stdout, "已删除办公室账号 %s；它录入的记录都保留。\n", f.user)
	return 0
}
