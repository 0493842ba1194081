package main

import (
	"flag"
	"fmt"
	"io"

	"tuanxue/app"
	"tuanxue/app/reports"
)

// binderCommand is tuanxue export binder: the inspection binder (迎检材料)
// of a school year as one zip.
func binderCommand(fs *flag.FlagSet, e *env) func([]string) int {
	at := placeFlags(fs, e)
	var year, out, org string
	var force bool
	fs.StringVar(&year, "year", "", "")
	fs.StringVar(&out, "out", "", "")
	fs.StringVar(&org, "org", "", "")
	fs.BoolVar(&force, "force", false, "")
	return func([]string) int {
		if out == "" {
			fmt.Fprintln(e.stderr, "请用 --out 指定输出文件，如 --out 迎检材料.zip")
			return 2
		}
		var sem app.Semester
		if year != "" {
			var err error
			if sem, err = reports.ParseYear(year); err != nil {
				fmt.Fprintln(e.stderr, err)
				return 2
			}
		}
		if err := app.CheckOutput(at.dir, out, force); err != nil {
			fmt.Fprintln(e.stderr, app.Message(err))
			return 2
		}
		return exportBinder(*at, year != "", sem, org, out, e.stdout, e.stderr)
	}
}

// exportBinder writes the binder: 0 when written, 2 for a wrong --org, 1
// when the data or the file fails or the year has no records (then no
// file is written).
func exportBinder(at place, yearGiven bool, year app.Semester, org, out string, stdout, stderr io.Writer) int {
	svc, done, err := at.open()
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	defer done()
	if !yearGiven {
		settings, err := svc.Settings()
		if err != nil {
			fmt.Fprintln(stderr, app.Message(err))
			return 1
		}
		year = settings.Semester
	}
	opts := reports.Options{}
	if opts.Semester, err = reports.SemesterOfYear(svc, year); err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	if org != "" {
		if opts.OrganizationID, err = reports.FindOrganization(svc, org); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
	}
	var sum reports.BinderSummary
	err = app.WriteFile(out, func(w io.Writer) (err error) {
		sum, err = reports.Binder(svc, opts, w, nil)
		return err
	})
	if err != nil {
		fmt.Fprintln(stderr, app.Message(err))
		return 1
	}
	fmt.Fprintf(stdout, "迎检材料（%s学年）：%d 个学生会，%d 个文件（其中佐证文件 %d 个），已写入 %s\n",
		sum.Year, sum.Unions, sum.Files, sum.Attached, out)
	for _, name := range sum.Missing {
		fmt.Fprintf(stdout, "  未放入：佐证文件“%s”缺失或无法读取，已在目录中注明\n", name)
	}
	return 0
}
