package drafts

import (
	"cmp"
	"slices"
)

// edge is a candidate pair with its similarity.
type edge struct {
	o, n int
	sim  float64
}

// candidateEdges returns the candidate pairs of old and new units: for
// each unit, the units of the other side sharing the most weight of rare
// bigrams (and of heading bigrams), scored by similarity.
func candidateEdges(old, new []*unit, df []int32) []edge {
	seen := make(map[[2]int]bool)
	var edges []edge
	add := func(o, n int) {
		if seen[[2]int{o, n}] {
			return
		}
		seen[[2]int{o, n}] = true
		edges = append(edges, edge{o, n, similarity(old[o], new[n])})
	}
	for _, e := range neighbourEdges(old, new) {
		if !seen[[2]int{e.o, e.n}] {
			seen[[2]int{e.o, e.n}] = true
			edges = append(edges, e)
		}
	}
	oldIdx, newIdx := newPostings(old, df), newPostings(new, df)
	for n, u := range new {
		for _, o := range oldIdx.nearest(u) {
			add(o, n)
		}
	}
	for o, u := range old {
		for _, n := range newIdx.nearest(u) {
			add(o, n)
		}
	}
	return edges
}

// postings is an inverted index of one side's units by gram.
type postings struct {
	grams [][]int32 // by gram number
	heads map[uint64][]int32
	acc   []float32 // scratch: score per unit
}

func newPostings(units []*unit, df []int32) *postings {
	p := &postings{grams: make([][]int32, len(df)), heads: map[uint64][]int32{}, acc: make([]float32, len(units))}
	for i, u := range units {
		for _, g := range u.ids {
			if df[g] <= maxPosting {
				p.grams[g] = append(p.grams[g], int32(i))
			}
		}
		for _, g := range u.heads {
			p.heads[g] = append(p.heads[g], int32(i))
		}
	}
	return p
}

// nearest returns up to `candidates` units sharing the most rare-gram
// weight with u, and a few sharing the most heading bigrams.
func (p *postings) nearest(u *unit) []int {
	var touched []int
	score := func(list []int32, w float32) {
		for _, i := range list {
			if p.acc[i] == 0 {
				touched = append(touched, int(i))
			}
			p.acc[i] += w
		}
	}
	for k, g := range u.ids {
		score(p.grams[g], u.w[k])
	}
	out := p.top(touched, candidates)
	touched = touched[:0]
	for _, g := range u.heads {
		if list := p.heads[g]; len(list) <= maxPosting {
			score(list, 1)
		}
	}
	return append(out, p.top(touched, candidates/2)...)
}

// top returns the k touched units of highest score, best first, and
// clears the scores.
func (p *postings) top(touched []int, k int) []int {
	best := make([]int, 0, k+1)
	for _, i := range touched {
		if len(best) == k && p.acc[i] <= p.acc[best[k-1]] {
			continue
		}
		at, _ := slices.BinarySearchFunc(best, p.acc[i], func(j int, s float32) int { return cmp.Compare(s, p.acc[j]) })
		best = slices.Insert(best, at, i)
		if len(best) > k {
			best = best[:k]
		}
	}
	for _, i := range touched {
		p.acc[i] = 0
	}
	return best
}

// align pairs old and new units and returns the links, one-to-one pairs
// with kind unset, merged and split pairs with their kind.
func align(old, new []*unit) []link {
	df := weigh(old, new)
	edges := candidateEdges(old, new, df)
	oldTo, newTo := make([]int, len(old)), make([]int, len(new))
	for i := range oldTo {
		oldTo[i] = -1
	}
	for i := range newTo {
		newTo[i] = -1
	}
	var links []link
	pair := func(e edge, kind PairKind) {
		oldTo[e.o], newTo[e.n] = len(links), len(links)
		links = append(links, link{o: e.o, n: e.n, sim: e.sim, kind: kind})
	}
	for _, e := range heaviestChain(plausible(edges, len(old), len(new))) {
		pair(e, "")
	}
	slices.SortStableFunc(edges, func(a, b edge) int { return cmp.Compare(b.sim, a.sim) })
	for _, e := range edges {
		if e.sim >= moveMin && oldTo[e.o] < 0 && newTo[e.n] < 0 {
			pair(e, PairMoved) // off the backbone: it crosses other pairs
		}
	}
	links = attach(old, new, edges, links, oldTo, newTo)
	markMoved(links)
	return links
}

// attach makes a leftover old unit part of a merge into the new unit
// that holds much of it, when it explains a good part of that new unit
// that its counterparts so far do not; and likewise a leftover new unit
// part of a split of an old one.
func attach(old, new []*unit, edges []edge, links []link, oldTo, newTo []int) []link {
	merge := joining{PairMerged, PairSplit, false, old, new, oldTo, newTo, map[int][]*unit{}}
	split := joining{PairSplit, PairMerged, true, new, old, newTo, oldTo, map[int][]*unit{}}
	for _, e := range edges {
		links = merge.join(links, e)
		links = split.join(links, e)
	}
	return links
}

