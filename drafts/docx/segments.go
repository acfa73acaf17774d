package docx

import (
	"strings"

	"qicao/drafts"
	"qicao/drafts/norm"
)

// Segment kinds: what a stretch of text is in the tracked-changes view.
const (
	segSame     = '=' // in both versions
	segDel      = '-' // deleted
	segIns      = '+' // inserted
	segMoveFrom = 'f' // moved away from here
	segMoveTo   = 't' // moved here
)

// seg is a stretch of text of one kind.
type seg struct {
	Kind byte
	Text string
}

// opsSegs turns the compare engine's ops into segments. A change of form
// only ('~': punctuation width, spacing) is written in its new form
// without a mark unless strict, where it is a deletion and an insertion;
// one that joins or parts paragraphs is always marked, so that rejecting
// all changes gives the old paragraphs.
func opsSegs(ops []drafts.Op, strict bool) []seg {
	var out []seg
	for _, o := range ops {
		switch o.Kind {
		case '=':
			out = appendSeg(out, seg{segSame, o.Text})
		case '-':
			out = appendSeg(out, seg{segDel, o.Text})
		case '+':
			out = appendSeg(out, seg{segIns, o.Text})
		case '~':
			if strict || strings.Count(o.Text, "\n") != strings.Count(o.New, "\n") {
				out = appendSeg(out, seg{segDel, o.Text})
				out = appendSeg(out, seg{segIns, o.New})
			} else {
				out = appendSeg(out, seg{segSame, o.New})
			}
		}
	}
	return out
}

// textSegs diffs two paragraphs that Compare did not pair.
func textSegs(old, new string, strict bool) []seg {
	return opsSegs(drafts.DiffText(old, new), strict)
}

// labelSegs writes a label that may have been renumbered: unchanged, or
// the old label deleted and the new inserted. A label that differs in
// form only ((一) for （一）) is a change of form.
func labelSegs(old, new string, strict bool) []seg {
	switch {
	case old == new, !strict && norm.SameUpToForm(old, new):
		return appendSeg(nil, seg{segSame, new})
	}
	return appendSeg(appendSeg(nil, seg{segDel, old}), seg{segIns, new})
}

// appendSeg adds s, joining it to the last segment of the same kind and
// dropping it when empty.
func appendSeg(ss []seg, s seg) []seg {
	if s.Text == "" {
		return ss
	}
	if n := len(ss); n > 0 && ss[n-1].Kind == s.Kind {
		ss[n-1].Text += s.Text
		return ss
	}
	return append(ss, s)
}

// whole is one segment of a single kind, for a paragraph or clause
// deleted, inserted or moved as a whole.
func whole(kind byte, text string) []seg { return appendSeg(nil, seg{kind, text}) }

// segsText rebuilds one version's text from segments: the old (kinds
// same, deleted, moved away) or the new (same, inserted, moved here).
func segsText(ss []seg, old bool) string {
	var b strings.Builder
	for _, s := range ss {
		if s.Kind == segSame || old == (s.Kind == segDel || s.Kind == segMoveFrom) {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}
