package input

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// A saved government page holds the document inside the site around it:
// navigation, breadcrumbs, a metadata table, share buttons, a footer with
// the site's address. The reader keeps the article: the element whose
// paragraphs hold the most text that is not links (the way Readability
// finds it), with the page's title heading before it. Paragraphs, <br>,
// list items and table rows are lines; table cells are separated by tabs;
// white space is collapsed as a browser does, entities are decoded.
//
// HTML inside a .txt (a page pasted or exported as text, often after a
// few lines of plain metadata) is read as a fragment: all of it, its
// plain lines kept as lines.

// Limits of the HTML reader.
const (
	// maxHTMLDepth is the deepest element the reader walks into; deeper
	// content (only machine-made pages nest this deep) is dropped.
	maxHTMLDepth = 256
	// sniffLen is how many bytes are searched for a <meta> charset.
	sniffLen = 4096
	// minBlockText is the text a block needs to score as a paragraph.
	minBlockText = 10
)

// dropped are the elements that are never document text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Head: true, atom.Nav: true, atom.Form: true,
	atom.Select: true, atom.Button: true, atom.Input: true, atom.Textarea: true,
	atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true,
	atom.Canvas: true, atom.Audio: true, atom.Video: true, atom.Map: true,
}

// blocks are the elements that start and end a line.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Tr: true, atom.Table: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Blockquote: true,
	atom.Pre: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Center: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Hr: true, atom.Caption: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Figure: true, atom.Figcaption: true, atom.Address: true, atom.Body: true,
}

// markup recognises HTML in a text file: a document start or tags of the
// elements pages are made of.
var (
	htmlStart = regexp.MustCompile(`(?i)^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s)`)
	htmlTag   = regexp.MustCompile(`(?i)</?(p|br|div|span|strong|b|td|tr|table|li|ul|font|h[1-6]|a|img|center)(\s[^<>]*)?/?>`)
	pageTag   = regexp.MustCompile(`(?i)<(html|body|head)[\s>]`)
)

// minMarkupTags is how many tags make a .txt file HTML.
const minMarkupTags = 3

// looksLikeHTML reports text that is HTML markup rather than plain text.
func looksLikeHTML(s string) bool {
	return htmlStart.MatchString(s) || len(htmlTag.FindAllStringIndex(s, minMarkupTags)) >= minMarkupTags
}

// decodeHTMLFile decodes an .html/.htm file: in the charset its <meta>
// declares (or its BOM says), else as text is detected; then reads it.
func decodeHTMLFile(name string, data []byte) (string, error) {
	text, err := htmlCharset(name, data)
	if err != nil {
		return "", err
	}
	if !looksLikeHTML(text) {
		return text, nil // a text file named .html
	}
	return htmlText(text, pageTag.MatchString(text)), nil
}

// htmlCharset decodes the bytes of a page. A declared charset is used when
// the bytes are valid in it; a page whose declaration is wrong (a GBK page
// saying utf-8, as many do) is decoded as any text file is.
func htmlCharset(name string, data []byte) (string, error) {
	if _, _, ok := decodeBOM(data); !ok {
		if enc, label := declaredCharset(data); enc != "" {
			if text, ok := decodeDeclared(enc, data); ok {
				return text, nil
			}
			if label == "japanese" {
				return "", refuse(name, KindUndecodable, foreignDetail(data), nil)
			}
		}
	}
	text, detail, kind := decodeText(data)
	if kind != 0 {
		return "", refuse(name, kind, detail, nil)
	}
	return text, nil
}

// declaredCharset returns the canonical name of the charset a page's
// <meta charset> or <meta http-equiv="Content-Type"> declares, and
// "japanese" as label for the Japanese encodings; "" if none.
func declaredCharset(data []byte) (enc, label string) {
	head := data[:min(len(data), sniffLen)]
	_, name, certain := charset.DetermineEncoding(head, "text/html")
	if !certain {
		return "", ""
	}
	switch name {
	case "shift_jis", "euc-jp", "iso-2022-jp":
		return name, "japanese"
	}
	return name, ""
}

// decodeDeclared decodes data in the named charset; GB2312 and GBK pages
// are decoded as GB18030, their superset, since pages that declare the
// one often hold characters of the other. ok is false if data is not
// valid in it, or is not Chinese text in a Chinese charset.
func decodeDeclared(name string, data []byte) (string, bool) {
	switch name {
	case "utf-8":
		if bytes.IndexByte(data, 0) < 0 && utf8.Valid(data) {
			return string(data), true
		}
		return "", false
	case "gbk", "gb18030":
		s, ok := fromGB18030(data)
		return s, ok && chineseHan(s)
	case "big5":
		s, ok := decodeWith(charsetEncoding("big5"), data)
		return s, ok && !strings.ContainsRune(s, '\uFFFD') && chineseHan(s)
	case "windows-1252", "iso-8859-1", "us-ascii":
		return "", false // almost always a wrong default: detect instead
	}
	enc := charsetEncoding(name)
	if enc == nil {
		return "", false
	}
	s, ok := decodeWith(enc, data)
	return s, ok && !strings.ContainsRune(s, '\uFFFD') && !controlShareTooHigh(s)
}

