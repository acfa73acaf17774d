package drafts

import (
	"cmp"
	"slices"
	"strings"
)

// PairKind says how a pair of aligned clauses (or sections) changed.
type PairKind string

// The kinds of pair.
const (
	PairUnchanged PairKind = "unchanged" // same text, same place (label may differ)
	PairModified  PairKind = "modified"  // edited in place
	PairMoved     PairKind = "moved"     // taken elsewhere, edited or not
	PairAdded     PairKind = "added"     // only in the new version
	PairDeleted   PairKind = "deleted"   // only in the old version
	PairMerged    PairKind = "merged"    // one of several old clauses made into one new clause
	PairSplit     PairKind = "split"     // one old clause made into several new ones, one pair per part
)

// Side is one end of a pair: the clause or section in one version.
type Side struct {
	Label   string   `json:"label"`
	Ordinal int      `json:"ordinal"`
	Heading string   `json:"heading"`
	Path    []string `json:"path"`
	Node    *Node    `json:"-"`
}

// Name is the side's label and heading, e.g. 10.强化数字化赋能.
func (s *Side) Name() string {
	if s == nil {
		return ""
	}
	return strings.TrimSpace(s.Label) + s.Heading
}

// Pair is a clause or section of the old version aligned with its
// counterpart in the new one. Old is nil for an added one, New for a
// deleted one. Ops are the character-level changes from the old text to
// the new (Node.Text on each side; the label is not part of it).
type Pair struct {
	Kind PairKind `json:"kind"`
	// Similarity is in 0..1: for merged and split pairs, the share of the
	// part found in the whole.
	Similarity float64 `json:"similarity"`
	// Section is true for a pair of sections (一、, （一） that only head
	// clauses).
	Section bool  `json:"section,omitempty"`
	Old     *Side `json:"old"`
	New     *Side `json:"new"`
	Ops     []Op  `json:"ops"`
}

// Figure is a quantity that changed between the versions, with what it
// counts: 高新技术企业 1200家 → 1300家. Old is empty for a figure that
// appeared, New for one that vanished. The clauses are named by label and
// heading.
type Figure struct {
	Subject   string `json:"subject"`
	Old       string `json:"old"`
	New       string `json:"new"`
	OldClause string `json:"old_clause"`
	NewClause string `json:"new_clause"`
}

// Summary counts the clause pairs of a comparison by kind (sections are
// not counted), and the changes of form only ('~' ops) in them.
type Summary struct {
	Modified        int `json:"modified"`
	Added           int `json:"added"`
	Deleted         int `json:"deleted"`
	Moved           int `json:"moved"`
	Merged          int `json:"merged"`
	Split           int `json:"split"`
	Unchanged       int `json:"unchanged"`
	PunctuationOnly int `json:"punctuation_only"`
}

// Comparison is the tracked changes between two versions of a document.
// Pairs are in reading order of the new version, deleted ones where they
// stood in the old.
type Comparison struct {
	Old     Meta     `json:"old"`
	New     Meta     `json:"new"`
	Summary Summary  `json:"summary"`
	Pairs   []Pair   `json:"pairs"`
	Figures []Figure `json:"figures"`
}

// CompareOptions tune a comparison.
type CompareOptions struct {
	// Strict counts a change of form only (punctuation width, spacing) as
	// a modification; by default a pair differing only so is unchanged.
	Strict bool
}

// Compare aligns the clauses and sections of two versions of a document
// and gives the changes inside each pair and the changed figures.
func Compare(old, new *Document, opt CompareOptions) *Comparison {
	c := &Comparison{Old: old.Meta, New: new.Meta, Pairs: []Pair{}, Figures: []Figure{}}
	oldSec, oldCl := splitUnits(old)
	newSec, newCl := splitUnits(new)
	secs := buildPairs(oldSec, newSec, align(oldSec, newSec), true, opt)
	clauses := buildPairs(oldCl, newCl, align(oldCl, newCl), false, opt)
	c.Pairs = orderPairs(append(secs, clauses...))
	c.Summary = summarise(c.Pairs)
	c.Figures = compareFigures(c.Pairs)
	return c
}

// ordered is a pair with the place it takes in the tracked-changes view.
type ordered struct {
	Pair
	newOrder, oldOrder int // reading order of each side's node, -1 if none
}

