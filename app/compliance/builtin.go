// Package compliance holds the reform indicators (改革指标) as data — rule
// sets with the official wording and editable parameters — and checks every
// student union against the set in force, in plain Chinese with figures.
package compliance

import "tuanxue/data"

// def is one rule of a shipped set. Wording follows the official forms
// (reference/self-assessment-forms.md) with full-width punctuation.
type def struct {
	scope, number, mark, text, remark, check, params string
}

const (
	school  = data.ScopeSchool
	college = data.ScopeCollege
	core    = data.MarkCore
)

// Texts shared by the versions.
const (
	textDuties    = "坚持全心全意服务同学，聚焦主责主业开展工作。未承担宿舍管理、校园文明纠察、安全保卫等行政职能。"
	textStructure = "工作机构架构为“主席团+工作部门”模式，未在工作部门以上或以下设置“中心”、“项目办公室”等常设层级。"
	textPosts2021 = "除主席、副主席（轮值执行主席）、部长、副部长、干事外未设其他职务。"
	textPolitical = "工作人员为共产党员或共青团员。"
	textGrades    = "工作人员中除一年级新生外的本专科生最近1个学期/最近1学年/入学以来三者取其一，学习成绩综合排名在本专业前30%以内，且无课业不及格情况；研究生无课业不及格情况。"
	textApproval  = "主席团候选人均由学院（系）团组织推荐，经学院（系）党组织同意，校党委学生工作部门和校团委联合审查后，报校党委确定；校级学生会组织工作部门成员均由学院（系）团组织推荐，经校党委学生工作部门和校团委审核后确定。"
	textElected   = "主席团由学生代表大会（非其委员会、常务委员会、常任代表会议等）选举产生。"
	textCongress  = "按期规范召开学生（研究生）代表大会。"
	textReviews   = "每学期末主席团成员和工作部门负责人向评议小组书面和口头述职，评议小组成员以学生为主（超过半数）；评议结果作为考核、评奖评优和退出的依据。"
	textSecretary = "明确1名校团委专职副书记指导校级学生会组织；聘任校团委专职副书记或干部担任校级学生会组织秘书长。"

	paramsDuties    = `{"words":["宿舍管理","纠察","安全保卫"]}`
	paramsStructure = `{"words":["中心","项目办公室"]}`
	paramsPosts     = `{"posts":["主席","执行主席","轮值执行主席","副主席","部长","副部长","干事"]}`
	paramsGrades    = `{"top":30,"window":"最近1学年"}`
	paramsCongress  = `{"months":12,"delegate_share":1,"non_cadre_share":60,"assembly_below":400,"quorum":"2/3"}`
)

// college2021 is the 二级 table of 2021 (S3), the only complete one found;
// every national set uses it for the 二级学院 unions.
var college2021 = []def{
	{college, "1", "", textDuties, "", "no_admin_duties", paramsDuties},
	{college, "2", "", textStructure, "", "structure", paramsStructure},
	{college, "3", "", "工作人员不超过30人。", "实有 __ 人", "staff_cap", `{"limit":30}`},
	{college, "4", "", "主席团成员不超过3人。", "实有 __ 人", "presidium_cap", `{"limit":3}`},
	{college, "5", "", textPosts2021, "", "allowed_posts", paramsPosts},
	{college, "6", "", textPolitical, "", "political", `{}`},
	{college, "7", "", textGrades, "", "grades", paramsGrades},
	{college, "8", "", "主席团由学生（研究生）代表大会（非其委员会、常务委员会、常任代表会议等）或全体学生（研究生）大会选举产生。", "", "elected_by_congress", paramsElected},
	{college, "9", "", "按期规范召开学生（研究生）代表大会或全体学生（研究生）大会。", "召开日期为：", "congress_held", `{"months":12}`},
	{college, "10", "", "开展了春、秋季学生会组织工作人员全员培训。", "", "staff_training", `{}`},
	{college, "11", "", "工作人员参加评奖评优、测评加分、推荐免试攻读研究生等事项时，依据评议结果择优提名，未与其岗位简单挂钩。", "", "review_awards", `{}`},
	{college, "12", "", "党组织定期听取学生会组织工作汇报，研究决定重大事项。", "", "manual", `{}`},
	{college, "13", "", "明确1名团组织负责人指导院级学生会组织；聘任团委老师担任院级学生会组织秘书长。", "", "secretary_general", `{}`},
}

