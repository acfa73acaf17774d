package drafts

import (
	"fmt"
	"sort"
	"strings"
)

// Structural edits work on a document's Source through the parser's byte
// spans, so that nothing in the text changes except what the edit is
// about: the edited node's lines and the label bytes of the nodes whose
// numbers the edit shifts. Each edit returns the new working text; saving
// it as a version is the caller's explicit step.
//
// Numbering runs in sequences. A level of the document (a label family at
// a depth) either runs on across parents — 000's clauses 1.–28. continue
// across （一）…（八）, 004's （一）…（二十九） across 一、…十、 — or restarts
// under each parent, like 000's 组织实施 (一)(二)(三). The mode is read from
// the document itself (sequenceModes). An edit renumbers only the
// sequences it touches, and in them only the nodes from the edit onward,
// each taking the number after the one before it. A label keeps its own
// form ((一) or （一）, 1. or 1、); a new label takes the form of its
// neighbour.

// Errors of structural edits.
var (
	ErrNoNode     error = Errorf(EInvalid, "没有指定要编辑的条款", "No clause is selected to edit")
	ErrNoSibling  error = Errorf(EInvalid, "没有可交换位置的相邻同级条款", "There is no neighbouring clause at the same level to swap with")
	ErrNoParent   error = Errorf(EInvalid, "顶层条目不能再升级", "A top-level item cannot be raised further")
	ErrHasSubtree error = Errorf(EInvalid, "含有下级条目的条款不能降级", "A clause with items under it cannot be lowered")
	ErrEmptyText  error = Errorf(EInvalid, "插入的文字为空", "The text to insert is empty")
)

// Edit is the result of a structural edit.
type Edit struct {
	// Text is the document's new working text.
	Text string
	// Label is the label of the inserted, moved or relabelled node after
	// renumbering; empty after a deletion.
	Label string
	// Span is where that node now stands in Text.
	Span Span
}

// splice replaces Source[Start:End] with Text.
type splice struct {
	Start, End int
	Text       string
}

// change is an edit before renumbering: splices on the old source, the old
// offset of the node the edit is about (after the splices, mapped), and
// old offsets of nodes whose sequences lost or gained a member.
type change struct {
	ops     []splice
	subject int   // offset in the new text of the edited node; -1 if none
	touched []int // offsets in the new text of nodes whose sequences need renumbering
	// block is the range of the new text the edit put in, if any: its
	// labelled paragraphs' sequences need renumbering too.
	block Span
	from  int // offset in the new text where renumbering starts
}

