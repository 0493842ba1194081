package importer

import (
	"fmt"
	"io"
	"strings"

	"tuanxue/app"
)

// Report writes what the plan found, for the command line: what the reader
// left out of the file or read in a way the teacher should check
// ("请注意：…"), one line per rejected row ("第 7 行：学号：…") and per row
// imported with warnings ("第 8 行（提醒）：…"), what to do about
// each unknown organization, what is created, and a summary. Every value
// from the file is shown through Quote.
func (p *Plan) Report(w io.Writer, applied bool) {
	for _, n := range p.Notices {
		fmt.Fprintf(w, "请注意：%s\n", n)
	}
	for _, r := range p.Rows {
		switch {
		case !r.OK():
			fmt.Fprintf(w, "第 %d 行：%s\n", r.Line, r.Reasons())
		case len(r.Warnings) > 0:
			fmt.Fprintf(w, "第 %d 行（提醒）：%s\n", r.Line, r.Notes())
		}
	}
	for _, u := range p.Unknowns {
		if line := u.advice(); line != "" {
			fmt.Fprintln(w, line)
		}
	}
	for _, name := range p.UnusedMaps {
		fmt.Fprintf(w, "--map 中的%s在名册中没有出现\n", Quote(name))
	}
	verb := "将新建"
	if applied {
		verb = "已新建"
	}
	for _, n := range p.NewOrgs {
		fmt.Fprintf(w, "%s组织：%s（%s）%s\n", verb, Printable(n.Name), app.TextOf(app.OrgKinds, n.Kind), p.lookAlike(n.Name))
	}
	for _, d := range p.NewDepts {
		fmt.Fprintf(w, "%s部门：%s / %s\n", verb, Printable(d.Org), Printable(d.Name))
	}
	fmt.Fprintln(w, p.Summary(applied))
	if len(p.Ignored) > 0 {
		names := make([]string, len(p.Ignored))
		for i, h := range p.Ignored {
			names[i] = Printable(h)
		}
		fmt.Fprintf(w, "未使用的列：%s\n", strings.Join(names, "、"))
	}
}

// Summary is the plan's counts in one sentence.
func (p *Plan) Summary(applied bool) string {
	c := p.Counts()
	what := "可导入"
	if applied {
		what = "已导入"
	}
	s := fmt.Sprintf("共 %d 行：%s %d 行（新增 %d 人，更新 %d 人，新任职 %d 项），拒绝 %d 行",
		c.Rows, what, c.Good, c.NewPeople, c.Updated, c.Appointments, c.Rejected)
	if c.Warned > 0 {
		s += fmt.Sprintf("；%s的行中有 %d 行带提醒", what, c.Warned)
	}
	return s + "。"
}

// lookAlike warns that a created organization may be one on record.
func (p *Plan) lookAlike(name string) string {
	for _, u := range p.Unknowns {
		if u.Name == name && len(u.Candidates) > 0 {
			return fmt.Sprintf("——它可能就是已有的%s，如果是，请改用 --map %s", orgNames(u.Candidates), mapArg(u.Name, u.Candidates[0].Name))
		}
	}
	return ""
}

// advice says, for the command line, what to do about an unknown name
// whose rows were refused.
func (u Unknown) advice() string {
	if u.Decided() {
		return ""
	}
	create := "，或加 --create-missing 新建"
	switch {
	case u.Second != "":
		create = fmt.Sprintf("。已有%s%s，命令行不会再新建一个；确需新建，请在程序窗口导入时选择“新建”并选定类型", app.TextOf(app.OrgKinds, u.secondKind), Quote(u.Second))
	case u.Guess.Kind == "":
		create = "，或在“组织类型”列注明它是什么组织后加 --create-missing 新建"
	}
	lines := "（" + rowNumbers(u.Lines) + "）"
	if len(u.Candidates) == 0 {
		return fmt.Sprintf("名册中的%s还没有登记：请加 --map %s 对应到已有组织%s%s", Quote(u.Name), mapArg(u.Name, "已有名称"), create, lines)
	}
	return fmt.Sprintf("名册中的%s是否就是已有的%s？请加 --map %s%s%s", Quote(u.Name), orgNames(u.Candidates),
		mapArg(u.Name, u.Candidates[0].Name), create, lines)
}

// mapArg writes a --map argument the teacher can paste into a shell.
func mapArg(from, to string) string {
	arg := Printable(from) + "=" + Printable(to)
	if strings.ContainsAny(arg, "\"$`\\!") {
		return "'" + strings.ReplaceAll(arg, "'", `'\''`) + "'"
	}
	return `"` + arg + `"`
}

// rowNumbers writes row numbers: 第 3、5、9 行, or 第 3、5 … 等 40 行.
func rowNumbers(lines []int) string {
	parts := make([]string, 0, min(len(lines), 5))
	for i, l := range lines {
		if i == 5 {
			return fmt.Sprintf("第 %s 等 %d 行", strings.Join(parts, "、"), len(lines))
		}
		parts = append(parts, fmt.Sprint(l))
	}
	return "第 " + strings.Join(parts, "、") + " 行"
}