// charsetEncoding returns the encoding of a charset name, or nil.
func charsetEncoding(name string) encoding.Encoding {
	enc, _ := charset.Lookup(name)
	return enc
}

// htmlText returns the text of HTML: of the article when page is true,
// else of all of it, with plain-text line breaks kept.
func htmlText(src string, page bool) string {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil { // html.Parse fails only on reader errors
		return ""
	}
	root := findAtom(doc, atom.Body, 0)
	if root == nil {
		root = doc
	}
	w := &lineWriter{keepNewlines: !page}
	if !page {
		w.node(root, 0)
		return w.String()
	}
	article := bestContainer(root)
	if title := pageTitle(doc, root, article); title != "" {
		w.text(title)
		w.newline()
	}
	w.node(article, 0)
	return w.String()
}

// findAtom returns the first element a in n's tree, or nil.
func findAtom(n *html.Node, a atom.Atom, depth int) *html.Node {
	if depth > maxHTMLDepth {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
		if f := findAtom(c, a, depth+1); f != nil {
			return f
		}
	}
	return nil
}

// skip reports an element whose content is never document text: scripts,
// navigation, forms, hidden elements.
func skip(n *html.Node) bool {
	if n.Type == html.CommentNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	if dropped[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		v := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
		if (a.Key == "style" && strings.Contains(v, "display:none")) || a.Key == "hidden" {
			return true
		}
	}
	return false
}

// scores maps elements to the text of the paragraphs they hold.
type scores map[*html.Node]float64

// bestContainer returns the element of root's tree whose paragraphs hold
// the most text outside links, or root itself. Each block with enough own
// text credits its parent fully and its grandparent half, so the element
// directly holding the article's paragraphs wins over the page around it;
// a block holding its text directly (text and <br>) credits itself.
func bestContainer(root *html.Node) *html.Node {
	s := scores{}
	s.collect(root, 0)
	best, bestScore := root, 0.0
	for n, sc := range s {
		if sc > bestScore || (sc == bestScore && best != root && isAncestor(best, n)) {
			best, bestScore = n, sc
		}
	}
	return best
}

// collect scores the blocks under n.
func (s scores) collect(n *html.Node, depth int) {
	if depth > maxHTMLDepth {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if skip(c) || c.Type != html.ElementNode {
			continue
		}
		if blocks[c.DataAtom] {
			own, links := ownText(c)
			if own >= minBlockText && links*2 < own {
				points := float64(own - links)
				s.credit(c, points)
			}
		}
		s.collect(c, depth+1)
	}
}

// credit gives a paragraph's points to its container and half to the one
// above; a block that holds its text directly (text and <br>) is itself
// the container.
func (s scores) credit(block *html.Node, points float64) {
	if block.DataAtom != atom.P && hasDirectText(block) {
		s[block] += points
		if p := block.Parent; p != nil {
			s[p] += points / 2
		}
		return
	}
	if p := block.Parent; p != nil {
		s[p] += points
		if g := p.Parent; g != nil {
			s[g] += points / 2
		}
	}
}

// hasDirectText reports a non-blank text node among n's children.
func hasDirectText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return true
		}
	}
	return false
}

// ownText counts the letters and digits of a block that are not inside a
// nested block, and how many of them are inside links.
func ownText(n *html.Node) (all, links int) {
	var walk func(*html.Node, bool, int)
	walk = func(n *html.Node, inLink bool, depth int) {
		for c := n.FirstChild; c != nil && depth <= maxHTMLDepth; c = c.NextSibling {
			switch {
			case skip(c):
			case c.Type == html.TextNode:
				k := countLetters(c.Data)
				all += k
				if inLink {
					links += k
				}
			case c.Type == html.ElementNode && !blocks[c.DataAtom]:
				walk(c, inLink || c.DataAtom == atom.A, depth+1)
			}
		}
	}
	walk(n, false, 0)
	return all, links
}

