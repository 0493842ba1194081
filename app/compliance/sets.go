package compliance

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"tuanxue/app"
	"tuanxue/data"
)

// RuleSet and Rule are stored indicator sets.
type (
	RuleSet = data.RuleSet
	Rule    = data.Rule
)

// EnsureBuiltins adds the shipped rule sets a data file does not have yet,
// and brings a shipped set that an older version of the program stored up
// to the wording it ships now (no teacher can edit a shipped set, so
// nothing of theirs is lost; their copies are left alone).
func EnsureBuiltins(svc *app.Service) error {
	sets, err := svc.Store().RuleSets()
	if err != nil {
		return err
	}
	stored := map[string]RuleSet{}
	for _, s := range sets {
		if s.BuiltinKey != nil {
			stored[*s.BuiltinKey] = s
		}
	}
	for _, b := range builtins {
		set := shipped(b.key)
		old, ok := stored[b.key]
		if ok && sameSet(old, set) {
			continue
		}
		if ok {
			set.ID, set.Notes, set.CreatedAt = old.ID, old.Notes, old.CreatedAt
		}
		err := svc.Store().SaveRuleSet(&set)
		if errors.Is(err, data.ErrDuplicate) {
			continue // another office, starting at the same moment, added it first
		}
		if err != nil {
			return fmt.Errorf("内置指标“%s”：%w", b.name, err)
		}
	}
	return nil
}

// shipped is a shipped set as this program defines it, not yet stored.
func shipped(key string) RuleSet {
	for _, b := range builtins {
		if b.key != key {
			continue
		}
		k := b.key
		set := RuleSet{Name: b.name, Basis: b.basis, BuiltinKey: &k}
		for i, d := range b.rules {
			set.Rules = append(set.Rules, Rule{Scope: d.scope, Number: d.number, Mark: d.mark, Text: d.text,
				Remark: d.remark, CheckKey: d.check, Params: d.params, SortOrder: i, Enabled: true})
		}
		return set
	}
	return RuleSet{}
}

// sameSet reports whether a stored set says what a shipped one says.
func sameSet(stored, want RuleSet) bool {
	if stored.Name != want.Name || stored.Basis != want.Basis || len(stored.Rules) != len(want.Rules) {
		return false
	}
	byOrder := map[int]Rule{}
	for _, r := range stored.Rules {
		byOrder[r.SortOrder] = r
	}
	for _, w := range want.Rules {
		r, ok := byOrder[w.SortOrder]
		if !ok || r.Scope != w.Scope || r.Number != w.Number || r.Mark != w.Mark || r.Text != w.Text ||
			r.Remark != w.Remark || r.CheckKey != w.CheckKey || r.Params != w.Params || r.Enabled != w.Enabled {
			return false
		}
	}
	return true
}

// settingKey is where the set in force for an academic year is recorded.
func settingKey(sem app.Semester) string { return "rule_set:" + sem.Year() }

// defaultKey picks the national set whose wording applies to a year.
func defaultKey(sem app.Semester) string {
	switch {
	case sem.StartYear <= 2020:
		return "national-2020"
	case sem.StartYear <= 2022:
		return "national-2021"
	}
	return "national-2023"
}

// InForce returns the set in force for the academic year of sem.
func InForce(svc *app.Service, sem app.Semester) (RuleSet, error) {
	if err := EnsureBuiltins(svc); err != nil {
		return RuleSet{}, err
	}
	choice, err := svc.Store().Setting(settingKey(sem))
	if err != nil {
		return RuleSet{}, err
	}
	sets, err := svc.Store().RuleSets()
	if err != nil {
		return RuleSet{}, err
	}
	for _, want := range []string{choice, "key:" + defaultKey(sem)} {
		for _, s := range sets {
			if want == refOf(s) {
				return s, nil
			}
		}
	}
	return RuleSet{}, fmt.Errorf("找不到适用于 %s 学年的改革指标", sem.Year())
}

// refOf is how a set is named in settings: by builtin key, which survives
// a restore into a fresh file, or by ID for a teacher's own copy.
func refOf(s RuleSet) string {
	if s.BuiltinKey != nil {
		return "key:" + *s.BuiltinKey
	}
	return "id:" + strconv.FormatUint(uint64(s.ID), 10)
}

// UseForYear puts a set in force for the academic year of sem.
func UseForYear(svc *app.Service, sem app.Semester, set RuleSet) error {
	return svc.Store().SetSettings(map[string]string{settingKey(sem): refOf(set)})
}

// UseBuiltinForYear puts a shipped set in force, by key.
func UseBuiltinForYear(svc *app.Service, sem app.Semester, key string) error {
	return svc.Store().SetSettings(map[string]string{settingKey(sem): "key:" + key})
}

// Copy makes an editable copy of a set under a new name.
func Copy(svc *app.Service, from RuleSet, name string) (RuleSet, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return RuleSet{}, app.ValidationError{{Field: "Name", Message: "请填写新指标集的名称"}}
	}
	set := RuleSet{Name: name, Basis: from.Basis, Notes: "复制自“" + from.Name + "”"}
	for _, r := range from.Rules {
		r.ID, r.RuleSetID = 0, 0
		set.Rules = append(set.Rules, r)
	}
	return set, svc.Store().SaveRuleSet(&set)
}

