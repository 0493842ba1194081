package compliance

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"tuanxue/app"
	"tuanxue/data"
)

type checkFunc func(f *facts, u *union, p params, r *Result)

// checks are the rule kinds the program knows, by the key rules store.
var checks = map[string]checkFunc{
	"no_admin_duties":     checkDuties,
	"structure":           checkStructure,
	"staff_cap":           checkStaffCap,
	"presidium_cap":       checkPresidiumCap,
	"dept_cap":            checkDeptCap,
	"allowed_posts":       checkPosts,
	"political":           checkPolitical,
	"grades":              checkGrades,
	"approval_chain":      checkApproval,
	"elected_by_congress": checkElected,
	"congress_held":       checkCongress,
	"secretary_general":   checkSecretary,
	"staff_training":      checkStaffTraining,
	"trainings_per_cadre": checkTrainingsPerCadre,
	"weekly_study":        checkWeeklyStudy,
	"college_reports":     checkCollegeReports,
	"party_ratio":         checkPartyRatio,
	"manual":              manual,
}

func (r *Result) set(outcome, sentence string) {
	r.Outcome, r.Sentence, r.brief = outcome, sentence, ""
}

// setNamed is set with the people concerned named after the sentence, in
// brackets; the form's 备注 leaves the names out.
func (r *Result) setNamed(outcome, sentence string, rows []data.StaffRow) {
	r.set(outcome, sentence+"（"+names(rows, 5)+"）")
	r.brief = sentence
}

func (r *Result) people(rows []data.StaffRow) {
	for _, row := range rows {
		r.Links = append(r.Links, Link{"person", row.PersonID, row.Name})
	}
}

// names lists the first most names: "王雨欣、李明等 37 人".
func names(rows []data.StaffRow, most int) string {
	var out []string
	for _, r := range rows[:min(most, len(rows))] {
		out = append(out, r.Name)
	}
	text := strings.Join(out, "、")
	if len(rows) > most {
		text += fmt.Sprintf("等 %d 人", len(rows))
	}
	return text
}

func manual(_ *facts, u *union, _ params, r *Result) {
	r.set(Insufficient, u.org.Name+"此项没有可核对的记录，须人工确认")
}

// containsAny returns the first word of words in text.
func containsAny(text string, words []string) string {
	for _, w := range words {
		if w != "" && strings.Contains(text, w) {
			return w
		}
	}
	return ""
}

// checkDuties looks for administrative duties in the departments' names
// and recorded duties. A department whose duties are not recorded cannot
// show that it has none: the item is then 数据不足, never 是.
func checkDuties(_ *facts, u *union, p params, r *Result) {
	if len(u.depts) == 0 {
		r.set(Insufficient, u.org.Name+"没有登记工作部门及其职责")
		return
	}
	words := p.strs("words")
	var found, blank []string
	for _, d := range u.depts {
		if w := containsAny(d.Name+" "+d.Duties, words); w != "" {
			found = append(found, fmt.Sprintf("%s的职责含“%s”", d.Name, w))
			r.Links = append(r.Links, Link{"department", d.ID, d.Name})
		} else if strings.TrimSpace(d.Duties) == "" {
			blank = append(blank, d.Name)
			r.Links = append(r.Links, Link{"department", d.ID, d.Name})
		}
	}
	switch {
	case len(found) > 0:
		r.set(Fail, u.org.Name+strings.Join(found, "，")+"，属于行政职能")
	case len(blank) == len(u.depts):
		r.set(Insufficient, u.org.Name+"各工作部门均未登记职责，无法核对是否承担行政职能")
	case len(blank) > 0:
		r.set(Insufficient, fmt.Sprintf("%s%s未登记职责，无法核对是否承担行政职能", u.org.Name, strings.Join(blank, "、")))
	default:
		r.set(Pass, fmt.Sprintf("%s %d 个工作部门的职责中没有%s等行政职能", u.org.Name, len(u.depts), strings.Join(words, "、")))
	}
}

func checkStructure(_ *facts, u *union, p params, r *Result) {
	if len(u.depts) == 0 {
		r.set(Insufficient, u.org.Name+"没有登记工作部门")
		return
	}
	var found []string
	for _, d := range u.depts {
		if containsAny(d.Name, p.strs("words")) != "" {
			found = append(found, d.Name)
			r.Links = append(r.Links, Link{"department", d.ID, d.Name})
		}
	}
	if len(found) > 0 {
		r.set(Fail, fmt.Sprintf("%s设有“%s”，不属于“主席团+工作部门”结构", u.org.Name, strings.Join(found, "”、“")))
		return
	}
	r.set(Pass, u.org.Name+"为“主席团+工作部门”结构")
}

