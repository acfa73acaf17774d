package drafts

import (
	"math"
	"slices"

	"qicao/drafts/norm"
)

// Alignment pairs the units (clauses, or sections) of an old and a new
// document. It scores pairs by the IDF-weighted Dice coefficient of the
// bigrams of their normalised text (责任单位 left out) plus a heading term,
// looks only at candidate pairs found through an inverted index of rare
// bigrams (so that it grows with n log n, not n²), then:
//
//  1. takes the heaviest order-preserving chain of candidate pairs as the
//     backbone (a sparse Needleman–Wunsch without gap cost);
//  2. pairs what is left by best similarity above a higher threshold;
//  3. attaches a leftover old unit to a new one that it went into as well
//     (merged), and a leftover new unit to an old one it came out of
//     (split).
//
// Whether a one-to-one pair moved is decided afterwards from its
// neighbours (see markMoved).

// Tunables of the alignment, found on the corpus pairs.
const (
	chainMin   = 0.12 // least similarity for a pair on the backbone
	chainRatio = 0.5  // least similarity for a backbone pair, relative to the best of either end
	moveMin    = 0.40 // least similarity for a pair off the backbone
	attachMin  = 0.15 // least weighted share of a leftover unit found in its merge/split partner
	attachGain = 0.10 // least share of the partner it must explain beyond its main counterpart
	headWeight = 0.3  // weight of the heading in the similarity of two clauses
	candidates = 8    // candidate counterparts looked at per unit
	maxPosting = 16   // bigrams in more units than this are too common to find candidates with
)

// unit is a node being aligned with its matching form.
type unit struct {
	node  *Node
	path  []string
	order int       // position among all numbered nodes, in reading order
	grams []uint64  // distinct bigrams of the text's key, 责任单位 left out
	ids   []int32   // the grams as sorted numbers given by weigh
	w     []float32 // IDF weight of each of ids
	total float32   // sum of w
	heads []uint64  // sorted distinct bigrams of the heading's key; nil if the node is only a heading
	hash  uint64    // hash of the whole key and heading: equal for units that match exactly
}

// link is one pair of aligned units: indexes into the old and new unit
// lists, -1 for none.
type link struct {
	o, n int
	sim  float64
	kind PairKind
}

// newUnit builds the matching form of a node.
func newUnit(n *Node, path []string, order int) *unit {
	u := &unit{node: n, path: path, order: order}
	key := norm.Key(StripUnits(n.Text))
	u.grams = bigrams(key)
	head := norm.Key(n.Heading)
	if n.Body() != "" && n.Heading != "" {
		u.heads = bigrams(head)
	}
	u.hash = keyHash(key, head)
	return u
}

// bigrams returns the sorted distinct bigrams of s; a one-rune s gives
// its single rune.
func bigrams(s string) []uint64 {
	rs := []rune(s)
	if len(rs) == 1 {
		return []uint64{uint64(rs[0]) << 32}
	}
	out := make([]uint64, 0, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, uint64(rs[i])<<32|uint64(uint32(rs[i+1])))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// weigh numbers the grams of both sides, gives each unit its gram
// numbers sorted and their inverse document frequencies, and returns the
// number of units holding each gram.
func weigh(old, new []*unit) (df []int32) {
	id := make(map[uint64]int32)
	for _, side := range [][]*unit{old, new} {
		for _, u := range side {
			u.ids = make([]int32, len(u.grams))
			for k, g := range u.grams {
				i, ok := id[g]
				if !ok {
					i = int32(len(df))
					id[g] = i
					df = append(df, 0)
				}
				df[i]++
				u.ids[k] = i
			}
			slices.Sort(u.ids)
		}
	}
	n := float64(len(old) + len(new))
	for _, side := range [][]*unit{old, new} {
		for _, u := range side {
			u.w = make([]float32, len(u.ids))
			u.total = 0
			for k, i := range u.ids {
				u.w[k] = float32(math.Log(1 + n/float64(df[i])))
				u.total += u.w[k]
			}
		}
	}
	return df
}

// shared returns the weight of the grams a and b have in common, by a's
// weights and by b's.
func shared(a, b *unit) (wa, wb float32) {
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch x, y := a.ids[i], b.ids[j]; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			wa += a.w[i]
			wb += b.w[j]
			i++
			j++
		}
	}
	return wa, wb
}

// similarity of two units in 0..1.
func similarity(a, b *unit) float64 {
	content := 0.0
	if t := a.total + b.total; t > 0 {
		wa, wb := shared(a, b)
		content = float64(wa+wb) / float64(t)
	} else if len(a.grams) == 0 && len(b.grams) == 0 {
		content = 1
	}
	if a.heads == nil || b.heads == nil {
		return content
	}
	return (1-headWeight)*content + headWeight*dice(a.heads, b.heads)
}

// dice is the Dice coefficient of two sorted gram sets.
func dice(a, b []uint64) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	common, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			common++
			i++
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// containment is the weighted share of a's grams found in b.
func containment(a, b *unit) float64 {
	if a.total == 0 {
		return 0
	}
	wa, _ := shared(a, b)
	return float64(wa / a.total)
}

// explained is the weighted share of t's grams found in any of by.
func explained(t *unit, by ...*unit) float64 {
	if t.total == 0 {
		return 0
	}
	var sum float32
	for k, g := range t.ids {
		for _, u := range by {
			if _, ok := slices.BinarySearch(u.ids, g); ok {
				sum += t.w[k]
				break
			}
		}
	}
	return float64(sum / t.total)
}
