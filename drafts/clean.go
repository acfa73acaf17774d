package drafts

import (
	"html"
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
	nearPage  bool   // a page number stands next to it
}

// sourceLines splits src into paragraphs, one per non-blank line, with
// Markdown heading marks, bold marks and rules dropped, HTML tags read as
// the paragraph breaks they make, page numbers dropped, and running
// headers and footers (a line repeated beside page numbers) dropped; it
// also returns the page numbers and running lines it dropped, as removals.
func sourceLines(src string) ([]para, []Removal) {
	var out []para
	var pages []Removal
	blank, nearPage := false, false
	repeats := map[string]int{}
	for start := 0; start < len(src); {
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := strings.TrimRight(src[start:end], "\r")
		if isPageNumber(line) {
			if n := len(out); n > 0 && !out[n-1].nearPage {
				out[n-1].nearPage = true
				repeats[out[n-1].text]++
			}
			pages = append(pages, Removal{Span: Span{start, start + len(line)}, Text: strings.TrimSpace(line), Why: WhyPageNumber})
			blank, nearPage = true, true
			start = end + 1
			continue
		}
		ps := lineParas(line, start)
		for _, p := range ps {
			p.blankLine = blank
			if nearPage {
				p.nearPage = true
				repeats[p.text]++
			}
			out = append(out, p)
			blank, nearPage = false, false
		}
		if len(ps) == 0 {
			blank = true
		}
		start = end + 1
	}
	kept, running := dropRunningLines(out, repeats)
	return kept, append(pages, running...)
}

// dropRunningLines drops the lines that stand beside page numbers more
// than twice: running headers and footers. It returns those kept and
// those dropped.
func dropRunningLines(ps []para, repeats map[string]int) ([]para, []Removal) {
	if len(repeats) == 0 {
		return ps, nil
	}
	var dropped []Removal
	kept := ps[:0]
	for _, p := range ps {
		if p.nearPage && repeats[p.text] > 2 && utf8.RuneCountInString(p.text) <= 40 && !isLabelled(p.text) {
			dropped = append(dropped, Removal{Span: p.span, Text: p.text, Why: WhyRunningLine})
			continue
		}
		kept = append(kept, p)
	}
	return kept, dropped
}

var pageNumber = regexp.MustCompile(`^[\s\x{3000}]*(?:[—–－\-─]+\s*[0-9０-９]{1,4}\s*[—–－\-─]+|` +
	`第\s*[0-9０-９]{1,4}\s*页\s*[,，/／]?\s*共\s*[0-9０-９]{1,4}\s*页|共\s*[0-9０-９]{1,4}\s*页\s*[,，]?\s*第\s*[0-9０-９]{1,4}\s*页|` +
	`[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}|\f+)[\s\x{3000}\f]*$`)

// isPageNumber reports whether line is a page number a PDF or a printed
// page left: — 3 —, -3-, 第3页 共10页, 3/10.
func isPageNumber(line string) bool {
	return len(line) < 40 && pageNumber.MatchString(line)
}

// lineParas returns the paragraphs of one source line: none for a blank
// line, one for a line of text, and for a line of HTML (<p>…</p><p>…)
// one per block it holds.
func lineParas(line string, offset int) []para {
	if !strings.Contains(line, "<") || !htmlTag.MatchString(line) {
		if p, ok := cleanLine(line, offset); ok {
			return []para{p}
		}
		return nil
	}
	var out []para
	last := 0
	flush := func(end int) {
		seg := line[last:end]
		if p, ok := cleanLine(stripTags(seg), offset+last); ok {
			p.textStart = offset + last + visibleStart(seg)
			p.span = Span{offset + last, offset + end}
			out = append(out, p)
		}
	}
	for _, m := range htmlTag.FindAllStringSubmatchIndex(line, -1) {
		if m[2] >= 0 && blockTags[strings.ToLower(line[m[2]:m[3]])] {
			flush(m[0])
			last = m[1]
		}
	}
	flush(len(line))
	return out
}

var (
	htmlTag   = regexp.MustCompile(`<!--.*?-->|</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>`)
	blockTags = map[string]bool{"p": true, "div": true, "br": true, "li": true, "tr": true, "h1": true, "h2": true,
		"h3": true, "h4": true, "h5": true, "h6": true, "table": true, "ul": true, "ol": true, "section": true,
		"article": true, "hr": true, "title": true, "td": false, "body": true, "html": true, "head": true}
)

// stripTags drops the tags of an HTML fragment and reads its entities.
func stripTags(s string) string {
	s = htmlTag.ReplaceAllString(s, "")
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return s
}

// visibleStart returns the offset in an HTML fragment of its first
// character of text: past its tags and indentation.
func visibleStart(seg string) int {
	i := 0
	for i < len(seg) {
		if loc := htmlTag.FindStringIndex(seg[i:]); loc != nil && loc[0] == 0 {
			i += loc[1]
			continue
		}
		r, size := utf8.DecodeRuneInString(seg[i:])
		if !isLayoutSpace(r) {
			break
		}
		i += size
	}
	return i
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
	if strings.Contains(text, "&") && strings.Contains(text, ";") {
		text = html.UnescapeString(text) // &nbsp; &lt; &#12288;
		text = strings.TrimRightFunc(text, isLayoutSpace)
	}
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
	if _, ok := ParseLabel(prev.text); ok && !strings.Contains(prev.text, "。") {
		return false // a heading line such as 二、强化…，加快… is whole
	}
	if _, ok := ParseLabel(next.text); ok {
		return false
	}
	return !isDateLine(next.text) && !isSignatureLine(next.text)
}

var (
	dateLine     = regexp.MustCompile(`^\s*` + dateRe + `\s*$`)
	issuedOnLine = regexp.MustCompile(`^\s*` + dateRe + `\s*印[发發]\s*$`)
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
