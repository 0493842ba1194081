package reports

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
)

// indexRows are a union's rows of the 佐证目录 by indicator: its
// conclusion and its pieces as "材料｜来源｜日期".
func indexRows(t *testing.T, s report.Section) (map[string]string, map[string][]string) {
	t.Helper()
	conclusion, pieces := map[string]string{}, map[string][]string{}
	current := ""
	for _, r := range s.Rows {
		if r[0] != "" {
			current = r[0]
			conclusion[current] = r[1]
		}
		pieces[current] = append(pieces[current], strings.Join(r[2:], "｜"))
	}
	return conclusion, pieces
}

func hasPiece(t *testing.T, pieces map[string][]string, indicator, want string) {
	t.Helper()
	for _, p := range pieces[indicator] {
		if p == want {
			return
		}
	}
	t.Errorf("%s: no %q in %q", indicator, want, pieces[indicator])
}

// The 佐证目录 of the sample college's 2020—2021 (the 2020 备案表 and the
// 2021 二级 table), against the sample (app/sample*.go) worked out by
// hand: the school union's 51 staff (3 主席团, 6 departments), its
// congress of 10 September (day 40 of the semester) with 99 delegates and
// 96 present, its recruitment round, its five ledger items with the one
// file; the 二级 unions without training or congress; plus a
// rectification made from the staff item, with a file, and a teacher's
// conclusion on a 二级 union's item 12.
func TestEvidenceIndexOfTheSampleCollege(t *testing.T) {
	svc := sampleService(t)
	r, _, err := compliance.RunForm(svc, fall2020)
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range r.Results {
		switch {
		case res.Org.Name == "校学生会" && res.Rule.CheckKey == "staff_cap":
			item, err := compliance.Rectify(svc, res)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.AddEvidence(item.ID, "精简方案.pdf", strings.NewReader("%PDF-1.4 精简方案")); err != nil {
				t.Fatal(err)
			}
		case res.Org.Name == "机电工程学院学生会" && res.Rule.Number == "12":
			if _, err := compliance.SaveConclusion(svc, compliance.ConclusionDraft{OrganizationID: res.Org.ID, Semester: fall2020,
				Rule: res.Rule, Outcome: compliance.Pass, Note: "2020年10月学院党委会听取汇报", RecordedBy: "黄思远"}); err != nil {
				t.Fatal(err)
			}
			ref := app.IndicatorRef{OrganizationID: res.Org.ID, Year: "2020-2021", Indicator: compliance.IndicatorOf(res.Rule)}
			if _, err := svc.AddIndicatorEvidence(ref, "党委会会议纪要.pdf", strings.NewReader("%PDF-1.4 纪要")); err != nil {
				t.Fatal(err)
			}
		}
	}
	d := make(t, svc, "evidence", Options{Semester: fall2020})
	if d.Title != "2020—2021学年改革指标佐证目录" || len(d.Sections) != 4 {
		t.Fatalf("%q with %d unions", d.Title, len(d.Sections))
	}
	school := d.Sections[0]
	if school.Caption != "潮汕职业技术学院学生会" {
		t.Errorf("caption %q", school.Caption)
	}
	conclusion, pieces := indexRows(t, school)
	today := "2020-10-15"
	hasPiece(t, pieces, "3 工作人员人数", "工作人员名单（51人，含部门、职务）｜任职记录｜"+today)
	hasPiece(t, pieces, "3 工作人员人数", "佐证文件：精简方案.pdf｜整改台账｜"+today)
	hasPiece(t, pieces, "3 主席团人数", "主席团成员名单（3人）｜任职记录｜"+today)
	hasPiece(t, pieces, "3 工作部门数量", "机构设置：主席团+6个工作部门，含各部门职责｜组织机构记录｜"+today)
	hasPiece(t, pieces, "5 政治面貌", "工作人员名单（51人，含政治面貌）｜任职记录｜"+today)
	hasPiece(t, pieces, "6 学业成绩", "学业排名名单（51人，排名窗口：最近1学年，含不及格门数）｜学生档案｜"+today)
	hasPiece(t, pieces, "9 学代会召开", "学生代表大会：第十二次学生代表大会，代表99人，出席96人，会议记录｜会议记录｜2020-09-10")
	hasPiece(t, pieces, "其他整改事项", "佐证文件：平台运营 整改说明.txt｜整改台账｜"+today)
	// The sample's two files on its congress (app/sample_evidence.go).
	hasPiece(t, pieces, "9 学代会召开", "佐证文件：第十二次学代会 签到汇总.pdf｜教师上传｜"+today)
	hasPiece(t, pieces, "9 学代会召开", "佐证文件：学代会代表名额分配.png｜教师上传｜"+today)
	if conclusion["3 工作人员人数"] != "否" || conclusion["9 学代会召开"] != "是" {
		t.Errorf("conclusions %q", conclusion)
	}
	if got := len(pieces["其他整改事项"]); got != 6 { // five items and one file; the staff item is under its indicator
		t.Errorf("%d other ledger rows: %q", got, pieces["其他整改事项"])
	}
	if !strings.HasPrefix(pieces["7 推荐审批"][0], "选拔：2020年秋季校学生会招新") {
		t.Errorf("selection %q", pieces["7 推荐审批"])
	}

	college := d.Sections[1]
	conclusion, pieces = indexRows(t, college)
	if college.Caption != "潮汕职业技术学院机电工程学院学生会" {
		t.Errorf("caption %q", college.Caption)
	}
	hasPiece(t, pieces, "9 学代会召开", "缺少：学生代表大会记录｜｜")
	hasPiece(t, pieces, "10 全员培训", "缺少：秋季学期学生会工作人员培训记录｜｜")
	hasPiece(t, pieces, "11 评奖评优", "缺少：人工确认的结论及其依据（此项没有可核对的记录）｜｜")
	if p := pieces["12 党组织听取汇报"]; len(p) != 2 || !strings.HasPrefix(p[0], "人工结论（达标）：2020年10月学院党委会听取汇报｜人工结论，确认人 黄思远｜") ||
		p[1] != "佐证文件：党委会会议纪要.pdf｜教师上传｜"+today || conclusion["12 党组织听取汇报"] != "是（人工结论）" {
		t.Errorf("item 12 with its conclusion: %q %q", conclusion["12 党组织听取汇报"], p)
	}
	for i, row := range college.Rows {
		if missing := strings.HasPrefix(row[2], "缺少："); missing != college.Alerts[i] {
			t.Errorf("row %q: alert %v", row, college.Alerts[i])
		}
	}

	for _, format := range []string{"pdf", "xlsx", "docx"} {
		var b bytes.Buffer
		if err := Write(&b, d, format); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if format == "xlsx" {
			f, err := excelize.OpenReader(&b)
			if err != nil {
				t.Fatal(err)
			}
			if len(f.GetSheetList()) == 0 {
				t.Error("no sheet")
			}
		}
	}
}

