package docx

import (
	"testing"

	"qicao/drafts"
	"qicao/drafts/redline/redlinetest"
)

// The 对照表's columns and the tracked changes read as the two texts, for
// every case the renderers are held to.
func TestSegsRebuildBothSides(t *testing.T) {
	for _, c := range redlinetest.Cases {
		for _, strict := range []bool{false, true} {
			old, new := pairSegs(drafts.Pair{Kind: drafts.PairModified, Ops: c.Ops}, strict)
			if got := segsText(old, true); got != c.Old {
				t.Errorf("%s (strict %v): old column %q, want %q", c.Name, strict, got, c.Old)
			}
			if got := segsText(new, false); got != c.New {
				t.Errorf("%s (strict %v): new column %q, want %q", c.Name, strict, got, c.New)
			}
			// Unless strict, changes of form are written in the new form
			// unmarked: rejecting all changes then gives the new form.
			tracked := opsSegs(c.Ops, strict)
			if strict && segsText(tracked, true) != c.Old || segsText(tracked, false) != c.New {
				t.Errorf("%s (strict %v): tracked changes %+v", c.Name, strict, tracked)
			}
		}
	}
}
