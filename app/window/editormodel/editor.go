// Package editormodel holds the rules of the editor's session in plain Go,
// apart from its widgets: the open draft with its working text, parse,
// saved text and the node under the cursor; what the clause pane edits
// and how its text is written back into the working text; when the
// write-back and the autosave happen; and what the status line says. It
// imports no Fyne, so its table tests run without cgo's Fyne build.
package editormodel

import (
	"slices"
	"time"
	"unicode/utf8"

	"qicao/app/window/outlinemodel"
	"qicao/drafts"
)

// Draft is the draft open in the editor. It lives on the UI goroutine;
// Doc is replaced, never changed, so a comparison off the UI goroutine may
// read the one it was given.
type Draft struct {
	// DraftID is the open draft, 0 when none is open.
	DraftID int64
	Title   string
	// Text is the working text of the open draft; Doc is its parse (nil
	// when the text is empty or unreadable).
	Text string
	Doc  *drafts.Document
	// Saved is the text of the latest saved version, to tell unsaved
	// changes apart; Version is its number (0: none saved yet).
	Saved   string
	Version int

	// path is the child indexes from the document's top to the node under
	// the cursor; nil for none.
	path []int
	// parsed is a parse of a text about to be set (an import's), which
	// SetText takes instead of parsing the same text again.
	parsed *drafts.Document
}

// Open makes draft id (0 for none) the open one, on text, with no cursor.
func (d *Draft) Open(id int64, title, saved string, version int, text string) {
	d.DraftID, d.Title, d.Saved, d.Version = id, title, saved, version
	d.SetText(text)
	d.path = nil
}

// UseParse gives the next SetText a parse already made of its text.
func (d *Draft) UseParse(doc *drafts.Document) { d.parsed = doc }

// SetText makes text the working text and parses it, or takes the parse
// given to UseParse when it is of this text. The cursor's path stays as
// it is (see KeepSelection).
func (d *Draft) SetText(text string) {
	d.Text = text
	d.Doc, d.parsed = d.parsed, nil
	if d.Doc != nil && d.Doc.Source == text {
		return
	}
	d.Doc = nil
	if doc, err := drafts.Parse(text); err == nil {
		d.Doc = doc
	}
}

// Dirty reports whether the working text differs from the latest version.
func (d *Draft) Dirty() bool { return d.Text != d.Saved }

// SavedAs records that the working text is now saved as version n.
func (d *Draft) SavedAs(n int) { d.Saved, d.Version = d.Text, n }

// Select puts the cursor on n (nil for none) and reports whether it moved
// to another place in the tree: typing there is another step to undo.
func (d *Draft) Select(n *drafts.Node) (moved bool) {
	path := outlinemodel.PathOf(d.Doc, n)
	moved = !slices.Equal(path, d.path)
	d.path = path
	return moved
}

// Selected is the node under the cursor in the current parse, or nil.
func (d *Draft) Selected() *drafts.Node { return outlinemodel.NodeAtPath(d.Doc, d.path) }

// SelectionPath is the path of child indexes to the node under the
// cursor (nil for none), which names it across re-parses.
func (d *Draft) SelectionPath() []int { return d.path }

// KeepSelection keeps the cursor at the same place in the tree after the
// text changed, or drops it when the new tree has no node there.
func (d *Draft) KeepSelection() {
	if d.Selected() == nil {
		d.path = nil
	}
}

// Part is what the clause pane shows.
type Part int

// The parts of the working text the clause pane edits.
const (
	// PartNode is the selected node's own text (label, heading, body,
	// 责任单位: its BodySpan).
	PartNode Part = iota
	// PartOpening is the title and opening, before the first node, when
	// no node is selected.
	PartOpening
	// PartWhole is the whole text, when it has no nodes (or a span went
	// stale).
	PartWhole
)

