package compliance

import (
	"strings"

	"tuanxue/app"
)

// Keys of the national forms the program prints, one per version.
const (
	Form2020 = "national-2020" // 2020《高校学生会组织深化改革评估备案表》
	Form2021 = "national-2021" // 2021—2022 and 2022—2023《改革自评表》
	Form2023 = "national-2023" // 2023—2024《改革自评表》
)

// NationalOf names the national form a set follows: a shipped national
// set's own, or the one a teacher's copy was made from (a copy keeps its
// source's basis). The college's own set follows none.
func NationalOf(set RuleSet) (string, bool) {
	if set.BuiltinKey != nil {
		return *set.BuiltinKey, strings.HasPrefix(*set.BuiltinKey, "national-")
	}
	for _, b := range builtins {
		if strings.HasPrefix(b.key, "national-") && set.Basis == b.basis {
			return b.key, true
		}
	}
	return "", false
}

// RunForm checks every union against the national form of sem's school
// year, as the 改革自评表 prints it: the form's own indicators in its own
// wording — never the college's own commitments, and never an item an
// older program stored that the form does not have. When the set in force
// is a national set or a teacher's copy of one, its form and parameters are
// used (a copy may allow 60 staff); otherwise (the college's own set) the
// year's national form with its shipped parameters. Teachers' conclusions
// apply as in Run.
func RunForm(svc *app.Service, sem app.Semester) (Report, string, error) {
	inForce, err := InForce(svc, sem)
	if err != nil {
		return Report{}, "", err
	}
	key, follows := NationalOf(inForce)
	if !follows {
		key = defaultKey(sem)
	}
	form := shipped(key)
	if follows {
		params := map[string]string{}
		for _, r := range inForce.Rules {
			if r.Enabled {
				params[IndicatorOf(r)] = r.Params
			}
		}
		for i, r := range form.Rules {
			if p, ok := params[IndicatorOf(r)]; ok {
				form.Rules[i].Params = p
			}
		}
	}
	r, err := RunSet(svc, sem, form)
	return r, key, err
}
