package drafts

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// ErrEmpty is returned by Parse for a text with nothing in it.
var ErrEmpty error = Errorf(EInvalid, "文档为空：没有可解析的文字", "The document is empty: there is no text to read")

// Parse reads a policy document from plain text (UTF-8) into its structure
// and metadata. It cleans as it reads, never changing the words: a web
// page's header and footer are dropped, Markdown marks and HTML tags
// ignored, page numbers dropped, sentences cut by page breaks joined and a
// title split over two lines rejoined. A notice that wraps documents
// (关于印发…的通知 and its 附件) is read part by part: the document's
// metadata is the notice's, its tree the main attachment's (see Parts).
func Parse(src string) (*Document, error) {
	all, furniture := sourceLines(src)
	ps := afterWebMarker(all)
	if len(ps) == 0 {
		return nil, ErrEmpty
	}
	var parts []Part
	for i, span := range splitParts(ps) {
		pd := parsePart(src, ps[span.Start:span.End], i > 0)
		parts = append(parts, Part{Kind: PartDocument, Document: pd})
	}
	d := compose(src, parts)
	d.dropped = append(append(d.dropped, webHeader(all[:len(all)-len(ps)])...), furniture...)
	d.Walk(func(n *Node, _ *Node) { n.Units, n.LeadUnits = nodeUnits(n) })
	return d, nil
}

// parsePart reads one part of a text: its front matter, its tree and its
// closing. An attachment's first paragraph (after its 附件 mark) is its
// title.
func parsePart(src string, ps []para, attachment bool) *Document {
	d := &Document{Source: src}
	if attachment {
		ps = dropAttachmentMark(ps)
		if _, labelled := ParseLabel(ps[0].text); !labelled && len(ps) > 1 {
			ps = ps[d.readTitle(ps):]
		}
	}
	ps = skipContents(ps)
	first := structureStart(ps, d.Title != "")
	front := ps[:first]
	body := joinPageBreaks(ps[first:])
	k := frontClosing(front)
	d.readFront(front[:k])
	var closing []para
	d.Nodes, closing = buildTree(body)
	d.readClosing(append(append([]para(nil), front[k:]...), closing...))
	if d.Effective == (Period{}) {
		d.effectiveInBody()
	}
	d.fillIssuersAndCity()
	d.readStatus()
	return d
}

