package app

import (
	"fmt"
	"sort"

	"tuanxue/app/report"
	"tuanxue/data"
)

// ReportOptions are the filters a report is made with.
type ReportOptions struct {
	Semester Semester
	On       data.Date // a day instead of the whole semester (换届 history); zero: the semester
	Status   string    // roster status code; "" for the report's default
}

type reportMaker func(s *Service, o ReportOptions) (report.Table, error)

// reports are the tables the command line can export, by name. The 报表
// module adds the summary tables here.
var reports = map[string]reportMaker{
	"roster": rosterReport,
}

// reportAliases are the Chinese names the command line accepts too.
var reportAliases = map[string]string{"学生骨干名册": "roster", "名册": "roster"}

// ReportNames lists the reports the command line knows.
func ReportNames() []string {
	var out []string
	for name := range reports {
		out = append(out, name)
	}
	for alias := range reportAliases {
		out = append(out, alias)
	}
	sort.Strings(out)
	return out
}

// Report makes the named report.
func (s *Service) Report(name string, o ReportOptions) (report.Table, error) {
	if canonical, ok := reportAliases[name]; ok {
		name = canonical
	}
	make, ok := reports[name]
	if !ok {
		return report.Table{}, fmt.Errorf("没有名为“%s”的报表", name)
	}
	return make(s, o)
}

func rosterReport(s *Service, o ReportOptions) (report.Table, error) {
	f := RosterFilter{Status: o.Status, Semester: o.Semester.String(), From: o.Semester.Start(), To: o.Semester.End()}
	period := o.Semester.Label()
	if !o.On.IsZero() {
		f.From, f.To, f.Semester = o.On, o.On, SemesterAt(o.On.Time()).String()
		period = o.On.String() + " 在任名册"
	}
	return s.RosterTable(f, s.Subtitle(period))
}
