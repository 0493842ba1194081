package compliance

import (
	"tuanxue/app"
	"tuanxue/data"
)

// Day is the day a semester's check looks at: today, or the last day of a
// semester already over.
func Day(svc *app.Service, sem app.Semester) data.Date {
	day := svc.Today()
	if sem.End().Before(day) {
		day = sem.End()
	}
	return day
}

// scopeOf is the rules' scope of a union: the school's or a 二级学院's.
func scopeOf(org app.Organization) string {
	if org.Kind == data.KindSchoolUnion {
		return data.ScopeSchool
	}
	return data.ScopeCollege
}

// Caps gives the caps a set's enabled staff_cap, presidium_cap and
// dept_cap rules put on a union, by check key, as the check applies them
// (LimitFor); a cap the set does not have is absent.
func Caps(set RuleSet, org app.Organization) map[string]int {
	caps := map[string]int{}
	scope := scopeOf(org)
	for _, r := range set.Rules {
		switch r.CheckKey {
		case "staff_cap", "presidium_cap", "dept_cap":
			if r.Enabled && r.Scope == scope {
				caps[r.CheckKey] = LimitFor(r, org)
			}
		}
	}
	return caps
}
