package templates

import (
	"context"
	"encoding/binary"
	"math"
	"slices"

	"qicao/drafts"
)

// The stored index's topic tables: each segment keeps, beside its posting
// lists and under a term no bigram reaches, the topics of its clauses
// (phrases, then per clause phrase numbers and counts) and the segment's
// document frequency of the phrases' bigrams, from which a gaps call
// weighs them. Written with the segment, so adding documents indexes their
// topics once and removing one rewrites nothing; merging segments merges
// their tables. An index written before the tables existed is rewritten
// once, with them, by the first gaps call.

// topicsTerm is the reserved term of a segment's topic table: bigram
// terms stay below 2^42.
const topicsTerm uint64 = 1 << 62

// segTopics is a stored segment's topic table, its phrases numbered in
// the bank's phraseTable.
type segTopics struct {
	start  []uint32
	items  []ptopic
	dfTerm []term // every term of the segment, ascending
	dfN    []int32
}

// df is the segment's document frequency of a term.
func (st *segTopics) df(t term) int32 {
	if i, ok := slices.BinarySearch(st.dfTerm, t); ok {
		return st.dfN[i]
	}
	return 0
}

// encodeSegTopics writes the topic table of clauses with topics ts, and
// the document frequency in the segment of every term of post.
func encodeSegTopics(ts [][]topic, post map[uint64]*postingWriter) []byte {
	local := map[string]uint64{}
	var names []string
	for _, c := range ts {
		for _, t := range c {
			if _, ok := local[t.phrase]; !ok {
				local[t.phrase] = uint64(len(names))
				names = append(names, t.phrase)
			}
		}
	}
	out := binary.AppendUvarint(nil, uint64(len(names)))
	for _, p := range names {
		out = binary.AppendUvarint(out, uint64(len(p)))
		out = append(out, p...)
	}
	terms := make([]uint64, 0, len(post))
	for t, w := range post {
		if t != topicsTerm && w.n > 0 {
			terms = append(terms, t)
		}
	}
	slices.Sort(terms)
	out = binary.AppendUvarint(out, uint64(len(terms)))
	last := uint64(0)
	for _, t := range terms {
		out = binary.AppendUvarint(out, t-last)
		out = binary.AppendUvarint(out, uint64(post[t].n))
		last = t
	}
	out = binary.AppendUvarint(out, uint64(len(ts)))
	for _, c := range ts {
		out = binary.AppendUvarint(out, uint64(len(c)))
		for _, t := range c {
			out = binary.AppendUvarint(out, local[t.phrase])
			out = binary.AppendUvarint(out, uint64(t.count))
		}
	}
	return out
}

// decodeSegTopics reads a topic table of a segment of n clauses.
func decodeSegTopics(data []byte, n int, phr *phraseTable) (*segTopics, error) {
	r := reader{data: data}
	np := int(r.uvarint())
	if r.err != nil || np > len(data) {
		return nil, errCorrupt
	}
	ids := make([]int32, np)
	for i := range ids {
		l := int(r.uvarint())
		if r.err != nil || l > len(r.data) {
			return nil, errCorrupt
		}
		ids[i] = phr.id(string(r.data[:l]))
		r.data = r.data[l:]
	}
	st := &segTopics{start: make([]uint32, 1, n+1)}
	nb := int(r.uvarint())
	if r.err != nil || nb > len(data) {
		return nil, errCorrupt
	}
	st.dfTerm, st.dfN = make([]term, nb), make([]int32, nb)
	var t term
	for i := range nb {
		t += term(r.uvarint())
		st.dfTerm[i], st.dfN[i] = t, int32(r.uvarint())
	}
	if int(r.uvarint()) != n || r.err != nil {
		return nil, errCorrupt
	}
	for range n {
		k := int(r.uvarint())
		for range k {
			p, c := r.uvarint(), r.uvarint()
			if p >= uint64(len(ids)) {
				return nil, errCorrupt
			}
			st.items = append(st.items, ptopic{ids[p], int32(c)})
		}
		st.start = append(st.start, uint32(len(st.items)))
	}
	return st, r.err
}

