package compliance

import (
	"fmt"
	"strings"

	"tuanxue/app"
	"tuanxue/data"
)

// eligibility examines a union's congress kit under a rule's parameters
// (each number it lacks at its default).
func (f *facts) eligibility(c *app.Meeting, p params) (Eligibility, error) {
	return CheckCongress(f.svc, c.ID, congressRules(p))
}

// kitFindings turn the 资格审查 of a congress with a delegates register into
// indicator 11's findings; the elections are indicator 10's.
func kitFindings(e Eligibility, err error, fails, gaps []string) ([]string, []string) {
	if err != nil {
		return fails, append(gaps, "读取代表名册失败："+app.Message(err))
	}
	for _, it := range e.Items {
		if it.Name == "差额选举" {
			continue
		}
		switch it.Outcome {
		case Fail:
			fails = append(fails, it.Text)
		case Insufficient:
			gaps = append(gaps, it.Text)
		}
	}
	return fails, gaps
}

// assemblyFindings: a 全体学生大会 without a register has no delegates to
// count; what is checked is whether the union is small enough to hold one,
// by its students (or, not known, the students typed on the meeting).
func assemblyFindings(e Eligibility, c *app.Meeting, fails, gaps []string) ([]string, []string) {
	if e.Students == 0 && c.StudentsRepresented != nil {
		e.Students = *c.StudentsRepresented
	}
	switch it := e.assemblyItem(); it.Outcome {
	case Fail:
		fails = append(fails, it.Text)
	case Insufficient:
		gaps = append(gaps, it.Text)
	}
	return fails, gaps
}

// electedFromKit: the 主席团 in post was elected by the congress's counted
// election (the terms name the congress as their source), by 差额 where the
// rules require it.
func electedFromKit(f *facts, u *union, e Eligibility, err error, r *Result) {
	if err != nil {
		r.set(Insufficient, u.org.Name+"读取学代会选举记录失败："+app.Message(err))
		return
	}
	c := e.Meeting
	var fails, elected []string
	counted := false
	for _, it := range e.Items {
		if it.Name == "差额选举" && it.Outcome == Fail {
			fails = append(fails, it.Text)
		}
	}
	for _, el := range e.Elections {
		if el.Status != data.ElectionCounted {
			continue
		}
		counted = true
		for _, n := range el.Candidates {
			if n.Result == data.ResultElected {
				elected = append(elected, n.Person.Name)
			}
		}
	}
	var others []data.StaffRow
	for _, row := range u.presidium() {
		a, err := f.svc.Store().Appointment(row.AppointmentID)
		if err == nil && a.SelectedBy != data.SelectedByCongress && a.MeetingID == nil {
			others = append(others, row)
		}
	}
	if len(others) > 0 {
		r.people(others)
		fails = append(fails, fmt.Sprintf("主席团在任 %d 人中有 %d 人不是由学代会选举产生（%s）", len(u.presidium()), len(others), names(others, 5)))
	}
	switch {
	case len(fails) > 0:
		r.set(Fail, u.org.Name+strings.Join(fails, "；"))
	case !counted:
		r.set(Insufficient, fmt.Sprintf("%s%s的选举尚未计票", u.org.Name, c.Title))
	default:
		r.set(Pass, fmt.Sprintf("%s主席团由%s（%s）选举产生：当选 %s", u.org.Name, c.Title, c.HeldOn, strings.Join(elected, "、")))
	}
}
