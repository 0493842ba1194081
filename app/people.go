package app

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"tuanxue/data"
)

// Person is a stored student cadre.
type Person = data.Person

// PersonDraft is the person form as filled in; numbers and dates as typed.
type PersonDraft struct {
	ID              uint
	Version         int // as read, so a save over a newer one is refused
	StudentNo       string
	Name            string
	Gender          string // code
	College         string
	Major           string
	ClassName       string
	Grade           string // 2020 or 2020级
	Phone           string
	PoliticalStatus string // code
	PartyAppliedOn  string
	BornOn          string // 出生日期
	JoinedLeagueOn  string // 入团日期
	RankPercent     string // 12.5 or 12.5%
	FailedCourses   string
	Notes           string
}

// PersonDraftOf fills a form draft from a stored person.
func PersonDraftOf(p Person) PersonDraft {
	d := PersonDraft{ID: p.ID, Version: p.Version, StudentNo: p.StudentNo, Name: p.Name, Gender: p.Gender, College: p.College,
		Major: p.Major, ClassName: p.ClassName, Phone: p.Phone, PoliticalStatus: p.PoliticalStatus,
		PartyAppliedOn: p.PartyAppliedOn.String(), BornOn: p.BornOn.String(), JoinedLeagueOn: p.JoinedLeagueOn.String(),
		FailedCourses: strconv.Itoa(p.FailedCourses), Notes: p.Notes}
	if p.Grade != 0 {
		d.Grade = strconv.Itoa(p.Grade)
	}
	if p.RankPercent != nil {
		d.RankPercent = strconv.FormatFloat(*p.RankPercent, 'f', -1, 64)
	}
	return d
}

var (
	studentNoPattern  = regexp.MustCompile(`^[0-9A-Za-z]{4,20}$`)
	scientificPattern = regexp.MustCompile(`^\d(\.\d+)?[eE][+]?\d+$`)
	gradePattern      = regexp.MustCompile(`^(\d{4})\s*级?$`)
)

// NormalizeStudentNo cleans a 学号 as it comes from a form or a spreadsheet:
// full-width digits and stray spaces are fixed, a trailing ".0" of a number
// cell is dropped, leading zeros are kept. It returns "" and a reason when
// the number cannot be trusted.
func NormalizeStudentNo(s string) (string, string) {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' {
			return -1
		}
		return r
	}, width.Narrow.String(s))
	s = strings.TrimSuffix(s, ".0")
	switch {
	case s == "":
		return "", "请填写学号"
	case scientificPattern.MatchString(s):
		return "", fmt.Sprintf("学号“%s”是科学计数法，后几位已经丢失；请在 Excel 中把学号列设为“文本”后重新录入", s)
	case !studentNoPattern.MatchString(s):
		return "", fmt.Sprintf("学号“%s”格式不对：应为 4–20 位数字或字母", s)
	}
	return s, ""
}

// CheckPerson validates a draft, including that its 学号 is free, and
// returns the record to save.
func (s *Service) CheckPerson(d PersonDraft) (Person, ValidationError) {
	p, v := s.CheckPersonFields(d)
	if p.StudentNo != "" {
		if other, err := s.store.PersonByStudentNo(p.StudentNo); err == nil && other.ID != d.ID {
			v.add("StudentNo", fmt.Sprintf("学号 %s 已属于 %s", p.StudentNo, other.Name))
		}
	}
	return p, v
}