// rawOf returns clause i's topics with their phrases.
func (st *segTopics) rawOf(i int, phr *phraseTable) []topic {
	var out []topic
	for _, t := range st.items[st.start[i]:st.start[i+1]] {
		out = append(out, topic{phrase: phr.list[t.p], count: int(t.n)})
	}
	return out
}

// loadTopics reads the topic tables of the segments not read yet and
// drops those of segments that are gone; b.mu is held for writing.
func (b *StoredBank) loadTopics() error {
	if b.topics == nil {
		b.topics = map[int64]*segTopics{}
	}
	want := map[int64]*segment{}
	for _, s := range b.segs {
		want[s.id] = s
	}
	for id := range b.topics {
		if want[id] == nil {
			delete(b.topics, id)
		}
	}
	missing := false
	for _, s := range b.segs {
		if b.topics[s.id] == nil {
			missing = true
		}
	}
	if !missing {
		return nil
	}
	var bad error
	err := b.store.IndexPostings([]uint64{topicsTerm}, func(_ uint64, seg int64, data []byte) {
		s := want[seg]
		if s == nil || b.topics[seg] != nil {
			return
		}
		st, err := decodeSegTopics(data, len(s.doc), &b.phrases)
		if err != nil {
			bad = err
			return
		}
		b.topics[seg] = st
	})
	if err != nil {
		return err
	}
	return bad
}

// lacksTopics reports whether a segment has no topic table loaded; b.mu
// is held.
func (b *StoredBank) lacksTopics() bool {
	for _, s := range b.segs {
		if b.topics[s.id] == nil {
			return true
		}
	}
	return false
}

