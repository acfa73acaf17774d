package docx

import (
	"slices"

	"qicao/drafts"
)

// link is a node of the old version and its counterpart in the new, as
// the tracked-changes view shows them: edited in place (ops), or moved.
type link struct {
	old, new *drafts.Node
	ops      []drafts.Op
	move     bool
}

// entry is one node item of the view with the old node after which
// deleted and moved-away nodes follow it.
type entry struct {
	item
	old *drafts.Node // the item's old node, nil for one only in the new
}

// nodeItems returns the numbered nodes of both versions as items in the
// order of the tracked-changes view: the new version's reading order,
// with each node that is only in the old version (deleted, moved away, or
// a further part of a merger) right after the node that preceded it in
// the old. Rejecting all changes then reads the old nodes in their
// order, accepting all the new.
func nodeItems(oldDoc, newDoc *drafts.Document, c *drafts.Comparison, strict bool) []item {
	oldNodes, newNodes := nodeList(oldDoc), nodeList(newDoc)
	oldAt, newAt := indexNodes(oldNodes), indexNodes(newNodes)
	links, oldOnly, newOnly := pairLinks(c, oldAt, newAt)
	markOutOfOrder(links, oldAt, newAt)

	byNew := make([]entry, len(newNodes)) // the new version's nodes in order
	after := map[*drafts.Node][]entry{}   // old-only items by old predecessor
	var first []entry                     // old-only items before every old node
	place := func(e entry) {
		if i := oldAt[e.old]; i > 0 {
			after[oldNodes[i-1]] = append(after[oldNodes[i-1]], e)
		} else {
			first = append(first, e)
		}
	}
	moves := 0
	for _, l := range links {
		if !l.move {
			byNew[newAt[l.new]] = entry{nodeItem(l, strict), l.old}
			continue
		}
		moves++
		from, to := movedItems(l, moveName(moves))
		place(entry{from, l.old})
		byNew[newAt[l.new]] = entry{item: to}
	}
	for _, n := range newOnly {
		byNew[newAt[n]] = entry{item: wholeNode(n, segIns)}
	}
	slices.SortFunc(oldOnly, func(a, b *drafts.Node) int { return oldAt[a] - oldAt[b] })
	for _, n := range oldOnly {
		place(entry{wholeNode(n, segDel), n})
	}
	for k := range after { // placed in link order; the view wants old order
		slices.SortStableFunc(after[k], func(a, b entry) int { return oldAt[a.old] - oldAt[b.old] })
	}
	var out []item
	var emit func(e entry)
	emit = func(e entry) {
		out = append(out, e.item)
		if e.old != nil {
			for _, f := range after[e.old] {
				emit(f)
			}
		}
	}
	slices.SortStableFunc(first, func(a, b entry) int { return oldAt[a.old] - oldAt[b.old] })
	for _, e := range append(first, byNew...) {
		emit(e)
	}
	return out
}

// nodeList returns a document's nodes in reading order.
func nodeList(d *drafts.Document) []*drafts.Node {
	var out []*drafts.Node
	d.Walk(func(n *drafts.Node, _ *drafts.Node) { out = append(out, n) })
	return out
}

func indexNodes(ns []*drafts.Node) map[*drafts.Node]int {
	m := make(map[*drafts.Node]int, len(ns))
	for i, n := range ns {
		m[n] = i
	}
	return m
}