// joining is one direction of attach: leftover units of one side (parts)
// joining a paired unit of the other side (wholes), old into new for a
// merge, new out of old for a split (flip).
type joining struct {
	kind, other     PairKind
	flip            bool
	parts, wholes   []*unit
	partTo, wholeTo []int
	groups          map[int][]*unit // whole index → parts paired with it
}

// ends returns the part and the whole index of an edge or link (o, n).
func (j *joining) ends(o, n int) (part, whole int) {
	if j.flip {
		return n, o
	}
	return o, n
}

// join adds e to links as a part of j.kind when its part is leftover and
// its whole paired, and the part explains enough of the whole.
func (j *joining) join(links []link, e edge) []link {
	part, whole := j.ends(e.o, e.n)
	if j.partTo[part] >= 0 || j.wholeTo[whole] < 0 {
		return links
	}
	main := &links[j.wholeTo[whole]]
	if main.kind == j.other {
		return links
	}
	if j.groups[whole] == nil {
		first, _ := j.ends(main.o, main.n)
		j.groups[whole] = []*unit{j.parts[first]}
	}
	if !attaches(j.parts[part], j.wholes[whole], j.groups[whole]) {
		return links
	}
	main.kind = j.kind
	j.groups[whole] = append(j.groups[whole], j.parts[part])
	j.partTo[part] = len(links)
	return append(links, link{o: e.o, n: e.n, sim: containment(j.parts[part], j.wholes[whole]), kind: j.kind})
}

// attaches reports whether part, a leftover unit, went into (or came out
// of) whole besides the units already paired with whole.
func attaches(part, whole *unit, paired []*unit) bool {
	if containment(part, whole) < attachMin {
		return false
	}
	return explained(whole, append(paired, part)...)-explained(whole, paired...) >= attachGain
}

// markMoved marks a one-to-one pair moved when it keeps neither its
// predecessor nor its successor: the pairs before and after it in the old
// document are not those before and after it in the new one. A clause
// that stays between the same neighbours is in place even when others
// around it were dropped, added or merged.
func markMoved(links []link) {
	var ones []int
	for k, l := range links {
		if l.kind == "" || l.kind == PairMoved {
			ones = append(ones, k)
		}
	}
	byOld, byNew := slices.Clone(ones), slices.Clone(ones)
	slices.SortFunc(byOld, func(a, b int) int { return cmp.Compare(links[a].o, links[b].o) })
	slices.SortFunc(byNew, func(a, b int) int { return cmp.Compare(links[a].n, links[b].n) })
	rankNew := make(map[int]int, len(ones))
	for r, k := range byNew {
		rankNew[k] = r
	}
	at := func(list []int, r int) int {
		if r < 0 || r >= len(list) {
			return -1 - min(r+1, 1) // -1 before the start, -2 after the end
		}
		return list[r]
	}
	for r, k := range byOld {
		rn := rankNew[k]
		if at(byOld, r-1) != at(byNew, rn-1) && at(byOld, r+1) != at(byNew, rn+1) {
			links[k].kind = PairMoved
		}
	}
}

// plausible returns the edges fit for the backbone: similar enough, and
// not much weaker than the best edge of either end, so that a weak pair
// that happens to keep the order does not take a clause whose real
// counterpart is elsewhere.
func plausible(edges []edge, nOld, nNew int) []edge {
	bestOld, bestNew := make([]float64, nOld), make([]float64, nNew)
	for _, e := range edges {
		bestOld[e.o] = max(bestOld[e.o], e.sim)
		bestNew[e.n] = max(bestNew[e.n], e.sim)
	}
	var out []edge
	for _, e := range edges {
		if e.sim >= chainMin && e.sim >= chainRatio*max(bestOld[e.o], bestNew[e.n]) {
			out = append(out, e)
		}
	}
	return out
}

// heaviestChain returns the order-preserving set of edges (old and new
// indexes both increasing) of greatest total similarity: a Fenwick tree
// over new indexes keeps the best chain ending before each, O(E log n).
// It sorts edges, which plausible has left at least chainMin similar.
func heaviestChain(es []edge) []edge {
	maxN := 0
	for _, e := range es {
		maxN = max(maxN, e.n+1)
	}
	// By old index, and for one old index by new index descending, so that
	// two edges of one old unit never chain.
	slices.SortFunc(es, func(a, b edge) int {
		return cmp.Or(cmp.Compare(a.o, b.o), cmp.Compare(b.n, a.n))
	})
	tree := make([]struct {
		score float64
		at    int
	}, maxN+1)
	prev := make([]int, len(es))
	best, bestAt := 0.0, -1
	for k, e := range es {
		score, at := 0.0, -1
		for i := e.n; i > 0; i -= i & -i { // best chain ending at new index < e.n
			if tree[i].score > score {
				score, at = tree[i].score, tree[i].at
			}
		}
		prev[k] = at
		score += e.sim
		for i := e.n + 1; i <= maxN; i += i & -i {
			if score > tree[i].score {
				tree[i].score, tree[i].at = score, k
			}
		}
		if score > best {
			best, bestAt = score, k
		}
	}
	var chain []edge
	for k := bestAt; k >= 0; k = prev[k] {
		chain = append(chain, es[k])
	}
	slices.Reverse(chain)
	return chain
}
