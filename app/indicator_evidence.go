package app

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"tuanxue/data"
)

// IndicatorRef names one reform indicator of one student union for one
// school year: where a teacher's conclusion and the files attached to
// the indicator belong.
type IndicatorRef struct {
	OrganizationID uint
	Year           string // 2023-2024
	Indicator      string // "school/staff_cap", as compliance.IndicatorOf names it
}

// folder is where the indicator's files lie in the data folder, apart from
// the ledger's numbered folders: evidence/indicators/3/2023-2024/school-staff_cap.
func (r IndicatorRef) folder() string {
	return filepath.Join(EvidenceDir, "indicators", fmt.Sprint(r.OrganizationID), r.Year,
		strings.ReplaceAll(r.Indicator, "/", "-"))
}

// AddIndicatorEvidence attaches a file (a scan, a photo, an appointment
// letter, minutes) to an indicator of a union for a school year, kept like
// a rectification item's files: under its own name, within the size limit,
// not twice with the same content.
func (s *Service) AddIndicatorEvidence(ref IndicatorRef, name string, r io.Reader) (Evidence, error) {
	if err := s.checkIndicatorRef(ref); err != nil {
		return Evidence{}, err
	}
	all, err := s.store.IndicatorEvidence(ref.OrganizationID, ref.Year)
	if err != nil {
		return Evidence{}, err
	}
	org := ref.OrganizationID
	e := Evidence{OrganizationID: &org, Year: ref.Year, Indicator: ref.Indicator}
	return s.keepEvidence(e, ref.folder(), name, r, all[ref.Indicator])
}

// checkIndicatorRef refuses a file for anything but an indicator of a
// living student union in a school year written 2023-2024.
func (s *Service) checkIndicatorRef(ref IndicatorRef) error {
	org, err := s.store.Organization(ref.OrganizationID)
	if err != nil || (org.Kind != data.KindSchoolUnion && org.Kind != data.KindCollegeUnion) {
		return ValidationError{{"", "只能给校级或二级学院学生会的改革指标添加佐证材料"}}
	}
	if sem, err := ParseSemester(ref.Year + "-1"); err != nil || sem.Year() != ref.Year {
		return ValidationError{{"", "学年格式不对：“" + ref.Year + "”，应为 2023-2024"}}
	}
	if strings.TrimSpace(ref.Indicator) == "" {
		return ValidationError{{"", "请先选择一项改革指标"}}
	}
	return nil
}

// IndicatorEvidence lists the files attached to a union's indicators for a
// school year, by indicator, oldest first.
func (s *Service) IndicatorEvidence(orgID uint, year string) (map[string][]Evidence, error) {
	return s.store.IndicatorEvidence(orgID, year)
}
