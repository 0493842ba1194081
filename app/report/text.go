package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line breaking for Chinese text, after the rules of Chinese typesetting
// (行首行尾禁则): a line may break between any two Chinese characters, but
// never before closing punctuation (。，、）；： and the like), never after
// opening punctuation (（“《), and never inside a number, a date, a code or
// a Latin word ("2026-2027", "1/6", "45/51", "qq.com", "2020年9月10日"); a number keeps the
// measure word after it ("1/6 项", "51 人"). Column headers break only
// between the words of headerWords, never inside one ("工作部/门").
//
// Each text is cut into units that do not break, measured once, then laid
// out greedily: the work grows with the length of the text, not its square.

// noStart may not begin a line: they hang on the character before.
const noStart = "。，、．；：？！）］｝〕〉》」』】〗〙”’…‥—～·%％‰°℃,.;:?!)]}>'\"" + "ー々〻ゝゞ"

// noEnd may not end a line: they go with the character after.
const noEnd = "（［｛〔〈《「『【〖〘“‘([{<"

// unit is a piece of a paragraph that does not break: para[start:end].
type unit struct {
	start, end int
	width      float64
	space      bool // a space: a place to break, not printed at the start or end of a line
}

// segment cuts a paragraph (no line breaks) into units that do not break.
func segment(m *fontMetrics, text string, size float64) []unit {
	var units []unit
	scan(m, text, size, func(start, end int, width float64, space bool) {
		units = append(units, unit{start: start, end: end, width: width, space: space})
	})
	return units
}

// scan cuts a paragraph into units, calling emit with each unit's place in
// the text, its width and whether it is a space. It measures each
// character once and keeps no copy of the text.
func scan(m *fontMetrics, text string, size float64, emit func(start, end int, width float64, space bool)) {
	start, width := 0, 0.0
	var last rune              // the current unit's last character; 0 when it is empty
	glue, mark := false, false // glue: the unit takes the next character; mark: it holds a check box
	flush := func(at int) {
		if at > start {
			emit(start, at, width, false)
		}
		start, width, last, mark = at, 0, 0, false
	}
	add := func(r rune) {
		width += m.runeWidth(r, size)
		last, mark = r, mark || isDrawnMark(r)
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		next, nn := utf8.DecodeRuneInString(text[i+n:])
		switch {
		case r == ' ' && !glue:
			switch {
			case isDigit(last) && isHan(next): // "51 人", "1/6 项": a number keeps its measure word
				add(r)
				add(next)
				i += n + nn
				continue
			case isDrawnMark(next) && mark: // "☑是 □否": the options of a check stay on one line
				add(r)
				glue = true
				i += n
				continue
			}
			flush(i)
			emit(i, i+n, m.runeWidth(' ', size), true)
			start = i + n
		case glue || noStartRune(r) && !noEndRune(r),
			isWord(r) && isWord(last),
			isHan(r) && isDigit(last), // 51人, 2020年, 10月
			isDigit(r) && (last == '年' || last == '月') && isDigit(rune(text[start])): // 2020年9月10日 whole
			add(r)
		default:
			flush(i)
			add(r)
		}
		glue = noEndRune(r) || isDrawnMark(r)
		i += n
	}
	flush(len(text))
}

var noStartSet, noEndSet = runeSet(noStart), runeSet(noEnd)

func runeSet(s string) map[rune]bool {
	set := map[rune]bool{}
	for _, r := range s {
		set[r] = true
	}
	return set
}

