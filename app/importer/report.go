package importer

import (
	"fmt"
	"io"
	"strings"

	"tuanxue/app"
)

// Report writes what the plan found, for the command line: one line per
// rejected row ("第 7 行：学号：…"), the organizations and departments to be
// created, and a summary.
func (p *Plan) Report(w io.Writer, applied bool) {
	for _, r := range p.Rejected() {
		fmt.Fprintf(w, "第 %d 行：%s\n", r.Line, r.Reasons())
	}
	verb := "将新建"
	if applied {
		verb = "已新建"
	}
	for _, n := range p.NewOrgs {
		fmt.Fprintf(w, "%s组织：%s（%s）\n", verb, n.Name, app.TextOf(app.OrgKinds, n.Kind))
	}
	for _, d := range p.NewDepts {
		fmt.Fprintf(w, "%s部门：%s / %s\n", verb, d.Org, d.Name)
	}
	c := p.Counts()
	what := "可导入"
	if applied {
		what = "已导入"
	}
	fmt.Fprintf(w, "共 %d 行：%s %d 行（新增 %d 人，更新 %d 人，新任职 %d 项），拒绝 %d 行。\n",
		c.Rows, what, c.Good, c.NewPeople, c.Updated, c.Appointments, c.Rejected)
	if len(p.Ignored) > 0 {
		fmt.Fprintf(w, "未使用的列：%s\n", strings.Join(p.Ignored, "、"))
	}
}
