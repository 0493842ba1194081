package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tuanxue/app"
	"tuanxue/data"
)

// sampleFolder is a data folder holding the sample college, whose school
// union is called 校学生会 and whose school is 潮汕职业技术学院.
func sampleFolder(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "数据")
	withStore(t, dir, func(svc *app.Service) {
		if err := svc.LoadSample(); err != nil {
			t.Fatal(err)
		}
	})
	return dir
}

// withStore opens the data folder for a look between two commands.
func withStore(t *testing.T, dir string, look func(svc *app.Service)) {
	t.Helper()
	ws := app.NewWorkspace(dir, "", nil)
	defer ws.Close()
	svc, err := ws.Open()
	if err != nil {
		t.Fatal(err)
	}
	look(svc)
}

func rosterCSV(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "名册.csv")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func orgsOfKind(t *testing.T, svc *app.Service, kind string) []string {
	t.Helper()
	tree, err := svc.OrgTree()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range tree.OfKinds(kind) {
		if o.Status == data.StatusActive {
			names = append(names, o.Name)
		}
	}
	return names
}

// postsOf lists a person's terms as 组织/职务/开始/结束.
func postsOf(t *testing.T, svc *app.Service, no string) []string {
	t.Helper()
	p, err := svc.Store().PersonByStudentNo(no)
	if err != nil {
		t.Fatalf("学号 %s: %v", no, err)
	}
	as, _ := svc.Appointments(p.ID)
	var out []string
	for _, a := range as {
		o, _ := svc.Store().Organization(a.OrganizationID)
		out = append(out, o.Name+"/"+a.Post+"/"+a.StartOn.String()+"/"+a.EndOn.String())
	}
	slices.Sort(out)
	return out
}