// topicsReady makes every segment's topic table readable. An index written
// without them is rewritten once with them (21 s at 10,000 documents) on a
// goroutine of its own, which holds the bank for reading while it works, so
// suggestions go on meanwhile, and for writing only to store the result.
// topicsReady waits for it as long as ctx lets it; a caller that gives up
// (the draft changed) leaves it running for the next one.
func (b *StoredBank) topicsReady(ctx context.Context) error {
	b.mu.Lock()
	if err := b.loadTopics(); err != nil || !b.lacksTopics() {
		b.mu.Unlock()
		return err
	}
	r := b.rewrite
	if r == nil {
		r = &rewrite{done: make(chan struct{})}
		b.rewrite = r
		go b.rewriteTopics(r)
	}
	b.mu.Unlock()
	select {
	case <-r.done:
		return r.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// rewriteTopics rewrites the index as one segment with its topic tables
// and reports to r.
func (b *StoredBank) rewriteTopics(r *rewrite) {
	err := b.rewriteOnce()
	b.mu.Lock()
	b.rewrite = nil
	b.mu.Unlock()
	r.err = err
	close(r.done)
}

// rewriteOnce merges every segment into one with topic tables: the work
// under the read lock, the write under the write lock, and again if the
// segments changed in between (documents added or removed).
func (b *StoredBank) rewriteOnce() error {
	for {
		b.mu.RLock()
		segs := slices.Clone(b.segs)
		desc, out, drop, err := b.mergeOf(segs)
		b.mu.RUnlock()
		if err != nil {
			return err
		}
		b.mu.Lock()
		if !slices.Equal(segs, b.segs) {
			b.mu.Unlock()
			continue
		}
		_, err = b.store.WriteIndexSegment(desc, out, drop)
		if err == nil {
			err = b.reload()
		}
		if err == nil {
			err = b.loadTopics()
		}
		b.mu.Unlock()
		return err
	}
}

// segmentTopics returns the topics of the live clauses of segs, in order,
// each as renum numbers them (-1: left out): from the stored tables
// (loaded by the caller), or, for a segment stored without one, from the
// clauses' text. Close stops it.
func (b *StoredBank) segmentTopics(segs []*segment, renum [][]int32, n int) ([][]topic, error) {
	out := make([][]topic, n)
	read := 0
	for k, s := range segs {
		st := b.topics[s.id]
		for i := range s.doc {
			at := renum[k][i]
			if at < 0 {
				continue
			}
			if st != nil {
				out[at] = st.rawOf(i, &b.phrases)
				continue
			}
			if read++; read%4096 == 0 && b.ctx.Err() != nil {
				return nil, b.ctx.Err()
			}
			c, err := b.store.IndexedClause(s.doc[i], int(s.idx[i]))
			if err != nil {
				return nil, err
			}
			out[at] = rawTopics(c.Text, c.Heading)
		}
	}
	return out, nil
}

// gapSkip returns the bank's ids of the draft's city and the excluded
// ones; b.mu is held.
func (b *StoredBank) gapSkip(city string, exclude []string) map[uint16]bool {
	skip := map[uint16]bool{}
	for _, c := range append([]string{city}, exclude...) {
		if id, ok := b.cityIDs[cityKey(c)]; ok && cityKey(c) != "" {
			skip[id] = true
		}
	}
	return skip
}

// cityNames returns the bank's city names by id; b.mu is held.
func (b *StoredBank) cityNames() []string {
	names := make([]string, len(b.cityIDs))
	for c, id := range b.cityIDs {
		names[id] = c
	}
	return names
}

// gapCorpus returns what a gaps call reads of the index: each segment's
// clauses with their topics (none for a segment whose table is not read
// yet), the phrases and their weights from the segments' document
// frequencies. b.mu is held, the tables loaded.
func (b *StoredBank) gapCorpus() (parts []*topicPart, phrases []string, weight []float64) {
	var tables []*segTopics
	for _, s := range b.segs {
		st := b.topics[s.id]
		if st == nil {
			st = &segTopics{start: make([]uint32, len(s.doc)+1)} // written since: no topics yet
		}
		parts = append(parts, &topicPart{start: st.start, items: st.items, doc: s.doc, city: s.city, alive: s.alive, base: s.base})
		tables = append(tables, st)
	}
	x := index{opts: b.opts, live: b.live}
	idf := func(t term) float64 {
		n := int32(0)
		for _, st := range tables {
			n += st.df(t)
		}
		return x.idf(n)
	}
	phrases = b.phrases.list
	weight = make([]float64, len(phrases))
	for i, p := range phrases {
		weight[i] = phraseWeight(p, idf)
	}
	return parts, phrases, weight
}

// Gaps is Bank.Gaps from the stored index: the topic tables and the
// segments' descriptions, and the text of the example clauses only. It
// judges every clause of the index; a GapTracker gives the same answer for
// a draft being edited from what changed since its last call.
func (b *StoredBank) Gaps(ctx context.Context, draft *drafts.Document, opts GapOptions) ([]GapGroup, error) {
	if err := b.topicsReady(ctx); err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	b.mu.RLock()
	defer b.mu.RUnlock()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	v := &gapView{threshold: opts.Threshold, skip: b.gapSkip(draft.City, opts.ExcludeCities)}
	v.parts, v.phrases, v.weight = b.gapCorpus()
	d := draft.Clauses()
	v.holds = draftHolds(keyOf(d), &b.phrases)
	groups, err := v.topicGaps(ctx, opts.Limit)
	if err != nil {
		return nil, err
	}
	names := b.cityNames()
	mini := NewBank([]drafts.CorpusDoc{{ID: math.MinInt64, Doc: draft}})
	return v.gapGroups(groups, opts.Examples,
		func(h gapHit) (BankClause, error) {
			s := b.segs[h.part]
			c, err := b.store.IndexedClause(s.doc[h.at], int(s.idx[h.at]))
			c.City = cityKey(c.City)
			return c, err
		},
		func(c BankClause) *Nearest {
			got := mini.Suggest(Query{Text: c.Text, K: 1})
			if len(got) == 0 {
				return nil
			}
			return &Nearest{Label: got[0].Label, Heading: got[0].Heading, Index: got[0].Index, Score: got[0].Score}
		}, names)
}
