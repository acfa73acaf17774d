package input

import (
	"regexp"
	"strings"
)

// Markdown (.md) is text with light markup. The reader drops the markup
// that is not the officer's words — heading marks, emphasis, quote and
// list marks, link targets, rules, table borders — and keeps the words
// line for line.

var (
	mdHeading  = regexp.MustCompile(`^\s{0,3}#{1,6}(\s+|$)`)
	mdClosing  = regexp.MustCompile(`\s+#+\s*$`)
	mdQuote    = regexp.MustCompile(`^\s{0,3}(>\s?)+`)
	mdBullet   = regexp.MustCompile(`^\s*[-*+]\s+`)
	mdRule     = regexp.MustCompile(`^\s{0,3}([-*_]\s*){3,}$`)
	mdTableSep = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdStrong   = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	mdEmph     = regexp.MustCompile(`(^|[^\w*])\*(\S(?:[^*]*?\S)?)\*`)
	mdCode     = regexp.MustCompile("`([^`]+)`")
)

// fromMarkdown returns the words of Markdown text, one line per line.
func fromMarkdown(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "```") || mdTableSep.MatchString(l) || (mdRule.MatchString(l) && strings.TrimSpace(l) != "") {
			continue
		}
		out = append(out, markdownLine(l))
	}
	return strings.Join(out, "\n")
}

// markdownLine drops the markup of one line.
func markdownLine(l string) string {
	if mdHeading.MatchString(l) {
		l = mdClosing.ReplaceAllString(mdHeading.ReplaceAllString(l, ""), "")
	}
	l = mdQuote.ReplaceAllString(l, "")
	l = mdBullet.ReplaceAllString(l, "")
	if t := strings.TrimSpace(l); strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && len(t) > 1 {
		cells := strings.Split(t[1:len(t)-1], "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		l = strings.Join(cells, "\t")
	}
	l = mdImage.ReplaceAllString(l, "$1")
	l = mdLink.ReplaceAllString(l, "$1")
	l = mdStrong.ReplaceAllString(l, "$2")
	l = mdEmph.ReplaceAllString(l, "$1$2")
	return mdCode.ReplaceAllString(l, "$1")
}
