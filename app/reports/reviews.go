package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

// reviewSession is a semester's 述职评议 session as the reports print it.
type reviewSession struct {
	rec     app.ReviewRecord
	org     app.Organization
	aspects []string
	people  map[uint]app.Person
}

// reviewSessions reads the semester's sessions of the chosen unions.
func reviewSessions(svc *app.Service, o Options) ([]reviewSession, app.ReviewParams, error) {
	params, err := svc.ReviewParams()
	if err != nil {
		return nil, params, err
	}
	list, err := svc.Reviews(o.Semester.String())
	if err != nil {
		return nil, params, err
	}
	var out []reviewSession
	for i := len(list) - 1; i >= 0; i-- { // oldest first
		r := list[i]
		if !keepOrg(o, r.OrganizationID) {
			continue
		}
		s := reviewSession{people: map[uint]app.Person{}}
		if s.rec, err = svc.ReviewRecord(r.ID); err != nil {
			return nil, params, err
		}
		if s.org, err = svc.Organization(r.OrganizationID); err != nil {
			return nil, params, err
		}
		for _, rep := range s.rec.Reporters {
			if s.people[rep.PersonID], err = svc.Person(rep.PersonID); err != nil {
				return nil, params, err
			}
		}
		s.aspects = app.AspectsOf(s.rec, params)
		out = append(out, s)
	}
	return out, params, nil
}

// panelText lists the panel: "王丽华（组长）、刘思琪（学生）…；7 人，学生 5 人".
func panelText(panel []app.ReviewPanelist) string {
	var names []string
	students := 0
	for _, p := range panel {
		var tags []string
		if p.Role != "" {
			tags = append(tags, p.Role)
		}
		if p.Student {
			students++
			if !strings.Contains(p.Role, "学生") {
				tags = append(tags, "学生")
			}
		}
		if len(tags) > 0 {
			names = append(names, p.Name+"（"+strings.Join(tags, "，")+"）")
		} else {
			names = append(names, p.Name)
		}
	}
	return fmt.Sprintf("%s；共 %d 人，学生 %d 人", strings.Join(names, "、"), len(panel), students)
}

func (s reviewSession) header() []report.Field {
	h := []report.Field{{Label: "学生会", Value: s.org.Name}, {Label: "评议日期", Value: s.rec.HeldOn.String()},
		{Label: "地点", Value: s.rec.Place}, {Label: "评议小组", Value: panelText(s.rec.Panel)}}
	if p := app.PanelProblem(s.rec.Panel); p != "" {
		h = append(h, report.Field{Label: "注意", Value: p})
	}
	return h
}

