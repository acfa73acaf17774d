package templates

import (
	"context"
	"encoding/binary"
	"slices"
	"strings"
	"sync"

	"qicao/drafts"
	"qicao/drafts/norm"
)

// Gaps of the changed part of a draft. StoredBank.Gaps judges every clause
// of the index against the whole draft at each call; the window asks again
// after every pause in typing, when one clause has changed. A GapTracker
// keeps what a call found and, at the next, works out only what the change
// touches:
//
//   - the draft side: the topic phrases each clause's text holds, found once
//     per text (a clause edited, added or removed is the only one looked at
//     again), and per phrase the number of clauses holding it; a phrase
//     whose number goes to or from zero is one the draft gained or lost;
//   - the index side, untouched: the segments' topic tables as read once,
//     with an inverted list built once from them (phrase → the clauses with
//     it as a topic), so a phrase gained or lost names the clauses whose
//     coverage can have changed, and only those are judged again;
//   - the gap clauses grouped by main missing topic, each group keeping its
//     clauses in order per city, its documents and its uncovered share, so
//     that the ranking, the merging of overlapping topics and the examples
//     read the groups (a few hundred) and not their clauses (tens of
//     thousands);
//   - the draft's own clauses as a small BM25 index kept up to date clause
//     by clause, for the nearest clause shown beside each example.
//
// What it returns is what StoredBank.Gaps returns for the same draft
// (TestGapTrackerSameAsFull). A change of the index (documents added or
// removed, a topic table read) is a new index side and the next call starts
// afresh; so does a change of the draft's city or of the options that
// decide which clauses are gaps.

// GapTracker answers the gaps of a draft as it is edited, from what
// changed since its last call. It is safe for concurrent use; calls run
// one at a time.
type GapTracker struct {
	b  *StoredBank
	mu sync.Mutex
	c  *gapIndexSide
	d  *gapDraftSide
	n  draftNear
	// The example clauses read from the store and their queries, by
	// global clause number, for c.
	fetched map[uint32]BankClause
	queries map[uint32]nearQuery
	// work is what the last call did (for tests and benchmarks).
	work gapWork
}

// gapWork counts what a GapTracker call did: clause texts whose phrases it
// looked up, phrases the draft gained or lost, clauses of the index it
// judged, and whether it started afresh.
type gapWork struct {
	texts, phrases, judged int
	fresh                  bool
}

// NewGapTracker returns a GapTracker over the stored index.
func (b *StoredBank) NewGapTracker() *GapTracker { return &GapTracker{b: b} }

// gapIndexSide is the index side of the gaps, for one state of the index.
type gapIndexSide struct {
	segs   []*segment
	tables []*segTopics
	view   gapView // parts, phrases, weights; holds, skip and threshold set per call
	names  []string
	// inv[invAt[p]:invAt[p+1]] are the global numbers of the live clauses
	// with phrase p among their topics.
	invAt []uint32
	inv   []uint32
	mask  []uint64 // per phrase, its runes hashed to 64 bits
}

// gapDraftSide is what the last call found, for one index side, city set
// and threshold.
type gapDraftSide struct {
	skipKey   string
	threshold float64
	texts     map[string]*heldText // by clause text
	held      []int32              // per phrase, the draft's clauses holding it
	holds     []bool
	hits      map[uint32]dhit // the gap clauses, by global number
	groups    map[int32]*igroup
	unionDocs map[string]int // documents of merged groups, by members and versions
	stamp     uint64         // the last version given a group
	work      *gapWork
}

// heldText is a clause text of the draft: the phrases it holds and how
// many of the draft's clauses have it.
type heldText struct {
	phrases []int32
	refs    int
}

// dhit is a gap clause with its main missing topic.
type dhit struct {
	gapHit
	main int32
}

// igroup is the gap clauses whose main missing topic is one phrase.
type igroup struct {
	phrase int32
	n      int
	cities map[uint16][]gapHit // by city, in hitLess order
	docs   map[int64]int       // clauses by document
	unc    uncSum
	ver    uint64 // a new stamp with every clause added or removed
	// Set for the ranking.
	score, mean float64
}

// hitLess orders the clauses of a group as the examples are picked: least
// covered first, then the heaviest missing topic, then index order.
func hitLess(a, b gapHit) bool {
	if a.cov != b.cov {
		return a.cov < b.cov
	}
	if a.miss != b.miss {
		return a.miss > b.miss
	}
	return a.g < b.g
}