// MaxClauseChars is the longest text the clause pane edits: an entry
// re-wraps all its text per keystroke (25–46 ms at 2,000–5,000
// characters, 210 ms at 20,000). Longer text is shown read-only.
const MaxClauseChars = 5000

// Clause is what the clause pane edits of the working text: which part,
// where it stands (Span, bytes into Draft.Text) and whether it is too long
// to edit in one piece.
type Clause struct {
	Part    Part
	Span    drafts.Span
	TooLong bool
}

// ClauseOf returns what the clause pane edits of d: the selected node's
// own text, else the text before the first node, else the whole text.
func ClauseOf(d *Draft) Clause {
	c := Clause{Part: PartWhole, Span: drafts.Span{End: len(d.Text)}}
	switch n := d.Selected(); {
	case n != nil:
		c = Clause{Part: PartNode, Span: n.BodySpan}
	case d.Doc != nil && len(d.Doc.Nodes) > 0:
		c = Clause{Part: PartOpening, Span: drafts.Span{End: d.Doc.Nodes[0].Span.Start}}
	}
	if c.Span.End > len(d.Text) || c.Span.Start < 0 || c.Span.Start > c.Span.End {
		c = Clause{Part: PartWhole, Span: drafts.Span{End: len(d.Text)}}
	}
	c.TooLong = utf8.RuneCountInString(d.Text[c.Span.Start:c.Span.End]) > MaxClauseChars
	return c
}

// WriteBack puts typed, the clause pane's text, in place of span in src:
// the new working text and the span typed now has in it. ok is false
// when span no longer lies in src (nothing is written).
func WriteBack(src string, span drafts.Span, typed string) (text string, at drafts.Span, ok bool) {
	if span.Start < 0 || span.Start > span.End || span.End > len(src) {
		return src, span, false
	}
	return src[:span.Start] + typed + src[span.End:], drafts.Span{Start: span.Start, End: span.Start + len(typed)}, true
}

// NodeAfterWriteBack is the node the cursor goes to once the clause pane's
// text is in the working text at span: the node there in the new parse
// (typing 二、 at a clause's start makes a section of it), nil to leave
// the cursor alone (the clause was emptied).
func NodeAfterWriteBack(doc *drafts.Document, span drafts.Span) *drafts.Node {
	if span.Start >= span.End {
		return nil
	}
	return outlinemodel.NodeAt(doc, span.Start)
}

// WriteBackWait is how long after a keystroke the clause pane's text is
// written back: delay after the last keystroke, but never more than
// maxWait after the first one not yet written (typing for typingFor), so
// that steady typing reaches the working text, and the autosave.
func WriteBackWait(delay, maxWait, typingFor time.Duration) time.Duration {
	return min(delay, max(0, maxWait-typingFor))
}

// SpanRunes is where h, a span of text, lies in the clause at span, in
// runes from the clause's start (as the clause pane's cursor counts);
// ok is false when h is not inside the clause.
func SpanRunes(text string, span, h drafts.Span) (from, to int, ok bool) {
	if h.Start < span.Start || h.End > span.End || h.Start > h.End || span.End > len(text) {
		return 0, 0, false
	}
	from = utf8.RuneCountInString(text[span.Start:h.Start])
	return from, from + utf8.RuneCountInString(text[h.Start:h.End]), true
}

// Status is what the editor's status line says of the working text.
type Status int

// The states of the working text.
const (
	StatusNone      Status = iota // no draft open: nothing to say
	StatusUnsaved                 // changes not saved as a version (● 未保存)
	StatusNoVersion               // no version saved yet
	StatusSaved                   // saved as the latest version (第 N 版)
)

// StatusOf is the status line's state: pending is whether the clause
// pane holds keystrokes not yet written back.
func StatusOf(d *Draft, pending bool) Status {
	switch {
	case d.DraftID == 0:
		return StatusNone
	case pending || d.Dirty():
		return StatusUnsaved
	case d.Version == 0:
		return StatusNoVersion
	}
	return StatusSaved
}
