package reports

import (
	"regexp"
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/app/report"
)

func draftText(d report.Document) string {
	var b strings.Builder
	for _, p := range d.Paragraphs {
		b.WriteString(p.Text)
		b.WriteString("\n")
	}
	return b.String()
}

// The draft has the shape of the source report: addressee, opening, the
// numbered sections, closing and sign-off.
func TestDraftHasTheShapeOfARealReport(t *testing.T) {
	svc := sampleService(t)
	if err := svc.SetAddressee("揭阳市学生联合会"); err != nil {
		t.Fatal(err)
	}
	d := make(t, svc, "draft", Options{Semester: fall2020})
	if d.Title != "潮汕职业技术学院学生会深化改革自评报告" || d.Subtitle != "" || d.Signature {
		t.Errorf("title %q, subtitle %q", d.Title, d.Subtitle)
	}
	first, last := d.Paragraphs[0], d.Paragraphs[len(d.Paragraphs)-2:]
	if first.Text != "揭阳市学生联合会：" || first.Align != report.AlignLeft {
		t.Errorf("addressee %+v", first)
	}
	if last[0].Text != "潮汕职业技术学院学生会" || last[1].Text != "2020年10月15日" ||
		last[0].Align != report.AlignRight || last[1].Align != report.AlignRight {
		t.Errorf("sign-off %+v", last)
	}
	var headings []string
	for _, p := range d.Paragraphs {
		if p.Heading {
			headings = append(headings, strings.Repeat(" ", p.Level-1)+p.Text)
		}
	}
	want := []string{
		"一、潮汕职业技术学院学生会组织改革情况",
		" （一）改革方案落实情况", " （二）学习贯彻情况", " （三）改革重点项目推进情况",
		"二、学生会组织改革",
		" （一）打造“一心双环”团学格局", " （二）学生代表大会制度", " （三）听取二级学院学生会工作报告", " （四）精简机构和人员",
		"  1.校级学生会", "  2.二级学院学生会", "  3.工作人员条件和秘书长",
		"三、规范学生骨干的选拔、考核和培养",
		" （一）选拔", " （二）考核", " （三）退出", " （四）培训", " （五）递交入党申请书和推优",
		"四、存在问题及整改情况",
	}
	if strings.Join(headings, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings:\n%s", strings.Join(headings, "\n"))
	}
	text := draftText(d)
	if !strings.Contains(d.Paragraphs[1].Text, "对照《高校学生会组织深化改革评估备案表》逐项开展自查") ||
		!strings.HasPrefix(d.Paragraphs[len(d.Paragraphs)-3].Text, "下一步，") {
		t.Errorf("opening %q / closing %q", d.Paragraphs[1].Text, d.Paragraphs[len(d.Paragraphs)-3].Text)
	}
	if strings.Contains(text, "校团委专职副书记指导") {
		t.Error("the draft quotes the college's commitment as a national item")
	}
}