// Gaps returns what StoredBank.Gaps returns for draft, working out only
// what changed since the last call. ctx cancels it; a call cancelled
// while it updates what it keeps drops it, and the next starts afresh.
func (t *GapTracker) Gaps(ctx context.Context, draft *drafts.Document, opts GapOptions) ([]GapGroup, error) {
	b := t.b
	if err := b.topicsReady(ctx); err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	t.mu.Lock()
	defer t.mu.Unlock()
	b.mu.RLock()
	defer b.mu.RUnlock()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if !t.c.current(b) {
		t.c = b.newGapIndexSide()
		t.d = nil
		t.fetched, t.queries = map[uint32]BankClause{}, map[uint32]nearQuery{}
	}
	c := t.c
	skip := b.gapSkip(draft.City, opts.ExcludeCities)
	if t.d == nil || t.d.skipKey != skipKeyOf(skip) || t.d.threshold != opts.Threshold {
		t.d = &gapDraftSide{skipKey: skipKeyOf(skip), threshold: opts.Threshold, texts: map[string]*heldText{}}
	}
	d := t.d
	d.work = &t.work
	t.work = gapWork{fresh: d.holds == nil}
	v := c.view
	v.skip, v.threshold = skip, opts.Threshold
	clauses := draft.Clauses()
	var err error
	if d.holds == nil {
		err = d.build(ctx, &v, b, clauses)
	} else {
		err = d.update(ctx, &v, b, c, clauses)
	}
	if err != nil {
		t.d = nil
		return nil, err
	}
	v.holds = d.holds
	t.n.update(clauses)
	out := []GapGroup{}
	var at uint32 // the example being made: gapGroup fetches it, then asks its nearest
	fetch := func(h gapHit) (BankClause, error) { at = h.g; return t.fetch(h, c) }
	near := func(bc BankClause) *Nearest { return t.nearest(at, bc) }
	for _, o := range d.ranked(&v, c, opts.Limit) {
		cityset, docs, n := d.union(o)
		gg, err := v.gapGroup(o.phrase, cityset, docs, n, o.score, o.examples(opts.Examples), fetch, near, c.names)
		if err != nil {
			return nil, err
		}
		out = append(out, gg)
	}
	if len(t.fetched) > 4096 {
		t.fetched, t.queries = map[uint32]BankClause{}, map[uint32]nearQuery{}
	}
	return out, nil
}

// checkEvery is how many clauses a GapTracker judges between two looks at
// its context.
var checkEvery = 4096

