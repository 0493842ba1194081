package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// Word keeps a character our font lacks (the reader's fonts may have it),
// and an empty table or chart says so, with no picture of nothing.
func TestWordKeepsRareCharactersAndSaysEmpty(t *testing.T) {
	rare := Document{Title: "学生骨干名册", Sections: []Section{{Columns: []Column{{Title: "姓名"}}, Rows: [][]string{{"𠮷田一"}}}}}
	var docx bytes.Buffer
	if err := WriteDOCX(&docx, rare); err != nil {
		t.Fatal(err)
	}
	if body := zipPart(t, docx.Bytes(), "word/document.xml"); !strings.Contains(body, "𠮷田一") {
		t.Error("the Word file lost 𠮷")
	}
	d := Document{Title: "退出情况表", Sections: []Section{
		{Caption: "退出名单", Columns: []Column{{Title: "日期"}, {Title: "姓名"}}},
		{Caption: "整改", Columns: []Column{{Title: "问题"}}, Empty: "本学年无整改事项"}},
		Charts: []Chart{{Title: "整改事项状态", Bars: []Bar{{Label: "待整改"}, {Label: "已销号"}}}}}
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	if body := zipPart(t, buf.Bytes(), "word/document.xml"); strings.Count(body, EmptyNote) != 2 || strings.Contains(body, "<w:drawing>") {
		t.Errorf("Word: empty notes %d, or a picture of an empty chart", strings.Count(body, EmptyNote))
	}
}

// Every Word file: A4, ruled tables with set widths and a repeated header
// row, page numbers, heading styles, Chinese, fonts of Chinese Windows, our
// own properties, no thumbnail, pictures within the text.
func TestWordFileParts(t *testing.T) {
	wide := Section{Caption: "名单"}
	for _, title := range []string{"学号", "姓名", "组织", "部门", "职务", "政治面貌", "班级", "二级学院", "性别", "任职起止", "考核", "建议退出原因"} {
		wide.Columns = append(wide.Columns, Column{Title: title})
	}
	for range 30 {
		wide.Rows = append(wide.Rows, []string{"2017010001", "刘嘉欣", "机电工程学院学生会", "权益服务部", "副部长", "入党积极分子", "17级机电一体化2班",
			"机电工程学院", "女", "2020-02-15 至 2021-06-30", "不合格", "有 1 门课程不及格；考核不合格"})
	}
	d := Document{Title: "学生骨干名册", Subtitle: "潮汕职业技术学院", Sections: []Section{wide},
		Charts: []Chart{{Title: "人数", Bars: []Bar{{Label: "校学生会", Value: 51, Limit: 40}}}}}
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	body := zipPart(t, buf.Bytes(), "word/document.xml")
	styles := zipPart(t, buf.Bytes(), "word/styles.xml")
	for _, want := range []string{`<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`, `<w:tblHeader/>`, `<w:tblLayout w:type="fixed"/>`,
		`<w:insideH w:val="single"`, `<w:gridCol w:w=`, `<w:pStyle w:val="Heading1"/>`, `r:id="rIdFooter"`} {
		if !strings.Contains(body, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	for _, want := range []string{`w:styleId="TableGrid"`, `<w:name w:val="heading 1"/>`, `<w:outlineLvl w:val="0"/>`,
		`w:eastAsia="zh-CN"`, `w:eastAsia="宋体"`, `w:eastAsia="黑体"`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	if footer := zipPart(t, buf.Bytes(), "word/footer1.xml"); !strings.Contains(footer, "NUMPAGES") {
		t.Error("no page numbers")
	}
	core := zipPart(t, buf.Bytes(), "docProps/core.xml")
	if !strings.Contains(core, "<dc:creator>团学台账</dc:creator>") || strings.Contains(core, "gomutex") || !strings.Contains(core, "学生骨干名册") {
		t.Errorf("core properties %s", core)
	}
	z, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	for _, f := range z.File {
		if strings.Contains(f.Name, "thumbnail") {
			t.Errorf("a thumbnail: %s", f.Name)
		}
	}
	// The picture: at most the text width of a landscape page, 261 mm.
	if i := strings.Index(body, `<wp:extent cx="`); i < 0 {
		t.Error("no picture")
	} else {
		var cx int
		fmt.Sscanf(body[i+len(`<wp:extent cx="`):], "%d", &cx)
		if cx > emu(261) || cx < emu(100) {
			t.Errorf("picture %d EMU wide", cx)
		}
	}
	// A text document is an official document: GB/T 9704 margins, 仿宋.
	buf.Reset()
	if err := WriteDOCX(&buf, Document{Title: "自评报告", Paragraphs: []Paragraph{{Heading: true, Text: "一、概况"}, {Text: "正文"}}}); err != nil {
		t.Fatal(err)
	}
	if body, styles := zipPart(t, buf.Bytes(), "word/document.xml"), zipPart(t, buf.Bytes(), "word/styles.xml"); !strings.Contains(body, `w:top="2098"`) ||
		!strings.Contains(styles, `w:eastAsia="仿宋"`) || !strings.Contains(styles, `<w:sz w:val="44"/>`) {
		t.Errorf("official document: %s", body[strings.Index(body, "<w:sectPr"):])
	}
}

func zipPart(t *testing.T, file []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	data, _ := io.ReadAll(f)
	return string(data)
}

// The marks of a form name their font in Word, Segoe UI Symbol, so no
// office suite falls back to a dot for □ beside a full ☑, or to a speck for
// ▲; "☑是 □否" keeps its words and space.
func TestWordFormMarksNameTheirFonts(t *testing.T) {
	d := Document{Title: "改革自评表", Sections: []Section{{Notes: []string{"标注“▲”为观测指标"},
		Columns: []Column{{Title: "指标"}, {Title: "结论"}}, Rows: [][]string{{"1.坚持", "☑是 □否"}}}}}
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	body := zipPart(t, buf.Bytes(), "word/document.xml")
	run := func(font, text string) string {
		return fmt.Sprintf(`<w:rFonts w:ascii="%[1]s" w:eastAsia="%[1]s" w:hAnsi="%[1]s" w:cs="%[1]s" w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">%s</w:t>`, font, text)
	}
	for _, want := range []string{run("Segoe UI Symbol", "☑"), `<w:t xml:space="preserve">是 </w:t>`, run("Segoe UI Symbol", "□"),
		`<w:t xml:space="preserve">否</w:t>`, run("Segoe UI Symbol", "▲")} {
		if !strings.Contains(body, want) {
			t.Errorf("Word lacks %s", want)
		}
	}
}