func checkStaffCap(_ *facts, u *union, p params, r *Result) {
	n := len(u.staff)
	limit, extended := int(p.num("limit", 40)), int(p.num("extended", 0))
	r.Figure = fmt.Sprintf("实有 %d 人", n)
	if n > 0 {
		r.Value = strconv.Itoa(n)
	}
	switch {
	case n == 0:
		r.set(Insufficient, u.org.Name+"没有登记在任工作人员")
	case n <= limit:
		r.set(Pass, fmt.Sprintf("%s实有工作人员 %d 人，不超过 %d 人", u.org.Name, n, limit))
	case extended > 0 && n <= extended && u.org.StaffCapReason != "":
		r.set(Pass, fmt.Sprintf("%s实有工作人员 %d 人，超过 %d 人但不超过 %d 人，已登记扩编理由：%s", u.org.Name, n, limit, extended, u.org.StaffCapReason))
	case extended > 0 && n <= extended:
		r.set(Fail, fmt.Sprintf("%s实有工作人员 %d 人，超过 %d 人且未登记扩编理由", u.org.Name, n, limit))
		r.Links = append(r.Links, Link{"organization", u.org.ID, u.org.Name})
	case extended > 0:
		r.set(Fail, fmt.Sprintf("%s实有工作人员 %d 人，超过 %d 人的上限", u.org.Name, n, extended))
	default:
		r.set(Fail, fmt.Sprintf("%s实有工作人员 %d 人，超过 %d 人", u.org.Name, n, limit))
	}
}

func checkPresidiumCap(_ *facts, u *union, p params, r *Result) {
	rows := u.presidium()
	limit := int(p.num("limit", 5))
	r.Figure = fmt.Sprintf("实有 %d 人", len(rows))
	if len(rows) > 0 {
		r.Value = strconv.Itoa(len(rows))
	}
	switch {
	case len(rows) == 0:
		r.set(Insufficient, u.org.Name+"没有登记主席团成员")
	case len(rows) <= limit:
		r.set(Pass, fmt.Sprintf("%s主席团 %d 人，不超过 %d 人", u.org.Name, len(rows), limit))
	default:
		r.people(rows)
		r.set(Fail, fmt.Sprintf("%s主席团 %d 人，超过 %d 人", u.org.Name, len(rows), limit))
	}
}

// checkDeptCap counts departments and, when the set gives "heads" and
// "staff", the people of each department.
func checkDeptCap(_ *facts, u *union, p params, r *Result) {
	n, limit := len(u.depts), int(p.num("limit", 6))
	r.Figure = fmt.Sprintf("实有 %d 个", n)
	if n == 0 {
		r.set(Insufficient, u.org.Name+"没有登记工作部门")
		return
	}
	r.Value = strconv.Itoa(n)
	var over []string
	if n > limit {
		over = append(over, fmt.Sprintf("工作部门 %d 个，超过 %d 个", n, limit))
	}
	heads, staff := int(p.num("heads", 0)), int(p.num("staff", 0))
	for _, d := range u.depts {
		h, s := 0, 0
		for _, row := range u.staff {
			if row.DepartmentID != nil && *row.DepartmentID == d.ID {
				if row.Post == app.PostMinister || row.Post == app.PostViceMinister {
					h++
				} else {
					s++
				}
			}
		}
		if heads > 0 && h > heads {
			over = append(over, fmt.Sprintf("%s负责人 %d 人，超过上限 %d 人", d.Name, h, heads))
			r.Links = append(r.Links, Link{"department", d.ID, d.Name})
		}
		if staff > 0 && s > staff {
			over = append(over, fmt.Sprintf("%s工作人员 %d 人，超过上限 %d 人", d.Name, s, staff))
			r.Links = append(r.Links, Link{"department", d.ID, d.Name})
		}
	}
	if len(over) > 0 {
		r.set(Fail, u.org.Name+strings.Join(over, "；"))
		return
	}
	r.set(Pass, fmt.Sprintf("%s工作部门 %d 个，不超过 %d 个", u.org.Name, n, limit))
}

