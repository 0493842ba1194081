package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

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
// congress of 10 September (day 40 of the semester) with 128 delegates and
// 121 present, its recruitment round, its five ledger items with the one
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
	hasPiece(t, pieces, "9 学代会召开", "学生代表大会：第十二次学生代表大会，代表128人，出席121人，会议记录｜会议记录｜2020-09-10")
	hasPiece(t, pieces, "其他整改事项", "佐证文件：平台运营 整改说明.txt｜整改台账｜"+today)
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
	if p := pieces["12 党组织听取汇报"]; len(p) != 1 || !strings.HasPrefix(p[0], "人工结论（达标）：2020年10月学院党委会听取汇报｜人工结论，确认人 黄思远｜") ||
		conclusion["12 党组织听取汇报"] != "是（人工结论）" {
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