// splitUnits returns a document's sections and clauses as units.
func splitUnits(d *Document) (sections, clauses []*unit) {
	order := 0
	var walk func(nodes []*Node, path []string)
	walk = func(nodes []*Node, path []string) {
		for _, n := range nodes {
			u := newUnit(n, slices.Clone(path), order)
			order++
			if n.IsClause() {
				clauses = append(clauses, u)
			} else {
				sections = append(sections, u)
			}
			walk(n.Children, append(path, n.Heading))
		}
	}
	walk(d.Nodes, nil)
	return sections, clauses
}

// buildPairs turns links into pairs with ops, adding the unpaired units as
// deleted and added.
func buildPairs(old, new []*unit, links []link, section bool, opt CompareOptions) []ordered {
	var out []ordered
	usedOld, usedNew := make([]bool, len(old)), make([]bool, len(new))
	for _, l := range links {
		usedOld[l.o], usedNew[l.n] = true, true
		out = append(out, newPair(old[l.o], new[l.n], l.kind, l.sim, section, opt))
	}
	for i, u := range old {
		if !usedOld[i] {
			out = append(out, newPair(u, nil, PairDeleted, 0, section, opt))
		}
	}
	for i, u := range new {
		if !usedNew[i] {
			out = append(out, newPair(nil, u, PairAdded, 0, section, opt))
		}
	}
	return out
}

// newPair builds one pair; an empty kind is decided from the ops.
func newPair(o, n *unit, kind PairKind, sim float64, section bool, opt CompareOptions) ordered {
	p := ordered{Pair: Pair{Kind: kind, Similarity: round3(sim), Section: section}, newOrder: -1, oldOrder: -1}
	var oldText, newText string
	if o != nil {
		p.Old, p.oldOrder, oldText = side(o), o.order, o.node.Text
	}
	if n != nil {
		p.New, p.newOrder, newText = side(n), n.order, n.node.Text
	}
	p.Ops = diffOps(oldText, newText)
	if p.Ops == nil {
		p.Ops = []Op{}
	}
	if kind == "" {
		p.Kind = PairModified
		if onlyForm(p.Ops, opt.Strict) {
			p.Kind, p.Similarity = PairUnchanged, 1
		}
	}
	return p
}

func side(u *unit) *Side {
	n := u.node
	path := u.path
	if path == nil {
		path = []string{}
	}
	return &Side{Label: n.Label, Ordinal: n.Ordinal, Heading: n.Heading, Path: path, Node: n}
}

// onlyForm reports whether ops keep everything, '~' changes of form
// allowed unless strict.
func onlyForm(ops []Op, strict bool) bool {
	for _, o := range ops {
		if o.Kind == OpDelete || o.Kind == OpInsert || o.Kind == OpForm && strict {
			return false
		}
	}
	return true
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// orderPairs puts pairs in reading order of the new version; a pair with
// no new side goes right after the pair of the nearest node before it in
// the old version that stayed in place.
func orderPairs(ps []ordered) []Pair {
	anchor := map[int]int{} // old order → new order, for pairs in place
	for _, p := range ps {
		if p.Old != nil && p.New != nil && p.Kind != PairMoved {
			anchor[p.oldOrder] = max(anchor[p.oldOrder], p.newOrder)
		}
	}
	type keyed struct {
		p          Pair
		at, within int
	}
	var ks []keyed
	for _, p := range ps {
		if p.New != nil {
			ks = append(ks, keyed{p.Pair, 2 * p.newOrder, p.oldOrder})
			continue
		}
		at := -1
		for o := p.oldOrder - 1; o >= 0; o-- {
			if n, ok := anchor[o]; ok {
				at = 2*n + 1
				break
			}
		}
		ks = append(ks, keyed{p.Pair, at, p.oldOrder})
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.within, b.within)) })
	out := make([]Pair, len(ks))
	for i, k := range ks {
		out[i] = k.p
	}
	return out
}

// summarise counts the clause pairs by kind and the changes of form.
func summarise(ps []Pair) Summary {
	var s Summary
	counter := map[PairKind]*int{PairModified: &s.Modified, PairAdded: &s.Added, PairDeleted: &s.Deleted,
		PairMoved: &s.Moved, PairMerged: &s.Merged, PairSplit: &s.Split, PairUnchanged: &s.Unchanged}
	for _, p := range ps {
		if p.Section {
			continue
		}
		for _, o := range p.Ops {
			if o.Kind == OpForm {
				s.PunctuationOnly++
			}
		}
		*counter[p.Kind]++
	}
	return s
}
