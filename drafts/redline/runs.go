package redline

import (
	"strings"
	"unicode/utf8"

	"qicao/drafts"
)

// Mark is how a run of compared text is marked.
type Mark uint8

// The marks of a run.
const (
	Same     Mark = iota // kept text
	Deleted              // in the old version only
	Inserted             // in the new version only
	Form                 // a change of punctuation width or spacing only
)

// Side is which version's text a walk over ops shows.
type Side int

// The sides of a walk: the old text with its deletions, both (tracked
// changes) or the new text with its insertions.
const (
	OldSide  Side = -1
	BothSide Side = 0
	NewSide  Side = +1
)

// Run is a stretch of compared text with one mark. A Form run also
// carries both forms, Old and New; its Text is the form of its side (the
// new form when both).
type Run struct {
	Text     string
	Mark     Mark
	Old, New string
}

// Runs is the one walk from a pair's ops to marked text, for a side. A
// change of form shows the side's form, as a Form run only when form is
// set (else as Same). Each op gives at most one run, in order, so that
// every writer renders the same text.
func Runs(ops []drafts.Op, side Side, form bool) []Run {
	runs := make([]Run, 0, len(ops))
	for _, o := range ops {
		switch {
		case o.Kind == drafts.OpEqual:
			runs = append(runs, Run{Text: o.Text})
		case o.Kind == drafts.OpDelete && side <= BothSide:
			runs = append(runs, Run{Text: o.Text, Mark: Deleted})
		case o.Kind == drafts.OpInsert && side >= BothSide:
			runs = append(runs, Run{Text: o.Text, Mark: Inserted})
		case o.Kind == drafts.OpForm:
			text := o.New
			if side == OldSide {
				text = o.Text
			}
			r := Run{Text: text}
			if form {
				r = Run{Text: text, Mark: Form, Old: o.Text, New: o.New}
			}
			runs = append(runs, r)
		}
	}
	return runs
}

// Visible shows a stretch of white space as blank, one per rune, so that a
// change of spacing can be seen (the report uses ␣; the window's font has
// none and uses □).
func Visible(s string, blank rune) string {
	if strings.TrimSpace(s) == "" {
		return strings.Repeat(string(blank), max(1, utf8.RuneCountInString(s)))
	}
	return s
}