// reviewResults is 述职评议结果汇总表: one table per session with each
// reporter's scores per aspect, total and result; 不合格 rows stand out.
func reviewResults(svc *app.Service, o Options) (report.Document, error) {
	sessions, params, err := reviewSessions(svc, o)
	if err != nil {
		return report.Document{}, err
	}
	sum := report.Section{Caption: "汇总", Columns: []report.Column{{Title: "学生会", Width: 10}, {Title: "评议日期", Width: 6},
		{Title: "述职人数", Width: 4}}, Empty: "本学期没有述职评议记录"}
	for _, l := range app.ReviewResults {
		sum.Columns = append(sum.Columns, report.Column{Title: l.Text, Width: 4})
	}
	doc := report.Document{Title: "述职评议结果汇总表", Subtitle: subtitle(svc, o), Signature: true}
	for _, s := range sessions {
		count := map[string]int{}
		sec := report.Section{Caption: s.org.Name + "述职评议结果", NewPage: len(doc.Sections) > 0, Header: s.header(),
			Columns: []report.Column{{Title: "序号", Width: 2}, {Title: "姓名", Width: 4}, {Title: "职务", Width: 7}}}
		for _, a := range s.aspects {
			sec.Columns = append(sec.Columns, report.Column{Title: a, Width: 4})
		}
		sec.Columns = append(sec.Columns, report.Column{Title: "总分", Width: 3}, report.Column{Title: "结果", Width: 4},
			report.Column{Title: "评语", Width: 16})
		for i, rep := range s.rec.Reporters {
			row := []string{strconv.Itoa(i + 1), s.people[rep.PersonID].Name, rep.Post}
			for _, a := range s.aspects {
				row = append(row, app.ScoreOf(rep, a))
			}
			row = append(row, app.ScoreText(rep.Total), app.TextOf(app.ReviewResults, rep.Result), rep.Comments)
			sec.Rows = append(sec.Rows, row)
			sec.Alerts = append(sec.Alerts, rep.Result == data.ReviewFail)
			count[rep.Result]++
		}
		doc.Sections = append(doc.Sections, sec)
		row := []string{s.org.Name, s.rec.HeldOn.String(), strconv.Itoa(len(s.rec.Reporters))}
		for _, l := range app.ReviewResults {
			row = append(row, strconv.Itoa(count[l.Code]))
		}
		sum.Rows = append(sum.Rows, row)
		sum.Alerts = append(sum.Alerts, count[data.ReviewFail] > 0 || app.PanelProblem(s.rec.Panel) != "")
	}
	note := report.Section{Columns: []report.Column{{Title: "评分标准", Width: 30}}, Rows: [][]string{{params.Describe() +
		"。评议不合格者按退出机制处理。"}}}
	doc.Sections = append([]report.Section{sum, note}, doc.Sections...)
	if len(doc.Sections) > 2 {
		doc.Sections[2].NewPage = true
	}
	return doc, nil
}

// reviewForms is 述职评议登记表: one page per reporter with the session,
// the panel, the score of each aspect, the total, the result and the
// panel's comments, and lines for signatures.
func reviewForms(svc *app.Service, o Options) (report.Document, error) {
	sessions, params, err := reviewSessions(svc, o)
	if err != nil {
		return report.Document{}, err
	}
	doc := report.Document{Title: "述职评议登记表", Subtitle: subtitle(svc, o)}
	for _, s := range sessions {
		for _, rep := range s.rec.Reporters {
			p := s.people[rep.PersonID]
			sec := report.Section{Caption: p.Name + "述职评议登记表", NewPage: len(doc.Sections) > 0,
				Header: append([]report.Field{{Label: "姓名", Value: p.Name}, {Label: "学号", Value: p.StudentNo},
					{Label: "班级", Value: p.ClassName}, {Label: "职务", Value: s.org.Name + rep.Post}}, s.header()[1:]...),
				Columns:   []report.Column{{Title: "评议项目", Width: 14}, {Title: "满分", Width: 8}, {Title: "得分", Width: 10}},
				Signature: []string{"述职人（签字）：", "评议小组组长（签字）：", "团委（盖章）　　年　　月　　日"}}
			for _, a := range s.aspects {
				sec.Rows = append(sec.Rows, []string{a, strconv.FormatFloat(params.AspectMax, 'f', -1, 64), app.ScoreOf(rep, a)})
			}
			full := params.FullMarks(len(s.aspects))
			sec.Rows = append(sec.Rows, []string{"总分", strconv.FormatFloat(full, 'f', -1, 64), app.ScoreText(rep.Total)},
				[]string{"评议结果", "", app.TextOf(app.ReviewResults, rep.Result)},
				[]string{"评议小组意见", "", rep.Comments})
			// The result's row stands out when failed (no make: the
			// package's tests name a helper so).
			sec.Alerts = append(slices.Repeat([]bool{false}, len(sec.Rows)-2), rep.Result == data.ReviewFail)
			doc.Sections = append(doc.Sections, sec)
		}
	}
	if len(doc.Sections) == 0 {
		doc.Sections = []report.Section{{Columns: []report.Column{{Title: "述职人", Width: 30}}, Empty: "本学期没有述职评议记录"}}
	}
	return doc, nil
}