func checkPosts(_ *facts, u *union, p params, r *Result) {
	allowed := p.strs("posts")
	var odd []data.StaffRow
	for _, row := range u.staff {
		if !slices.Contains(allowed, row.Post) {
			odd = append(odd, row)
		}
	}
	switch {
	case len(u.staff) == 0:
		r.set(Insufficient, u.org.Name+"没有登记在任工作人员")
	case len(odd) > 0:
		r.people(odd)
		var posts []string
		for _, row := range odd {
			if !slices.Contains(posts, row.Post) {
				posts = append(posts, row.Post)
			}
		}
		r.setNamed(Fail, fmt.Sprintf("%s设有“%s”等职务", u.org.Name, strings.Join(posts, "”、“")), odd)
	default:
		r.set(Pass, u.org.Name+"只设主席、副主席、部长、副部长、干事")
	}
}

func checkPolitical(_ *facts, u *union, _ params, r *Result) {
	var masses, unknown []data.StaffRow
	for _, row := range u.staff {
		switch row.PoliticalStatus {
		case data.PoliticalMasses:
			masses = append(masses, row)
		case "":
			unknown = append(unknown, row)
		}
	}
	switch {
	case len(u.staff) == 0:
		r.set(Insufficient, u.org.Name+"没有登记在任工作人员")
	case len(masses) > 0:
		r.people(masses)
		r.setNamed(Fail, fmt.Sprintf("%s有 %d 名工作人员是群众", u.org.Name, len(masses)), masses)
	case len(unknown) > 0:
		r.people(unknown)
		r.setNamed(Insufficient, fmt.Sprintf("%s有 %d 名工作人员未登记政治面貌", u.org.Name, len(unknown)), unknown)
	default:
		r.set(Pass, fmt.Sprintf("%s %d 名工作人员均为党员或团员", u.org.Name, len(u.staff)))
	}
}

// checkGrades: everyone but first-years ranks within the top share of their
// major and has no failed course.
func checkGrades(f *facts, u *union, p params, r *Result) {
	top := p.num("top", 30)
	var failing, unknown []data.StaffRow
	checked := 0
	for _, row := range u.staff {
		if row.Grade == f.sem.StartYear {
			continue // first-years are exempt
		}
		checked++
		switch {
		case row.FailedCourses > 0 || (row.RankPercent != nil && *row.RankPercent > top):
			failing = append(failing, row)
		case row.RankPercent == nil:
			unknown = append(unknown, row)
		}
	}
	window := p.str("window", "最近1学年")
	switch {
	case len(u.staff) == 0:
		r.set(Insufficient, u.org.Name+"没有登记在任工作人员")
	case len(failing) > 0:
		r.people(failing)
		r.setNamed(Fail, fmt.Sprintf("%s有 %d 名工作人员专业排名不在前 %g%% 或有课程不及格", u.org.Name, len(failing), top), failing)
	case len(unknown) > 0:
		r.people(unknown)
		r.setNamed(Insufficient, fmt.Sprintf("%s有 %d 名非一年级工作人员未登记专业排名", u.org.Name, len(unknown)), unknown)
	default:
		r.set(Pass, fmt.Sprintf("%s %d 名非一年级工作人员%s专业排名均在前 %g%%，无课程不及格", u.org.Name, checked, window, top))
	}
}

// checkApproval: the terms made by selection carry the dated steps; terms
// with no selection record cannot be checked.
func checkApproval(f *facts, u *union, _ params, r *Result) {
	var missing, noRecord []data.StaffRow
	for _, row := range u.staff {
		c, ok := f.candidates[row.AppointmentID]
		switch {
		case !ok:
			noRecord = append(noRecord, row)
		case len(app.MissingSteps(c)) > 0:
			missing = append(missing, row)
		}
	}
	switch {
	case len(u.staff) == 0:
		r.set(Insufficient, u.org.Name+"没有登记在任工作人员")
	case len(missing) > 0:
		r.people(missing)
		r.setNamed(Fail, fmt.Sprintf("%s有 %d 人的选拔缺少审批步骤", u.org.Name, len(missing)), missing)
	case len(noRecord) > 0:
		r.people(noRecord)
		r.set(Insufficient, fmt.Sprintf("%s有 %d 人的任职没有关联选拔记录，无法核对推荐、审查步骤", u.org.Name, len(noRecord)))
	default:
		r.set(Pass, fmt.Sprintf("%s %d 人均经推荐、审查程序产生", u.org.Name, len(u.staff)))
	}
}

func checkElected(f *facts, u *union, p params, r *Result) {
	c := u.congress
	if c == nil {
		r.set(Insufficient, u.org.Name+"没有学生代表大会记录")
		return
	}
	r.Links = append(r.Links, Link{"meeting", c.ID, c.Title})
	if e, err := f.eligibility(c, p); err != nil || len(e.Elections) > 0 {
		electedFromKit(f, u, e, err, r)
		return
	}
	if c.PresidiumElected {
		r.set(Pass, fmt.Sprintf("%s主席团由%s（%s）选举产生", u.org.Name, c.Title, c.HeldOn))
		return
	}
	r.set(Fail, fmt.Sprintf("%s最近一次代表大会（%s）没有选举主席团", u.org.Name, c.HeldOn))
}

