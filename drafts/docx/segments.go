package docx

import (
	"strings"

	"qicao/drafts"
	"qicao/drafts/norm"
	"qicao/drafts/redline"
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

// opsSegs turns the compare engine's ops into segments, through the one
// walk of redline.Runs. A change of form only (punctuation width,
// spacing) is written in its new form without a mark unless strict, where
// it is a deletion and an insertion; one that joins or parts paragraphs
// is always marked, so that rejecting all changes gives the old
// paragraphs.
func opsSegs(ops []drafts.Op, strict bool) []seg {
	var out []seg
	for _, r := range redline.Runs(ops, redline.BothSide, true) {
		switch {
		case r.Mark == redline.Form && (strict || strings.Count(r.Old, "\n") != strings.Count(r.New, "\n")):
			out = appendSeg(out, seg{segDel, r.Old})
			out = appendSeg(out, seg{segIns, r.New})
		default:
			out = appendSeg(out, seg{markSeg[r.Mark], r.Text})
		}
	}
	return out
}

// markSeg is the segment of a run's mark; a change of form left unmarked
// is kept text (sideSegs marks it by side).
var markSeg = map[redline.Mark]byte{redline.Same: segSame, redline.Deleted: segDel, redline.Inserted: segIns, redline.Form: segSame}

// sideSegs turns one side's runs into segments, a marked change of form
// deleted on the old side and inserted on the new.
func sideSegs(runs []redline.Run, side redline.Side) []seg {
	var out []seg
	for _, r := range runs {
		k := markSeg[r.Mark]
		if r.Mark == redline.Form {
			k = segDel
			if side == redline.NewSide {
				k = segIns
			}
		}
		out = appendSeg(out, seg{k, r.Text})
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