func noStartRune(r rune) bool { return r != 0 && noStartSet[r] }
func noEndRune(r rune) bool   { return r != 0 && noEndSet[r] }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isHan(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF: // the common ideographs
		return true
	case r < 0x2E80:
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// isWord: the characters of numbers, dates, codes and Latin words, which
// break only at spaces.
func isWord(r rune) bool {
	switch {
	case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true
	case r >= '０' && r <= '９', r >= 'ａ' && r <= 'ｚ', r >= 'Ａ' && r <= 'Ｚ':
		return true
	}
	return r > ' ' && r < 0x7f && !strings.ContainsRune("([{<\"'", r)
}

// breakLines splits text into lines no wider than width mm at size points,
// at its line breaks and where the rules above allow; a unit wider than a
// whole line (a long web address) is cut where it must.
func breakLines(m *fontMetrics, text string, width, size float64) []string {
	if !strings.Contains(text, "\n") && m.width(text, size) <= width+1e-9 {
		return []string{text} // most cells: one line, nothing to cut
	}
	l := liner{m: m, size: size, width: width}
	for para := range strings.SplitSeq(text, "\n") {
		l.paragraph(para, func(emit func(start, end int, w float64, space bool)) { scan(m, para, size, emit) })
	}
	return l.lines
}

// liner lays the units of paragraphs out on lines no wider than width,
// greedily; each line is a piece of its paragraph, not a copy.
type liner struct {
	m            *fontMetrics
	size, width  float64
	lines        []string
	para         string
	start, end   int     // the current line: para[start:end]
	w            float64 // its width
	started      bool    // it has a character other than a space
	paraHasLines bool
}

// paragraph lays out one paragraph, whose units units gives.
func (l *liner) paragraph(para string, units func(emit func(start, end int, w float64, space bool))) {
	l.para, l.started, l.w, l.paraHasLines = para, false, 0, false
	units(l.add)
	if l.started || !l.paraHasLines {
		l.emit() // the last line, or an empty paragraph's empty line
	}
}

func (l *liner) emit() {
	line := ""
	if l.started {
		line = strings.TrimRight(l.para[l.start:l.end], " ")
	}
	l.lines = append(l.lines, line)
	l.started, l.w, l.paraHasLines = false, 0, true
}

func (l *liner) add(start, end int, w float64, space bool) {
	const eps = 1e-9
	switch {
	case space && !l.started: // no space at the start of a line
		return
	case space:
		l.end, l.w = end, l.w+w
		return
	}
	if l.started && l.w+w > l.width+eps {
		l.emit()
	}
	if w > l.width+eps { // too wide for any line: cut it where it must
		for i, r := range l.para[start:end] {
			rw := l.m.runeWidth(r, l.size)
			if l.started && l.w+rw > l.width+eps {
				l.emit()
			}
			if r == ' ' && !l.started {
				continue
			}
			l.put(start+i, start+i+utf8.RuneLen(r), rw)
		}
		return
	}
	l.put(start, end, w)
}

// put adds para[start:end] to the current line.
func (l *liner) put(start, end int, w float64) {
	if !l.started {
		l.start, l.started = start, true
	}
	l.end, l.w = end, l.w+w
}

// widest is the width of the widest unit of a text: the narrowest a column
// can be without cutting a word.
func widest(m *fontMetrics, text string, size float64, header bool) float64 {
	w := 0.0
	for para := range strings.SplitSeq(text, "\n") {
		if header {
			for _, u := range headerUnits(m, para, size) {
				w = max(w, u.width)
			}
			continue
		}
		scan(m, para, size, func(_, _ int, uw float64, _ bool) { w = max(w, uw) })
	}
	return w
}

// longest is the width of a text's longest line when nothing wraps.
func longest(m *fontMetrics, text string, size float64) float64 {
	w := 0.0
	for para := range strings.SplitSeq(text, "\n") {
		w = max(w, m.width(para, size))
	}
	return w
}

// headerWords are the words column headers are made of: a header breaks
// between them and nowhere else. A header with a word not listed here
// stays whole.
var headerWords = []string{
	"主席团", "负责人", "申请书", "候选人", "责任人", "记录人", "学代会", "本学期", "上学期", "学时数",
	"工作", "部门", "人数", "上限", "递交", "入党", "政治", "面貌", "二级", "学院", "建议", "退出", "原因",
	"任职", "起止", "开始", "结束", "发现", "日期", "整改", "期限", "措施", "完成", "验收", "销号", "责任",
	"组织", "参加", "培训", "学时", "骨干", "其中", "出勤", "出席", "记录", "问题", "下期", "上期", "报告",
	"最近", "符合", "标准", "情况", "比例", "占比", "合计", "录用", "未录用", "待定", "考核", "结果", "等次",
	"人员", "名单", "会议", "要点", "类别", "主题", "地点", "主讲", "提示", "状态", "来源", "说明", "人次",
	"指标", "结论", "备注", "项目", "群众", "干事", "学生会", "学生", "工作人员", "人数上限", "团员", "党员",
}

// headerUnits cuts a header into its known words and the runs of other
// characters between them, each kept whole; brackets and punctuation go
// with their word.
func headerUnits(m *fontMetrics, text string, size float64) []unit {
	var parts []string
	other := ""
	flush := func() {
		if other != "" {
			parts = append(parts, other)
			other = ""
		}
	}
	for rest := text; rest != ""; {
		word := ""
		for _, w := range headerWords {
			if len(w) > len(word) && strings.HasPrefix(rest, w) {
				word = w
			}
		}
		if word == "" {
			r, n := utf8.DecodeRuneInString(rest)
			other += string(r)
			if r == ' ' || r == '/' || r == '／' {
				flush()
			}
			rest = rest[n:]
			continue
		}
		flush()
		parts = append(parts, word)
		rest = rest[len(word):]
	}
	flush()
	var units []unit
	glue, at := false, 0
	for _, p := range parts {
		if n := len(units); n > 0 && (glue || noStartRune([]rune(p)[0])) {
			units[n-1].end += len(p)
			units[n-1].width += m.width(p, size)
		} else {
			units = append(units, unit{start: at, end: at + len(p), width: m.width(p, size), space: p == " "})
		}
		glue = noEndRune(lastRune(p))
		at += len(p)
	}
	return units
}

// breakHeader splits a column header into lines no wider than width,
// between its words.
func breakHeader(m *fontMetrics, text string, width, size float64) []string {
	l := liner{m: m, size: size, width: width}
	for para := range strings.SplitSeq(text, "\n") {
		l.paragraph(para, func(emit func(start, end int, w float64, space bool)) {
			for _, u := range headerUnits(m, para, size) {
				emit(u.start, u.end, u.width, u.space)
			}
		})
	}
	return l.lines
}