// CheckPersonFields validates each field of a draft without looking at
// other people, for bulk work that checks uniqueness itself.
func (s *Service) CheckPersonFields(d PersonDraft) (Person, ValidationError) {
	var v ValidationError
	p := Person{ID: d.ID, Version: d.Version, Gender: d.Gender, PoliticalStatus: d.PoliticalStatus}
	if no, msg := NormalizeStudentNo(d.StudentNo); msg != "" {
		v.add("StudentNo", msg)
	} else {
		p.StudentNo = no
	}
	p.Name = cleanName(&v, "Name", "姓名", d.Name, MaxNameLen)
	p.College = cleanText(&v, "College", "二级学院", d.College, MaxNameLen)
	p.Major = cleanText(&v, "Major", "专业", d.Major, MaxNameLen)
	p.ClassName = cleanText(&v, "ClassName", "班级", d.ClassName, MaxNameLen)
	p.Phone = cleanPhone(&v, "Phone", d.Phone)
	p.Notes = cleanText(&v, "Notes", "备注", d.Notes, MaxNotesLen)
	p.PartyAppliedOn = parseDay(&v, "PartyAppliedOn", "递交入党申请书日期", d.PartyAppliedOn)
	notAfter(&v, "PartyAppliedOn", "递交入党申请书日期", p.PartyAppliedOn, s.Today())
	p.BornOn = parseDay(&v, "BornOn", "出生日期", d.BornOn)
	notAfter(&v, "BornOn", "出生日期", p.BornOn, s.Today())
	p.JoinedLeagueOn = parseDay(&v, "JoinedLeagueOn", "入团日期", d.JoinedLeagueOn)
	notAfter(&v, "JoinedLeagueOn", "入团日期", p.JoinedLeagueOn, s.Today())
	inOrder(&v, "JoinedLeagueOn", "出生日期", "入团日期", p.BornOn, p.JoinedLeagueOn)
	if p.Gender != "" && TextOf(Genders, p.Gender) == p.Gender {
		v.add("Gender", "性别只能是男或女")
	}
	if p.PoliticalStatus != "" && TextOf(PoliticalStatuses, p.PoliticalStatus) == p.PoliticalStatus {
		v.add("PoliticalStatus", "请选择政治面貌")
	}
	p.Grade = s.parseGrade(&v, d.Grade)
	p.RankPercent = parseRank(&v, d.RankPercent)
	p.FailedCourses = parseCount(&v, "FailedCourses", "不及格课程数", d.FailedCourses)
	return p, v
}

func (s *Service) parseGrade(v *ValidationError, text string) int {
	text = strings.TrimSpace(width.Narrow.String(text))
	if text == "" {
		return 0
	}
	m := gradePattern.FindStringSubmatch(text)
	if m == nil {
		v.add("Grade", "年级请写入学年份，如 2020 或 2020级")
		return 0
	}
	y, _ := strconv.Atoi(m[1])
	if y < 1990 || y > s.now().Year()+1 {
		v.add("Grade", fmt.Sprintf("年级 %d 不在合理范围内", y))
	}
	return y
}

func parseRank(v *ValidationError, text string) *float64 {
	text = strings.TrimSuffix(strings.TrimSpace(width.Narrow.String(text)), "%")
	if text == "" {
		return nil
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil || f < 0 || f > 100 {
		v.add("RankPercent", "专业排名请填 0–100 的百分比，如 12.5")
		return nil
	}
	return &f
}

func parseCount(v *ValidationError, field, label, text string) int {
	text = strings.TrimSpace(width.Narrow.String(text))
	if text == "" {
		return 0
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 0 || n > 99 {
		v.add(field, label+"请填 0–99 的整数")
		return 0
	}
	return n
}

// SavePerson validates and stores a person.
func (s *Service) SavePerson(d PersonDraft) (Person, error) {
	p, v := s.CheckPerson(d)
	if err := v.Err(); err != nil {
		return p, err
	}
	err := s.store.SavePerson(&p)
	if errors.Is(err, data.ErrDuplicate) {
		return p, ValidationError{{"StudentNo", fmt.Sprintf("学号 %s 已被使用", p.StudentNo)}}
	}
	return p, s.refused(err, s.postOrg(p.ID))
}

// Person reads one person.
func (s *Service) Person(id uint) (Person, error) { return s.store.Person(id) }

// SearchPeople finds people by part of a name or 学号.
func (s *Service) SearchPeople(text string) ([]Person, error) {
	return s.store.SearchPeople(strings.TrimSpace(text), 50)
}
