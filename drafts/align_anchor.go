package drafts

import (
	"cmp"
	"hash/maphash"
	"slices"
)

// Texts whose clauses read alike (a regulation's 法律责任 articles, a
// list of near-identical duties) have no rare bigram to find a clause's
// counterpart by, and a clause has hundreds of near-identical candidates.
// There order and neighbourhood decide: clauses whose whole key is the
// same on both sides are matched as a patience diff does (keys unique
// within a stretch of both texts, the longest run of them in order, then
// the same inside each stretch left between two matches), and a clause
// left between two matched neighbours is a candidate for each clause left
// between the same neighbours on the other side.

// gapPairs is the most pairs a stretch between two anchors gives as
// candidates: a stretch of up to 8 clauses on each side is looked at
// whole.
const gapPairs = 64

var keySeed = maphash.MakeSeed()

// keyHash is the hash of a unit's whole matching form: text and heading.
func keyHash(key, heading string) uint64 {
	var h maphash.Hash
	h.SetSeed(keySeed)
	h.WriteString(key)
	h.WriteByte(0)
	h.WriteString(heading)
	return h.Sum64()
}

// span is a stretch of both sides, [o0,o1) and [n0,n1).
type span struct{ o0, o1, n0, n1 int }

// neighbourEdges returns the candidate pairs found by order: the anchors
// (equal keys, in order) and every pair inside a small stretch left
// between two anchors.
func neighbourEdges(old, new []*unit) []edge {
	var out []edge
	anchors := patience(old, new)
	prevO, prevN := -1, -1
	for _, a := range append(anchors, [2]int{len(old), len(new)}) {
		if a[0] < len(old) {
			out = append(out, edge{a[0], a[1], similarity(old[a[0]], new[a[1]])})
		}
		if no, nn := a[0]-prevO-1, a[1]-prevN-1; no > 0 && nn > 0 && no*nn <= gapPairs {
			for o := prevO + 1; o < a[0]; o++ {
				for n := prevN + 1; n < a[1]; n++ {
					out = append(out, edge{o, n, similarity(old[o], new[n])})
				}
			}
		}
		prevO, prevN = a[0], a[1]
	}
	return out
}

// patience returns pairs (old, new) of units with equal keys, increasing
// on both sides: equal heads and tails of a stretch, then keys found once
// on each side of it, the longest increasing run of those, and the same
// again inside every stretch between two of them.
func patience(old, new []*unit) [][2]int {
	var out [][2]int
	todo := []span{{0, len(old), 0, len(new)}}
	for len(todo) > 0 {
		s := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for s.o0 < s.o1 && s.n0 < s.n1 && old[s.o0].hash == new[s.n0].hash {
			out = append(out, [2]int{s.o0, s.n0})
			s.o0++
			s.n0++
		}
		for s.o0 < s.o1 && s.n0 < s.n1 && old[s.o1-1].hash == new[s.n1-1].hash {
			s.o1--
			s.n1--
			out = append(out, [2]int{s.o1, s.n1})
		}
		run := uniqueRun(old, new, s)
		prev := [2]int{s.o0 - 1, s.n0 - 1}
		for _, a := range append(run, [2]int{s.o1, s.n1}) {
			if a[0]-prev[0] > 1 && a[1]-prev[1] > 1 && len(run) > 0 {
				todo = append(todo, span{prev[0] + 1, a[0], prev[1] + 1, a[1]})
			}
			prev = a
		}
		out = append(out, run...)
	}
	slices.SortFunc(out, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	return out
}

// uniqueRun returns the longest run, increasing on both sides, of the
// pairs of units whose key occurs once in each side of s.
func uniqueRun(old, new []*unit, s span) [][2]int {
	type seen struct{ nOld, nNew, o, n int }
	keys := make(map[uint64]*seen, s.o1-s.o0)
	for o := s.o0; o < s.o1; o++ {
		k := keys[old[o].hash]
		if k == nil {
			k = &seen{}
			keys[old[o].hash] = k
		}
		k.nOld++
		k.o = o
	}
	var pairs [][2]int
	for n := s.n0; n < s.n1; n++ {
		if k := keys[new[n].hash]; k != nil {
			k.nNew++
			k.n = n
		}
	}
	for o := s.o0; o < s.o1; o++ {
		if k := keys[old[o].hash]; k.nOld == 1 && k.nNew == 1 {
			pairs = append(pairs, [2]int{o, k.n})
		}
	}
	return longestIncreasing(pairs)
}

// longestIncreasing returns the longest subsequence of pairs (sorted by
// old index) whose new indexes increase: patience sorting, n log n.
func longestIncreasing(pairs [][2]int) [][2]int {
	var tails []int // index into pairs of the last of the best run of each length
	prev := make([]int, len(pairs))
	for i, p := range pairs {
		at, _ := slices.BinarySearchFunc(tails, p[1], func(t, n int) int { return cmp.Compare(pairs[t][1], n) })
		prev[i] = -1
		if at > 0 {
			prev[i] = tails[at-1]
		}
		if at == len(tails) {
			tails = append(tails, i)
		} else {
			tails[at] = i
		}
	}
	if len(tails) == 0 {
		return nil
	}
	run := make([][2]int, len(tails))
	for i, k := len(tails)-1, tails[len(tails)-1]; k >= 0; i, k = i-1, prev[k] {
		run[i] = pairs[k]
	}
	return run
}