// countLetters counts the letters and digits of s.
func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// isAncestor reports whether a is an ancestor of n.
func isAncestor(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// pageTitle returns the document's title when the article does not start
// with it: the last heading (h1–h3) before the article, else the page's
// <title> up to the site name.
func pageTitle(doc, root, article *html.Node) string {
	var title string
	if article != root {
		title = headingBefore(root, article)
	}
	if title == "" {
		if t := findAtom(doc, atom.Title, 0); t != nil {
			title = siteSuffix.ReplaceAllString(collapse(textOf(t)), "")
		}
	}
	w := &lineWriter{}
	w.node(article, 0)
	start := w.String()
	if len(start) > 600 {
		start = start[:600]
	}
	if title == "" || strings.Contains(start, title) {
		return ""
	}
	return title
}

// siteSuffix is the site's name after a page title: "标题_XX市人民政府".
var siteSuffix = regexp.MustCompile(`\s*(_|\||｜|\s[-—–]\s).*$`)

// headingBefore returns the text of the last h1–h3 before target in
// document order, outside it.
func headingBefore(root, target *html.Node) string {
	var last string
	done := false
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && !done && depth <= maxHTMLDepth; c = c.NextSibling {
			switch {
			case c == target:
				done = true
			case skip(c):
			case c.Type == html.ElementNode && (c.DataAtom == atom.H1 || c.DataAtom == atom.H2 || c.DataAtom == atom.H3):
				if t := collapse(textOf(c)); t != "" {
					last = t
				}
				if isAncestor(c, target) {
					walk(c, depth+1)
				}
			default:
				walk(c, depth+1)
			}
		}
	}
	walk(root, 0)
	return last
}

// textOf returns all the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && depth <= maxHTMLDepth; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			} else if !skip(c) {
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
	return b.String()
}

// collapse collapses runs of white space (and no-break spaces) to one
// space and trims.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, isHTMLSpace), " ")
}

// isHTMLSpace reports white space, including the no-break and ideographic
// spaces pages indent with.
func isHTMLSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' }

// lineWriter writes the text of a tree as lines.
type lineWriter struct {
	out          strings.Builder
	line         strings.Builder
	keepNewlines bool // a fragment in a .txt: newlines in text are lines
	pre          int  // depth inside <pre>
	cell         bool // a table cell was written on this line
}

// node writes the text of n's children.
func (w *lineWriter) node(n *html.Node, depth int) {
	if depth > maxHTMLDepth {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case skip(c):
		case c.Type == html.TextNode:
			w.text(c.Data)
		case c.Type != html.ElementNode:
			w.node(c, depth+1)
		default:
			w.element(c, depth)
		}
	}
}

// element writes one element.
func (w *lineWriter) element(c *html.Node, depth int) {
	switch c.DataAtom {
	case atom.Br:
		w.newline()
		return
	case atom.Td, atom.Th:
		if w.cell {
			w.line.WriteByte('\t')
		}
		w.node(c, depth+1)
		w.cell = true
		return
	case atom.Pre:
		w.pre++
		defer func() { w.pre-- }()
	}
	block := blocks[c.DataAtom]
	if block {
		w.endLine()
	}
	w.node(c, depth+1)
	if block {
		w.endLine()
	}
}

// text writes a text node: collapsed white space, or its own lines in a
// fragment and in <pre>.
func (w *lineWriter) text(s string) {
	if w.keepNewlines || w.pre > 0 {
		parts := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
		for i, p := range parts {
			if i > 0 {
				w.newline()
			}
			w.line.WriteString(p)
		}
		return
	}
	for i, f := range strings.FieldsFunc(s, isHTMLSpace) {
		if i > 0 || (startsWithSpace(s) && w.line.Len() > 0) {
			w.line.WriteByte(' ')
		}
		w.line.WriteString(f)
	}
	if endsWithSpace(s) && w.line.Len() > 0 {
		w.line.WriteByte(' ')
	}
}

// startsWithSpace and endsWithSpace report white space at either end.
func startsWithSpace(s string) bool {
	return strings.IndexFunc(s, isHTMLSpace) == 0
}

func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && isHTMLSpace(r)
}

// newline ends the current line, even if empty (a <br>).
func (w *lineWriter) newline() {
	line := w.line.String()
	if w.pre == 0 {
		line = strings.TrimFunc(line, isHTMLSpace)
	}
	w.out.WriteString(line)
	w.out.WriteByte('\n')
	w.line.Reset()
	w.cell = false
}

// endLine ends the current line if it holds anything.
func (w *lineWriter) endLine() {
	if strings.TrimFunc(w.line.String(), isHTMLSpace) != "" {
		w.newline()
	}
	w.line.Reset()
	w.cell = false
}

// String returns the lines written, without runs of more than one blank
// line.
func (w *lineWriter) String() string {
	w.endLine()
	return blankRuns.ReplaceAllString(w.out.String(), "\n\n")
}

// blankRuns matches more than one blank line.
var blankRuns = regexp.MustCompile(`\n{3,}`)
