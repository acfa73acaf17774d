package templates

import (
	"context"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// The topic index: every clause's topics (rawTopics) as phrase ids and
// counts, kept once per bank (Bank: in memory, filled as clauses arrive;
// StoredBank: one table per stored segment, written with the segment). A
// gaps call is then one pass over these small integers, whatever the
// number of clauses, and its answer is bounded by topics, not by clauses:
// the measures other cities commonly cover that the draft lacks, each
// with a few example clauses.

// ptopic is one topic of a clause: a phrase id and its count in the body.
type ptopic struct{ p, n int32 }

// phraseTable interns topic phrases.
type phraseTable struct {
	list []string
	ids  map[string]int32
}

func (t *phraseTable) id(p string) int32 {
	if t.ids == nil {
		t.ids = map[string]int32{}
	}
	id, ok := t.ids[p]
	if !ok {
		id = int32(len(t.list))
		t.ids[p] = id
		t.list = append(t.list, p)
	}
	return id
}

// topicPart is a run of clauses with their topics: the bank's clauses or
// one stored segment's. Clause i's topics are items[start[i]:start[i+1]].
type topicPart struct {
	start []uint32
	items []ptopic
	doc   []int64
	city  []uint16
	alive []bool // nil: all alive
	base  uint32 // global number of the part's first clause
}

func (p *topicPart) len() int { return len(p.doc) }

func (p *topicPart) append(doc int64, city uint16, ts []topic, phr *phraseTable) {
	if p.start == nil {
		p.start = []uint32{0}
	}
	for _, t := range ts {
		p.items = append(p.items, ptopic{phr.id(t.phrase), int32(t.count)})
	}
	p.start = append(p.start, uint32(len(p.items)))
	p.doc = append(p.doc, doc)
	p.city = append(p.city, city)
}

func (p *topicPart) topics(i int) []ptopic { return p.items[p.start[i]:p.start[i+1]] }

// DefaultGapTopics is the number of topics Gaps lists when GapOptions
// sets no Limit, DefaultGapExamples the example clauses shown per topic.
const (
	DefaultGapTopics   = 30
	DefaultGapExamples = 3
)

// gapHit is a clause of another city the draft does not cover.
type gapHit struct {
	g    uint32 // global clause number
	part int32
	at   int32 // in its part
	cov  float64
	miss float64 // weight of its main missing topic
}

// topicGroup gathers the gap clauses whose main missing topic is one
// phrase.
type topicGroup struct {
	phrase int32
	hits   []gapHit
	cities map[uint16]bool // cities of its clauses
	docs   int
	unc    float64 // mean uncovered share of its clauses
	score  float64
}

// gapView is what a gaps call reads: the parts, the phrases with their
// weights and whether the draft holds them.
type gapView struct {
	parts     []*topicPart
	phrases   []string
	weight    []float64 // per phrase: rune length × mean bigram idf
	holds     []bool
	skip      map[uint16]bool // cities left out (the draft's own, excluded)
	threshold float64
}

// draftHolds marks the phrases of the table the draft's key holds: every
// substring of two to twelve runes looked up once.
func draftHolds(draftKey string, phr *phraseTable) []bool {
	holds := make([]bool, len(phr.list))
	var at []int
	for i := range draftKey {
		at = append(at, i)
	}
	at = append(at, len(draftKey))
	for i := 0; i < len(at)-1; i++ {
		for j := i + 2; j < len(at) && j-i <= 12; j++ {
			if id, ok := phr.ids[draftKey[at[i]:at[j]]]; ok {
				holds[id] = true
			}
		}
	}
	return holds
}

// judge returns whether clause i of part k is a gap clause of another
// city, and if so the hit and its main missing topic (the heaviest topic
// the draft lacks). Clauses without topics cannot be judged and are not.
func (v *gapView) judge(k, i int) (gapHit, int32, bool) {
	p := v.parts[k]
	if p.alive != nil && !p.alive[i] || v.skip[p.city[i]] {
		return gapHit{}, -1, false
	}
	ts := p.topics(i)
	if len(ts) == 0 {
		return gapHit{}, -1, false
	}
	have, all, main, miss := 0.0, 0.0, int32(-1), 0.0
	for _, t := range ts {
		w := float64(t.n) * v.weight[t.p]
		all += w
		if v.holds[t.p] {
			have += w
		} else if w > miss {
			main, miss = t.p, w
		}
	}
	if all == 0 || have/all >= v.threshold || main < 0 {
		return gapHit{}, -1, false
	}
	return gapHit{g: p.base + uint32(i), part: int32(k), at: int32(i), cov: have / all, miss: miss}, main, true
}

// uncSum adds up the uncovered shares 1-cov of hits exactly, so that the
// mean is the same whatever the order they are added and taken away in
// (the incremental gaps keep it as clauses come and go). A share computed
// in float64 from a coverage in [0, 1] is a multiple of 2^-53 (below 1/2
// it is 1 minus a number of [1/2, 1]), so the sum is an integer count of
// 2^-53, held in 128 bits.
type uncSum struct{ hi, lo uint64 }

func uncUnits(cov float64) uint64 { return uint64((1 - cov) * (1 << 53)) }

func (u *uncSum) add(cov float64) {
	var c uint64
	u.lo, c = bits.Add64(u.lo, uncUnits(cov), 0)
	u.hi += c
}

func (u *uncSum) sub(cov float64) {
	var b uint64
	u.lo, b = bits.Sub64(u.lo, uncUnits(cov), 0)
	u.hi -= b
}

// mean is the mean share of n hits.
func (u uncSum) mean(n int) float64 {
	return (float64(u.hi)*(1<<64) + float64(u.lo)) / (1 << 53) / float64(n)
}

// topicGaps finds the gap clauses, groups them by their main missing
// topic and returns at most limit groups, most common first, each with its
// hits ordered examples first.
func (v *gapView) topicGaps(ctx context.Context, limit int) ([]*topicGroup, error) {
	byPhrase := map[int32]*topicGroup{}
	n := 0
	for k, p := range v.parts {
		for i := range p.len() {
			if n++; n%4096 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			h, main, ok := v.judge(k, i)
			if !ok {
				continue
			}
			g := byPhrase[main]
			if g == nil {
				g = &topicGroup{phrase: main}
				byPhrase[main] = g
			}
			g.hits = append(g.hits, h)
		}
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	// Commonness: the cities and documents with an uncovered clause on
	// each topic.
	for _, g := range byPhrase {
		v.count(g)
	}
	groups := make([]*topicGroup, 0, len(byPhrase))
	maxDocs := 0
	for _, g := range byPhrase {
		var unc uncSum
		for _, h := range g.hits {
			unc.add(h.cov)
		}
		g.unc = unc.mean(len(g.hits))
		maxDocs = max(maxDocs, g.docs)
		groups = append(groups, g)
	}
	// Most common first: cities, then documents (below one, so that
	// cities decide first), then how uncovered its clauses are.
	for _, g := range groups {
		g.score = float64(len(g.cities)) + float64(g.docs)/float64(maxDocs+1)
	}
	sort.Slice(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.unc != b.unc {
			return a.unc > b.unc
		}
		return v.phrases[a.phrase] < v.phrases[b.phrase]
	})
	// One measure named by overlapping phrases (科技基础设施, 重大科技基础设施)
	// is one group, under the stronger.
	var out []*topicGroup
	for _, g := range groups {
		merged := false
		for _, o := range out {
			a, b := v.phrases[o.phrase], v.phrases[g.phrase]
			if strings.Contains(a, b) || strings.Contains(b, a) {
				// Named by the longer, more specific phrase (宽容失败, not
				// 失败), counted as the more common.
				o.hits = append(o.hits, g.hits...)
				if len(b) > len(a) {
					o.phrase = g.phrase
				}
				v.count(o)
				merged = true
				break
			}
		}
		if !merged {
			if limit > 0 && len(out) == limit {
				continue
			}
			out = append(out, g)
		}
	}
	for _, g := range out {
		sort.SliceStable(g.hits, func(i, j int) bool {
			a, b := g.hits[i], g.hits[j]
			if a.cov != b.cov {
				return a.cov < b.cov
			}
			if a.miss != b.miss {
				return a.miss > b.miss
			}
			return a.g < b.g
		})
	}
	return out, nil
}

// count sets a group's cities and documents from its hits.
func (v *gapView) count(g *topicGroup) {
	g.cities = map[uint16]bool{}
	docs := map[int64]bool{}
	for _, h := range g.hits {
		p := v.parts[h.part]
		g.cities[p.city[h.at]] = true
		docs[p.doc[h.at]] = true
	}
	g.docs = len(docs)
}

// examples picks up to n hits of a group: the least covered of each city
// first, then the next least covered.
func (v *gapView) examples(g *topicGroup, n int) []gapHit {
	var out []gapHit
	seen := map[uint16]bool{}
	used := map[uint32]bool{}
	for _, h := range g.hits {
		c := v.parts[h.part].city[h.at]
		if len(out) < n && !seen[c] {
			seen[c] = true
			used[h.g] = true
			out = append(out, h)
		}
	}
	for _, h := range g.hits {
		if len(out) < n && !used[h.g] {
			used[h.g] = true
			out = append(out, h)
		}
	}
	return out
}

// gapGroups turns topic groups into GapGroups: fetch returns a hit's clause,
// nearest the draft's clause most like it, names a city's name.
func (v *gapView) gapGroups(groups []*topicGroup, examples int, fetch func(gapHit) (BankClause, error),
	nearest func(BankClause) *Nearest, names []string) ([]GapGroup, error) {
	out := []GapGroup{}
	for _, g := range groups {
		gg, err := v.gapGroup(g.phrase, g.cities, g.docs, len(g.hits), g.score, v.examples(g, examples), fetch, nearest, names)
		if err != nil {
			return nil, err
		}
		out = append(out, gg)
	}
	return out, nil
}

// gapGroup is one GapGroup: the topic phrase, the cities and number of
// documents and clauses with an uncovered clause on it, its strength and
// its example hits.
func (v *gapView) gapGroup(phrase int32, cityset map[uint16]bool, docs, clauses int, score float64, examples []gapHit,
	fetch func(gapHit) (BankClause, error), nearest func(BankClause) *Nearest, names []string) (GapGroup, error) {
	cities := make([]uint16, 0, len(cityset))
	for c := range cityset {
		cities = append(cities, c)
	}
	slices.Sort(cities)
	gg := GapGroup{Topic: v.phrases[phrase], Documents: docs, Clauses: clauses,
		Strength: round3(score), Cities: []string{}}
	for _, c := range cities {
		gg.Cities = append(gg.Cities, names[c])
	}
	for k, h := range examples {
		c, err := fetch(h)
		if err != nil {
			return GapGroup{}, err
		}
		p := v.parts[h.part]
		gap := Gap{BankClause: c, Coverage: round3(h.cov), Also: []string{}}
		for _, missing := range []bool{true, false} {
			for _, t := range p.topics(int(h.at)) {
				if v.holds[t.p] != missing {
					gap.Topics = append(gap.Topics, v.phrases[t.p])
				}
			}
		}
		own := p.city[h.at]
		for _, x := range cities {
			if x != own {
				gap.Also = append(gap.Also, names[x])
			}
		}
		gap.Strength = round3((1 - gap.Coverage) * (1 + 0.5*float64(len(gap.Also))))
		gap.Nearest = nearest(c)
		if k == 0 {
			gg.SourceID, gg.Source, gg.City, gg.Number, gg.Title = c.SourceID, c.Source, c.City, c.Number, c.Title
			if len(c.Path) > 0 {
				gg.Section = c.Path[0]
			}
		}
		gg.Gaps = append(gg.Gaps, gap)
	}
	return gg, nil
}

// phraseWeight is a phrase's weight per occurrence: its length in runes
// times the mean idf of its bigrams.
func phraseWeight(p string, idf func(term) float64) float64 {
	r := []rune(p)
	if len(r) < 2 {
		return 0
	}
	s := 0.0
	for i := 0; i+1 < len(r); i++ {
		s += idf(bigram(r[i], r[i+1]))
	}
	return float64(utf8.RuneCountInString(p)) * s / float64(len(r)-1)
}