// checkCongress: held within the last months (and since a date, if the set
// says so), with enough delegates, most of them not union cadres.
func checkCongress(f *facts, u *union, p params, r *Result) {
	c := u.congress
	if c == nil {
		r.set(Insufficient, u.org.Name+"没有学生代表大会记录")
		return
	}
	r.Figure = "召开日期为：" + c.HeldOn.String()
	r.Value = c.HeldOn.String()
	r.Links = append(r.Links, Link{"meeting", c.ID, c.Title})
	var fails, gaps []string
	months := int(p.num("months", 12))
	if since := monthsBetween(c.HeldOn, f.day); since > months {
		fails = append(fails, fmt.Sprintf("学代会已 %d 个月未召开（上次 %s）", since, c.HeldOn))
	}
	if s := p.str("since", ""); s != "" && c.HeldOn.String() < s {
		fails = append(fails, fmt.Sprintf("%s以来没有召开学代会", s))
	}
	switch e, err := f.eligibility(c, p); {
	case err != nil || len(e.Rows) > 0:
		fails, gaps = kitFindings(e, err, fails, gaps)
	case c.CongressForm == data.CongressAssembly:
		fails, gaps = assemblyFindings(e, c, fails, gaps)
	default:
		fails, gaps = typedFindings(c, p, fails, gaps)
	}
	switch {
	case len(fails) > 0:
		r.set(Fail, u.org.Name+strings.Join(fails, "；"))
	case len(gaps) > 0:
		r.set(Insufficient, fmt.Sprintf("%s于 %s 召开学代会，但%s", u.org.Name, c.HeldOn, strings.Join(gaps, "、")))
	default:
		r.set(Pass, fmt.Sprintf("%s于 %s 召开%s", u.org.Name, c.HeldOn, c.Title))
	}
}

// typedFindings read the numbers typed on a congress without a kit.
func typedFindings(c *app.Meeting, p params, fails, gaps []string) ([]string, []string) {
	if share := p.num("delegate_share", 0); share > 0 {
		switch {
		case c.DelegatesElected == nil || c.StudentsRepresented == nil || *c.StudentsRepresented == 0:
			gaps = append(gaps, "代表人数或所代表学生数未登记")
		case float64(*c.DelegatesElected)*100 < share*float64(*c.StudentsRepresented):
			fails = append(fails, fmt.Sprintf("代表 %d 人，不足所代表 %d 名学生的 %g%%", *c.DelegatesElected, *c.StudentsRepresented, share))
		}
	}
	if share := p.num("non_cadre_share", 0); share > 0 {
		switch {
		case c.DelegatesElected == nil || c.NonCadreDelegates == nil || *c.DelegatesElected == 0:
			gaps = append(gaps, "非学生会干部代表人数未登记")
		case float64(*c.NonCadreDelegates)*100 < share*float64(*c.DelegatesElected):
			pct := math.Round(float64(*c.NonCadreDelegates) * 100 / float64(*c.DelegatesElected))
			fails = append(fails, fmt.Sprintf("非学生会干部代表占 %g%%，低于 %g%%", pct, share))
		}
	}
	return fails, gaps
}

// monthsBetween counts whole months from a to b.
func monthsBetween(a, b data.Date) int {
	ay, am, ad := a.Time().Date()
	by, bm, bd := b.Time().Date()
	n := (by-ay)*12 + int(bm-am)
	if bd < ad {
		n--
	}
	return n
}

func checkSecretary(_ *facts, u *union, _ params, r *Result) {
	if u.org.SecretaryGeneral == "" {
		r.Links = append(r.Links, Link{"organization", u.org.ID, u.org.Name})
		r.set(Insufficient, u.org.Name+"未登记秘书长")
		return
	}
	r.set(Pass, fmt.Sprintf("%s秘书长由%s担任", u.org.Name, u.org.SecretaryGeneral))
}

// untrained lists the staff below min cadre trainings this semester.
func untrained(f *facts, u *union, min int) []data.StaffRow {
	var out []data.StaffRow
	for _, row := range u.staff {
		if f.training[row.PersonID].Cadre < min {
			out = append(out, row)
		}
	}
	return out
}

