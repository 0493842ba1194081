package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
)

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Default Extension="png" ContentType="image/png"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

func documentRels(pictures int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
		`<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>`)
	for i := 1; i <= pictures; i++ {
		fmt.Fprintf(&b, `<Relationship Id="rIdChart%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart%d.png"/>`, i, i)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func escaped(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// coreProps: the document's title and subject, made by this program, in
// Chinese, when.
func coreProps(title, subject, now string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + escaped(title) + `</dc:title><dc:subject>` + escaped(subject) + `</dc:subject>` +
		`<dc:creator>团学台账</dc:creator><cp:lastModifiedBy>团学台账</cp:lastModifiedBy><dc:language>zh-CN</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + now + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + now + `</dcterms:modified></cp:coreProperties>`
}

const appProps = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
	`<Application>团学台账</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
	`<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>`

const documentHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>`

const documentTail = `</w:body></w:document>`

const settingsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>`

// fontTableXML names the fonts with their English names too, so that Word
// in any language finds them.
const fontTableXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="仿宋"><w:altName w:val="FangSong"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="楷体"><w:altName w:val="KaiTi"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="Segoe UI Symbol"><w:panose1 w:val="020B0502040204020203"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
	`</w:fonts>`

// footerXML numbers the pages: "第 N 页 / 共 M 页" under a table, "— N —"
// under an official document.
func footerXML(text bool) string {
	field := func(instr string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ` + instr +
			` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	}
	words := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	line := words("第 ") + field("PAGE") + words(" 页 / 共 ") + field("NUMPAGES") + words(" 页")
	if text {
		line = words("— ") + field("PAGE") + words(" —")
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` + line + `</w:p></w:ftr>`
}

// docxStyle is one paragraph style.
type docxStyle struct {
	id, name string
	font     string  // East Asian font; "" from Normal
	size     float64 // points; 0 from Normal
	bold     bool
	outline  int    // heading level 1–3, 0 for none
	pPr      string // paragraph properties, in schema order
	color    string
}

func (s docxStyle) xml() string {
	var b strings.Builder
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>`, s.id, s.name)
	if s.outline > 0 {
		b.WriteString(`<w:uiPriority w:val="9"/>`)
	}
	b.WriteString(`<w:qFormat/><w:pPr>`)
	b.WriteString(s.pPr)
	if s.outline > 0 {
		fmt.Fprintf(&b, `<w:outlineLvl w:val="%d"/>`, s.outline-1)
	}
	b.WriteString(`</w:pPr><w:rPr>`)
	if s.font != "" {
		fmt.Fprintf(&b, `<w:rFonts w:ascii="%s" w:eastAsia="%s" w:hAnsi="%s"/>`, latinFor(s.font), s.font, latinFor(s.font))
	}
	if s.bold {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	if s.color != "" {
		fmt.Fprintf(&b, `<w:color w:val="%s"/>`, s.color)
	}
	if s.size > 0 {
		fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, int(s.size*2), int(s.size*2))
	}
	b.WriteString(`</w:rPr></w:style>`)
	return b.String()
}

// latinFor is the font for Latin letters and digits beside a Chinese one.
func latinFor(font string) string {
	if font == "仿宋" || font == "楷体" {
		return "Times New Roman"
	}
	return font
}

// stylesXML defines the styles the body uses: for a table document 宋体
// 五号 text, 黑体 title and headings; for an official document (GB/T 9704)
// 3号 仿宋 text on a 28.95-point line, a 2号 宋体 title, headings 一、 in 黑体,
// （一） in 楷体, 1. in bold 仿宋.
func stylesXML(g docxPage) string {
	// Tables: Latin letters and digits in 宋体 too, half a character wide,
	// and no extra space between them and Chinese, so that cells are as
	// wide as columnWidths measured them.
	latin, normalFont, normalSize := "宋体", "宋体", 10.5
	line := `<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:line="300" w:lineRule="auto"/>`
	styles := []docxStyle{
		{id: "Title", name: "Title", font: "黑体", size: 18, pPr: `<w:keepNext/><w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/>`},
		{id: "Subtitle", name: "Subtitle", size: 10, color: "404040", pPr: `<w:keepNext/><w:spacing w:after="160"/><w:jc w:val="center"/>`},
		{id: "Heading1", name: "heading 1", font: "黑体", size: 14, outline: 1, pPr: `<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>`},
		{id: "Heading2", name: "heading 2", font: "黑体", size: 12, outline: 2, pPr: `<w:keepNext/><w:keepLines/><w:spacing w:before="180" w:after="60"/>`},
		{id: "Heading3", name: "heading 3", size: 10.5, bold: true, outline: 3, pPr: `<w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="60"/>`},
		{id: "Body", name: "Body Text", pPr: `<w:ind w:firstLineChars="200" w:firstLine="420"/>`},
		{id: "BodyFlush", name: "Body Text Flush"},
		{id: "Signature", name: "Signature", pPr: `<w:jc w:val="right"/>`},
		{id: "Caption", name: "caption", font: "黑体", pPr: `<w:keepNext/><w:spacing w:before="240" w:after="60"/>`},
		{id: "Figure", name: "Figure", pPr: `<w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/>`},
		{id: "TableText", name: "Table Text", size: g.table.size, pPr: `<w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>`},
		{id: "TableAfter", name: "Table After", size: 6, pPr: `<w:spacing w:line="240" w:lineRule="auto"/>`},
		{id: "Footer", name: "footer", size: 9, pPr: `<w:jc w:val="center"/>`},
	}
	if g.text {
		latin, normalFont, normalSize, line = "Times New Roman", "仿宋", 16, `<w:spacing w:line="579" w:lineRule="exact"/>`
		styles[0] = docxStyle{id: "Title", name: "Title", font: "宋体", size: 22, bold: true,
			pPr: `<w:keepNext/><w:spacing w:after="579" w:line="700" w:lineRule="exact"/><w:jc w:val="center"/>`}
		styles[1].size = 14
		styles[2] = docxStyle{id: "Heading1", name: "heading 1", font: "黑体", size: 16, outline: 1, pPr: `<w:keepNext/><w:keepLines/><w:ind w:firstLineChars="200" w:firstLine="640"/>`}
		styles[3] = docxStyle{id: "Heading2", name: "heading 2", font: "楷体", size: 16, outline: 2, pPr: `<w:keepNext/><w:keepLines/><w:ind w:firstLineChars="200" w:firstLine="640"/>`}
		styles[4] = docxStyle{id: "Heading3", name: "heading 3", bold: true, outline: 3, pPr: `<w:keepNext/><w:keepLines/><w:ind w:firstLineChars="200" w:firstLine="640"/>`}
		styles[5].pPr = `<w:ind w:firstLineChars="200" w:firstLine="640"/>`
		styles[7].pPr = `<w:ind w:right="1280"/><w:jc w:val="right"/>`
		styles[12].size = 14
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>`)
	fmt.Fprintf(&b, `<w:rFonts w:ascii="%s" w:eastAsia="%s" w:hAnsi="%s" w:cs="Times New Roman"/>`, latin, normalFont, latin)
	fmt.Fprintf(&b, `<w:kern w:val="2"/><w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>`, int(normalSize*2), int(normalSize*2))
	b.WriteString(`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/>` + line + `<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	for _, s := range styles {
		b.WriteString(s.xml())
	}
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>` +
		`<w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr>` + tableBorders + `</w:tblPr></w:style>`)
	b.WriteString(`</w:styles>`)
	return b.String()
}