// apply returns src with the splices applied; ops must not overlap.
func apply(src string, ops []splice) string {
	sorted := append([]splice(nil), ops...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	var b strings.Builder
	last := 0
	for _, op := range sorted {
		b.WriteString(src[last:op.Start])
		b.WriteString(op.Text)
		last = op.End
	}
	b.WriteString(src[last:])
	return b.String()
}

// mapOffset returns where old offset p lands after the splices. An
// insertion at p itself lands before p.
func mapOffset(ops []splice, p int) int {
	shift := 0
	for _, op := range ops {
		if op.End <= p && (op.Start < p || op.Start == op.End) {
			shift += len(op.Text) - (op.End - op.Start)
		}
	}
	return p + shift
}

// InsertAfter inserts text as a new node after anchor, at anchor's level
// and in its numbering family, and renumbers the nodes after it. text is
// one or more paragraphs; a label at its start is replaced by the right
// one, and labelled paragraphs after the first become the new node's
// children, renumbered in their own sequences.
func InsertAfter(d *Document, anchor *Node, text string) (Edit, error) {
	if anchor == nil {
		return Edit{}, ErrNoNode
	}
	at := anchor.Span.End
	gap := gapAround(d.Source, anchor)
	block := gap + formatBlock(d.Source, anchor, text, gap)
	return insertBlock(d, at, block, len(gap))
}

// InsertBefore inserts text as a new node before anchor, at anchor's level
// and in its numbering family, and renumbers anchor and the nodes after it.
func InsertBefore(d *Document, anchor *Node, text string) (Edit, error) {
	if anchor == nil {
		return Edit{}, ErrNoNode
	}
	gap := gapAround(d.Source, anchor)
	block := formatBlock(d.Source, anchor, text, gap) + gap
	return insertBlock(d, anchor.Span.Start, block, 0)
}

// insertBlock splices block into the source at offset at; the new node
// starts lead bytes into the block.
func insertBlock(d *Document, at int, block string, lead int) (Edit, error) {
	if strings.TrimSpace(block) == "" {
		return Edit{}, ErrEmptyText
	}
	ops := []splice{{at, at, block}}
	start := at + lead
	c := change{ops: ops, subject: start, from: start, block: Span{start, at + len(block)}}
	return finish(d, c)
}

// formatBlock turns the inserted text into source paragraphs: the first
// gets a label in anchor's style, every paragraph gets anchor's
// indentation, and paragraphs are separated as anchor's are.
func formatBlock(src string, anchor *Node, text, gap string) string {
	paras := splitParagraphs(text)
	if len(paras) == 0 {
		return ""
	}
	if l, ok := ParseLabel(paras[0]); ok {
		paras[0] = paras[0][l.Len:]
	}
	paras[0] = anchor.Style.Format(anchor.Ordinal+1) + paras[0]
	indent := indentOf(src, anchor)
	for i := range paras {
		paras[i] = indent + paras[i]
	}
	return strings.Join(paras, gap)
}

// splitParagraphs splits text into its non-blank lines, trimmed.
func splitParagraphs(text string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// indentOf returns the layout before a node's label on its line, when it
// is only spaces or heading marks.
func indentOf(src string, n *Node) string {
	prefix := src[n.Span.Start:n.LabelSpan.Start]
	if strings.Trim(prefix, " \t\u3000#>") != "" {
		return ""
	}
	return prefix
}

// gapAround returns the separator between anchor's paragraphs and the
// next ones ("\n", or "\n\n" where blank lines separate them), falling
// back to the separator before anchor, then to "\n".
func gapAround(src string, n *Node) string {
	if g := src[n.Span.End:nextStart(src, n.Span.End)]; strings.Contains(g, "\n") {
		return lineBreaks(g)
	}
	if g := src[prevEnd(src, n.Span.Start):n.Span.Start]; strings.Contains(g, "\n") {
		return lineBreaks(g)
	}
	return "\n"
}

// lineBreaks keeps only the line breaks of a whitespace run (with \r
// where the source uses CRLF).
func lineBreaks(g string) string {
	nl := "\n"
	if strings.Contains(g, "\r\n") {
		nl = "\r\n"
	}
	return strings.Repeat(nl, strings.Count(g, "\n"))
}

// nextStart returns the start of the line holding the next non-blank text
// after end, or len(src) when there is none.
func nextStart(src string, end int) int {
	i := end
	lineStart := end
	for i < len(src) {
		switch src[i] {
		case '\n':
			lineStart = i + 1
		case ' ', '\t', '\r':
		default:
			if strings.HasPrefix(src[i:], "\u3000") {
				i += len("\u3000")
				continue
			}
			return lineStart
		}
		i++
	}
	return len(src)
}

// prevEnd returns the end of the previous non-blank text before start.
func prevEnd(src string, start int) int {
	i := start
	for i > 0 && strings.ContainsRune(" \t\r\n", rune(src[i-1])) {
		i--
	}
	return i
}

// Delete removes a node with everything under it and renumbers the nodes
// after it.
func Delete(d *Document, n *Node) (Edit, error) {
	if n == nil {
		return Edit{}, ErrNoNode
	}
	start, end := cutRange(d.Source, n)
	ops := []splice{{start, end, ""}}
	c := change{ops: ops, subject: -1, from: start, touched: mappedFollowers(d, n, ops)}
	return finish(d, c)
}

// cutRange returns the source range a node occupies with the separator
// after it (or, for the last text, before it).
func cutRange(src string, n *Node) (int, int) {
	end := nextStart(src, n.Span.End)
	if end == len(src) && strings.TrimSpace(src[n.Span.End:]) == "" {
		return prevEnd(src, n.Span.Start), n.Span.End
	}
	return n.Span.Start, end
}

// followersOf returns the next node in n's own sequence and in the
// sequences of n's labelled descendants: the nodes whose numbers shift
// when n and its subtree go.
func followersOf(d *Document, n *Node) []*Node {
	modes := sequenceModes(d)
	seqs := sequences(d, modes)
	var out []*Node
	var walk func(m, parent *Node)
	walk = func(m, parent *Node) {
		if next := followerIn(seqs[keyOf(m, parent, modes)], m); next != nil {
			out = append(out, next)
		}
		for _, c := range m.Children {
			walk(c, m)
		}
	}
	walk(n, parentOf(d, n))
	return out
}

// followerIn returns the first node of seq after the subtree of n.
func followerIn(seq []*Node, n *Node) *Node {
	for _, m := range seq {
		if m.Span.Start >= n.Span.End {
			return m
		}
	}
	return nil
}

// MoveUp swaps a node with the sibling before it (same parent, same
// numbering family) and renumbers both.
func MoveUp(d *Document, n *Node) (Edit, error) {
	if n == nil {
		return Edit{}, ErrNoNode
	}
	prev, _ := siblings(d, n)
	if prev == nil {
		return Edit{}, fmt.Errorf("%w：%s已是第一项", ErrNoSibling, n.Label)
	}
	return moveBefore(d, n, prev, true)
}

// MoveDown swaps a node with the sibling after it and renumbers both.
func MoveDown(d *Document, n *Node) (Edit, error) {
	if n == nil {
		return Edit{}, ErrNoNode
	}
	_, next := siblings(d, n)
	if next == nil {
		return Edit{}, fmt.Errorf("%w：%s已是最后一项", ErrNoSibling, n.Label)
	}
	return moveBefore(d, next, n, false)
}

// moveBefore cuts n (with its subtree) and inserts it before target. The
// result reports on n when subjectMoved is true, else on target.
func moveBefore(d *Document, n, target *Node, subjectMoved bool) (Edit, error) {
	src := d.Source
	end := nextStart(src, n.Span.End)
	block := src[n.Span.Start:end]
	if end == len(src) {
		block = src[n.Span.Start:n.Span.End] + gapAround(src, target)
	}
	cutStart, cutEnd := cutRange(src, n)
	ops := []splice{{target.Span.Start, target.Span.Start, block}, {cutStart, cutEnd, ""}}
	newStart := target.Span.Start
	c := change{ops: ops, subject: newStart, from: newStart, block: Span{newStart, newStart + len(block)},
		touched: []int{mapOffset(ops, target.Span.Start)}}
	if !subjectMoved {
		c.subject = mapOffset(ops, target.Span.Start)
	}
	return finish(d, c)
}

// siblings returns the labelled siblings before and after n in its
// parent with the same numbering family.
func siblings(d *Document, n *Node) (prev, next *Node) {
	list := d.Nodes
	if p := parentOf(d, n); p != nil {
		list = p.Children
	}
	for i, m := range list {
		if m != n {
			continue
		}
		for j := i - 1; j >= 0 && prev == nil; j-- {
			if list[j].Style.Family == n.Style.Family && list[j].Label != "" {
				prev = list[j]
			}
		}
		for j := i + 1; j < len(list) && next == nil; j++ {
			if list[j].Style.Family == n.Style.Family && list[j].Label != "" {
				next = list[j]
			}
		}
	}
	return prev, next
}

// parentOf returns the node directly above n, nil for a top-level node.
func parentOf(d *Document, n *Node) *Node {
	var parent *Node
	d.Walk(func(m, p *Node) {
		if m == n {
			parent = p
		}
	})
	return parent
}

// nodeAt returns the node starting at offset, the deepest one if several.
func nodeAt(d *Document, offset int) *Node {
	var found *Node
	d.Walk(func(m, _ *Node) {
		if m.Span.Start == offset {
			found = m
		}
	})
	return found
}

// Promote lifts a node one level: it leaves its parent and follows it as
// the parent's next sibling, numbered in the parent's family (1.-level →
// （一）-level). Both the sequence it left and the one it joins are
// renumbered.
func Promote(d *Document, n *Node) (Edit, error) {
	if n == nil {
		return Edit{}, ErrNoNode
	}
	p := parentOf(d, n)
	if p == nil {
		return Edit{}, ErrNoParent
	}
	label := styleFor(d, p).Format(p.Ordinal + 1)
	c := change{from: n.Span.Start}
	if n.Span.End == p.Span.End { // last under its parent: relabel in place
		c.ops = []splice{{n.LabelSpan.Start, n.LabelSpan.End, label}}
		c.subject = n.Span.Start
	} else {
		gap := gapAround(d.Source, p)
		block := gap + indentOf(d.Source, p) + label + d.Source[n.LabelSpan.End:n.Span.End]
		cutStart, cutEnd := cutRange(d.Source, n)
		c.ops = []splice{{cutStart, cutEnd, ""}, {p.Span.End, p.Span.End, block}}
		c.subject = mapOffset(c.ops, p.Span.End) - len(block) + len(gap)
		c.block = Span{c.subject, c.subject + len(block) - len(gap)}
	}
	c.touched = mappedFollowers(d, n, c.ops)
	return finish(d, c)
}

// mappedFollowers returns the new offsets of the nodes whose numbers shift
// when n leaves its sequences (see followersOf).
func mappedFollowers(d *Document, n *Node, ops []splice) []int {
	var out []int
	for _, f := range followersOf(d, n) {
		out = append(out, mapOffset(ops, f.Span.Start))
	}
	return out
}

// Demote lowers a node one level: it becomes the last child of the
// sibling before it, numbered in the family of that sibling's children
// (（一）-level → 1.-level). A node with children of its own cannot be
// demoted.
func Demote(d *Document, n *Node) (Edit, error) {
	if n == nil {
		return Edit{}, ErrNoNode
	}
	if len(n.Children) > 0 {
		return Edit{}, ErrHasSubtree
	}
	prev, _ := siblings(d, n)
	if prev == nil {
		return Edit{}, fmt.Errorf("%w：%s前面没有同级条款", ErrNoSibling, n.Label)
	}
	style := childStyle(d, prev, n)
	c := change{ops: []splice{{n.LabelSpan.Start, n.LabelSpan.End, style.Format(1)}}, subject: n.Span.Start, from: n.Span.Start}
	c.touched = mappedFollowers(d, n, c.ops)
	return finish(d, c)
}

// styleFor returns the numbering style of a node, or for a node whose
// number is missing (000's bare 重点任务) that of a labelled node at its
// level and family.
func styleFor(d *Document, n *Node) Style {
	if n.Label != "" {
		return n.Style
	}
	var found Style
	d.Walk(func(m, _ *Node) {
		if found.Form == "" && m.Label != "" && m.Level == n.Level && m.Style.Family == n.Style.Family {
			found = m.Style
		}
	})
	if found.Form == "" {
		return defaultStyle(n.Style.Family)
	}
	return found
}

// childStyle returns the style n takes as a child of parent: that of
// parent's children, else that of any node one level below a node of
// parent's family, else the next family of GB/T 9704.
func childStyle(d *Document, parent, n *Node) Style {
	if k := len(parent.Children); k > 0 && parent.Children[k-1].Label != "" {
		return parent.Children[k-1].Style
	}
	var found Style
	d.Walk(func(m, p *Node) {
		if found.Form == "" && p != nil && m.Label != "" && p.Style.Family == parent.Style.Family {
			found = m.Style
		}
	})
	if found.Form != "" && found.Family != n.Style.Family {
		return found
	}
	return defaultStyle(n.Style.Family + 1)
}

// defaultStyle is the GB/T 9704-2012 spelling of a family.
func defaultStyle(f Family) Style {
	switch f {
	case HanComma:
		return Style{HanComma, "%s、"}
	case HanParen:
		return Style{HanParen, "（%s）"}
	case ArabicDot:
		return Style{ArabicDot, "%s."}
	default:
		return Style{ArabicParen, "（%s）"}
	}
}
