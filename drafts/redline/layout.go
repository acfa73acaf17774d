package redline

import (
	"slices"

	"qicao/drafts"
)

// Row is a node in the alignment diagram and the first pair it belongs
// to (a node merged or split belongs to several).
type Row struct {
	Side *drafts.Side
	Pair int
}

// Rows lays out the alignment diagram: the old nodes in the old
// version's reading order (pairs come in the new order, so by position
// in the source) and the new nodes in the new order, one row each.
func Rows(pairs []drafts.Pair) (old, new []Row) {
	seenOld, seenNew := map[*drafts.Node]bool{}, map[*drafts.Node]bool{}
	for i, p := range pairs {
		if p.Old != nil && !seenOld[p.Old.Node] {
			seenOld[p.Old.Node] = true
			old = append(old, Row{p.Old, i})
		}
		if p.New != nil && !seenNew[p.New.Node] {
			seenNew[p.New.Node] = true
			new = append(new, Row{p.New, i})
		}
	}
	slices.SortStableFunc(old, func(a, b Row) int { return a.Side.Node.Span.Start - b.Side.Node.Span.Start })
	return old, new
}
