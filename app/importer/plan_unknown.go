package importer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"tuanxue/app"
	"tuanxue/data"
)

// What to do with the rows naming an organization the program does not
// know: map the name to one on record, create it, or leave the rows out.
// Until one of these is chosen the rows are refused.
const (
	ChoiceMap    = "map"
	ChoiceCreate = "create"
	ChoiceSkip   = "skip"
)

// Choice is the teacher's answer for one unknown name.
type Choice struct {
	Action   string // "" (undecided), ChoiceMap, ChoiceCreate or ChoiceSkip
	OrgID    uint   // ChoiceMap: the organization on record
	Kind     string // ChoiceCreate: its kind; "" takes the guess
	ParentID uint   // ChoiceCreate: its parent on record; 0 takes the guess
}

// Unknown is an organization name of the file that matches none on record,
// even with spaces, letter case, full-width forms and invisible characters
// set aside.
type Unknown struct {
	Name       string             // as the file first writes it
	Lines      []int              // the rows that name it
	Candidates []app.Organization // organizations on record it may mean, likeliest first
	Guess      NewOrg             // what creating it would make; Kind "" when the name does not tell
	BadKind    string             // the 组织类型 the file gave, when the program does not know it
	Second     string             // creating it would make a second of a kind the school has one of: that one
	secondKind string             // the kind of Second
	Choice     Choice             // what this plan does with its rows
	Created    NewOrg             // ChoiceCreate: what is created
	Invalid    string             // ChoiceCreate: why the organization rules refuse it
	key        string
}

// Decided reports whether the plan knows what to do with the name's rows.
func (u Unknown) Decided() bool { return u.Choice.Action != "" }

// reason is why a row naming an undecided unknown is refused.
func (u Unknown) reason() string {
	msg := fmt.Sprintf("组织%s还没有登记", Quote(u.Name))
	switch {
	case len(u.Candidates) > 0:
		msg += "，可能就是已有的" + orgNames(u.Candidates)
	case u.BadKind != "":
		msg += fmt.Sprintf("；组织类型%s不认识，应为%s之一", Quote(u.BadKind), strings.Join(app.Texts(app.OrgKinds), "、"))
	case u.Guess.Kind == "":
		msg += "；看不出它是什么组织，请在“组织类型”列注明"
	}
	if u.Second != "" {
		msg += fmt.Sprintf("；已有%s%s，不会自动再新建一个", app.TextOf(app.OrgKinds, u.secondKind), Quote(u.Second))
	}
	return msg
}

func orgNames(os []app.Organization) string {
	names := make([]string, len(os))
	for i, o := range os {
		names[i] = Quote(o.Name)
	}
	return strings.Join(names, "、")
}

// kindWords guess an organization's kind from its name, most specific first.
var kindWords = []struct{ word, kind string }{
	{"团支部", data.KindLeagueBranch},
	{"团委", data.KindLeague},
	{"社团联合会", data.KindClubFederation},
	{"社联", data.KindClubFederation},
	{"班委", data.KindClassCommittee},
	{"学生会", ""}, // school or college union, decided below
	{"协会", data.KindClub},
	{"俱乐部", data.KindClub},
	{"社", data.KindClub},
}

var kindSynonyms = map[string]string{
	"校学生会": data.KindSchoolUnion, "院学生会": data.KindCollegeUnion, "学院学生会": data.KindCollegeUnion,
	"社联": data.KindClubFederation, "社团": data.KindClub, "班委": data.KindClassCommittee,
}

// kindWordOf is the kind word a key holds, or "".
func kindWordOf(k string) string {
	for _, w := range kindWords {
		if strings.Contains(k, w.word) {
			return w.word
		}
	}
	return ""
}

// guessKind tells the kind of a new organization from the 组织类型 column,
// or else from its name. A union named after the school itself
// (潮汕职业技术学院学生会) is the school union though its name holds 学院.
func (x *orgIndex) guessKind(name, kindText string) string {
	if kindText != "" {
		if k := app.CodeOf(app.OrgKinds, kindText); k != "" {
			return k
		}
		return kindSynonyms[kindText]
	}
	k := orgKey(name)
	for _, w := range kindWords {
		if !strings.Contains(k, w.word) {
			continue
		}
		if w.kind != "" {
			return w.kind
		}
		rest := x.withoutSchool(k)
		if !strings.HasPrefix(rest, "校") && (strings.Contains(rest, "学院") || strings.Contains(rest, "系")) {
			return data.KindCollegeUnion
		}
		return data.KindSchoolUnion
	}
	return ""
}

// schoolsOwnUnion: a union named as the school's own (潮汕职业技术学院学生会,
// 学校学生会) is the school union whatever the 组织类型 column calls it: a
// college union of that name would be a look-alike of the school's.
func (x *orgIndex) schoolsOwnUnion(k string) bool {
	switch rest := x.withoutSchool(k); rest {
	case "校学生会", "学校学生会":
		return true
	case "学生会":
		return rest != k
	}
	return false
}

