package app

import "strings"

// Setting keys in the data file.
const (
	settingSchool    = "school_name"
	settingSemester  = "current_semester"
	settingAddressee = "report_addressee"
)

// Settings are the program-wide choices stored in the data file.
type Settings struct {
	SchoolName string
	Semester   Semester
	Addressee  string // the superior federation the 自评报告 goes to (主送机关), "揭阳市学生联合会"
}

// Settings reads the settings, defaulting the semester to today's.
func (s *Service) Settings() (Settings, error) {
	school, err := s.store.Setting(settingSchool)
	if err != nil {
		return Settings{}, err
	}
	sem := SemesterAt(s.now())
	if text, err := s.store.Setting(settingSemester); err != nil {
		return Settings{}, err
	} else if parsed, perr := ParseSemester(text); perr == nil {
		sem = parsed
	}
	addressee, err := s.store.Setting(settingAddressee)
	if err != nil {
		return Settings{}, err
	}
	return Settings{SchoolName: school, Semester: sem, Addressee: addressee}, nil
}

// SettingsDraft is the settings form as filled in.
type SettingsDraft struct {
	SchoolName string
	Semester   string // 2020-2021-1
	// Addressee is the 自评报告's 主送机关 as typed in 系统设置; nil leaves
	// the stored one as it is (the sample and older callers do not carry it).
	Addressee *string
}

// SaveSettings validates and stores the settings.
func (s *Service) SaveSettings(d SettingsDraft) (Settings, error) {
	var v ValidationError
	st := Settings{SchoolName: cleanName(&v, "SchoolName", "学校名称", d.SchoolName, MaxNameLen)}
	sem, err := ParseSemester(d.Semester)
	if err != nil {
		v.add("Semester", err.Error())
	}
	st.Semester = sem
	values := map[string]string{
		settingSchool:   st.SchoolName,
		settingSemester: st.Semester.String(),
	}
	if d.Addressee != nil {
		st.Addressee = cleanAddressee(&v, *d.Addressee)
		values[settingAddressee] = st.Addressee
	} else if old, err := s.store.Setting(settingAddressee); err != nil {
		return st, err
	} else {
		st.Addressee = old
	}
	if err := v.Err(); err != nil {
		return st, err
	}
	return st, schoolOnly(s.store.SetSettings(values))
}

// cleanAddressee trims the 主送机关: empty is allowed (the draft then asks
// for it), otherwise one line of at most MaxNameLen characters.
func cleanAddressee(v *ValidationError, name string) string {
	if name = strings.TrimSpace(name); name == "" {
		return ""
	}
	return cleanName(v, "Addressee", "上级学联", name, MaxNameLen)
}

// SetAddressee records the superior federation the 自评报告 is addressed
// to; "" clears it. 系统设置 saves it with the other settings.
func (s *Service) SetAddressee(name string) error {
	var v ValidationError
	name = cleanAddressee(&v, name)
	if err := v.Err(); err != nil {
		return err
	}
	return s.store.SetSettings(map[string]string{settingAddressee: name})
}
