package app

// Setting keys in the data file.
const (
	settingSchool   = "school_name"
	settingSemester = "current_semester"
)

// Settings are the program-wide choices stored in the data file.
type Settings struct {
	SchoolName string
	Semester   Semester
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
	return Settings{SchoolName: school, Semester: sem}, nil
}

// SettingsDraft is the settings form as filled in.
type SettingsDraft struct {
	SchoolName string
	Semester   string // 2020-2021-1
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
	if err := v.Err(); err != nil {
		return st, err
	}
	return st, s.store.SetSettings(map[string]string{
		settingSchool:   st.SchoolName,
		settingSemester: st.Semester.String(),
	})
}
