package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"tuanxue/app"
	"tuanxue/app/reports"
)

// writeReport is what a test replaces to make an export fail from inside.
var writeReport = reports.Write

// exportFlags are the options of export report.
type exportFlags struct {
	semester, year, date, status, format, out, org string
	force, list                                    bool
}

// exportCommand is tuanxue export report 报表名, and --list.
func exportCommand(fs *flag.FlagSet, e *env) func([]string) int {
	at := placeFlags(fs, e)
	var f exportFlags
	fs.StringVar(&f.semester, "semester", "", "")
	fs.StringVar(&f.year, "year", "", "")
	fs.StringVar(&f.date, "date", "", "")
	fs.StringVar(&f.status, "status", "in_post", "")
	fs.StringVar(&f.format, "format", "", "")
	fs.StringVar(&f.org, "org", "", "")
	fs.StringVar(&f.out, "out", "", "")
	fs.BoolVar(&f.force, "force", false, "")
	fs.BoolVar(&f.list, "list", false, "")
	return func(args []string) int {
		switch {
		case len(args) == 1:
			return exportReport(args[0], *at, f, e.stdout, e.stderr)
		case f.list:
			for _, r := range reports.All {
				fmt.Fprintf(e.stdout, "%s\t%s\n", r.Name, r.Title)
			}
			return 0
		}
		return wrongArgs // neither a report nor --list
	}
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
		fmt.Fprintf(stderr, "不支持的格式“%s”：--format 应为 pdf、xlsx、docx 或 html\n", f.format)
		return 2
	}
	if f.year != "" && f.semester != "" {
		fmt.Fprintln(stderr, "--year 和 --semester 只能写一个：--year 2023-2024 是整个学年，--semester 2023-2024-1 是一个学期")
		return 2
	}
	var year app.Semester
	if f.year != "" {
		var err error
		if year, err = reports.ParseYear(f.year); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
	}
	if err := app.CheckOutput(at.dir, f.out, f.force); err != nil {
		fmt.Fprintln(stderr, app.Message(err))
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
	svc, done, err := at.open()
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	defer done()
	settings, err := svc.Settings()
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	opts.Semester = settings.Semester
	switch {
	case f.semester != "":
		if opts.Semester, err = app.ParseSemester(f.semester); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
	case f.year != "":
		if opts.Semester, err = reports.SemesterOfYear(svc, year); err != nil {
			fmt.Fprintln(stderr, app.Message(err))
			return 1
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
	if err := app.WriteFile(f.out, func(w io.Writer) error { return writeReport(w, doc, f.format) }); err != nil {
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
