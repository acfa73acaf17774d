package proof

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"qicao/drafts"
)

// Punctuation (GB/T 15834-2011): half-width marks in Chinese text,
// unmatched brackets and quotes, single quotes at the top level, doubled
// marks, a sentence without its end mark before a 责任单位 parenthetical,
// 文号 brackets.

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isCJKPunct reports full-width Chinese punctuation.
func isCJKPunct(r rune) bool {
	return strings.ContainsRune("，。、；：？！“”‘’（）《》〈〉【】〔〕…—·", r)
}

func isChinese(r rune) bool { return isHan(r) || isCJKPunct(r) }

// halfToFull maps half-width marks to the full-width ones Chinese text uses.
var halfToFull = map[rune]string{',': "，", ';': "；", ':': "：", '?': "？", '!': "！", '(': "（", ')': "）"}

// runeAt returns the rune before and after byte offsets [i, j) of s.
func around(s string, i, j int) (before, after rune) {
	before, after = -1, -1
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if j < len(s) {
		after, _ = utf8.DecodeRuneInString(s[j:])
	}
	return
}

// checkHalfWidth reports half-width , ; : ? ! ( ) . " beside Chinese text.
func checkHalfWidth(c *checker) {
	labels := labelStarts(c.doc)
	for _, l := range c.lines {
		if !strings.ContainsAny(l.text, ",;:?!().\"") {
			continue
		}
		s := l.text
		parens := halfParens(s)
		quote := 0
		for i, r := range s {
			j := i + utf8.RuneLen(r)
			b, a := around(s, i, j)
			var f string
			switch r {
			case ',', ';', ':', '?', '!':
				if isDigit(b) && isDigit(a) || !(isChinese(b) || isChinese(a)) {
					continue
				}
				f = halfToFull[r]
			case '(', ')':
				if !parens[i] || labels[l.start+i] {
					continue
				}
				f = halfToFull[r]
			case '.':
				if !isHan(b) || isDigit(a) || isLatin(a) {
					continue
				}
				f = "。"
			case '"':
				if !(isChinese(b) || isChinese(a)) {
					continue
				}
				f = []string{"“", "”"}[quote%2]
				quote++
			default:
				continue
			}
			c.add("punct.half-width", Finding, KindPunctuation, RulePunctuation,
				fmt.Sprintf("中文文本中使用了半角标点「%s」，应为全角「%s」", string(r), f), l.start+i, l.start+j, fix(f))
		}
	}
}

// labelStarts returns the byte offsets of label characters: checkLabelStyles
// reports labels.
func labelStarts(d *drafts.Document) map[int]bool {
	out := map[int]bool{}
	d.Walk(func(n, _ *drafts.Node) {
		for i := n.LabelSpan.Start; i < n.LabelSpan.End; i++ {
			out[i] = true
		}
	})
	return out
}

// halfParens returns the offsets of half-width brackets that enclose or
// touch Chinese text: (市科技局牵头), (一). (PDF) and (2024) stay.
func halfParens(s string) map[int]bool {
	out := map[int]bool{}
	var stack []int
	for i, r := range s {
		switch r {
		case '(', '（':
			stack = append(stack, i)
		case ')', '）':
			if len(stack) == 0 {
				continue
			}
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			inner := s[open+utf8.RuneLen(r):]
			inner = inner[:max(0, i-open-utf8.RuneLen(r))]
			if o, _ := utf8.DecodeRuneInString(s[open:]); o == '（' {
				inner = s[open+len("（") : i]
			} else {
				inner = s[open+1 : i]
			}
			if strings.IndexFunc(inner, isChinese) < 0 && !isHanNumeralOnly(inner) {
				b, _ := around(s, open, open)
				_, a := around(s, i+1, i+1)
				if !(isHan(b) && isHan(a)) {
					continue
				}
			}
			if s[open] == '(' {
				out[open] = true
			}
			if r == ')' {
				out[i] = true
			}
		}
	}
	return out
}

