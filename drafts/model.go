// Package drafts is Qicao's domain: the structure of a policy document
// (实施意见 and the like), parsing plain text into that structure, and the
// operations on it (comparison, structural edits). It does no I/O beyond
// the values it is given and knows nothing of the window or the database.
package drafts

import (
	"encoding/json"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Document is a parsed policy document: its metadata and its tree of
// numbered nodes.
type Document struct {
	Meta
	// Preamble holds the unnumbered paragraphs between the title block and
	// the first numbered node: addressees (主送机关) and the opening
	// paragraph (为深入贯彻落实…现提出如下实施意见).
	Preamble []Paragraph `json:"preamble"`
	// Nodes are the top-level numbered nodes (一、…), in document order.
	Nodes []*Node `json:"sections"`
	// Closing holds the unnumbered paragraphs after the last node: the
	// effective-period sentence, signature and date.
	Closing []Paragraph `json:"closing"`
	// Source is the text the document was parsed from, unchanged. Spans in
	// nodes and paragraphs are byte offsets into it.
	Source string `json:"-"`
	// dropped are the lines the parser read as no part of the document
	// (see Boilerplate).
	dropped []Removal
	// Parts are the documents the text holds, in order: for a notice that
	// wraps attachments (关于印发…的通知, 附件1, 附件2), the notice and each
	// attachment; otherwise the document alone. Nodes, Preamble and Closing
	// are those of the main part.
	Parts []Part `json:"-"`

	webDate string // 成文日期 from a page's metadata, used when the text has no date
	years   int    // 有效期X年, counted from Effective.From
}

// PartKind says what a part of a text is.
type PartKind string

// The kinds of part.
const (
	PartDocument   PartKind = "document"   // a text that is one document
	PartNotice     PartKind = "notice"     // a notice that issues or forwards attachments
	PartAttachment PartKind = "attachment" // a document a notice wraps
)

// Part is one document of a text: a notice, an attachment, or the whole.
// Its Document holds its own metadata and tree (Source is the whole text;
// Parts is empty).
type Part struct {
	Kind PartKind
	// Main marks the part whose tree is the document's outline.
	Main bool
	*Document
}

// Meta is what a document says about itself.
type Meta struct {
	Title     string   `json:"title"`
	Issuers   []string `json:"issuers"`
	Number    string   `json:"number"` // 文号, e.g. 泰政发〔2024〕5号
	Date      string   `json:"date"`   // date of issue, YYYY-MM-DD
	Status    string   `json:"status"` // e.g. 征求意见稿; empty when issued
	City      string   `json:"city"`   // simplified, e.g. 济宁
	Effective Period   `json:"effective"`
}

// Period is a span of dates, each YYYY-MM-DD or empty.
type Period struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Span is a byte range [Start, End) of a Document's Source.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Paragraph is one paragraph of cleaned text and where it came from.
type Paragraph struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Node is a numbered part of a document: a section (一、总体要求) or a
// clause (1.绘制产业链科技攻关路线图。…). A node that carries body text is a
// clause; a node that only heads deeper nodes is a section.
type Node struct {
	// Label is the numbering as written: "一、", "（一）", "(一) ", "1.",
	// "1、", "（1）". It is empty for a heading that lost its number
	// (000's bare 重点任务).
	Label string `json:"label"`
	// Style is the numbering style of Label.
	Style Style `json:"-"`
	// Level is the depth in the tree, 1 for top-level nodes.
	Level int `json:"-"`
	// Ordinal is the number the label says: 23 for （二十三）; 0 if none.
	Ordinal int `json:"ordinal"`
	// Heading is the text up to the first 。 (without it), e.g.
	// 绘制产业链科技攻关路线图.
	Heading string `json:"heading"`
	// Text is the node's own text after the label: heading, body and
	// 责任单位, paragraphs separated by "\n", original characters kept and
	// sentences cut by page breaks joined.
	Text string `json:"text"`
	// Units are the responsible units named in the node's 责任单位
	// parentheticals, in order of appearance; LeadUnits those that lead
	// (牵头, 负责, or all of them under 按职责分工负责).
	Units     []string `json:"-"`
	LeadUnits []string `json:"-"`
	Children  []*Node  `json:"children"`
	// Span covers the node's paragraphs in Source, children included;
	// LabelSpan covers the label.
	Span      Span `json:"-"`
	LabelSpan Span `json:"-"`
	// BodySpan covers the node's own paragraphs, children excluded, except
	// for an article with 款 after its items: it runs from the article's
	// first paragraph to its last and holds the items in between.
	BodySpan Span `json:"-"`

	texts      []string // Text in pieces while the tree is built
	groupUnits string   // a 责任单位 line written after the node's group
}

// Body returns the node's text after its heading sentence: empty for a
// node that is only a heading.
func (n *Node) Body() string {
	rest := afterHeading(n.Text, n.Heading)
	rest = strings.TrimLeft(rest, "。.．")
	return strings.TrimSpace(rest)
}

// afterHeading returns text after its leading heading. A section heading
// is kept tidy (a title spaced out for width, 总　则 or 总 则, reads 总则),
// so spaces in the text that the heading does not have are skipped.
// Text that does not start with the heading is returned whole.
func afterHeading(text, heading string) string {
	i := 0
	for _, h := range heading {
		for {
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case size == 0 || r != h && !unicode.IsSpace(r):
				return text // the text does not start with the heading
			case r == h:
				i += size
			default:
				i += size
				continue
			}
			break
		}
	}
	return text[i:]
}

// IsClause reports whether the node is a clause: an article (第X条), or a
// node that carries body text of its own, or a leaf.
func (n *Node) IsClause() bool {
	return n.Style.Family == Article || n.Body() != "" || len(n.Children) == 0
}

// Clause is a clause with its place in the document.
type Clause struct {
	*Node
	// Path holds the headings of the sections above the clause, outermost
	// first.
	Path []string
	// Index is the clause's position among the document's clauses, from 0.
	Index int
}

// Clauses returns the document's clauses in document order.
func (d *Document) Clauses() []Clause {
	var out []Clause
	var walk func(nodes []*Node, path []string)
	walk = func(nodes []*Node, path []string) {
		for _, n := range nodes {
			if n.IsClause() {
				out = append(out, Clause{Node: n, Path: append([]string(nil), path...), Index: len(out)})
			}
			walk(n.Children, append(path, n.Heading))
		}
	}
	walk(d.Nodes, nil)
	return out
}

// Walk calls fn for every node in document order, parents before children.
func (d *Document) Walk(fn func(n *Node, parent *Node)) {
	var walk func(nodes []*Node, parent *Node)
	walk = func(nodes []*Node, parent *Node) {
		for _, n := range nodes {
			fn(n, parent)
			walk(n.Children, n)
		}
	}
	walk(d.Nodes, nil)
}

// MarshalJSON writes a node with its children always as a list, never
// null, so that tools reading the tree need no special case for leaves.
func (n *Node) MarshalJSON() ([]byte, error) {
	type plain Node
	p := (*plain)(n)
	if p.Children == nil {
		c := *p
		c.Children = []*Node{}
		return json.Marshal(&c)
	}
	return json.Marshal(p)
}