// effectiveInBody reads the effective period where a regulation gives it:
// in its last article (本办法自2020年3月1日起施行), or in a numbered part.
func (d *Document) effectiveInBody() {
	d.Walk(func(n, _ *Node) {
		if strings.Contains(n.Text, "施行") || strings.Contains(n.Text, "有效期") || strings.Contains(n.Text, "实施") {
			d.readEffective(n.Text)
		}
	})
	if d.Effective.From == "印发" {
		d.Effective.From = d.Date
	}
	if d.Effective.To == "" && d.years > 0 {
		d.Effective.To = addYears(d.Effective.From, d.years)
	}
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
// the title (or of the first one at all when there is no title, or when
// the title was read already).
func structureStart(ps []para, titled bool) int {
	title := 0
	for i, p := range ps {
		if titled || i >= 80 { // a title stands near the top
			break
		}
		if isTitleLike(p.text) && !isMetadataLine(p.text) {
			title = i
			break
		}
	}
	for i := title; i < len(ps); i++ {
		if _, ok := ParseLabel(ps[i].text); ok {
			return i
		}
	}
	return len(ps)
}

// treeBuilder nests numbered paragraphs by the document's own order of
// label families: a label of a family already open closes it and what is
// under it; a new family opens a level below. The structural labels
// (第X编/章/节/条) nest by their rank instead: a chapter closes the open
// chapter and everything under it, articles included.
type treeBuilder struct {
	roots []*Node
	stack []*Node
}

// buildTree turns the body paragraphs into nodes and returns the trailing
// paragraphs (signature, date, notes) apart.
func buildTree(body []para) (roots []*Node, closing []para) {
	var b treeBuilder
	lastArticle := -1 // the last paragraph that opens a structural node
	for i, p := range body {
		if l, ok := ParseLabel(p.text); ok && l.Style.Family.Rank() > 0 {
			lastArticle = i
		}
	}
	for i, p := range body {
		l, labelled := ParseLabel(p.text)
		if !labelled && i > lastArticle && isClosing(p.text) { // no closing line starts with a label
			return b.finish(), body[i:]
		}
		if labelled {
			b.open(&Node{Label: l.Text, Style: l.Style, Ordinal: l.Ordinal,
				LabelSpan: Span{p.textStart, p.textStart + len(l.Text)}}, p, p.text[l.Len:])
			continue
		}
		if b.headingRunsOn(p.text) {
			b.continueHeading(p)
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
	b.stack = b.stack[:b.closeFor(n.Style.Family)]
	n.Level = len(b.stack) + 1
	n.texts = []string{text}
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

// closeFor returns how many open nodes stay open when a node of family f
// opens.
func (b *treeBuilder) closeFor(f Family) int {
	if r := f.Rank(); r > 0 {
		keep := -1
		for i, n := range b.stack {
			nr := n.Style.Family.Rank()
			if nr >= r {
				return i
			}
			if nr > 0 {
				keep = i
			}
		}
		if keep >= 0 {
			return keep + 1 // items under the enclosing chapter close
		}
		return len(b.stack)
	}
	for i := len(b.stack) - 1; i >= 0; i-- {
		if b.stack[i].Style.Family == f {
			return i
		}
	}
	return len(b.stack)
}

// headingRunsOn reports whether text is the rest of a chapter's or
// section's title that ran onto a second line (第四章 外商投资经营国际海上运输 /
// 及其辅助性业务的特别规定): a short unpunctuated line right after the
// heading's own line, before anything else is under it. A bare heading
// there would have nothing of its own to head.
func (b *treeBuilder) headingRunsOn(text string) bool {
	if len(b.stack) == 0 || !isBareHeading(text) {
		return false
	}
	n := b.stack[len(b.stack)-1]
	r := n.Style.Family.Rank()
	return r > 0 && r < Article.Rank() && n.Label != "" && len(n.texts) == 1 && len(n.Children) == 0
}

// continueHeading joins the second line of a title to its heading, as a
// document's title over two lines is joined: the line break is not part
// of the title.
func (b *treeBuilder) continueHeading(p para) {
	n := b.stack[len(b.stack)-1]
	n.texts = append(n.texts, p.text)
	n.BodySpan.End = p.span.End
	b.grow(p.span.End)
}

// extend adds an unnumbered paragraph to the innermost open node; in an
// article, a paragraph after its items is the article's next 款 (see
// articleAfterItems).
func (b *treeBuilder) extend(p para) {
	if len(b.stack) == 0 {
		return
	}
	units := isUnitsOnly(p.text) || isUnitsLine(p.text)
	if !units {
		b.articleAfterItems()
	}
	n := b.stack[len(b.stack)-1]
	sep := "\n"
	if isUnitsOnly(p.text) {
		sep = "" // a 责任单位 pushed onto a line of its own ends the clause
	}
	if units {
		b.shareUnits(p.text)
	}
	n.texts = append(n.texts, sep, p.text)
	n.BodySpan.End = p.span.End
	b.grow(p.span.End)
}

// articleAfterItems closes the items (项, 目) open under an article: in a
// regulation an item is one paragraph, and an unnumbered paragraph after
// the items is the article's next 款 (第八条 …条件：（一）…（七）… then
// 前款规定的…). The article's own text then runs past its items, so its
// BodySpan covers them.
func (b *treeBuilder) articleAfterItems() {
	for i := len(b.stack) - 2; i >= 0; i-- {
		switch r := b.stack[i].Style.Family.Rank(); {
		case r == Article.Rank():
			b.stack = b.stack[:i+1]
			return
		case r > 0:
			return // a chapter or section holding items: no article to go back to
		}
	}
}

// shareUnits gives a 责任单位 line that follows a group of items without
// units of their own to the whole group: the items before the innermost
// one, back to the first that names units.
func (b *treeBuilder) shareUnits(line string) {
	var siblings []*Node
	if k := len(b.stack); k == 1 {
		siblings = b.roots
	} else if k > 1 {
		siblings = b.stack[k-2].Children
	}
	for i := len(siblings) - 2; i >= 0 && i >= len(siblings)-50; i-- {
		s := siblings[i]
		if s.groupUnits != "" || len(unitParentheticals(strings.Join(s.texts, ""))) > 0 {
			return
		}
		s.groupUnits = line
	}
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
			n.Text = strings.Join(n.texts, "")
			n.texts = nil
			n.Heading = headingOfNode(n)
			walk(n.Children)
		}
	}
	walk(b.roots)
	return b.roots
}

// headingOfNode returns a node's heading: a chapter's or section's title
// without the spaces that spread it (总 则 → 总则), an article's bracketed
// title (第一条【立法目的】…), else the first sentence.
func headingOfNode(n *Node) string {
	switch r := n.Style.Family.Rank(); {
	case r > 0 && r < Article.Rank():
		return tidyTitle(strings.ReplaceAll(HeadingOf(n.Text), "\u3000", " "))
	case r == Article.Rank() && strings.HasPrefix(n.Text, "【"):
		if t, _, ok := strings.Cut(strings.TrimPrefix(n.Text, "【"), "】"); ok {
			return t
		}
	}
	return HeadingOf(n.Text)
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
	l, ok := ParseLabel(rest[0].text)
	if !ok {
		return false
	}
	for _, n := range stack {
		if n.Style.Family == l.Style.Family {
			return false
		}
	}
	return true
}