// pairLinks turns the comparison's pairs into links. Of the pairs of a
// merger (several old nodes, one new) the most similar is the new node's
// link and the other old nodes are deleted; of a split, the most similar
// part is the old node's link and the other parts are inserted. Nodes
// that no pair names are deleted or inserted.
func pairLinks(c *drafts.Comparison, oldAt, newAt map[*drafts.Node]int) (links []link, oldOnly, newOnly []*drafts.Node) {
	best := map[*drafts.Node]drafts.Pair{} // merged by new node, split by old node
	for _, p := range c.Pairs {
		if k := groupKey(p); k != nil {
			if b, ok := best[k]; !ok || p.Similarity > b.Similarity {
				best[k] = p
			}
		}
	}
	seenOld, seenNew := map[*drafts.Node]bool{}, map[*drafts.Node]bool{}
	for _, p := range c.Pairs {
		o, n := known(sideNode(p.Old), oldAt), known(sideNode(p.New), newAt)
		if k := groupKey(p); k != nil && (best[k].Old != p.Old || best[k].New != p.New) {
			if p.Kind == drafts.PairMerged { // a further part: its old node stands alone
				n = nil
			} else {
				o = nil
			}
		}
		switch {
		case o != nil && n != nil && !seenOld[o] && !seenNew[n]:
			links = append(links, link{old: o, new: n, ops: p.Ops, move: p.Kind == drafts.PairMoved})
			seenOld[o], seenNew[n] = true, true
		case o != nil && !seenOld[o]:
			oldOnly = append(oldOnly, o)
			seenOld[o] = true
		case n != nil && !seenNew[n]:
			newOnly = append(newOnly, n)
			seenNew[n] = true
		}
	}
	for o := range oldAt {
		if !seenOld[o] {
			oldOnly = append(oldOnly, o)
		}
	}
	for n := range newAt {
		if !seenNew[n] {
			newOnly = append(newOnly, n)
		}
	}
	return links, oldOnly, newOnly
}

// groupKey is the node a merged or split pair shares with the other pairs
// of its group: the new node of a merger, the old node of a split.
func groupKey(p drafts.Pair) *drafts.Node {
	switch p.Kind {
	case drafts.PairMerged:
		return sideNode(p.New)
	case drafts.PairSplit:
		return sideNode(p.Old)
	}
	return nil
}

// known returns n if it is a node of the document indexed, else nil.
func known(n *drafts.Node, at map[*drafts.Node]int) *drafts.Node {
	if _, ok := at[n]; !ok {
		return nil
	}
	return n
}

func sideNode(s *drafts.Side) *drafts.Node {
	if s == nil {
		return nil
	}
	return s.Node
}

// markOutOfOrder makes a move of every in-place link that does not keep
// the old order, keeping the longest run of links in order in place: the
// accept and reject views then both read in order.
func markOutOfOrder(links []link, oldAt, newAt map[*drafts.Node]int) {
	var idx []int
	for i, l := range links {
		if !l.move {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int { return newAt[links[a].new] - newAt[links[b].new] })
	keep := longestIncreasing(idx, func(i int) int { return oldAt[links[i].old] })
	for _, i := range idx {
		if !keep[i] {
			links[i].move = true
		}
	}
}

// longestIncreasing returns the members of xs (in order) that form a
// longest subsequence whose keys increase.
func longestIncreasing(xs []int, key func(int) int) map[int]bool {
	n := len(xs)
	length, prev := make([]int, n), make([]int, n)
	best := -1
	for i := range xs {
		length[i], prev[i] = 1, -1
		for j := 0; j < i; j++ {
			if key(xs[j]) < key(xs[i]) && length[j]+1 > length[i] {
				length[i], prev[i] = length[j]+1, j
			}
		}
		if best < 0 || length[i] > length[best] {
			best = i
		}
	}
	keep := map[int]bool{}
	for i := best; i >= 0; i = prev[i] {
		keep[xs[i]] = true
	}
	return keep
}

// nodeItem is a node edited in place: its label, renumbered or not, and
// the compare engine's changes to its text.
func nodeItem(l link, strict bool) item {
	segs := labelSegs(l.old.Label, l.new.Label, strict)
	for _, s := range opsSegs(l.ops, strict) {
		segs = appendSeg(segs, s)
	}
	return item{Family: l.new.Style.Family, Segs: segs, End: segSame}
}

// wholeNode is a node deleted or inserted as a whole.
func wholeNode(n *drafts.Node, kind byte) item {
	return item{Family: n.Style.Family, Segs: whole(kind, n.Label+n.Text), End: kind}
}

// movedItems are the two ends of a move: the old node's text moved away,
// the new node's text moved here.
func movedItems(l link, name string) (from, to item) {
	from = item{Family: l.old.Style.Family, Segs: whole(segMoveFrom, l.old.Label+l.old.Text), End: segMoveFrom, Move: name}
	to = item{Family: l.new.Style.Family, Segs: whole(segMoveTo, l.new.Label+l.new.Text), End: segMoveTo, Move: name}
	return from, to
}
