package drafts

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A para is one paragraph of cleaned text, made of one or more source
// lines: a sentence cut by a page break is joined back into one para.
type para struct {
	text      string // cleaned: Markdown marks dropped, outer spaces trimmed
	span      Span   // source bytes of the whole lines, indentation included
	textStart int    // source offset where text begins (after indentation and marks)
	blankLine bool   // a blank line preceded this para in the source
}

// sourceLines splits src into paragraphs, one per non-blank line, with
// Markdown heading marks, bold marks and rules dropped.
func sourceLines(src string) []para {
	var out []para
	blank := false
	for start := 0; start < len(src); {
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := strings.TrimRight(src[start:end], "\r")
		if p, ok := cleanLine(line, start); ok {
			p.blankLine = blank
			out = append(out, p)
			blank = false
		} else {
			blank = true
		}
		start = end + 1
	}
	return out
}

var markdownRule = regexp.MustCompile(`^\s*(?:-{3,}|\*{3,}|_{3,})\s*$`)

// cleanLine turns one source line into a para; ok is false for a line that
// holds nothing (blank, or only Markdown marks).
func cleanLine(line string, offset int) (para, bool) {
	if markdownRule.MatchString(line) {
		return para{}, false
	}
	lead := leadingMarks(line)
	text := strings.ReplaceAll(line[lead:], "**", "")
	text = strings.TrimRightFunc(text, isLayoutSpace)
	if text == "" {
		return para{}, false
	}
	return para{
		text:      text,
		span:      Span{offset, offset + len(strings.TrimRightFunc(line, isLayoutSpace))},
		textStart: offset + lead,
	}, true
}

// leadingMarks returns the byte length of indentation and Markdown marks
// (#, *, >) at the start of line.
func leadingMarks(line string) int {
	i := 0
	for i < len(line) {
		r, size := utf8.DecodeRuneInString(line[i:])
		if !isLayoutSpace(r) && r != '#' && r != '*' && r != '>' {
			break
		}
		i += size
	}
	return i
}

func isLayoutSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' || r == '\r' || r == '\f' || r == '\ufeff'
}

// endsSentence reports whether text ends where a sentence or a heading
// may end: a page break cannot have cut it.
func endsSentence(text string) bool {
	r, size := utf8.DecodeLastRuneInString(text)
	switch r {
	case '。', '；', ';', '！', '!', '？', '?', '：', ':', '…', '）', ')', '〕', '】', '」', '』':
		return true
	case '”', '’':
		before, _ := utf8.DecodeLastRuneInString(text[:len(text)-size])
		return strings.ContainsRune("。！？!?", before)
	}
	return false
}

// isProse reports whether text reads as running text rather than a
// heading, title or signature: it holds sentence punctuation.
func isProse(text string) bool {
	return strings.ContainsAny(text, "，。；,;、")
}

// joinPageBreaks re-joins sentences that a page break cut in two: a
// paragraph of running text that does not end a sentence, followed by one
// that does not start a new numbered item, is one paragraph.
func joinPageBreaks(ps []para) []para {
	var out []para
	for _, p := range ps {
		if n := len(out); n > 0 && isCut(out[n-1], p) {
			prev := &out[n-1]
			prev.text += p.text
			prev.span.End = p.span.End
			continue
		}
		out = append(out, p)
	}
	return out
}

func isCut(prev, next para) bool {
	if endsSentence(prev.text) || !isProse(prev.text) {
		return false
	}
	if _, _, _, _, ok := ParseLabel(prev.text); ok && !strings.Contains(prev.text, "。") {
		return false // a heading line such as 二、强化…，加快… is whole
	}
	if _, _, _, _, ok := ParseLabel(next.text); ok {
		return false
	}
	return !isDateLine(next.text) && !isSignatureLine(next.text)
}

var (
	dateLine     = regexp.MustCompile(`^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$`)
	issuedOnLine = regexp.MustCompile(`^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印[发發]\s*$`)
)

// orgEndings are the last characters of organisation names: 人民政府,
// 委员会, 局, 委, 部, 分行 …
const orgEndings = "府局委部厅廳办辦院所协協会會心行室门們門位"

// isOrgName reports whether name ends as an organisation's name does.
func isOrgName(name string) bool {
	r, _ := utf8.DecodeLastRuneInString(name)
	return strings.ContainsRune(orgEndings, r)
}

func isDateLine(text string) bool { return dateLine.MatchString(text) }

// isSignatureLine reports whether text is a line of issuing bodies, as in a
// signature block: one or more organisation names separated by spaces.
func isSignatureLine(text string) bool {
	if isProse(text) || strings.ContainsAny(text, "（）()《》“”") || utf8.RuneCountInString(text) > 60 {
		return false
	}
	for _, name := range strings.FieldsFunc(text, unicode.IsSpace) {
		if utf8.RuneCountInString(name) < 3 || !isOrgName(name) || !hasHan(name) {
			return false
		}
	}
	return strings.TrimSpace(text) != ""
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