// Every figure comes from the sample's records (app/sample*.go).
func TestDraftFiguresOfTheSampleCollege(t *testing.T) {
	svc := sampleService(t)
	text := draftText(make(t, svc, "draft", Options{Semester: fall2020}))
	for _, want := range []string{
		"全校现有学生会组织 4 个（校级学生会 1 个、二级学院学生会 3 个），在任工作人员 141 人。",
		"现有团委 4 个", "联系学生社团 4 个", "各级学生会组织均由同级团委归口指导。",
		"校学生会于2020年9月10日召开第十二次学生代表大会，应到代表 99 人、实到 96 人，占所代表的 9860 名学生的 1.0%，其中非学生会干部代表 67 人，占 67.7%，大会选举产生了主席团。",
		"已听取 3 个二级学院学生会中 1 个的报告：机电工程学院学生会（2020年9月20日，会议汇报）。信息工程学院学生会、经济管理学院学生会本学期尚未汇报。",
		"校学生会设主席团 3 人，工作部门 6 个（办公室、学习部、宣传部、文艺部、体育部、权益服务部），部门负责人 12 人，现有工作人员共 51 人。",
		"2020年6月15日将新媒体中心并入宣传部", "实有工作人员 51 人，超过 40 人且未登记扩编理由",
		"机电工程学院学生会现有工作人员 30 人，其中主席团 2 人",
		"校学生会秘书长由陈晓敏（校团委专职副书记）担任",
		"学习会 2 次（2 次有会议记录）",
		"本学期开展学生骨干选拔 1 次：2020年秋季校学生会招新（招新，2020年9月15日）报名 4 人，待定 4 人。",
		"2019-2020学年第二学期考核学生骨干 51 人，其中优秀 18 人、良好 17 人、合格 15 人、不合格 1 人。",
		"本学期没有学生骨干退出的记录。",
		"“2020年秋季学生骨干培训班”（2020年9月30日，3 学时，出席 45/51（88%））",
		"各学生会在任工作人员 141 人中，本学期参加骨干培训的 45 人（32%）。",
		"已递交入党申请书的 134 人，比例为 95.0%；其中校学生会 49/51（96.1%）",
		"4 个学生会组织共核对指标 50 项：达标 31 项，未达标 6 项，另有 13 项因缺少记录尚待人工核对。",
		"4. 缺少增强学生会骨干先锋模范作用的规章制度，制度未上墙。整改措施：制定骨干行为规范，做到制度上墙、严格遵守。正在整改，整改期限为2020年8月31日，已逾期。",
		"6. 自查中发现、尚未列入整改台账的问题：校学生会实有工作人员 51 人",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the draft lacks %q", want)
		}
	}
	if strings.Contains(text, "江美玲") {
		t.Error("the draft names a cadre with a failed course")
	}
}

// What the records cannot know is a visible placeholder, and a semester
// with no records says so instead of counting nothing.
func TestDraftAsksWhatTheRecordsCannotKnow(t *testing.T) {
	svc := sampleService(t)
	text := draftText(make(t, svc, "draft", Options{Semester: fall2020}))
	for _, want := range []string{
		"【请补充：上级学生联合会名称，可在“系统设置”中填写】：",
		"【请补充：学校党委印发学生会改革实施方案的名称、时间和主要内容】",
		"【请补充：推进“第二课堂成绩单”制度",
		"【请补充：本学期“团三优”推优工作情况（系统中尚无本学期的推优记录）】",
		"【请补充：下一步工作打算】",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the draft lacks the placeholder %q", want)
		}
	}
	empty := draftText(make(t, svc, "draft", Options{Semester: app.Semester{StartYear: 2021, Term: 2}}))
	for _, want := range []string{
		"【请补充：本学期学生骨干选拔的次数、方式和结果（系统中尚无本学期的选拔记录）】",
		"【请补充：本学期学生骨干培训的次数、内容和参加人数（系统中尚无本学期的骨干培训记录）】",
		"【请补充：学生骨干考核的办法和结果（系统中尚无考核记录）】",
		"【请补充：组织学生骨干学习贯彻",
		"系统中尚无听取二级学院学生会工作报告的记录。",
	} {
		if !strings.Contains(empty, want) {
			t.Errorf("a semester without records: the draft lacks %q", want)
		}
	}
	if bad := regexp.MustCompile(`[^0-9.]0 (次|人|项|个|学时)`).FindAllString(empty, -1); len(bad) > 0 {
		t.Errorf("a count of nothing where a teacher must write: %q\n%s", bad, empty)
	}
}

// Early in a semester nobody is assessed yet: the text gives the last
// semester's grades, and so does the chart beside it, naming the semester
// (it showed all 141 as 未考核 under a text of 51 assessed).
func TestDraftGradeChartIsOfTheSemesterTheTextReports(t *testing.T) {
	svc := sampleService(t)
	d := make(t, svc, "draft", Options{Semester: fall2020})
	for _, c := range d.Charts {
		if !strings.HasPrefix(c.Title, ChartGrades) {
			continue
		}
		got := map[string]int{}
		for _, b := range c.Bars {
			got[b.Label] = b.Value
		}
		if c.Title != ChartGrades+"（2019-2020学年第二学期）" || got["优秀"] != 18 || got["不合格"] != 1 {
			t.Errorf("grade chart %q: %v", c.Title, got)
		}
		return
	}
	t.Error("the draft has no grade chart")
}
