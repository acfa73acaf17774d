package proof

import (
	"fmt"
	"sort"
	"strings"

	"qicao/drafts"
)

// Edit replaces Source[Start:End] with Text.
type Edit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Apply returns src with the edits made. Edits that overlap one taken
// before them (two checks proposing fixes for the same characters) are
// left out; skipped says how many. Nothing outside the edits' spans
// changes.
func Apply(src string, edits []Edit) (out string, skipped int) {
	sorted := append([]Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Start != sorted[j].Start {
			return sorted[i].Start < sorted[j].Start
		}
		return sorted[i].End < sorted[j].End
	})
	var b strings.Builder
	last := 0
	for _, e := range sorted {
		if e.Start < last || e.End > len(src) || e.Start > e.End {
			skipped++
			continue
		}
		b.WriteString(src[last:e.Start])
		b.WriteString(e.Text)
		last = e.End
	}
	b.WriteString(src[last:])
	return b.String(), skipped
}

// AllEdits returns the fixes of every item, in source order.
func AllEdits(items []Item) []Edit {
	var out []Edit
	for _, it := range items {
		out = append(out, it.Edits()...)
	}
	return out
}

// Shape describes a document's structure for comparing it before and
// after fixes: each node's depth and label family, in order, and the
// number of clauses. The unnumbered heading that a fix gives its number
// counts as the family of its siblings.
func Shape(d *drafts.Document) string {
	var b strings.Builder
	d.Walk(func(n, parent *drafts.Node) {
		fmt.Fprintf(&b, "%d", n.Level)
	})
	fmt.Fprintf(&b, "/%d条", len(d.Clauses()))
	return b.String()
}