// builtins are the sets the program ships, keyed for the database.
//
// The national sets hold only the indicators the reference shows for their
// form: the 2020 备案表 items 1–9 (nothing after item 9 is readable), the
// 2021—2023 and 2023—2024 自评表 items 1–11 (item 12 on, with the ▲ items
// the legend announces, is cut off in every copy found). "明确1名校团委专职
// 副书记指导校级学生会组织；聘任……秘书长" is not on any national form: it is
// the source college's own commitment (its report, 一、4.（2）), so it lives
// in the college's set only. Whether ★ still marks items 1 and 11 in
// 2023—2024 cannot be seen (the legend keeps ★, the copy shows none on an
// item); the marks of 2021—2023 are kept, since the check's severity needs
// one.
var builtins = []struct {
	key, name, basis string
	rules            []def
}{
	{"national-2020", "全国指标（2020年评估备案表）", "2020《高校学生会组织深化改革评估备案表》；二级按2021年二级自评表", append([]def{
		{school, "1", "", "坚持全心全意服务同学，聚焦主责主业开展工作。未承担宿舍管理、校园文明纠察、安全保卫等高校行政职能。", "", "no_admin_duties", paramsDuties},
		{school, "2", "", textStructure, "", "structure", paramsStructure},
		{school, "3", "", "校级学生会组织工作人员不超过40人，学生人数较多、分校区较多的高校不超过60人。", "实有__", "staff_cap", `{"limit":40,"extended":60}`},
		{school, "3", "", "校级学生会组织主席团成员不超过5人。", "实有__", "presidium_cap", `{"limit":5}`},
		{school, "3", "", "校级学生会组织工作部门不超过6个。", "实有__", "dept_cap", `{"limit":6}`},
		{school, "4", "", "除主席、副主席（探索实行轮值制度的高校为执行主席）、部长、副部长、干事外未设其他职务。", "", "allowed_posts", paramsPosts},
		{school, "5", "", "学生会组织工作人员为共产党员或共青团员。", "", "political", `{}`},
		{school, "6", "", "学生会组织工作人员中除一年级新生外的本专科生最近1个学期/最近1学年/入学以来三者取其一，学习成绩综合排名在本专业前30%以内，且无课业不及格情况；研究生无课业不及格情况。", "", "grades", paramsGrades},
		{school, "7", "", "校级学生会组织" + textApproval, "", "approval_chain", `{}`},
		{school, "8", "", textElected, "", "elected_by_congress", paramsElected},
		{school, "9", "", "2019年10月以来召开了校级学生（研究生）代表大会。", "召开日期为：", "congress_held", `{"months":12,"since":"2019-10-01","delegate_share":1,"non_cadre_share":60}`},
	}, college2021...)},
	{"national-2021", "全国指标（2021—2023学年自评表）", "2021—2022、2022—2023《校级学生会组织改革自评表》；二级按2021年二级自评表", append([]def{
		{school, "1", core, textDuties, "", "no_admin_duties", paramsDuties},
		{school, "2", "", textStructure, "", "structure", paramsStructure},
		{school, "3", "", "工作人员不超过40人，学生人数较多、分校区较多的高校不超过60人。", "实有__人", "staff_cap", `{"limit":40,"extended":60}`},
		{school, "4", "", "主席团成员不超过5人。", "实有__人", "presidium_cap", `{"limit":5}`},
		{school, "5", "", "工作部门不超过6个。", "实有__个", "dept_cap", `{"limit":6}`},
		{school, "6", "", textPosts2021, "", "allowed_posts", paramsPosts},
		{school, "7", "", textPolitical, "", "political", `{}`},
		{school, "8", "", textGrades, "", "grades", paramsGrades},
		{school, "9", "", textApproval, "", "approval_chain", `{}`},
		{school, "10", "", textElected, "", "elected_by_congress", paramsElected},
		{school, "11", core, textCongress, "召开日期为：", "congress_held", paramsCongress},
	}, college2021...)},
	{"national-2023", "全国指标（2023—2024学年自评表）", "2023—2024《校级学生会组织改革自评表》；二级按2021年二级自评表", append([]def{
		{school, "1", core, textDuties, "", "no_admin_duties", paramsDuties},
		{school, "2", "", textStructure, "", "structure", paramsStructure},
		{school, "3", "", "工作人员不超过40人，学生人数较多、分校区较多的高校不超过60人。", "实有__人", "staff_cap", `{"limit":40,"extended":60}`},
		{school, "4", "", "主席团成员不超过5人。", "实有__人", "presidium_cap", `{"limit":5}`},
		{school, "5", "", "工作部门不超过6个。", "实有__个", "dept_cap", `{"limit":6}`},
		{school, "6", "", "除学生会主席团成员（含轮值执行主席）和工作部门成员，均不设置其他任何职务。", "", "allowed_posts", paramsPosts},
		{school, "7", "", textPolitical, "", "political", `{}`},
		{school, "8", "", "工作人员中除一年级新生外的本专科生最近1学期/最近1学年/入学以来三者取其一，学习成绩综合排名在本专业前30%以内，且无课业不及格情况；研究生无课业不及格情况。", "", "grades", paramsGrades},
		{school, "9", "", textApproval, "", "approval_chain", `{}`},
		{school, "10", "", textElected, "", "elected_by_congress", paramsElected},
		{school, "11", core, textCongress, "召开日期为：", "congress_held", paramsCongress},
	}, college2021...)},
	{"chaoshan", "潮汕职业技术学院自定目标", "2020年自评报告中学院的改革设计与承诺（主席团 3 人、二级主席团 2 人、培训、学习、听取汇报、入党申请比例）", []def{
		{school, "1", core, textDuties, "", "no_admin_duties", paramsDuties},
		{school, "2", "", textStructure, "", "structure", paramsStructure},
		{school, "3", "", "校级学生会工作人员一般为40人左右，原则上不超过60人。", "实有__人", "staff_cap", `{"limit":40,"extended":60}`},
		{school, "4", "", "主席团成员3人。", "实有__人", "presidium_cap", `{"limit":3}`},
		{school, "5", "", "工作部门6个，每个工作部门设负责人2人，工作人员一般不超过6人。", "实有__个", "dept_cap", `{"limit":6,"heads":2,"staff":6}`},
		{school, "6", "", textPosts2021, "", "allowed_posts", paramsPosts},
		{school, "7", "", textPolitical, "", "political", `{}`},
		{school, "8", "", textGrades, "", "grades", paramsGrades},
		{school, "9", "", textApproval, "", "approval_chain", `{}`},
		{school, "10", "", textElected, "", "elected_by_congress", paramsElected},
		{school, "11", core, "各级学生会组织定期、规范召开代表大会。", "召开日期为：", "congress_held", paramsCongress},
		{school, "12", "", textSecretary, "", "secretary_general", `{}`},
		{school, "13", "", "团委每学期固定开展一至两次全体学生骨干培训。", "", "trainings_per_cadre", `{"min":1}`},
		{school, "14", "", "每周定期开展政治业务学习，召开委员会成员会议，并详细、认真地做会议记录。", "", "weekly_study", `{"per_week":1}`},
		{school, "15", "", "每学期至少1次通过集中会议或书面形式听取二级学院学生会组织工作报告。", "", "college_reports", `{"min":1}`},
		{school, "16", "", "学生骨干递交入党申请书比例达到90%。", "", "party_ratio", `{"min":90}`},
		{school, "17", "", "团员推优入党：推优时年满18周岁、入团满1年、递交入党申请书满6个月；每次推优不超过团支部团员人数的20%；推优有效期2年；团支部推优大会到会超过应到人数半数，赞成票超过应到人数半数。", "", "recommendations", paramsRecommend},
		{school, "18", "", textReviews, "", "reviews", `{}`},
		{college, "1", "", textDuties, "", "no_admin_duties", paramsDuties},
		{college, "2", "", textStructure, "", "structure", paramsStructure},
		{college, "3", "", "二级学院学生会工作人员一般为30人。", "实有 __ 人", "staff_cap", `{"limit":30}`},
		{college, "4", "", "主席团成员2人。", "实有 __ 人", "presidium_cap", `{"limit":2}`},
		{college, "5", "", "除学生会主席团成员和工作部门成员，均不设置其他任何职务。", "", "allowed_posts", paramsPosts},
		{college, "6", "", textPolitical, "", "political", `{}`},
		{college, "7", "", textGrades, "", "grades", paramsGrades},
		{college, "8", "", "主席团由学生代表大会或全体学生大会选举产生。", "", "elected_by_congress", paramsElected},
		{college, "9", "", "各级学生会组织定期、规范召开代表大会。", "召开日期为：", "congress_held", paramsCongress},
		{college, "10", "", "团委每学期固定开展一至两次全体学生骨干培训。", "", "trainings_per_cadre", `{"min":1}`},
		{college, "11", "", "聘任团委老师担任院级学生会组织秘书长。", "", "secretary_general", `{}`},
		{college, "12", "", "学生骨干递交入党申请书比例达到90%。", "", "party_ratio", `{"min":90}`},
		{college, "13", "", textReviews, "", "reviews", `{}`},
	}},
}
