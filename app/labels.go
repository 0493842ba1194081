package app

import "tuanxue/data"

// Label pairs a stored code with the Chinese text shown for it.
type Label struct {
	Code, Text string
}

// OrgKinds are the organization kinds in the order the forms offer them.
var OrgKinds = []Label{
	{data.KindLeague, "团委"},
	{data.KindSchoolUnion, "校级学生会"},
	{data.KindCollegeUnion, "二级学院学生会"},
	{data.KindClubFederation, "学生社团联合会"},
	{data.KindClub, "学生社团"},
	{data.KindClassCommittee, "班委会"},
	{data.KindLeagueBranch, "团支部"},
}

// Statuses of organizations and departments.
var Statuses = []Label{
	{data.StatusActive, "正常"},
	{data.StatusMerged, "已合并"},
	{data.StatusDissolved, "已撤销"},
}

// TextOf returns the Chinese text of code in labels, or code itself.
func TextOf(labels []Label, code string) string {
	for _, l := range labels {
		if l.Code == code {
			return l.Text
		}
	}
	return code
}

// CodeOf returns the code whose text is text, or "".
func CodeOf(labels []Label, text string) string {
	for _, l := range labels {
		if l.Text == text {
			return l.Code
		}
	}
	return ""
}

// Texts lists the Chinese texts of labels, for a select box.
func Texts(labels []Label) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = l.Text
	}
	return out
}

// PoliticalStatuses (政治面貌) in the order of the forms.
var PoliticalStatuses = []Label{
	{data.PoliticalMasses, "群众"},
	{data.PoliticalLeague, "共青团员"},
	{data.PoliticalActivist, "入党积极分子"},
	{data.PoliticalCandidate, "发展对象"},
	{data.PoliticalProbationary, "预备党员"},
	{data.PoliticalParty, "中共党员"},
}

// Genders.
var Genders = []Label{{data.GenderMale, "男"}, {data.GenderFemale, "女"}}

// ExitReasons (退出原因).
var ExitReasons = []Label{
	{data.ExitTermEnd, "届满"},
	{data.ExitGraduation, "毕业"},
	{data.ExitResigned, "个人辞职"},
	{data.ExitFailed, "考核不合格"},
	{data.ExitDiscipline, "违纪"},
	{data.ExitAcademic, "学业原因"},
	{data.ExitOther, "其他"},
}

// Grades of an assessment (考核等次).
var Grades = []Label{
	{data.GradeExcellent, "优秀"},
	{data.GradeGood, "良好"},
	{data.GradePass, "合格"},
	{data.GradeFail, "不合格"},
}

// RoundKinds of a selection round.
var RoundKinds = []Label{
	{data.RoundElection, "换届选举"},
	{data.RoundRecruitment, "招新"},
	{data.RoundByElection, "增补"},
}

// CandidateResults.
var CandidateResults = []Label{
	{data.ResultPending, "待定"},
	{data.ResultAdmitted, "录用"},
	{data.ResultRejected, "未录用"},
}

// SelectedBy says how an appointment came about.
var SelectedBy = []Label{
	{data.SelectedByRound, "选拔"},
	{data.SelectedByCongress, "学代会选举"},
	{data.SelectedByImport, "名册导入"},
	{data.SelectedByOther, "其他"},
}

// labelSynonyms are other ways people write a label's text in spreadsheets.
var labelSynonyms = map[string]string{
	"团员": data.PoliticalLeague, "中共团员": data.PoliticalLeague, "共青团": data.PoliticalLeague,
	"党员": data.PoliticalParty, "中共党员": data.PoliticalParty, "正式党员": data.PoliticalParty,
	"预备党员": data.PoliticalProbationary, "中共预备党员": data.PoliticalProbationary,
	"积极分子": data.PoliticalActivist, "入党积极分子": data.PoliticalActivist,
	"男性": data.GenderMale, "女性": data.GenderFemale, "M": data.GenderMale, "F": data.GenderFemale,
	"男生": data.GenderMale, "女生": data.GenderFemale, "中共预备": data.PoliticalProbationary,
	"male": data.GenderMale, "female": data.GenderFemale,
}

// ParseLabel finds the code of a text as typed in a spreadsheet: the label
// itself, a known variant, or the code. It returns "" when nothing matches.
func ParseLabel(labels []Label, text string) string {
	if code := CodeOf(labels, text); code != "" {
		return code
	}
	if code, ok := labelSynonyms[text]; ok && TextOf(labels, code) != code {
		return code
	}
	if TextOf(labels, text) != text {
		return text
	}
	return ""
}

// TrainingKinds (培训与学习).
var TrainingKinds = []Label{
	{data.TrainingCadre, "骨干培训"},
	{data.TrainingTheory, "政治理论学习"},
	{data.TrainingTuanSan, "团三优培训"},
	{data.TrainingWeekly, "每周政治业务学习"},
	{data.TrainingLecture, "专题讲座"},
	{data.TrainingOther, "其他"},
}

// MeetingKinds (会议与记录).
var MeetingKinds = []Label{
	{data.MeetingCongress, "学生代表大会"},
	{data.MeetingCommittee, "委员会会议"},
	{data.MeetingStudy, "学习会"},
	{data.MeetingReport, "二级学院学生会工作报告"},
	{data.MeetingLeagueDay, "主题团日"},
}

// AttendanceMarks (出席情况).
var AttendanceMarks = []Label{
	{data.AttendPresent, "出席"},
	{data.AttendLeave, "请假"},
	{data.AttendAbsent, "缺席"},
}

// ReportForms say how a 二级学院 union reported.
var ReportForms = []Label{{"meeting", "会议汇报"}, {"written", "书面报告"}}

// RectStatuses of a rectification item, in order.
var RectStatuses = []Label{
	{data.RectOpen, "待整改"},
	{data.RectInProgress, "整改中"},
	{data.RectDone, "已完成"},
	{data.RectClosed, "已销号"},
}

// RectSources say where a problem was found.
var RectSources = []Label{
	{"self_check", "自查"},
	{"inspection", "上级检查"},
	{"assessment", "评估反馈"},
	{"students", "学生反映"},
}
