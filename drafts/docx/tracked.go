package docx

import (
	"fmt"
	"strings"

	"qicao/drafts"
)

// item is one unit of the tracked-changes view: a paragraph of the front
// matter, preamble or closing, or a numbered node with its paragraphs.
type item struct {
	// Style is the paragraph style of a line; empty for a node, whose
	// first paragraph is styled by its numbering family.
	Style       string
	Family      drafts.Family
	RightIndent int
	Space       bool // an empty paragraph before
	Segs        []seg
	// End is the kind of the last paragraph mark: segSame, or the kind of
	// an item deleted, inserted or moved as a whole.
	End byte
	// Move names the move of a moveFrom or moveTo item.
	Move string
}

// tracker turns items into paragraphs, numbering the revisions.
type tracker struct {
	author, date string
	nextID       int
}

func newTracker(opt Options) *tracker {
	return &tracker{author: opt.author(), date: opt.date(), nextID: 1}
}

// changeNames are the revision element names of the segment kinds.
var changeNames = map[byte]string{segDel: changeDel, segIns: changeIns, segMoveFrom: changeMoveFrom, segMoveTo: changeMoveTo}

// change returns a new revision of the segment kind, nil for segSame.
func (t *tracker) change(kind byte) *change { return t.changeNamed(changeNames[kind]) }

// changeNamed returns a new revision of a kind by its element name, nil
// for "".
func (t *tracker) changeNamed(name string) *change {
	if name == "" {
		return nil
	}
	t.nextID++
	return &change{Kind: name, ID: t.nextID - 1, Author: t.author, Date: t.date}
}

// blocks lays out items, an empty paragraph before those that ask for
// space.
func (t *tracker) blocks(items []item) []block {
	var out []block
	for _, it := range items {
		if it.Space {
			out = append(out, block{P: &paragraph{Style: styleNormal}})
		}
		for _, p := range t.paragraphs(it) {
			out = append(out, block{P: &p})
		}
	}
	t.separateRevisions(out)
	return out
}

// paragraphs lays out one item: its segments cut into paragraphs at each
// "\n", whose paragraph mark takes the segment's change; the last mark
// takes the item's.
func (t *tracker) paragraphs(it item) []paragraph {
	var ps []paragraph
	cur := paragraph{Style: styleNormal}
	for _, s := range it.Segs {
		for i, text := range strings.Split(s.Text, "\n") {
			if i > 0 {
				cur.Mark = t.change(s.Kind)
				ps = append(ps, cur)
				cur = paragraph{Style: styleNormal}
			}
			if text != "" {
				cur.Runs = append(cur.Runs, run{Text: text, Change: t.change(s.Kind)})
			}
		}
	}
	cur.Mark = t.change(it.End)
	ps = append(ps, cur)
	t.styleFirst(&ps[0], it)
	t.markMove(ps, it)
	return ps
}

// styleFirst styles an item's first paragraph: a line by its style, a
// node by its heading, whose first sentence takes the heading character
// style across all the changes in it.
func (t *tracker) styleFirst(p *paragraph, it item) {
	if it.Style != "" {
		p.Style, p.RightIndent = it.Style, it.RightIndent
		return
	}
	var text string
	for _, r := range p.Runs {
		text += r.Text
	}
	var char string
	p.Style, char = headingStyles(it.Family, text)
	if char != "" {
		p.Runs = t.styleUpTo(p.Runs, headingEnd(text), char)
	}
}

// styleUpTo gives the first end bytes of the runs the character style,
// cutting the run that straddles end in two.
func (t *tracker) styleUpTo(runs []run, end int, style string) []run {
	var out []run
	at := 0
	for _, r := range runs {
		switch {
		case at >= end:
			out = append(out, r)
		case at+len(r.Text) <= end:
			r.Style = style
			out = append(out, r)
		default:
			head, tail := r, r
			head.Text, head.Style = r.Text[:end-at], style
			tail.Text = r.Text[end-at:]
			if tail.Change != nil { // the same revision in two elements, two ids
				c := *tail.Change
				c.ID = t.nextID
				t.nextID++
				tail.Change = &c
			}
			out = append(out, head, tail)
		}
		at += len(r.Text)
	}
	return out
}

// markMove opens the named move range before the first paragraph of a
// moved item and closes it after the last.
func (t *tracker) markMove(ps []paragraph, it item) {
	if it.Move == "" {
		return
	}
	kind := changeMoveFrom
	if it.End == segMoveTo {
		kind = changeMoveTo
	}
	r := moveRange{Kind: kind, ID: t.nextID, Name: it.Move, Author: t.author, Date: t.date}
	t.nextID++
	ps[0].Starts = append(ps[0].Starts, r)
	ps[len(ps)-1].Ends = append(ps[len(ps)-1].Ends, r)
}

// moveName names the n-th move, as Word does.
func moveName(n int) string { return fmt.Sprintf("move%d", n) }