// withoutSchool takes the school's name off the front of a key.
func (x *orgIndex) withoutSchool(k string) string {
	if x.school != "" {
		return strings.TrimPrefix(k, x.school)
	}
	return k
}

// schoolLevel: a 团委 named as the school's own (校团委, 潮汕职业技术学院团委).
func (x *orgIndex) schoolLevel(k string) bool {
	switch x.withoutSchool(k) {
	case "团委", "校团委", "学校团委":
		return true
	}
	return false
}

// secondOf names the organization on record that a new one of kind would
// duplicate: a school has one 校级学生会, one 社联 and one school 团委.
func (x *orgIndex) secondOf(k, kind string) string {
	switch kind {
	case data.KindSchoolUnion, data.KindClubFederation:
		for _, o := range x.tree.OfKinds(kind) {
			if o.Status == data.StatusActive {
				return o.Name
			}
		}
	case data.KindLeague:
		if x.schoolLevel(k) {
			for _, o := range x.tree.Children(0) {
				if o.Kind == data.KindLeague && o.Status == data.StatusActive {
					return o.Name
				}
			}
		}
	}
	return ""
}

// similar lists the active organizations a name may mean: the one of a
// kind the school has one of, when the name is of that kind; one of the
// same kind word (学生会, 团委, 协会…) whose name, without the kind word and
// such fillers as 学院 and 工程, holds the other's or is held by it; one
// whose whole name holds the other's. Likeliest first, at most five.
func (x *orgIndex) similar(k, kind string) []app.Organization {
	type scored struct {
		o     app.Organization
		score int
	}
	var found []scored
	word, st, simple := kindWordOf(x.withoutSchool(k)), x.stem(k), simplified(k)
	x.tree.Walk(func(o app.Organization, _ int) {
		if o.Status != data.StatusActive {
			return
		}
		ek := orgKey(o.Name)
		score := 0
		switch {
		case simple != k && simplified(ek) == simple: // 籃球協會 is 篮球协会 in traditional characters
			score = 4
		case kind != "" && o.Kind == kind && (kind == data.KindSchoolUnion || kind == data.KindClubFederation):
			score = 3
		case kind == data.KindLeague && x.schoolLevel(k) && o.Kind == data.KindLeague && o.ParentID == nil:
			score = 3
		case word != "" && kindWordOf(ek) == word && related(st, x.stem(ek)):
			score = 2
		case related(k, ek):
			score = 1
		}
		if score > 0 {
			found = append(found, scored{o, score})
		}
	})
	slices.SortStableFunc(found, func(a, b scored) int {
		return cmp.Or(b.score-a.score, cmp.Compare(utf8.RuneCountInString(a.o.Name), utf8.RuneCountInString(b.o.Name)))
	})
	out := make([]app.Organization, 0, min(len(found), 5))
	for _, f := range found[:min(len(found), 5)] {
		out = append(out, f.o)
	}
	return out
}

// stem is a key without the school's name, its kind word and the fillers
// colleges are named with: 机电学院学生会 and 机电工程学院学生会 both give 机电.
func (x *orgIndex) stem(k string) string {
	s := x.withoutSchool(k)
	if w := kindWordOf(s); w != "" {
		s = strings.Replace(s, w, "", 1)
	}
	for _, filler := range []string{"学院", "分院", "工程", "系", "校", "院"} {
		s = strings.ReplaceAll(s, filler, "")
	}
	return s
}

// related: two non-empty texts, one holding the other.
func related(a, b string) bool {
	if utf8.RuneCountInString(a) < 2 || utf8.RuneCountInString(b) < 2 {
		return a != "" && a == b
	}
	return strings.Contains(a, b) || strings.Contains(b, a)
}

// traditional maps the traditional characters common in the names of
// student organizations to their simplified forms, for similar: a roster
// typed on a traditional-Chinese system names 篮球协会 籃球協會.
var traditional = strings.NewReplacer(
	"會", "会", "學", "学", "團", "团", "協", "协", "聯", "联", "員", "员", "機", "机", "電", "电",
	"資", "资", "訊", "讯", "經", "经", "濟", "济", "術", "术", "藝", "艺", "體", "体", "動", "动",
	"書", "书", "籃", "篮", "辯", "辩", "論", "论", "願", "愿", "愛", "爱", "環", "环", "設", "设",
	"計", "计", "國", "国", "際", "际", "語", "语", "藥", "药", "醫", "医", "護", "护", "師", "师",
	"範", "范", "實", "实", "驗", "验", "廣", "广", "傳", "传", "習", "习", "記", "记", "總", "总",
	"務", "务", "組", "组", "織", "织", "興", "兴", "攝", "摄",
	"樂", "乐", "對", "对", "輪", "轮", "網", "网", "絡", "络", "運", "运", "聲", "声", "華", "华",
	"東", "东", "門", "门", "間", "间", "業", "业", "產", "产", "農", "农", "貿", "贸",
	"點", "点", "長", "长", "車", "车", "鐵", "铁", "輔", "辅", "導", "导",
)

// simplified is a key with traditional characters in simplified form.
func simplified(k string) string { return traditional.Replace(k) }