// SetParams changes one rule's parameters in a teacher's own set. The text
// must be a JSON object whose numbers the check understands.
func SetParams(svc *app.Service, set RuleSet, rule Rule, text string) (Rule, error) {
	if set.BuiltinKey != nil {
		return rule, app.ValidationError{{Field: "Params", Message: "内置指标不能修改，请先复制一份"}}
	}
	var p map[string]any
	if err := json.Unmarshal([]byte(text), &p); err != nil {
		return rule, app.ValidationError{{Field: "Params", Message: "参数格式不对：" + err.Error()}}
	}
	for k, v := range p {
		if f, ok := v.(float64); ok && (f < 0 || f > 100000) {
			return rule, app.ValidationError{{Field: "Params", Message: fmt.Sprintf("参数 %s 的值 %g 不合理", k, f)}}
		}
	}
	rule.Params = text
	return rule, svc.Store().SaveRule(&rule)
}

// params reads a rule's parameters with defaults.
type params map[string]any

func parseParams(text string) params {
	p := params{}
	_ = json.Unmarshal([]byte(text), &p)
	return p
}

func (p params) num(key string, def float64) float64 {
	if v, ok := p[key].(float64); ok {
		return v
	}
	return def
}

func (p params) str(key, def string) string {
	if v, ok := p[key].(string); ok {
		return v
	}
	return def
}

func (p params) strs(key string) []string {
	var out []string
	if list, ok := p[key].([]any); ok {
		for _, v := range list {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// ParamNames are the Chinese names of rule parameters, for the editor.
var ParamNames = map[string]string{
	"limit": "上限", "extended": "扩编上限（须登记理由）", "top": "专业排名前（%）", "window": "排名时段",
	"months": "间隔不超过（月）", "since": "自此日期以来", "delegate_share": "代表占学生数不少于（%）",
	"non_cadre_share": "非学生会干部代表不少于（%）", "min": "不少于", "per_week": "每周次数",
	"heads": "每部门负责人上限", "assembly_below": "学生少于此数可开全体学生大会",
	"quorum": "到会代表须超过总数的（分数）", "majority": "当选须超过实到代表的（分数）", "competitive": "须差额选举（1 是，0 否）", "staff": "每部门工作人员上限", "words": "关键词", "posts": "允许的职务",
}

// fractionParams are written as fractions (2/3): the congress's quorum and
// majority.
var fractionParams = map[string]bool{"quorum": true, "majority": true}

// ParamFields lists a rule's parameters as editable text, in a stable
// order: numbers as written, lists joined with 、.
func ParamFields(r Rule) [][2]string {
	p := parseParams(r.Params)
	var keys []string
	for k := range p {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([][2]string, 0, len(keys))
	for _, k := range keys {
		switch v := p[k].(type) {
		case float64:
			out = append(out, [2]string{k, strconv.FormatFloat(v, 'f', -1, 64)})
		case string:
			out = append(out, [2]string{k, v})
		case []any:
			out = append(out, [2]string{k, strings.Join(p.strs(k), "、")})
		}
	}
	return out
}

// SetParamFields stores edited parameters given as text, keeping each
// parameter's type: numbers stay numbers, lists stay lists.
func SetParamFields(svc *app.Service, set RuleSet, rule Rule, fields map[string]string) (Rule, error) {
	p := parseParams(rule.Params)
	for k, text := range fields {
		text = strings.TrimSpace(text)
		switch p[k].(type) {
		case float64:
			f, err := strconv.ParseFloat(text, 64)
			if err != nil {
				return rule, app.ValidationError{{Field: "Params", Message: ParamNames[k] + "请填数字"}}
			}
			p[k] = f
		case []any:
			var list []any
			for _, item := range strings.FieldsFunc(text, func(r rune) bool { return r == '、' || r == ',' || r == '，' }) {
				if item = strings.TrimSpace(item); item != "" {
					list = append(list, item)
				}
			}
			p[k] = list
		default:
			if fractionParams[k] && app.ParseFraction(text, app.Fraction{}) == (app.Fraction{}) {
				return rule, app.ValidationError{{Field: "Params", Message: ParamNames[k] + "请写成分数，如 2/3"}}
			}
			p[k] = text
		}
	}
	b, _ := json.Marshal(p)
	return SetParams(svc, set, rule, string(b))
}

// Limit is a rule's "limit" parameter, for reports that print it.
func Limit(r Rule) int { return int(parseParams(r.Params).num("limit", 0)) }

// LimitFor is the limit a cap rule sets for one union: the extended staff
// limit once the union has registered its reason to exceed the usual one.
func LimitFor(r Rule, org app.Organization) int {
	p := parseParams(r.Params)
	if extended := int(p.num("extended", 0)); extended > 0 && org.StaffCapReason != "" {
		return extended
	}
	return int(p.num("limit", 0))
}