// skipKeyOf is a set of city ids as a string.
func skipKeyOf(skip map[uint16]bool) string {
	var ids []uint16
	for id := range skip {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var sb strings.Builder
	for _, id := range ids {
		sb.WriteRune(rune(id) + 1)
	}
	return sb.String()
}

// current reports whether the index side is that of b's index as it is
// now: the same segments, topic tables and phrases. b.mu is held.
func (c *gapIndexSide) current(b *StoredBank) bool {
	if c == nil || len(c.segs) != len(b.segs) || len(c.view.phrases) != len(b.phrases.list) {
		return false
	}
	for k, s := range b.segs {
		if c.segs[k] != s || c.tables[k] != b.topics[s.id] {
			return false
		}
	}
	return true
}

// newGapIndexSide reads the index side of the gaps: b.mu is held, the
// tables loaded.
func (b *StoredBank) newGapIndexSide() *gapIndexSide {
	c := &gapIndexSide{segs: slices.Clone(b.segs), names: b.cityNames()}
	for _, s := range b.segs {
		c.tables = append(c.tables, b.topics[s.id])
	}
	c.view.parts, c.view.phrases, c.view.weight = b.gapCorpus()
	np := len(c.view.phrases)
	c.invAt = make([]uint32, np+1)
	for _, p := range c.view.parts {
		for i := range p.len() {
			if p.alive == nil || p.alive[i] {
				for _, t := range p.topics(i) {
					c.invAt[t.p+1]++
				}
			}
		}
	}
	for p := range np {
		c.invAt[p+1] += c.invAt[p]
	}
	c.inv = make([]uint32, c.invAt[np])
	at := slices.Clone(c.invAt[:np])
	for _, p := range c.view.parts {
		for i := range p.len() {
			if p.alive == nil || p.alive[i] {
				for _, t := range p.topics(i) {
					c.inv[at[t.p]] = p.base + uint32(i)
					at[t.p]++
				}
			}
		}
	}
	c.mask = make([]uint64, np)
	for i, p := range c.view.phrases {
		for _, r := range p {
			c.mask[i] |= 1 << (uint(r) % 64)
		}
	}
	return c
}

// locate returns the part and place in it of global clause number g.
func (c *gapIndexSide) locate(g uint32) (int, int) {
	parts := c.view.parts
	k, _ := slices.BinarySearchFunc(parts, g, func(p *topicPart, g uint32) int {
		switch {
		case p.base+uint32(p.len()) <= g:
			return -1
		case p.base > g:
			return 1
		}
		return 0
	})
	return k, int(g - parts[k].base)
}

// heldPhrases returns the phrases of the table a clause's text holds:
// every substring of its match key of two to twelve runes looked up once,
// as draftHolds does over the whole draft.
func heldPhrases(text string, phr *phraseTable) []int32 {
	k, _ := MatchKey(text)
	key := string(k)
	var at []int
	for i := range key {
		at = append(at, i)
	}
	at = append(at, len(key))
	var out []int32
	for i := 0; i < len(at)-1; i++ {
		for j := i + 2; j < len(at) && j-i <= 12; j++ {
			if id, ok := phr.ids[key[at[i]:at[j]]]; ok {
				out = append(out, id)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// text returns the entry of a clause text, finding its phrases if new.
func (d *gapDraftSide) text(s string, phr *phraseTable) *heldText {
	h := d.texts[s]
	if h == nil {
		h = &heldText{phrases: heldPhrases(s, phr)}
		d.texts[s] = h
		d.work.texts++
	}
	return h
}

// build finds the draft's gaps from nothing: every clause of the index
// judged once.
func (d *gapDraftSide) build(ctx context.Context, v *gapView, b *StoredBank, clauses []drafts.Clause) error {
	np := len(v.phrases)
	d.held, d.holds = make([]int32, np), make([]bool, np)
	for _, c := range clauses {
		h := d.text(c.Text, &b.phrases)
		h.refs++
		for _, p := range h.phrases {
			d.held[p]++
			d.holds[p] = true
		}
	}
	v.holds = d.holds
	d.hits, d.groups, d.unionDocs = map[uint32]dhit{}, map[int32]*igroup{}, map[string]int{}
	n := 0
	for k, p := range v.parts {
		for i := range p.len() {
			if n++; n%checkEvery == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			d.work.judged++
			if h, main, ok := v.judge(k, i); ok {
				d.addHit(dhit{h, main}, v, false)
			}
		}
	}
	for _, g := range d.groups {
		for _, l := range g.cities {
			slices.SortFunc(l, hitCmp)
		}
	}
	return ctx.Err()
}

// update brings what the last call found up to the draft's clauses now:
// the texts added and removed change the phrases held, and the clauses
// with a phrase gained or lost among their topics are judged again.
func (d *gapDraftSide) update(ctx context.Context, v *gapView, b *StoredBank, c *gapIndexSide, clauses []drafts.Clause) error {
	now := make(map[string]int, len(clauses))
	for _, c := range clauses {
		now[c.Text]++
	}
	var touched []int32
	change := func(h *heldText, by int) {
		h.refs += by
		for _, p := range h.phrases {
			d.held[p] += int32(by)
			if d.holds[p] != (d.held[p] > 0) {
				touched = append(touched, p)
			}
		}
	}
	live := 0
	for s, h := range d.texts {
		if h.refs > 0 {
			live++
			if n := now[s]; n != h.refs {
				change(h, n-h.refs)
			}
		}
	}
	for s, n := range now {
		if h := d.texts[s]; h == nil || h.refs == 0 {
			change(d.text(s, &b.phrases), n)
		}
	}
	if len(d.texts) > 2*live+256 {
		for s, h := range d.texts {
			if h.refs == 0 {
				delete(d.texts, s)
			}
		}
	}
	// The phrases gained or lost, and the clauses they are topics of.
	var dirty []uint32
	for _, p := range touched {
		if on := d.held[p] > 0; d.holds[p] != on {
			d.holds[p] = on
			d.work.phrases++
			dirty = append(dirty, c.inv[c.invAt[p]:c.invAt[p+1]]...)
		}
	}
	v.holds = d.holds
	slices.Sort(dirty)
	dirty = slices.Compact(dirty)
	d.work.judged = len(dirty)
	for n, g := range dirty {
		if n%checkEvery == checkEvery-1 && ctx.Err() != nil {
			return ctx.Err()
		}
		k, i := c.locate(g)
		h, main, ok := v.judge(k, i)
		old, had := d.hits[g]
		if had && ok && old.main == main && old.cov == h.cov && old.miss == h.miss {
			continue
		}
		if had {
			d.removeHit(old, v)
		}
		if ok {
			d.addHit(dhit{h, main}, v, true)
		}
	}
	if len(d.unionDocs) > 1024 {
		clear(d.unionDocs)
	}
	return nil
}

// addHit adds a gap clause to its group, made if new: in its place in its
// city's list when sorted, else at the end (build sorts the lists once).
func (d *gapDraftSide) addHit(h dhit, v *gapView, sorted bool) {
	g := d.groups[h.main]
	if g == nil {
		g = &igroup{phrase: h.main, cities: map[uint16][]gapHit{}, docs: map[int64]int{}}
		d.groups[h.main] = g
	}
	d.hits[h.g] = h
	g.add(h.gapHit, v, sorted)
	d.stamp++
	g.ver = d.stamp
}

// removeHit takes a gap clause out of its group, and the group out when it
// was its last.
func (d *gapDraftSide) removeHit(h dhit, v *gapView) {
	delete(d.hits, h.g)
	g := d.groups[h.main]
	g.remove(h.gapHit, v)
	d.stamp++
	g.ver = d.stamp
	if g.n == 0 {
		delete(d.groups, h.main)
	}
}

// add puts a hit in the group.
func (g *igroup) add(h gapHit, v *gapView, sorted bool) {
	p := v.parts[h.part]
	city := p.city[h.at]
	l := g.cities[city]
	if sorted {
		i, _ := slices.BinarySearchFunc(l, h, hitCmp)
		g.cities[city] = slices.Insert(l, i, h)
	} else {
		g.cities[city] = append(l, h)
	}
	g.docs[p.doc[h.at]]++
	g.unc.add(h.cov)
	g.n++
}

// remove takes a hit out of the group.
func (g *igroup) remove(h gapHit, v *gapView) {
	p := v.parts[h.part]
	city := p.city[h.at]
	l := g.cities[city]
	if i, ok := slices.BinarySearchFunc(l, h, hitCmp); ok {
		l = slices.Delete(l, i, i+1)
	}
	if len(l) == 0 {
		delete(g.cities, city)
	} else {
		g.cities[city] = l
	}
	doc := p.doc[h.at]
	if g.docs[doc]--; g.docs[doc] == 0 {
		delete(g.docs, doc)
	}
	g.unc.sub(h.cov)
	g.n--
}

func hitCmp(a, b gapHit) int {
	switch {
	case a.g == b.g:
		return 0
	case hitLess(a, b):
		return -1
	}
	return 1
}

// outGroup is a topic as listed: a group, and the groups of overlapping
// phrases merged into it.
type outGroup struct {
	phrase  int32
	members []*igroup
	score   float64
}

// ranked orders the groups and merges those of overlapping phrases as
// topicGaps does, keeping at most limit.
func (d *gapDraftSide) ranked(v *gapView, c *gapIndexSide, limit int) []*outGroup {
	groups := make([]*igroup, 0, len(d.groups))
	maxDocs := 0
	for _, g := range d.groups {
		g.mean = g.unc.mean(g.n)
		maxDocs = max(maxDocs, len(g.docs))
		groups = append(groups, g)
	}
	for _, g := range groups {
		g.score = float64(len(g.cities)) + float64(len(g.docs))/float64(maxDocs+1)
	}
	slices.SortFunc(groups, func(a, b *igroup) int {
		switch {
		case a.score != b.score:
			if a.score > b.score {
				return -1
			}
			return 1
		case a.mean != b.mean:
			if a.mean > b.mean {
				return -1
			}
			return 1
		}
		return strings.Compare(v.phrases[a.phrase], v.phrases[b.phrase])
	})
	var out []*outGroup
	for _, g := range groups {
		merged := false
		bp, bm := v.phrases[g.phrase], c.mask[g.phrase]
		for _, o := range out {
			ap, am := v.phrases[o.phrase], c.mask[o.phrase]
			// A phrase holds another only if it holds its runes.
			if bm&^am == 0 && strings.Contains(ap, bp) || am&^bm == 0 && strings.Contains(bp, ap) {
				o.members = append(o.members, g)
				if len(bp) > len(ap) {
					o.phrase = g.phrase
				}
				merged = true
				break
			}
		}
		if !merged {
			if limit > 0 && len(out) == limit {
				continue
			}
			out = append(out, &outGroup{phrase: g.phrase, members: []*igroup{g}, score: g.score})
		}
	}
	return out
}

// union returns the cities, the number of documents and of clauses of a
// listed topic.
func (d *gapDraftSide) union(o *outGroup) (map[uint16]bool, int, int) {
	cities := map[uint16]bool{}
	n := 0
	for _, g := range o.members {
		for c := range g.cities {
			cities[c] = true
		}
		n += g.n
	}
	if len(o.members) == 1 {
		return cities, len(o.members[0].docs), n
	}
	var key []byte
	for _, g := range o.members {
		key = binary.AppendUvarint(key, uint64(g.phrase))
		key = binary.AppendUvarint(key, g.ver)
	}
	if docs, ok := d.unionDocs[string(key)]; ok {
		return cities, docs, n
	}
	all := map[int64]bool{}
	for _, g := range o.members {
		for doc := range g.docs {
			all[doc] = true
		}
	}
	d.unionDocs[string(key)] = len(all)
	return cities, len(all), n
}

// examples picks up to n clauses of a listed topic as gapView.examples
// does over its clauses sorted: the least covered of each city, the
// cities in that order, then the next least covered.
func (o *outGroup) examples(n int) []gapHit {
	best := map[uint16]gapHit{}
	for _, g := range o.members {
		for c, l := range g.cities {
			if b, ok := best[c]; !ok || hitLess(l[0], b) {
				best[c] = l[0]
			}
		}
	}
	out := make([]gapHit, 0, len(best))
	for _, h := range best {
		out = append(out, h)
	}
	slices.SortFunc(out, hitCmp)
	if len(out) >= n {
		return out[:n]
	}
	used := map[uint32]bool{}
	for _, h := range out {
		used[h.g] = true
	}
	var more []gapHit
	for _, g := range o.members {
		for _, l := range g.cities {
			for _, h := range l[:min(len(l), n+1)] {
				if !used[h.g] {
					more = append(more, h)
				}
			}
		}
	}
	slices.SortFunc(more, hitCmp)
	return append(out, more[:min(len(more), n-len(out))]...)
}

// fetch returns an example clause, read from the store once.
func (t *GapTracker) fetch(h gapHit, c *gapIndexSide) (BankClause, error) {
	if bc, ok := t.fetched[h.g]; ok {
		return bc, nil
	}
	s := c.segs[h.part]
	bc, err := t.b.store.IndexedClause(s.doc[h.at], int(s.idx[h.at]))
	if err != nil {
		return bc, err
	}
	bc.City = cityKey(bc.City)
	t.fetched[h.g] = bc
	return bc, nil
}

// nearest returns the draft's clause most like example clause g, as
// StoredBank.Gaps finds it: the clause's text asked of a bank of the
// draft's clauses alone.
func (t *GapTracker) nearest(g uint32, bc BankClause) *Nearest {
	q, ok := t.queries[g]
	if !ok {
		q = newNearQuery(bc.Text)
		t.queries[g] = q
	}
	return t.n.best(q)
}

// draftNear is the draft's clauses as the bank of a draft alone
// (NewBank of the draft) ranks them, kept clause by clause: a slot per
// clause, its postings added when its text comes and taken away when it
// goes.
type draftNear struct {
	ids    map[term]int32
	post   [][]nearPost // by term id
	slots  []nearSlot
	free   []int32
	byText map[nearKey][]int32 // slots in use
	live   int
	total  float64 // summed key length of the clauses
	acc    []float32
}

type nearKey struct{ text, heading string }

type nearPost struct {
	slot    int32
	tf, htf uint16
}

type nearSlot struct {
	terms []int32
	len   int
	used  bool
	// The clause now in it.
	label, heading string
	index          int
}

// update makes the index that of the draft's clauses now.
func (n *draftNear) update(clauses []drafts.Clause) {
	if n.ids == nil {
		n.ids, n.byText = map[term]int32{}, map[nearKey][]int32{}
	}
	old := n.byText
	n.byText = make(map[nearKey][]int32, len(clauses))
	var scratch []term
	for _, c := range clauses {
		k := nearKey{c.Text, c.Heading}
		var s int32
		if l := old[k]; len(l) > 0 {
			s, old[k] = l[len(l)-1], l[:len(l)-1]
		} else {
			s = n.add(clauseTokens(c.Text, c.Heading, DefaultOptions.UnigramWeight > 0, &scratch))
		}
		n.byText[k] = append(n.byText[k], s)
		sl := &n.slots[s]
		sl.label, sl.heading, sl.index = c.Label, c.Heading, c.Index
	}
	for _, l := range old {
		for _, s := range l {
			n.remove(s)
		}
	}
}

// add gives a clause's tokens a slot.
func (n *draftNear) add(t tokens) int32 {
	var s int32
	if len(n.free) > 0 {
		s, n.free = n.free[len(n.free)-1], n.free[:len(n.free)-1]
	} else {
		s = int32(len(n.slots))
		n.slots = append(n.slots, nearSlot{})
	}
	sl := nearSlot{used: true, len: t.len}
	for i, tm := range t.terms {
		id, ok := n.ids[tm]
		if !ok {
			id = int32(len(n.post))
			n.ids[tm] = id
			n.post = append(n.post, nil)
		}
		n.post[id] = append(n.post[id], nearPost{s, t.tf[i], t.htf[i]})
		sl.terms = append(sl.terms, id)
	}
	n.slots[s] = sl
	n.live++
	n.total += float64(t.len)
	return s
}

// remove frees a slot and its postings.
func (n *draftNear) remove(s int32) {
	sl := &n.slots[s]
	for _, id := range sl.terms {
		l := n.post[id]
		for i := range l {
			if l[i].slot == s {
				l[i] = l[len(l)-1]
				n.post[id] = l[:len(l)-1]
				break
			}
		}
	}
	n.live--
	n.total -= float64(sl.len)
	*sl = nearSlot{}
	n.free = append(n.free, s)
}

// nearQuery is an example clause as a query: its terms counted, as
// Bank.Suggest counts Query{Text: text}.
type nearQuery struct {
	t      tokens
	keyLen int
}

func newNearQuery(text string) nearQuery {
	key, _ := MatchKey(text)
	head, _ := norm.KeyRunes(queryHeading(Query{Text: text}))
	var scratch []term
	t := tokenize(key, head, DefaultOptions.UnigramWeight > 0 || len(key) == 1, &scratch)
	return nearQuery{t: t, keyLen: len(key)}
}

// best returns the draft's clause scoring highest for the query, as
// Bank.Suggest with K 1 over the draft's bank: the same weights, the same
// float32 sums, ties to the earlier clause.
func (n *draftNear) best(q nearQuery) *Nearest {
	if q.keyLen == 0 {
		return nil
	}
	x := index{opts: DefaultOptions, live: n.live, total: n.total}
	qs, self := x.weigh(q.t, q.keyLen, func(_ int, tm term) (int32, int32, bool) {
		id, ok := n.ids[tm]
		if !ok {
			return 0, 0, false
		}
		return id, int32(len(n.post[id])), true
	})
	if len(qs) == 0 || self == 0 {
		return nil
	}
	if len(n.acc) < len(n.slots) {
		n.acc = make([]float32, len(n.slots))
	}
	acc := n.acc[:len(n.slots)]
	avg := x.avgLen()
	k1 := float32(x.opts.K1)
	hw := float32(x.opts.HeadingWeight)
	var touched []int32
	for _, qt := range qs {
		wk := qt.w * (k1 + 1)
		for _, p := range n.post[qt.id] {
			nm := float32(x.lengthNorm(float64(float32(n.slots[p.slot].len)), avg))
			tf := float32(p.tf) + hw*float32(p.htf)
			s := acc[p.slot]
			if s == 0 {
				touched = append(touched, p.slot)
			}
			acc[p.slot] = s + wk*tf/(tf+nm)
		}
	}
	bi, bs := int32(-1), float32(0)
	for _, s := range touched {
		sc := acc[s]
		acc[s] = 0
		if bi < 0 || sc > bs || sc == bs && n.slots[s].index < n.slots[bi].index {
			bi, bs = s, sc
		}
	}
	if bi < 0 {
		return nil
	}
	sl := n.slots[bi]
	return &Nearest{Label: sl.label, Heading: sl.heading, Index: sl.index, Score: round3(float64(bs) / self)}
}