// A union filter gives that union's index only.
func TestEvidenceOfOneUnion(t *testing.T) {
	svc := sampleService(t)
	d := make(t, svc, "evidence", Options{Semester: fall2020, OrganizationID: orgID(t, svc, "机电工程学院学生会")})
	if len(d.Sections) != 1 || d.Sections[0].Caption != "潮汕职业技术学院机电工程学院学生会" {
		t.Errorf("%d sections", len(d.Sections))
	}
}

// The 改革指标 tab's evidence of 机电工程学院学生会 in 2020—2021, worked out
// by hand from the sample: 30 staff with rankings, 2 in the 主席团, 4
// departments; no congress, no training and no 秘书长 of its own; items 11
// and 12 only a teacher can confirm. Seven lines say what is missing. A
// conclusion on item 12 with a file replaces its line; a file on item 13
// (an appointment letter) stands beside the record still missing.
func TestUnionEvidenceSaysWhatIsMissing(t *testing.T) {
	svc := sampleService(t)
	org, err := svc.Store().Organization(orgID(t, svc, "机电工程学院学生会"))
	if err != nil {
		t.Fatal(err)
	}
	lines := func() ([]compliance.Result, [][]EvidenceLine) {
		r, err := compliance.Run(svc, fall2020)
		if err != nil {
			t.Fatal(err)
		}
		ls, err := UnionEvidence(svc, r, org)
		if err != nil {
			t.Fatal(err)
		}
		if len(ls) != len(r.For(org.ID)) {
			t.Fatalf("%d evidence lists for %d results", len(ls), len(r.For(org.ID)))
		}
		return r.For(org.ID), ls
	}
	missing := func(results []compliance.Result, ls [][]EvidenceLine) []string {
		var out []string
		for i, l := range ls {
			for _, line := range l {
				if line.Missing {
					out = append(out, results[i].Rule.Number+" "+line.Text)
				}
			}
		}
		return out
	}
	results, ls := lines()
	want := []string{"8 缺少：学生代表大会记录", "9 缺少：学生代表大会记录", "10 缺少：秋季学期学生会工作人员培训记录",
		"10 缺少：春季学期学生会工作人员培训记录", "11 缺少：人工确认的结论及其依据（此项没有可核对的记录）",
		"12 缺少：人工确认的结论及其依据（此项没有可核对的记录）", "13 缺少：秘书长的聘任记录"}
	if got := missing(results, ls); !slices.Equal(got, want) {
		t.Errorf("missing:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if l := ls[2]; len(l) != 1 || l[0].Text != "工作人员名单（30人，含部门、职务）" || l[0].Source != "任职记录" {
		t.Errorf("item 3: %+v", l)
	}
	for _, res := range results {
		ref := app.IndicatorRef{OrganizationID: org.ID, Year: "2020-2021", Indicator: compliance.IndicatorOf(res.Rule)}
		switch res.Rule.Number {
		case "12":
			if _, err := compliance.SaveConclusion(svc, compliance.ConclusionDraft{OrganizationID: org.ID, Semester: fall2020,
				Rule: res.Rule, Outcome: compliance.Pass, Note: "2020年10月学院党委会听取汇报", RecordedBy: "黄思远"}); err != nil {
				t.Fatal(err)
			}
			if _, err := svc.AddIndicatorEvidence(ref, "党委会会议纪要.pdf", strings.NewReader("%PDF-1.4 纪要")); err != nil {
				t.Fatal(err)
			}
		case "13":
			if _, err := svc.AddIndicatorEvidence(ref, "秘书长聘书.jpg", strings.NewReader("聘书")); err != nil {
				t.Fatal(err)
			}
		}
	}
	results, ls = lines()
	if got := missing(results, ls); !slices.Equal(got, slices.Delete(slices.Clone(want), 5, 6)) {
		t.Errorf("missing after the conclusion: %q", got)
	}
	l12 := ls[11]
	if len(l12) != 2 || !strings.HasPrefix(l12[0].Text, "人工结论（达标）：2020年10月学院党委会听取汇报") ||
		l12[1].Text != "佐证文件：党委会会议纪要.pdf" || l12[1].Source != "教师上传" || l12[1].Date != "2020-10-15" || l12[1].File == nil {
		t.Errorf("item 12: %+v", l12)
	}
	if l13 := ls[12]; len(l13) != 2 || !l13[0].Missing || l13[1].Text != "佐证文件：秘书长聘书.jpg" || l13[1].File.Name != "秘书长聘书.jpg" {
		t.Errorf("item 13: %+v", l13)
	}
}