func checkStaffTraining(f *facts, u *union, _ params, r *Result) {
	switch missed := untrained(f, u, 1); {
	case len(u.staff) == 0:
		r.set(Insufficient, u.org.Name+"没有登记在任工作人员")
	case len(u.trainings) == 0 && len(missed) == len(u.staff):
		r.set(Fail, fmt.Sprintf("%s%s没有开展工作人员全员培训", u.org.Name, f.sem.Label()))
	case len(missed) > 0:
		r.people(missed)
		r.setNamed(Fail, fmt.Sprintf("%s%s有 %d 名工作人员未参加培训", u.org.Name, f.sem.Label(), len(missed)), missed)
	default:
		r.set(Pass, fmt.Sprintf("%s%s工作人员全员参加了培训", u.org.Name, f.sem.Label()))
	}
}

func checkTrainingsPerCadre(f *facts, u *union, p params, r *Result) {
	min := int(p.num("min", 1))
	missed := untrained(f, u, min)
	switch {
	case len(u.staff) == 0:
		r.set(Insufficient, u.org.Name+"没有登记在任工作人员")
	case len(missed) > 0:
		r.people(missed)
		r.setNamed(Fail, fmt.Sprintf("%s%s有 %d 名骨干参加骨干培训少于 %d 次", u.org.Name, f.sem.Label(), len(missed), min), missed)
	default:
		r.set(Pass, fmt.Sprintf("%s %d 名骨干%s均参加了骨干培训", u.org.Name, len(u.staff), f.sem.Label()))
	}
}

// checkWeeklyStudy: a study meeting with minutes every week of the
// semester so far (at most 18 teaching weeks).
func checkWeeklyStudy(f *facts, u *union, p params, r *Result) {
	weeks := min(18, int(f.day.Time().Sub(f.sem.Start().Time()).Hours()/24/7))
	want := int(p.num("per_week", 1) * float64(weeks))
	withMinutes := 0
	for _, m := range u.studies {
		if strings.TrimSpace(m.Minutes) != "" {
			withMinutes++
		}
		r.Links = append(r.Links, Link{"meeting", m.ID, m.Title})
	}
	switch {
	case withMinutes >= want:
		r.set(Pass, fmt.Sprintf("%s%s已开展学习会 %d 次，均有会议记录", u.org.Name, f.sem.Label(), withMinutes))
	default:
		r.set(Fail, fmt.Sprintf("%s%s已过 %d 周，只有 %d 次有记录的学习会", u.org.Name, f.sem.Label(), weeks, withMinutes))
	}
}

func checkCollegeReports(f *facts, u *union, p params, r *Result) {
	var missing []string
	colleges := 0
	for _, o := range f.tree.OfKinds(data.KindCollegeUnion) {
		if o.Status != data.StatusActive {
			continue
		}
		colleges++
		if !f.reportedThisSemester(o.ID) {
			missing = append(missing, o.Name)
			r.Links = append(r.Links, Link{"organization", o.ID, o.Name})
		}
	}
	switch {
	case colleges == 0:
		r.set(Insufficient, "没有登记二级学院学生会")
	case len(missing) > 0:
		r.set(Fail, fmt.Sprintf("%s尚未听取%s的工作报告", f.sem.Label(), strings.Join(missing, "、")))
	default:
		r.set(Pass, fmt.Sprintf("%s已听取全部 %d 个二级学院学生会的工作报告", f.sem.Label(), colleges))
	}
}

// Applied reports whether a cadre has submitted a party application: one
// is on record, or the political status is past it (积极分子 and on).
func Applied(row data.StaffRow) bool {
	switch row.PoliticalStatus {
	case data.PoliticalActivist, data.PoliticalCandidate, data.PoliticalProbationary, data.PoliticalParty:
		return true
	}
	return !row.PartyAppliedOn.IsZero()
}

func checkPartyRatio(_ *facts, u *union, p params, r *Result) {
	if len(u.staff) == 0 {
		r.set(Insufficient, u.org.Name+"没有登记在任工作人员")
		return
	}
	n := 0
	for _, row := range u.staff {
		if Applied(row) {
			n++
		}
	}
	pct := math.Round(float64(n) * 1000 / float64(len(u.staff)) / 10)
	want := p.num("min", 90)
	r.Figure = fmt.Sprintf("%g%%（%d/%d）", pct, n, len(u.staff))
	if pct < want {
		r.set(Fail, fmt.Sprintf("%s递交入党申请书比例 %g%%（%d/%d），低于 %g%%", u.org.Name, pct, n, len(u.staff), want))
		return
	}
	r.set(Pass, fmt.Sprintf("%s递交入党申请书比例 %g%%（%d/%d）", u.org.Name, pct, n, len(u.staff)))
}
