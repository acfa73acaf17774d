package drafts

import (
	"errors"
	"regexp"
	"strings"
	"unicode/utf8"
)

// ErrEmpty is returned by Parse for a text with nothing in it.
var ErrEmpty = errors.New("文档为空：没有可解析的文字")

// Parse reads a policy document from plain text (UTF-8) into its structure
// and metadata. It cleans as it reads, never changing the words: a web
// page's header and footer are dropped, Markdown marks ignored, sentences
// cut by page breaks joined and a title split over two lines rejoined.
func Parse(src string) (*Document, error) {
	ps := sourceLines(src)
	ps = afterWebMarker(ps)
	if len(ps) == 0 {
		return nil, ErrEmpty
	}
	d := &Document{Source: src}
	first := structureStart(ps)
	d.readFront(ps[:first])
	body := joinPageBreaks(ps[first:])
	var closing []para
	d.Nodes, closing = buildTree(body)
	d.readClosing(closing)
	d.fillIssuersAndCity()
	d.Walk(func(n *Node, _ *Node) { n.Units, n.LeadUnits = Units(n.Text) })
	return d, nil
}

// afterWebMarker drops a web page's header where the page announces the
// document (原文如下).
func afterWebMarker(ps []para) []para {
	for i, p := range ps {
		if webMarker.MatchString(p.text) {
			return ps[i+1:]
		}
	}
	return ps
}

// structureStart returns the index of the first numbered paragraph after
// the title (or of the first one at all when there is no title).
func structureStart(ps []para) int {
	title := 0
	for i, p := range ps {
		if isTitleLike(p.text) {
			title = i
			break
		}
	}
	for i := title; i < len(ps); i++ {
		if _, _, _, _, ok := ParseLabel(ps[i].text); ok {
			return i
		}
	}
	return len(ps)
}

// treeBuilder nests numbered paragraphs by the document's own order of
// label families: a label of a family already open closes it and what is
// under it; a new family opens a level below.
type treeBuilder struct {
	roots []*Node
	stack []*Node
}

// buildTree turns the body paragraphs into nodes and returns the trailing
// paragraphs (signature, date, notes) apart.
func buildTree(body []para) (roots []*Node, closing []para) {
	var b treeBuilder
	for i, p := range body {
		if isClosing(p.text) {
			return b.finish(), body[i:]
		}
		if label, style, ord, consumed, ok := ParseLabel(p.text); ok {
			b.open(&Node{Label: label, Style: style, Ordinal: ord,
				LabelSpan: Span{p.textStart, p.textStart + len(label)}}, p, p.text[consumed:])
			continue
		}
		if len(b.stack) > 0 && isBareHeading(p.text) && nextIsNewLevel(body[i+1:], b.stack) {
			b.open(&Node{Style: Style{Family: b.stack[0].Style.Family}, LabelSpan: Span{p.textStart, p.textStart}}, p, p.text)
			continue
		}
		b.extend(p)
	}
	return b.finish(), nil
}

func (b *treeBuilder) open(n *Node, p para, text string) {
	if n.Label == "" { // a heading without its number sits at the top
		b.stack = b.stack[:0]
	}
	for i := len(b.stack) - 1; i >= 0; i-- {
		if b.stack[i].Style.Family == n.Style.Family {
			b.stack = b.stack[:i]
			break
		}
	}
	n.Level = len(b.stack) + 1
	n.Text = text
	n.Span, n.BodySpan = p.span, p.span
	if n.Level == 1 {
		b.roots = append(b.roots, n)
	} else {
		parent := b.stack[len(b.stack)-1]
		parent.Children = append(parent.Children, n)
	}
	b.stack = append(b.stack, n)
	b.grow(p.span.End)
}

// extend adds an unnumbered paragraph to the innermost open node.
func (b *treeBuilder) extend(p para) {
	if len(b.stack) == 0 {
		return
	}
	n := b.stack[len(b.stack)-1]
	sep := "\n"
	if isUnitsOnly(p.text) {
		sep = "" // a 责任单位 pushed onto a line of its own ends the clause
	}
	n.Text += sep + p.text
	n.BodySpan.End = p.span.End
	b.grow(p.span.End)
}

// grow extends the spans of all open nodes to end.
func (b *treeBuilder) grow(end int) {
	for _, n := range b.stack {
		n.Span.End = end
	}
}

func (b *treeBuilder) finish() []*Node {
	var walk func([]*Node)
	walk = func(ns []*Node) {
		for _, n := range ns {
			n.Heading = HeadingOf(n.Text)
			walk(n.Children)
		}
	}
	walk(b.roots)
	return b.roots
}

// HeadingOf returns a node's heading from its text: the first paragraph
// up to its first 。 (绘制产业链科技攻关路线图。明确… → 绘制产业链科技攻关路线图).
func HeadingOf(text string) string {
	first, _, _ := strings.Cut(text, "\n")
	h, _, _ := strings.Cut(first, "。")
	return strings.TrimSpace(h)
}

var closingLine = regexp.MustCompile(`^(?:[（(]?此件(?:公开发布|公開發布|主动公开|主動公開|依申请公开)[）)]?$|抄送|印发|印發|` +
	`本(?:意见|意見|办法|辦法|方案|规定|規定|细则|細則|措施)自|附件[:：])`)

// isClosing reports whether text belongs to what follows a document's
// numbered body: effective period, signature, date, distribution notes,
// or a web page's footer.
func isClosing(text string) bool {
	if len(text) > 400 {
		return false // running text, not a closing line
	}
	return closingLine.MatchString(text) || strings.Contains(text, "有效期至") || isDateLine(text) ||
		issuedOnLine.MatchString(text) || isSignatureLine(text) || isWebJunk(text)
}

// isBareHeading reports whether text can be a section heading that lost
// its number (000's 重点任务): short, with no punctuation.
func isBareHeading(text string) bool {
	return utf8.RuneCountInString(text) <= 20 && !strings.ContainsAny(text, "，。；：,.;:、（）()") && hasHan(text)
}

// nextIsNewLevel reports whether the next paragraph is numbered in a
// family not open now, so a bare heading before it heads a new part.
func nextIsNewLevel(rest []para, stack []*Node) bool {
	if len(rest) == 0 {
		return false
	}
	_, style, _, _, ok := ParseLabel(rest[0].text)
	if !ok {
		return false
	}
	for _, n := range stack {
		if n.Style.Family == style.Family {
			return false
		}
	}
	return true
}