func isHanNumeralOnly(s string) bool {
	return s != "" && strings.Trim(s, "一二三四五六七八九十百零〇") == ""
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLatin(r rune) bool { return r < 128 && unicode.IsLetter(r) }

// pairs of brackets and quotes that must match within a paragraph.
var opens = map[rune]rune{'（': '）', '(': '）', '“': '”', '《': '》', '【': '】', '〔': '〕', '‘': '’'}
var closes = map[rune]bool{'）': true, ')': true, '”': true, '》': true, '】': true, '〕': true, '’': true}

// checkBrackets reports a bracket or quote without its partner in the same
// paragraph.
func checkBrackets(c *checker) {
	type open struct {
		r rune
		i int // offset in the source
	}
	var stack []open
	for li, l := range c.lines {
		if li > 0 && endsSentence(c.lines[li-1].text) {
			for _, o := range stack {
				c.add("punct.unmatched", Finding, KindPunctuation, RulePunctuation,
					fmt.Sprintf("「%s」没有与之配对的后半", string(o.r)), o.i, o.i+utf8.RuneLen(o.r), nil)
			}
			stack = nil
		}
		for i, r := range l.text {
			i += l.start
			if r == ')' {
				r = '）'
			}
			if _, ok := opens[r]; ok {
				stack = append(stack, open{r, i})
				continue
			}
			if !closes[r] {
				continue
			}
			if len(stack) > 0 && opens[stack[len(stack)-1].r] == r {
				stack = stack[:len(stack)-1]
				continue
			}
			// A close without its open: report it, unless an open deeper in
			// the stack matches (then the ones above it are the unmatched).
			k := len(stack) - 1
			for k >= 0 && opens[stack[k].r] != r {
				k--
			}
			if k < 0 {
				if !openedAbove(c.src, l.start, r) {
					c.add("punct.unmatched", Finding, KindPunctuation, RulePunctuation,
						fmt.Sprintf("「%s」没有与之配对的前半", string(r)), i, i+utf8.RuneLen(r), nil)
				}
				continue
			}
			for _, o := range stack[k+1:] {
				c.add("punct.unmatched", Finding, KindPunctuation, RulePunctuation,
					fmt.Sprintf("「%s」没有与之配对的后半", string(o.r)), o.i, o.i+utf8.RuneLen(o.r), nil)
			}
			stack = stack[:k]
		}
	}
	for _, o := range stack {
		c.add("punct.unmatched", Finding, KindPunctuation, RulePunctuation,
			fmt.Sprintf("「%s」没有与之配对的后半", string(o.r)), o.i, o.i+utf8.RuneLen(o.r), nil)
	}
}

// openedAbove reports whether the lines just above pos — a title split
// over lines, whose first lines the parser keeps in the title block
// (怀化's 《…/…/…》) — leave open the mark that close closes.
func openedAbove(src string, pos int, close rune) bool {
	depth := 0
	for n := 0; n < 3 && pos > 0; {
		lineStart := strings.LastIndexByte(src[:pos-1], '\n') + 1
		text := strings.TrimSpace(src[lineStart : pos-1])
		pos = lineStart
		if text == "" {
			continue
		}
		if n++; endsSentence(text) {
			return false
		}
		for _, r := range text {
			switch {
			case opens[r] == close:
				depth++
			case r == close:
				depth--
			}
		}
		if depth > 0 {
			return true
		}
	}
	return false
}

// endsSentence reports whether a line ends with a mark that closes a
// sentence (a title split over lines, 怀化's 《…/…》, does not).
func endsSentence(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s, isSpace))
	return strings.ContainsRune("。！？；：.!?;:", last)
}

// brokenAfter reports whether line b continues line a: a ends in the
// middle of a sentence and b starts no numbered item (a line break from a
// PDF: 004's 市级“双 / 百计划”).
func brokenAfter(a, b line) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(a.text, " \t\u3000"))
	if !isHan(last) && !strings.ContainsRune("，、“（《", last) {
		return false
	}
	if columns(a.text) || columns(b.text) || dateLine.MatchString(strings.TrimSpace(b.text)) ||
		signature(b.text) || titleLine.MatchString(strings.TrimSpace(a.text)) {
		return false // a signature block, a date, a title
	}
	if !strings.ContainsAny(a.text, "。；") {
		if _, ok := drafts.ParseLabel(strings.TrimLeft(a.text, " \t\u3000")); ok || utf8.RuneCountInString(a.text) < 20 {
			return false // a heading: 一、总体要求, 重点任务
		}
	}
	t := strings.TrimLeft(b.text, " \t\u3000")
	_, ok := drafts.ParseLabel(t)
	return !ok
}

// titleLine matches a line that names a document: a title, an 附件 line.
var titleLine = regexp.MustCompile(`(?:^附件|(?:方案|意见|办法|通知|规定|决定|细则|计划|要点|名单|意見|辦法|規定|決定|細則|計劃|要點|名單)[)）]?$)`)

// signature reports a short line of Chinese characters only: an issuer's
// name under a text.
func signature(s string) bool {
	t := strings.TrimFunc(s, isSpace)
	return utf8.RuneCountInString(t) <= 15 && strings.IndexFunc(t, func(r rune) bool { return !isHan(r) }) < 0
}

var dateLine = regexp.MustCompile(`^\d{4}年\d{1,2}月\d{1,2}日$`)

// columns reports a line laid out in columns: a run of three spaces
// inside it.
func columns(s string) bool {
	if !strings.ContainsAny(s, " \u3000\u00a0\t") {
		return false
	}
	run := 0
	for _, r := range strings.TrimFunc(s, isSpace) {
		if !isSpace(r) {
			run = 0
		} else if run++; run >= 3 {
			return true
		}
	}
	return false
}

