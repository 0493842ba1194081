package report

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"
)

// WriteHTML writes a document as one self-contained web page for a
// website's editor (the 团委 site's 信息公开): every table as a real text
// table, never a picture; the style on each element itself (editors keep
// inline styles and drop <style> blocks and classes); no script, no
// picture, no link to anything outside the file. A chart prints as the
// table of its figures. The sections, paragraphs and charts come in the
// order the PDF prints them.
func WriteHTML(w io.Writer, d Document) error {
	b := bufio.NewWriter(w)
	h := &htmlWriter{b: b}
	h.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
	h.raw("<title>" + esc(d.Title) + "</title>\n</head>\n")
	h.raw(`<body style="` + htmlFont + `margin:0;padding:16px;color:#000;background:#fff;">` + "\n")
	h.raw(`<div style="max-width:960px;margin:0 auto;">` + "\n")
	h.tag("h1", "text-align:center;font-size:22px;font-weight:bold;margin:12px 0 6px 0;", d.Title)
	if d.Subtitle != "" {
		h.tag("p", "text-align:center;font-size:13px;color:#444;margin:0 0 12px 0;", d.Subtitle)
	}
	for _, f := range d.Header {
		h.tag("p", htmlLine, f.Label+"："+f.Value)
	}
	for _, s := range d.Sections {
		h.section(s)
	}
	for _, p := range d.Paragraphs {
		h.paragraph(p)
	}
	for _, c := range d.Charts {
		h.chart(c)
	}
	if d.Signature {
		h.tag("p", htmlLine+"text-align:right;", "团委书记（签字）：＿＿＿＿＿＿＿＿　　　　（盖章）")
	}
	h.raw("</div>\n</body>\n</html>\n")
	return b.Flush()
}

const (
	htmlFont  = `font-family:'SimSun','宋体','Songti SC','Noto Serif CJK SC',serif;font-size:14px;line-height:1.6;`
	htmlLine  = "margin:4px 0;font-size:14px;"
	htmlCell  = "border:1px solid #000;padding:4px 6px;vertical-align:middle;font-size:14px;"
	htmlTable = "border-collapse:collapse;width:100%;margin:6px 0 14px 0;table-layout:auto;"
)

type htmlWriter struct{ b *bufio.Writer }

func (h *htmlWriter) raw(s string) { h.b.WriteString(s) }

// tag writes one element of text: its lines kept, as a cell's are.
func (h *htmlWriter) tag(name, style, text string) {
	fmt.Fprintf(h.b, "<%s style=\"%s\">%s</%s>\n", name, style, esc(text), name)
}

// esc escapes text for the page, its line breaks kept as <br>.
func esc(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}

func (h *htmlWriter) section(s Section) {
	if s.Caption != "" {
		h.tag("h2", "font-size:17px;font-weight:bold;margin:18px 0 6px 0;", s.Caption)
	}
	for _, n := range s.Notes {
		h.tag("p", htmlLine, n)
	}
	for _, line := range fieldLines(s.Header) {
		h.tag("p", htmlLine, line)
	}
	h.raw(`<table style="` + htmlTable + `">` + "\n<thead><tr>")
	for _, c := range s.Columns {
		h.raw(`<th style="` + htmlCell + `font-weight:bold;text-align:center;background:#f2f2f2;">` + esc(c.Title) + "</th>")
	}
	h.raw("</tr></thead>\n<tbody>\n")
	if len(s.Rows) == 0 {
		fmt.Fprintf(h.b, `<tr><td colspan="%d" style="%stext-align:center;">%s</td></tr>`+"\n",
			max(len(s.Columns), 1), htmlCell, esc(s.emptyNote()))
	}
	kinds := s.kinds()
	for i, r := range s.Rows {
		color := ""
		if s.alert(i) {
			color = "color:#c00000;"
		}
		h.raw("<tr>")
		if s.span(i) {
			fmt.Fprintf(h.b, `<td colspan="%d" style="%s%sfont-weight:bold;">%s</td>`, max(len(s.Columns), 1), htmlCell, color,
				esc(first(r)))
			h.raw("</tr>\n")
			continue
		}
		for j := range s.Columns {
			cell := ""
			if j < len(r) {
				cell = r[j]
			}
			align := "text-align:left;"
			if j < len(kinds) && rightAligned(kinds[j]) {
				align = "text-align:right;"
			}
			h.raw(`<td style="` + htmlCell + align + color + `">` + esc(cell) + "</td>")
		}
		h.raw("</tr>\n")
	}
	h.raw("</tbody>\n</table>\n")
	for _, line := range s.Signature {
		h.tag("p", htmlLine+"text-align:right;", line)
	}
}

func first(r []string) string {
	if len(r) == 0 {
		return ""
	}
	return r[0]
}

func (h *htmlWriter) paragraph(p Paragraph) {
	switch level := p.level(); {
	case level > 0:
		sizes := [...]string{"", "17px", "16px", "15px"}
		h.tag(fmt.Sprintf("h%d", level+1), "font-size:"+sizes[level]+";font-weight:bold;margin:14px 0 6px 0;", p.Text)
	case p.Align == AlignRight:
		h.tag("p", htmlLine+"text-align:right;", p.Text)
	case p.Align == AlignLeft:
		h.tag("p", htmlLine, p.Text)
	default:
		h.tag("p", htmlLine+"text-indent:2em;", p.Text)
	}
}

// chart prints a chart's figures as a table: a page for the web carries
// no picture of it.
func (h *htmlWriter) chart(c Chart) {
	s := Section{Caption: c.Title, Columns: []Column{{Title: "项目"}, {Title: c.ValueLabel}}, Empty: c.Empty}
	limits := c.HasLimits()
	if limits {
		s.Columns = append(s.Columns, Column{Title: "上限"})
	}
	s.Columns = append(s.Columns, Column{Title: "说明"})
	for _, bar := range c.Bars {
		row := []string{bar.Label, fmt.Sprintf("%d%s", bar.Value, c.Unit)}
		if limits {
			limit := ""
			if bar.Limit > 0 {
				limit = fmt.Sprintf("%d%s", bar.Limit, c.Unit)
			}
			row = append(row, limit)
		}
		note := bar.Note
		if bar.Marked() && c.MarkLegend != "" {
			note = strings.TrimSpace(c.MarkLegend + " " + note)
		}
		s.Rows = append(s.Rows, append(row, note))
		s.Alerts = append(s.Alerts, bar.Marked())
	}
	h.section(s)
}
