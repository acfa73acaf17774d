package drafts

import (
	"sort"
	"strings"
)

// Removal is a line of a text that the parser reads as no part of the
// document: a web page's header, navigation and footer, a registration
// number, the title repeated, a Markdown rule, a PDF's page numbers and
// running headers. A removal with With set
// rewrites the line instead: a web page's 文号 run into the title line
// becomes the 文号 on a line of its own above the title.
type Removal struct {
	Span Span   `json:"span"` // the line in the source, its line break excluded
	Text string `json:"text"`
	Why  string `json:"why"`            // one of the Why… reasons
	With string `json:"with,omitempty"` // what the line becomes, if it stays
}

// The reasons for a removal, as the clean-up dialog lists them.
const (
	WhyWebHeader     = "网页页眉（“原文如下”之前）"
	WhyWebPage       = "网页栏目、分享与下载链接"
	WhyRegistration  = "登记号"
	WhyRepeatedTitle = "重复的标题"
	WhyRule          = "分隔线"
	WhyNumberInTitle = "文号与标题同在一行（分为两行）"
	WhyPageNumber    = "页码"
	WhyRunningLine   = "页眉页脚（每页重复）"
)

// drop records that the parser left para p out of the document.
func (d *Document) drop(p para, why string) {
	d.dropped = append(d.dropped, Removal{Span: p.span, Text: p.text, Why: why})
}

// Boilerplate returns what the parser leaves out of the document in src,
// in source order: exactly the lines a clean-up removes. A text with
// nothing to remove returns none.
func Boilerplate(src string) []Removal {
	d, err := Parse(src)
	if err != nil {
		return nil
	}
	return d.Boilerplate()
}

// Boilerplate returns the lines the parse of d left out (see the package
// function Boilerplate).
func (d *Document) Boilerplate() []Removal {
	out := append(append([]Removal(nil), d.dropped...), rules(d.Source)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return oncePerLine(out)
}

// oncePerLine keeps the first of the removals of each line (sorted by
// start): a page number in a web page's header is listed as the header's.
func oncePerLine(rs []Removal) []Removal {
	kept := rs[:0]
	for i, r := range rs {
		if i > 0 && r.Span.Start < kept[len(kept)-1].Span.End {
			continue
		}
		kept = append(kept, r)
	}
	return kept
}

// webHeader lists the lines of a web page's header, up to its 原文如下.
func webHeader(header []para) []Removal {
	var out []Removal
	for _, p := range header {
		out = append(out, Removal{Span: p.span, Text: p.text, Why: WhyWebHeader})
	}
	return out
}

// rules returns the Markdown rule lines (---) of src.
func rules(src string) []Removal {
	var out []Removal
	for start := 0; start < len(src); {
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := strings.TrimRight(src[start:end], "\r")
		if markdownRule.MatchString(line) && strings.TrimSpace(line) != "" {
			out = append(out, Removal{Span: Span{start, start + len(line)}, Text: strings.TrimSpace(line), Why: WhyRule})
		}
		start = end + 1
	}
	return out
}

// CountRemovals returns how many of rs remove a line and how many
// rewrite one (With set), as a clean-up reports them.
func CountRemovals(rs []Removal) (removed, rewritten int) {
	for _, r := range rs {
		if r.With != "" {
			rewritten++
		} else {
			removed++
		}
	}
	return removed, rewritten
}

// CleanText returns src without the lines Boilerplate lists, each with the
// blank lines after it (a line with a With is rewritten), and what it
// removed. The words of the document
// are untouched: the cleaned text parses to the same document.
func CleanText(src string) (string, []Removal) {
	removed := Boilerplate(src)
	if len(removed) == 0 {
		return src, nil
	}
	var b strings.Builder
	last := 0
	for _, r := range removed {
		if r.Span.Start < last {
			continue // a line listed twice
		}
		b.WriteString(src[last:r.Span.Start])
		if r.With != "" {
			b.WriteString(r.With)
			last = r.Span.End
			continue
		}
		last = afterBlankLines(src, r.Span.End)
	}
	b.WriteString(src[last:])
	return strings.TrimLeft(b.String(), "\r\n"), removed
}

// afterBlankLines returns the start of the first non-blank line after
// the line that ends at offset end, or len(src).
func afterBlankLines(src string, end int) int {
	for i := end; i < len(src); {
		nl := strings.IndexByte(src[i:], '\n')
		if nl < 0 {
			nl = len(src) - i
		}
		if i > end && strings.TrimSpace(src[i:i+nl]) != "" {
			return i
		}
		i += nl + 1
	}
	return len(src)
}