// checkBrokenParagraphs reports a paragraph broken in the middle of a
// sentence, with the break to remove.
func checkBrokenParagraphs(c *checker) {
	for i := 1; i < len(c.lines); i++ {
		a, b := c.lines[i-1], c.lines[i]
		if !brokenAfter(a, b) || len(drafts.UnitSpans(b.text)) > 0 && strings.HasPrefix(strings.TrimSpace(b.text), "（") {
			continue
		}
		s, e := a.start+len(a.text), b.start
		c.add("space.broken-paragraph", Finding, KindNumber, RuleFormat,
			"段落在句子中间断开了（多见于从PDF复制的文字）", s, e, fix(""))
	}
}

// checkQuoteNesting reports single quotes outside double quotes: GB/T
// 15834-2011 4.1.3.4 uses double quotes first and single ones inside them.
func checkQuoteNesting(c *checker) {
	for _, l := range c.lines {
		depth := 0
		open := -1
		for i, r := range l.text {
			switch r {
			case '“':
				depth++
			case '”':
				depth = max(0, depth-1)
			case '‘':
				if depth == 0 && open < 0 {
					open = i
				}
			case '’':
				if open >= 0 {
					inner := l.text[open+len("‘") : i]
					if !strings.ContainsAny(inner, "“”‘") {
						c.add("punct.quote-nesting", Finding, KindPunctuation, RulePunctuation,
							"单引号用在了最外层：引号应先用双引号，双引号里面再用单引号",
							l.start+open, l.start+i+len("’"), fix("“"+inner+"”"))
					}
					open = -1
				}
			}
		}
	}
}

var doubledMarks = regexp.MustCompile(`[，、。；：]{2,}`)

// hasDoubledMark is a quick test before doubledMarks.
func hasDoubledMark(s string) bool {
	prev := false
	for _, r := range s {
		mark := r == '，' || r == '、' || r == '。' || r == '；' || r == '：'
		if mark && prev {
			return true
		}
		prev = mark
	}
	return false
}

// checkDoubledMarks reports two marks in a row (，， 。， 、、).
func checkDoubledMarks(c *checker) {
	for _, l := range c.lines {
		if !hasDoubledMark(l.text) {
			continue
		}
		for _, m := range doubledMarks.FindAllStringIndex(l.text, -1) {
			s := l.text[m[0]:m[1]]
			first, _ := utf8.DecodeRuneInString(s)
			var f *string
			if strings.Trim(s, string(first)) == "" {
				f = fix(string(first))
			}
			c.add("punct.doubled", Finding, KindPunctuation, RulePunctuation,
				fmt.Sprintf("标点「%s」连用", s), l.start+m[0], l.start+m[1], f)
		}
	}
}

// checkEndBeforeUnits reports a sentence without its end mark before a
// 责任单位 parenthetical at the end of a paragraph, when the document's
// other such parentheticals follow an end mark.
func checkEndBeforeUnits(c *checker) {
	type at struct{ lineStart, open int }
	var missing []at
	marked := 0
	for _, l := range c.lines {
		for _, sp := range drafts.UnitSpans(l.text) {
			rest := strings.TrimSpace(l.text[sp.End:])
			if rest != "" && !strings.HasPrefix(rest, "。") {
				continue
			}
			b, _ := utf8.DecodeLastRuneInString(l.text[:sp.Start])
			switch {
			case strings.HasPrefix(rest, "。"): // …成本（市科技局负责）。 — the mark follows
			case strings.ContainsRune("。！？；.;!?", b):
				marked++
			case sp.Start > 0 && (isHan(b) || isDigit(b) || strings.ContainsRune("”）》%", b)):
				missing = append(missing, at{l.start, l.start + sp.Start})
			}
		}
	}
	if marked < 2*len(missing) {
		return
	}
	for _, m := range missing {
		_, size := utf8.DecodeLastRuneInString(c.src[:m.open])
		s := m.open - size
		c.add("punct.end-before-units", Finding, KindPunctuation, RulePunctuation,
			"句末缺少句号：责任单位括注前的句子没有结束", s, m.open, fix(c.src[s:m.open]+"。"))
	}
}

var docNumber = regexp.MustCompile(`(\p{Han}{1,10})([\[［【（(„])((?:19|20)\d{2})([\]］】）)‟])\s*(\d{1,4})号`)

// checkDocNumbers reports 文号 whose year is in [ ], （ ）, 【 】 or „ ‟ (a
// Word export's 〔〕 lost in a web copy) instead of 〔 〕.
func checkDocNumbers(c *checker) {
	for _, l := range c.lines {
		if !strings.Contains(l.text, "号") || !strings.ContainsAny(l.text, "[［【（(„") {
			continue
		}
		for _, m := range docNumber.FindAllStringSubmatchIndex(l.text, -1) {
			year := l.text[m[6]:m[7]]
			s, e := l.start+m[4], l.start+m[9]
			c.add("punct.doc-number", Finding, KindPunctuation, RuleFormat,
				"发文字号的年份应用六角括号〔〕", s, e, fix("〔"+year+"〕"))
		}
	}
}