// TestALookAlikeUnionIsAskedAbout: a roster naming the school union after
// the school is not a second 校级学生会: without --map it is refused with
// the question, --create-missing does not make it, --map files its rows
// under the union on record; a zero-width space changes nothing.
func TestALookAlikeUnionIsAskedAbout(t *testing.T) {
	dir := sampleFolder(t)
	roster := rosterCSV(t, "学号,姓名,所属组织,部门,职务,任职开始日期",
		"2020990001,陈新一,潮汕职业技术学院学生会,宣传部,干事,2020-09-10",
		"2020990002,陈新二,校\u200b学生会,学习部,干事,2020-09-10",
		"2020990003,陈新三,机电学院学生会,学习部,干事,2020-09-10")

	code, stdout, _ := runCLI(t, "import", "members", roster, "--data", dir)
	for _, question := range []string{
		`名册中的“潮汕职业技术学院学生会”是否就是已有的“校学生会”？请加 --map "潮汕职业技术学院学生会=校学生会"。已有校级学生会“校学生会”，命令行不会再新建一个`,
		`名册中的“机电学院学生会”是否就是已有的“机电工程学院学生会”？请加 --map "机电学院学生会=机电工程学院学生会"，或加 --create-missing 新建（第 4 行）`,
	} {
		if !strings.Contains(stdout, question) {
			t.Errorf("without --map, no question %q", question)
		}
	}
	if code != 1 || !strings.Contains(stdout, "已导入 1 行") {
		t.Fatalf("without --map: exit %d\n%s", code, stdout)
	}
	if !strings.Contains(stdout, "第 3 行（提醒）：所属组织：其中看不见的零宽空格（U+200B）已去掉") {
		t.Errorf("the zero-width space is not named:\n%s", stdout)
	}

	// --create-missing makes the college union it was asked about, saying
	// what it may be, but not a second school union.
	code, stdout, _ = runCLI(t, "import", "members", roster, "--data", dir, "--create-missing")
	if code != 1 || !strings.Contains(stdout, "已有校级学生会“校学生会”，命令行不会再新建一个") ||
		!strings.Contains(stdout, `已新建组织：机电学院学生会（二级学院学生会）——它可能就是已有的“机电工程学院学生会”，如果是，请改用 --map "机电学院学生会=机电工程学院学生会"`) {
		t.Fatalf("--create-missing: exit %d\n%s", code, stdout)
	}
	withStore(t, dir, func(svc *app.Service) {
		if unions := orgsOfKind(t, svc, data.KindSchoolUnion); len(unions) != 1 {
			t.Fatalf("school unions after --create-missing: %v", unions)
		}
	})

	code, stdout, stderr := runCLI(t, "import", "members", roster, "--data", dir, "--map", "潮汕职业技术学院学生会=校学生会")
	if code != 0 || !strings.Contains(stdout, "已导入 3 行（新增 1 人，更新 0 人，新任职 1 项），拒绝 0 行") {
		t.Fatalf("--map: exit %d\n%s%s", code, stdout, stderr)
	}
	withStore(t, dir, func(svc *app.Service) {
		if unions := orgsOfKind(t, svc, data.KindSchoolUnion); len(unions) != 1 {
			t.Fatalf("school unions: %v", unions)
		}
		for _, no := range []string{"2020990001", "2020990002"} {
			if got := postsOf(t, svc, no); len(got) != 1 || !strings.HasPrefix(got[0], "校学生会/干事/2020-09-10/") {
				t.Errorf("%s: %v", no, got)
			}
		}
	})

	// --map for a name the file does not use, twice for one name, or to
	// no organization, is said.
	code, stdout, _ = runCLI(t, "import", "members", roster, "--data", dir, "--dry-run",
		"--map", "潮汕职业技术学院学生会=校学生会", "--map", "校团委会=校团委")
	if code != 0 || !strings.Contains(stdout, "--map 中的“校团委会”在名册中没有出现") {
		t.Errorf("unused --map: exit %d\n%s", code, stdout)
	}
	code, _, stderr = runCLI(t, "import", "members", roster, "--data", dir, "--map", "甲=校团委", "--map", "甲=校学生会")
	if code != 2 || !strings.Contains(stderr, "--map 把“甲”对应到了两个组织") {
		t.Errorf("--map twice: exit %d %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "import", "members", roster, "--data", dir, "--map", "潮汕职业技术学院学生会=校学生联合会")
	if code != 2 || !strings.Contains(stderr, "“校学生联合会”不是已有的组织") {
		t.Errorf("--map to nothing: exit %d %q", code, stderr)
	}
}

// TestASchoolUnionNamedAfterTheSchoolIsNotGuessedACollegeUnion: on a new
// installation whose school is set, 潮汕职业技术学院学生会 is created as the
// school union though its name holds 学院.
func TestASchoolUnionNamedAfterTheSchoolIsNotGuessedACollegeUnion(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "数据")
	withStore(t, dir, func(svc *app.Service) {
		if _, err := svc.SaveSettings(app.SettingsDraft{SchoolName: "潮汕职业技术学院", Semester: "2020-2021-1"}); err != nil {
			t.Fatal(err)
		}
	})
	roster := rosterCSV(t, "学号,姓名,所属组织,部门,职务", "2020990001,陈新一,潮汕职业技术学院学生会,,主席",
		"2020990002,陈新二,潮汕职业技术学院机电工程学院学生会,,主席")
	if code, stdout, stderr := runCLI(t, "import", "members", roster, "--data", dir, "--create-missing"); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	withStore(t, dir, func(svc *app.Service) {
		if got := orgsOfKind(t, svc, data.KindSchoolUnion); !slices.Equal(got, []string{"潮汕职业技术学院学生会"}) {
			t.Errorf("school unions %v", got)
		}
		if got := orgsOfKind(t, svc, data.KindCollegeUnion); !slices.Equal(got, []string{"潮汕职业技术学院机电工程学院学生会"}) {
			t.Errorf("college unions %v", got)
		}
	})
}

// TestOneBadNewOrganizationDoesNotAbortTheImport: with --create-missing a
// too-long or two-line organization name rejects its own rows only, and
// the dry run says what the import then does.
func TestOneBadNewOrganizationDoesNotAbortTheImport(t *testing.T) {
	dir := sampleFolder(t)
	lines := []string{"学号,姓名,所属组织,组织类型,职务"}
	for i := range 11 {
		lines = append(lines, fmt.Sprintf("20209900%02d,新人%c,摄影爱好者协会,学生社团,社员", i, '甲'+rune(i)))
	}
	lines = append(lines, "2020990101,长名,"+strings.Repeat("很长的", 20)+"协会,学生社团,社员",
		`2020990102,两行,"摄影`+"\n"+`协会",学生社团,社员`)
	roster := rosterCSV(t, lines...)

	code, dry, _ := runCLI(t, "import", "members", roster, "--data", dir, "--create-missing", "--dry-run")
	if code != 1 || !strings.Contains(dry, "可导入 11 行（新增 11 人，更新 0 人，新任职 11 项），拒绝 2 行") {
		t.Fatalf("dry run: exit %d\n%s", code, dry)
	}
	if !strings.Contains(dry, "名称最多 50 个字") || !strings.Contains(dry, "换行（U+000A）") {
		t.Errorf("the reasons are not given:\n%s", dry)
	}
	code, stdout, stderr := runCLI(t, "import", "members", roster, "--data", dir, "--create-missing")
	if code != 1 || strings.Contains(stderr, "导入失败") || !strings.Contains(stdout, "已导入 11 行（新增 11 人，更新 0 人，新任职 11 项），拒绝 2 行") {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	if strings.ReplaceAll(dry, "可导入", "已导入") != strings.ReplaceAll(stdout, "已新建", "将新建") {
		t.Errorf("the dry run and the import disagree:\n%s\n---\n%s", dry, stdout)
	}
}

// TestOnePersonInSeveralOrganizations: 学号 compare without letter case; a
// person may hold posts in two organizations of one file; only the same
// organization twice is refused; rows without a 学号 are never tied to
// others; an invisible character in a 学号 is named.
func TestOnePersonInSeveralOrganizations(t *testing.T) {
	dir := sampleFolder(t)
	roster := rosterCSV(t, "学号,姓名,所属组织,部门,职务,任职开始日期",
		"a2024777001,张三,校学生会,宣传部,干事,2020-09-10",
		"A2024777001,张三,学生社团联合会,社团管理部,干事,2020-09-10",
		"A2024777001,张三,校学生会,学习部,干事,2020-09-10",
		",李四,校学生会,学习部,干事,2020-09-10",
		",王五,校学生会,学习部,干事,2020-09-10",
		"2024\u200b777002,赵六,校学生会,学习部,干事,2020-09-10",
		"2024777003,钱七,校学生会,学习部,干事,2020-09-10",
		"2024777003,钱七,校学生会,学习部,干事,2020-09-10")
	code, stdout, _ := runCLI(t, "import", "members", roster, "--data", dir)
	want := []string{
		"第 4 行：所属组织：第 2 行已是此人在“校学生会”的任职（干事），同一组织同一时间只能担任一个职务",
		"第 5 行：学号：请填写学号\n",
		"第 6 行：学号：请填写学号\n",
		"第 7 行（提醒）：学号：其中看不见的零宽空格（U+200B）已去掉",
		"第 9 行：学号：与第 8 行重复：同一人在“校学生会”的同一任职",
		"已导入 4 行（新增 3 人，更新 0 人，新任职 4 项），拒绝 4 行",
	}
	for _, w := range want {
		if !strings.Contains(stdout, w) {
			t.Errorf("missing %q", w)
		}
	}
	if code != 1 || strings.Contains(stdout, "已是此人") && strings.Count(stdout, "已是此人") != 1 {
		t.Errorf("exit %d\n%s", code, stdout)
	}
	withStore(t, dir, func(svc *app.Service) {
		if got := postsOf(t, svc, "a2024777001"); len(got) != 2 {
			t.Errorf("张三's posts: %v", got)
		}
		if _, err := svc.Store().PersonByStudentNo("A2024777001"); !data.IsNotFound(err) {
			t.Errorf("A2024777001 became a second person")
		}
	})
	// The file again, with the 学号 in the other case: nothing new.
	again := rosterCSV(t, "学号,姓名,所属组织,部门,职务,任职开始日期", "A2024777001,张三,校学生会,宣传部,干事,2020-09-10")
	if code, stdout, _ := runCLI(t, "import", "members", again, "--data", dir); code != 0 || !strings.Contains(stdout, "新增 0 人，更新 0 人，新任职 0 项") {
		t.Errorf("again: exit %d\n%s", code, stdout)
	}
}

// TestExportsImportBackUnchanged: the roster of a past day, of today and
// of everyone who ever held a post, exported and imported again, change
// nothing; the former chair's ended term stays ended.
func TestExportsImportBackUnchanged(t *testing.T) {
	dir := sampleFolder(t)
	var before []data.TableDigest
	withStore(t, dir, func(svc *app.Service) {
		var err error
		if before, err = svc.Store().Digests(); err != nil {
			t.Fatal(err)
		}
	})
	past := app.SampleHistoryDay(app.SemesterAt(time.Now())).String()
	for _, args := range [][]string{{"--date", past}, {}, {"--status", "all"}, {"--status", "left"}} {
		out := filepath.Join(t.TempDir(), "名册.xlsx")
		cmd := append([]string{"export", "report", "roster", "--data", dir, "--out", out}, args...)
		if code, _, stderr := runCLI(t, cmd...); code != 0 {
			t.Fatalf("%v: %s", args, stderr)
		}
		code, stdout, stderr := runCLI(t, "import", "members", out, "--data", dir)
		if code != 0 || !strings.Contains(stdout, "新增 0 人，更新 0 人，新任职 0 项），拒绝 0 行") {
			t.Fatalf("import of the roster %v: exit %d\n%s%s", args, code, stdout, stderr)
		}
		withStore(t, dir, func(svc *app.Service) {
			after, err := svc.Store().Digests()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(before, after) {
				t.Fatalf("the roster %v changed the data:\n%v\n%v", args, before, after)
			}
		})
	}
}

// TestTermsAndDates: a start after today is refused, an Excel serial of
// 2100 too; ranges keep their end.
func TestTermsAndDates(t *testing.T) {
	dir := sampleFolder(t)
	roster := rosterCSV(t, "学号,姓名,所属组织,部门,职务,任职起止",
		"2020880001,甲,校学生会,学习部,干事,2099-09-01",
		"2020880002,乙,校学生会,学习部,干事,73051",
		"2020880003,丙,校学生会,学习部,干事,2018-09-10 至 2019-06-30",
		"2020880004,丁,校学生会,学习部,干事,2018-09-10～2019-06-30",
		"2020880005,戊,校学生会,学习部,干事,2018-09-10-2019-06-30",
		"2020880006,己,校学生会,学习部,干事,2018-09-10到2019-06-30",
		"2020880007,庚,校学生会,学习部,干事,2019-09-10 至 2018-06-30",
		"2020880008,辛,校学生会,学习部,干事,2019-09-10 至今")
	code, stdout, _ := runCLI(t, "import", "members", roster, "--data", dir)
	for _, w := range []string{"第 2 行：任职开始日期：任职开始日期（2099-09-01）晚于今天", "第 3 行：任职开始日期：任职开始日期（2100-01-01）晚于今天",
		"第 8 行：任职开始日期：任职结束日期（2018-06-30）早于开始日期（2019-09-10）", "拒绝 3 行"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("missing %q", w)
		}
	}
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	withStore(t, dir, func(svc *app.Service) {
		for _, no := range []string{"2020880003", "2020880004", "2020880005", "2020880006"} {
			if got := postsOf(t, svc, no); !slices.Equal(got, []string{"校学生会/干事/2018-09-10/2019-06-30"}) {
				t.Errorf("%s: %v", no, got)
			}
		}
		if got := postsOf(t, svc, "2020880008"); !slices.Equal(got, []string{"校学生会/干事/2019-09-10/"}) {
			t.Errorf("至今: %v", got)
		}
	})
}

// TestControlCharactersAndLongValues: control and bidi characters in any
// text field refuse the row and are named; invisible ones are taken out
// with a warning; no raw escape reaches the terminal, and a very long
// value is shown cut short.
func TestControlCharactersAndLongValues(t *testing.T) {
	dir := sampleFolder(t)
	roster := rosterCSV(t, "学号,姓名,班级,二级学院,专业",
		"2020770001,\x1b[31m红字,,,",
		`2020770002,甲,"20级`+"\n"+`机电1班",,`,
		"2020770003,乙,,机电\u202e工程学院,",
		"2020770004,丙,,,机电\a一体化",
		"2020770005,丁\u200b一,,,",
		"2020770006,"+strings.Repeat("长", 10000)+",,,")
	code, stdout, stderr := runCLI(t, "import", "members", roster, "--data", dir)
	for _, w := range []string{
		"第 2 行：姓名：含有控制字符：转义符 ESC（U+001B），请删去后再导入",
		"第 3 行：班级：含有控制字符：换行（U+000A）",
		"第 4 行：二级学院：含有改变文字方向的字符：从右到左强制符 RLO（U+202E）",
		"第 5 行：专业：含有控制字符：响铃符 BEL（U+0007）",
		"第 6 行（提醒）：姓名：其中看不见的零宽空格（U+200B）已去掉",
		"第 7 行：姓名：姓名最多 50 个字，现在有 10000 个字",
		"已导入 1 行",
	} {
		if !strings.Contains(stdout, w) {
			t.Errorf("missing %q", w)
		}
	}
	if code != 1 || strings.ContainsAny(stdout+stderr, "\x1b\a\u202e\u200b") {
		t.Errorf("exit %d, raw characters reach the terminal:\n%q", code, stdout)
	}
	for _, line := range strings.Split(stdout, "\n") {
		if len([]rune(line)) > 400 {
			t.Errorf("a line of %d characters", len([]rune(line)))
		}
	}
	withStore(t, dir, func(svc *app.Service) {
		if p, err := svc.Store().PersonByStudentNo("2020770005"); err != nil || p.Name != "丁一" {
			t.Errorf("丁一 stored as %q (%v)", p.Name, err)
		}
	})
}

// TestTitlesTheRulesForbidAreKeptWithAWarning: 部长助理, 秘书长, 会长 and
// 主任 in a union are imported as written and named as warnings that
// indicator 6 will fail; 干 事 is 干事.
func TestTitlesTheRulesForbidAreKeptWithAWarning(t *testing.T) {
	dir := sampleFolder(t)
	roster := rosterCSV(t, "学号,姓名,所属组织,部门,职务",
		"2020660001,甲,校学生会,宣传部,部长助理",
		"2020660002,乙,校学生会,,秘书长",
		"2020660003,丙,校学生会,,会长",
		"2020660004,丁,校学生会,学习部,主任",
		"2020660005,戊,校学生会,学习部,干 事",
		"2020660006,己,摄影协会,,会长")
	code, stdout, stderr := runCLI(t, "import", "members", roster, "--data", dir, "--create-missing")
	if code != 0 || !strings.Contains(stdout, "已导入 6 行（新增 6 人，更新 0 人，新任职 6 项），拒绝 0 行；已导入的行中有 4 行带提醒") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for i, title := range []string{"部长助理", "秘书长", "会长", "主任"} {
		w := fmt.Sprintf("第 %d 行（提醒）：职务：“%s”不是改革允许的职务", i+2, title)
		if !strings.Contains(stdout, w) || !strings.Contains(stdout, "指标 6") {
			t.Errorf("missing %q", w)
		}
	}
	withStore(t, dir, func(svc *app.Service) {
		if got := postsOf(t, svc, "2020660005"); len(got) != 1 || !strings.Contains(got[0], "/干事/") {
			t.Errorf("干 事 stored as %v", got)
		}
		if got := postsOf(t, svc, "2020660002"); len(got) != 1 || !strings.Contains(got[0], "/秘书长/") {
			t.Errorf("秘书长 stored as %v", got)
		}
	})
}

// TestARefusalNamesTheWholeFile: a teacher's file name is often longer
// than a value a message may quote; the refusal names it whole, so that
// the teacher knows which file was refused.
func TestARefusalNamesTheWholeFile(t *testing.T) {
	dir := sampleFolder(t)
	name := "2024年秋季学期校学生会及各二级学院学生会学生干部名册（最终版，请勿修改）.csv"
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte("序号,备注\n1,无\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "import", "members", path, "--data", dir, "--dry-run")
	if code != 1 || !strings.Contains(stderr, name+"：没有找到表头") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

// TestWhatTheReaderNotedIsNotCalledUnread: a quote read as text was read;
// the report does not file it under 没有读取.
func TestWhatTheReaderNotedIsNotCalledUnread(t *testing.T) {
	dir := sampleFolder(t)
	roster := rosterCSV(t, "学号,姓名,所属组织,职务,备注",
		"2020550001,甲,篮球协会,会员,",
		`2020550002,乙,篮球协会,会员,"他说好`,
		"2020550003,丙,篮球协会,会员,")
	code, stdout, stderr := runCLI(t, "import", "members", roster, "--data", dir, "--dry-run")
	if code != 0 || strings.Contains(stdout, "没有读取：") ||
		!strings.Contains(stdout, "请注意：第 3 行有不成对的引号（\"），已当作文字读取，请核对这一行") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestAnEndDateColumnIsKept: a roster that gives a term's start and end in
// two columns keeps the end, as 任职起止 does, and checks it; a term cell
// with a control character is refused for that alone.
func TestAnEndDateColumnIsKept(t *testing.T) {
	dir := sampleFolder(t)
	roster := rosterCSV(t, "学号,姓名,所属组织,部门,职务,任职开始日期,任职结束日期",
		"2020440001,甲,校学生会,学习部,干事,2018-09-10,2019-06-30",
		"2020440002,乙,校学生会,学习部,干事,2019-09-10,至今",
		"2020440003,丙,校学生会,学习部,干事,2019-09-10,2018-06-30",
		"2020440004,丁,校学生会,学习部,干事,,2019-06-30",
		"2020440005,戊,校学生会,学习部,干事,2018-09-10 至 2019-06-30,2019-07-01",
		"2020440006,己,校学生会,学习部,干事,2018-09-10 至 2019-06-30,2019-06-30",
		"2020440007,庚,校学生会,学习部,干事,2018-09-10,",
		"2020440008,辛,校学生会,学习部,干事,2018-09-10\x1b[2J,")
	code, stdout, stderr := runCLI(t, "import", "members", roster, "--data", dir)
	for _, w := range []string{
		"第 9 行：任职开始日期：含有控制字符：转义符 ESC（U+001B），请删去后再导入\n", // said once, not also as a bad date
		"第 4 行：任职开始日期：任职结束日期（2018-06-30）早于开始日期（2019-09-10）",
		"第 5 行：任职结束日期：写了任职结束日期，但没有写任职开始日期",
		"第 6 行：任职结束日期：任职起止“2018-09-10 至 2019-06-30”与任职结束日期“2019-07-01”不一致",
		"已导入 4 行",
	} {
		if !strings.Contains(stdout, w) {
			t.Errorf("missing %q", w)
		}
	}
	if code != 1 || strings.Contains(stdout, "未使用的列") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
	withStore(t, dir, func(svc *app.Service) {
		for no, want := range map[string]string{"2020440001": "校学生会/干事/2018-09-10/2019-06-30",
			"2020440002": "校学生会/干事/2019-09-10/", "2020440006": "校学生会/干事/2018-09-10/2019-06-30",
			"2020440007": "校学生会/干事/2018-09-10/"} {
			if got := postsOf(t, svc, no); !slices.Equal(got, []string{want}) {
				t.Errorf("%s: %v, want %s", no, got, want)
			}
		}
	})
}

// TestTheSchoolsOwnUnionIsNotMadeACollegeUnionByTheKindColumn: a roster
// naming the school's union by the school's name and calling it a
// 二级学院学生会 in 组织类型 gets the same question as without the column;
// --create-missing makes no look-alike of 校学生会.
func TestTheSchoolsOwnUnionIsNotMadeACollegeUnionByTheKindColumn(t *testing.T) {
	dir := sampleFolder(t)
	roster := rosterCSV(t, "学号,姓名,所属组织,组织类型,部门,职务",
		"2020330001,甲,潮汕职业技术学院学生会,二级学院学生会,宣传部,干事")
	code, stdout, stderr := runCLI(t, "import", "members", roster, "--data", dir, "--create-missing")
	if code != 1 || !strings.Contains(stdout, `名册中的“潮汕职业技术学院学生会”是否就是已有的“校学生会”？请加 --map "潮汕职业技术学院学生会=校学生会"`) ||
		!strings.Contains(stdout, "已有校级学生会“校学生会”，不会自动再新建一个") || strings.Contains(stdout, "已新建") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	withStore(t, dir, func(svc *app.Service) {
		for _, kind := range []string{data.KindSchoolUnion, data.KindCollegeUnion} {
			for _, name := range orgsOfKind(t, svc, kind) {
				if name == "潮汕职业技术学院学生会" {
					t.Errorf("%s created as %s", name, kind)
				}
			}
		}
	})
}

// TestALastRowCutShortIsRefused: a CSV that ends in the middle of its last
// row (no line break, fewer cells than the others) does not import that
// row with a class cut to "20级": it is refused, named, and the rest goes in.
func TestALastRowCutShortIsRefused(t *testing.T) {
	dir := sampleFolder(t)
	path := filepath.Join(t.TempDir(), "名册.csv")
	text := "学号,姓名,所属组织,部门,职务,班级,备注\n" +
		"2020220001,甲,校学生会,学习部,干事,20级机电1班,\n" +
		"2020220002,乙,校学生会,学习部,干事,20级"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "import", "members", path, "--data", dir)
	if code != 1 || !strings.Contains(stdout, "第 3 行：文件在这一行中途结束（只有 6 列，少于其他行的 7 列）") ||
		!strings.Contains(stdout, "已导入 1 行") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if n := strings.Count(stdout+stderr, "少于其他行的 7 列"); n != 1 {
		t.Errorf("the cut row is reported %d times:\n%s%s", n, stdout, stderr)
	}
	withStore(t, dir, func(svc *app.Service) {
		if _, err := svc.Store().PersonByStudentNo("2020220002"); err == nil {
			t.Error("the cut row was imported")
		}
	})
}

// TestExcelErrorValuesAreRefused: a formula that failed leaves #N/A,
// #REF!… in the cell (and in a CSV saved from the sheet); no one is
// imported as 姓名 #N/A.
func TestExcelErrorValuesAreRefused(t *testing.T) {
	dir := sampleFolder(t)
	roster := rosterCSV(t, "学号,姓名,所属组织,部门,职务,任职起止",
		"2020110001,#N/A,校学生会,学习部,干事,",
		"#REF!,乙,校学生会,学习部,干事,",
		"2020110003,丙,校学生会,学习部,干事,#VALUE!",
		"2020110004,丁,#NAME?,学习部,干事,",
		"2020110005,戊,校学生会,学习部,干事,")
	code, stdout, stderr := runCLI(t, "import", "members", roster, "--data", dir, "--create-missing")
	for _, w := range []string{
		"第 2 行：姓名：单元格是 Excel 的错误值 #N/A（公式没有算出结果），请在 Excel 中改正后再导入\n",
		"第 3 行：学号：单元格是 Excel 的错误值 #REF!",
		"第 4 行：任职开始日期：单元格是 Excel 的错误值 #VALUE!",
		"第 5 行：所属组织：单元格是 Excel 的错误值 #NAME?",
		"已导入 1 行",
	} {
		if !strings.Contains(stdout, w) {
			t.Errorf("missing %q", w)
		}
	}
	if code != 1 || strings.Contains(stdout, "新建") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestAWrongStudentNumberDoesNotRenameSomeone: a row whose 学号 is on
// record under another name is refused, not written over the record (one
// mistyped 学号 renamed 刘嘉欣); the same name written with another middle
// dot or spaces is the same name.
func TestAWrongStudentNumberDoesNotRenameSomeone(t *testing.T) {
	dir := sampleFolder(t)
	var no, name string
	withStore(t, dir, func(svc *app.Service) {
		if _, err := svc.SavePerson(app.PersonDraft{StudentNo: "2020000777", Name: "阿依古丽·买买提"}); err != nil {
			t.Fatal(err)
		}
		ids, _ := svc.Store().RosterIDs(data.RosterFilter{})
		rows, _ := svc.Store().RosterRows(ids[:1], "")
		no, name = rows[0].StudentNo, rows[0].Name
	})
	roster := rosterCSV(t, "学号,姓名,班级", no+",张冠李戴,99级新班", "2020000777,阿依古丽・买买提,20级机电1班")
	code, stdout, stderr := runCLI(t, "import", "members", roster, "--data", dir)
	want := fmt.Sprintf("第 2 行：姓名：学号 %s 在记录中是“%s”，名册写的是“张冠李戴”", no, name)
	if code != 1 || !strings.Contains(stdout, want) || !strings.Contains(stdout, "已导入 1 行（新增 0 人，更新 1 人") {
		t.Fatalf("exit %d, want %q\n%s%s", code, want, stdout, stderr)
	}
	withStore(t, dir, func(svc *app.Service) {
		if p, _ := svc.Store().PersonByStudentNo(no); p.Name != name || p.ClassName == "99级新班" {
			t.Errorf("%s is now %s of %s", name, p.Name, p.ClassName)
		}
		if p, _ := svc.Store().PersonByStudentNo("2020000777"); p.Name != "阿依古丽·买买提" || p.ClassName != "20级机电1班" {
			t.Errorf("2020000777 is now %s of %s", p.Name, p.ClassName)
		}
	})
}

// TestASecondColumnOfTheSameNameIsNamed: of two 职务 columns only the
// first is read, and the other is named, not dropped without a word.
func TestASecondColumnOfTheSameNameIsNamed(t *testing.T) {
	dir := sampleFolder(t)
	roster := rosterCSV(t, "学号,姓名,所属组织,职务,职务", "2020990501,甲,篮球协会,会员,社长")
	code, stdout, stderr := runCLI(t, "import", "members", roster, "--data", dir, "--dry-run")
	if code != 0 || !strings.Contains(stdout, "未使用的列：职务（E 列，与 D 列重名，只读了 D 列）") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestANameInTraditionalCharactersIsAskedAbout: 校学生會 is not 校学生会
// silently, nor a stranger: it is asked about.
func TestANameInTraditionalCharactersIsAskedAbout(t *testing.T) {
	dir := sampleFolder(t)
	roster := rosterCSV(t, "学号,姓名,所属组织,部门,职务", "2020990601,甲,校學生會,宣传部,干事", "2020990602,乙,籃球協會,,会员")
	code, stdout, stderr := runCLI(t, "import", "members", roster, "--data", dir, "--dry-run")
	for _, w := range []string{`名册中的“校學生會”是否就是已有的“校学生会”？`, `名册中的“籃球協會”是否就是已有的“篮球协会”？`} {
		if !strings.Contains(stdout, w) {
			t.Errorf("missing %q", w)
		}
	}
	if code != 1 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
}
