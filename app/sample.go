package app

import (
	"fmt"

	"tuanxue/data"
)

// SampleSchool is the school of the sample college, shaped like the source
// self-assessment report. The people in it are invented.
const SampleSchool = "潮汕职业技术学院"

type sampleDept struct{ name, duties string }

// The school union after the June 2020 reform: 主席团 of 3 (held as posts,
// not a department) and 6 departments.
var sampleSchoolDepts = []sampleDept{
	{"办公室", "会务安排、档案管理、财务报销、对外联络"},
	{"学习部", "学风建设、学术科技竞赛、第二课堂成绩单"},
	{"宣传部", "海报条幅、宣传栏、官方公众号、青年之声平台"},
	{"文艺部", "校园歌手大赛、校园文化艺术节"},
	{"体育部", "新老生篮球赛、乒乓球联赛"},
	{"权益服务部", "学生权益服务、宿舍文化节、意见反馈"},
}

var sampleColleges = []string{"机电工程学院", "信息工程学院", "经济管理学院"}

var sampleCollegeDepts = []sampleDept{
	{"办公室", "会务、档案、联络各班委会"},
	{"学习部", "学风建设、专业竞赛"},
	{"宣传部", "新闻宣传、新媒体"},
	{"文体部", "文艺体育活动"},
}

var sampleClubs = []string{"青年志愿者协会", "大学生辩论协会", "书法协会", "篮球协会"}

// IsEmpty reports whether no organization has been recorded yet, which is
// when the program offers the sample college.
func (s *Service) IsEmpty() (bool, error) {
	tree, err := s.OrgTree()
	return tree.Len() == 0, err
}

// LoadSample fills an empty data file with a sample college in one
// transaction, through the same rules as the forms.
func (s *Service) LoadSample() error {
	if empty, err := s.IsEmpty(); err != nil {
		return err
	} else if !empty {
		return ValidationError{{"", "已有组织数据，不能再载入示例"}}
	}
	return s.InTransaction(func(tx *Service) error { return tx.loadSample() })
}

func (s *Service) loadSample() error {
	b := s.loadSampleOrgs()
	if b.err == nil {
		b.samplePeople(SemesterAt(s.now()))
		b.sampleRound(SemesterAt(s.now()))
		b.sampleSessions(SemesterAt(s.now()))
		b.sampleEvidence(SemesterAt(s.now()))
		b.sampleProblems(SemesterAt(s.now()))
		b.sampleRecommendations(SemesterAt(s.now()))
		b.sampleCongress()
		b.sampleReviews(SemesterAt(s.now()))
	}
	return b.err
}

// loadSampleOrgs builds the sample's organizations and departments.
func (s *Service) loadSampleOrgs() *sampleBuilder {
	b := &sampleBuilder{s: s}
	settings, err := s.Settings()
	b.fail(err)
	if settings.SchoolName == "" {
		_, err := s.SaveSettings(SettingsDraft{SchoolName: SampleSchool, Semester: settings.Semester.String()})
		b.fail(err)
	}
	league := b.org(OrgDraft{Name: "校团委", Kind: data.KindLeague, TeacherName: "林振华",
		TeacherPhone: "0663-8512345", FoundedOn: "1985-09-01"})
	union := b.org(OrgDraft{Name: "校学生会", Kind: data.KindSchoolUnion, ParentID: &league.ID,
		TeacherName: "陈晓敏", TeacherPhone: "13800138001", FoundedOn: "1985-10-12",
		SecretaryGeneral: "陈晓敏（校团委专职副书记）", Students: "9860",
		Notes: "2020年6月制定工作指引，精简为主席团 3 人、工作部门 6 个。"})
	for i, d := range sampleSchoolDepts {
		b.dept(union.ID, i+1, d)
	}
	// The reform folded similar units together (职责相近的部门合并).
	media := b.dept(union.ID, 7, sampleDept{"新媒体中心", "公众号运营、短视频"})
	if b.err == nil {
		pub := b.deptNamed(union.ID, "宣传部")
		b.fail(s.MergeDepartments(MergeDraft{FromID: media.ID, IntoID: pub.ID, On: "2020-06-15",
			Duties: MergedDuties(media, pub)}))
	}

	for i, name := range sampleColleges {
		cl := b.org(OrgDraft{Name: name + "团委", Kind: data.KindLeague, ParentID: &league.ID,
			TeacherName: []string{"黄思远", "郑雅琳", "吴建国"}[i], TeacherPhone: fmt.Sprintf("1390663%04d", 1201+i)})
		cu := b.org(OrgDraft{Name: name + "学生会", Kind: data.KindCollegeUnion, ParentID: &cl.ID,
			TeacherName: cl.TeacherName, TeacherPhone: cl.TeacherPhone, FoundedOn: "2006-09-20", Students: sampleStudents[name]})
		for j, d := range sampleCollegeDepts {
			b.dept(cu.ID, j+1, d)
		}
	}

	fed := b.org(OrgDraft{Name: "学生社团联合会", Kind: data.KindClubFederation, ParentID: &league.ID,
		TeacherName: "陈晓敏", TeacherPhone: "13800138001", FoundedOn: "2008-03-01",
		Notes: "校学生会执行主席兼任社联执行主席。"})
	b.dept(fed.ID, 1, sampleDept{"社团管理部", "社团年审、活动审批"})
	b.dept(fed.ID, 2, sampleDept{"社团服务部", "场地、经费与宣传支持"})
	for _, name := range sampleClubs {
		b.org(OrgDraft{Name: name, Kind: data.KindClub, ParentID: &fed.ID, FoundedOn: "2012-10-01"})
	}
	b.org(OrgDraft{Name: "动漫社", Kind: data.KindClub, ParentID: &fed.ID, FoundedOn: "2014-10-01",
		Status: data.StatusDissolved, StatusOn: "2020-06-30", Notes: "年审未通过，予以撤销。"})
	return b
}

// sampleBuilder saves through the service and keeps the first error, so the
// sample reads as a list rather than a ladder of error checks.
type sampleBuilder struct {
	s   *Service
	err error
}

func (b *sampleBuilder) fail(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *sampleBuilder) org(d OrgDraft) Organization {
	if b.err != nil {
		return Organization{}
	}
	if d.Status == "" {
		d.Status = data.StatusActive
	}
	o, err := b.s.SaveOrganization(d)
	if err != nil {
		b.fail(fmt.Errorf("示例组织“%s”：%w", d.Name, err))
	}
	return o
}

func (b *sampleBuilder) dept(orgID uint, order int, d sampleDept) Department {
	if b.err != nil {
		return Department{}
	}
	dept, err := b.s.SaveDepartment(DeptDraft{OrganizationID: orgID, Name: d.name, Duties: d.duties,
		SortOrder: fmt.Sprint(order), Status: data.StatusActive})
	if err != nil {
		b.fail(fmt.Errorf("示例部门“%s”：%w", d.name, err))
	}
	return dept
}

func (b *sampleBuilder) deptNamed(orgID uint, name string) Department {
	ds, err := b.s.Departments(orgID)
	b.fail(err)
	for _, d := range ds {
		if d.Name == name {
			return d
		}
	}
	b.fail(fmt.Errorf("示例部门“%s”不存在", name))
	return Department{}
}

const settingSampleOffered = "sample_offered"

// ShouldOfferSample reports whether to offer the sample college: the file
// holds no organizations and the teacher has not declined before.
func (s *Service) ShouldOfferSample() (bool, error) {
	if done, err := s.store.Setting(settingSampleOffered); err != nil || done != "" {
		return false, err
	}
	return s.IsEmpty()
}

// SampleOffered records that the offer was answered, so it is not repeated.
func (s *Service) SampleOffered() error {
	return s.store.SetSettings(map[string]string{settingSampleOffered: "1"})
}
