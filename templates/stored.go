package templates

import (
	"container/heap"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

	"qicao/drafts"
	"qicao/drafts/norm"
)

// The stored index: the suggestion index kept beside the documents, so
// that a process opens it instead of rebuilding it. It is made of
// segments, each the clauses of the documents added at one time: a
// segment's description (which clause of which document, its key length,
// its city) and, for every term of its clauses, one encoded posting list.
// A query reads the descriptions once and then only the posting lists of
// its own terms, and the text of the clauses it returns. Adding documents
// writes one new segment; removing one writes nothing (its clauses are
// skipped, as the store no longer lists the document) until segments are
// merged, which drops them. Scores are those of Bank's BM25.

// IndexStore is where a StoredBank keeps its segments: the database's own
// tables. Blobs are opaque to it.
type IndexStore interface {
	// IndexSegments returns every segment's id and description, by id.
	IndexSegments() ([]StoredSegment, error)
	// IndexPostings calls fn with every posting list stored for the terms.
	IndexPostings(terms []uint64, fn func(term uint64, seg int64, data []byte)) error
	// SegmentPostings calls fn with every posting list of one segment.
	SegmentPostings(seg int64, fn func(term uint64, data []byte)) error
	// WriteIndexSegment stores a new segment and drops the segments of
	// drop, in one transaction, and returns the new segment's id.
	WriteIndexSegment(desc []byte, postings map[uint64][]byte, drop []int64) (int64, error)
	// LiveCorpusIDs returns the ids of the corpus documents there are.
	LiveCorpusIDs() ([]int64, error)
	// IndexedClause returns clause idx of corpus document doc as a bank row.
	IndexedClause(doc int64, idx int) (BankClause, error)
}

// StoredSegment is a segment as the store holds it.
type StoredSegment struct {
	ID   int64
	Desc []byte
}

// segment is a segment as a StoredBank holds it.
type segment struct {
	id    int64
	base  uint32 // number of the segment's first clause among all segments
	doc   []int64
	idx   []int32
	len   []float32
	city  []uint16 // bank-wide city ids
	alive []bool
	norm  []float32
}

// StoredBank answers suggestion queries from a stored index. It is safe
// for concurrent use.
type StoredBank struct {
	mu      sync.RWMutex
	store   IndexStore
	opts    Options
	segs    []*segment
	cityIDs map[string]uint16
	live    int
	total   float64
	clauses int // clauses in all segments, live or not

	topics  map[int64]*segTopics // topic tables by segment id, read by Gaps
	phrases phraseTable          // their phrases

	rewrite *rewrite           // the once-only rewrite with topic tables, while it runs
	ctx     context.Context    // cancelled by Close: stops the rewrite
	stop    context.CancelFunc //
}

// rewrite is a running rewrite of the index with its topic tables; done is
// closed when it has ended, err then set.
type rewrite struct {
	done chan struct{}
	err  error
}

// OpenStoredBank opens the stored index with DefaultOptions. load reads
// the corpus documents the index lacks (added by a program that did not
// index them, or before the index existed), which are then indexed.
func OpenStoredBank(store IndexStore, load func(ids []int64) ([]drafts.CorpusDoc, error)) (*StoredBank, error) {
	b := &StoredBank{store: store, opts: DefaultOptions}
	b.ctx, b.stop = context.WithCancel(context.Background())
	if err := b.reload(); err != nil {
		return nil, err
	}
	missing, err := b.missing()
	if err != nil || len(missing) == 0 {
		return b, err
	}
	docs, err := load(missing)
	if err != nil {
		return nil, err
	}
	return b, b.Add(docs)
}

// reload reads the segment descriptions and the live documents.
func (b *StoredBank) reload() error {
	segs, err := b.store.IndexSegments()
	if err != nil {
		return err
	}
	ids, err := b.store.LiveCorpusIDs()
	if err != nil {
		return err
	}
	live := make(map[int64]bool, len(ids))
	for _, id := range ids {
		live[id] = true
	}
	b.segs, b.cityIDs, b.live, b.total, b.clauses = nil, map[string]uint16{"": 0}, 0, 0, 0
	for _, s := range segs {
		seg, err := b.decodeSegment(s)
		if err != nil {
			return fmt.Errorf("参考条款索引损坏（段 %d）: %w", s.ID, err)
		}
		b.segs = append(b.segs, seg)
	}
	b.markLive(live)
	return nil
}

// markLive marks alive the clauses of live documents, each document in
// its newest segment only, and sets the length norms.
func (b *StoredBank) markLive(live map[int64]bool) {
	seen := map[int64]bool{}
	for k := len(b.segs) - 1; k >= 0; k-- {
		s := b.segs[k]
		here := map[int64]bool{}
		for i, d := range s.doc {
			s.alive[i] = live[d] && !seen[d]
			if s.alive[i] {
				here[d] = true
				b.live++
				b.total += float64(s.len[i])
			}
		}
		for d := range here {
			seen[d] = true
		}
	}
	avg := 1.0
	if b.live > 0 && b.total > 0 {
		avg = b.total / float64(b.live)
	}
	x := index{opts: b.opts}
	var base uint32
	for _, s := range b.segs {
		s.base = base
		base += uint32(len(s.doc))
		s.norm = make([]float32, len(s.doc))
		for i, l := range s.len {
			s.norm[i] = float32(x.lengthNorm(float64(l), avg))
		}
	}
	b.clauses = int(base)
}

// missing returns the live documents no segment holds.
func (b *StoredBank) missing() ([]int64, error) {
	ids, err := b.store.LiveCorpusIDs()
	if err != nil {
		return nil, err
	}
	have := map[int64]bool{}
	for _, s := range b.segs {
		for _, d := range s.doc {
			have[d] = true
		}
	}
	var out []int64
	for _, id := range ids {
		if !have[id] {
			out = append(out, id)
		}
	}
	return out, nil
}

// Len returns the number of live clauses.
func (b *StoredBank) Len() int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.live
}

// Segments returns the number of stored segments.
func (b *StoredBank) Segments() int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return len(b.segs)
}

// Add indexes documents as one new segment, merging segments when the
// newest ones have grown comparable in size, and when removed documents
// hold a quarter of the clauses.
func (b *StoredBank) Add(docs []drafts.CorpusDoc) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	var cs []BankClause
	for _, d := range docs {
		cs = append(cs, ClausesOf(d)...)
	}
	if len(cs) == 0 && len(docs) == 0 {
		return nil
	}
	desc, post := b.encodeNew(cs)
	if _, err := b.store.WriteIndexSegment(desc, post, nil); err != nil {
		return err
	}
	if err := b.reload(); err != nil {
		return err
	}
	return b.mergeTail()
}

// Refresh rereads which documents are live (after one was removed).
func (b *StoredBank) Refresh() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.reload()
}

// mergeTail merges the two newest segments while the newer holds at least
// half as many clauses as the older, or everything when a quarter of the
// clauses are dead: a segment is rewritten a logarithmic number of times.
func (b *StoredBank) mergeTail() error {
	if b.clauses > 1024 && b.clauses-b.live > b.clauses/4 {
		if err := b.merge(b.segs); err != nil {
			return err
		}
	}
	for n := len(b.segs); n >= 2 && 2*len(b.segs[n-1].doc) >= len(b.segs[n-2].doc); n = len(b.segs) {
		if err := b.merge(b.segs[n-2:]); err != nil {
			return err
		}
	}
	return nil
}

// Close stops a rewrite of the index that is running and waits for it;
// call it before closing the store. The bank answers no gaps after it.
func (b *StoredBank) Close() {
	b.stop()
	b.mu.Lock()
	r := b.rewrite
	b.mu.Unlock()
	if r != nil {
		<-r.done
	}
}

// merge writes the live clauses of segs, in order, as one segment in
// place of them; b.mu is held for writing.
func (b *StoredBank) merge(segs []*segment) error {
	if err := b.loadTopics(); err != nil {
		return err
	}
	desc, out, drop, err := b.mergeOf(segs)
	if err != nil {
		return err
	}
	if _, err := b.store.WriteIndexSegment(desc, out, drop); err != nil {
		return err
	}
	return b.reload()
}

// mergeOf encodes the live clauses of segs, in order, as one segment, and
// returns it with the segments it replaces. It only reads: b.mu is held,
// for reading at least, and the topic tables are loaded. Close stops it.
func (b *StoredBank) mergeOf(segs []*segment) (desc []byte, out map[uint64][]byte, drop []int64, err error) {
	var m merged
	drop = make([]int64, len(segs))
	renum := make([][]int32, len(segs))
	for k, s := range segs {
		drop[k] = s.id
		renum[k] = make([]int32, len(s.doc))
		for i := range s.doc {
			renum[k][i] = -1
			if s.alive[i] {
				renum[k][i] = int32(len(m.doc))
				m.add(s.doc[i], s.idx[i], s.len[i], b.cityName(s.city[i]))
			}
		}
	}
	post := map[uint64]*postingWriter{}
	for k, s := range segs {
		if err := b.ctx.Err(); err != nil {
			return nil, nil, nil, err
		}
		err := b.store.SegmentPostings(s.id, func(t uint64, data []byte) {
			if t == topicsTerm {
				return
			}
			w := post[t]
			if w == nil {
				w = &postingWriter{}
				post[t] = w
			}
			for p := range decodePostings(data) {
				if n := renum[k][p.doc]; n >= 0 {
					w.add(posting{uint32(n), p.tf, p.htf})
				}
			}
		})
		if err != nil {
			return nil, nil, nil, err
		}
	}
	out = make(map[uint64][]byte, len(post))
	for t, w := range post {
		if w.n > 0 {
			out[t] = w.bytes()
		}
	}
	ts, err := b.segmentTopics(segs, renum, len(m.doc))
	if err != nil {
		return nil, nil, nil, err
	}
	out[topicsTerm] = encodeSegTopics(ts, post)
	return m.encode(), out, drop, nil
}

func (b *StoredBank) cityName(id uint16) string {
	for c, i := range b.cityIDs {
		if i == id {
			return c
		}
	}
	return ""
}

// encodeNew tokenizes clauses into a segment's description and postings.
func (b *StoredBank) encodeNew(cs []BankClause) ([]byte, map[uint64][]byte) {
	var m merged
	post := map[uint64]*postingWriter{}
	var scratch []term
	ts := make([][]topic, len(cs))
	for i, c := range cs {
		if c.StoredTopics != "" {
			ts[i] = decodeTopics(c.StoredTopics)
		} else {
			ts[i] = rawTopics(c.Text, c.Heading)
		}
		t := clauseTokens(c.Text, c.Heading, b.opts.UnigramWeight > 0, &scratch)
		m.add(c.SourceID, int32(c.Index), float32(t.len), c.City)
		for j, tm := range t.terms {
			w := post[uint64(tm)]
			if w == nil {
				w = &postingWriter{}
				post[uint64(tm)] = w
			}
			w.add(posting{uint32(i), t.tf[j], t.htf[j]})
		}
	}
	out := make(map[uint64][]byte, len(post))
	for t, w := range post {
		out[t] = w.bytes()
	}
	out[topicsTerm] = encodeSegTopics(ts, post)
	return m.encode(), out
}

// merged is a segment description being written.
type merged struct {
	doc    []int64
	idx    []int32
	len    []float32
	city   []string
	cities map[string]uint64
	names  []string
}

func (m *merged) add(doc int64, idx int32, l float32, city string) {
	if m.cities == nil {
		m.cities = map[string]uint64{}
	}
	if _, ok := m.cities[city]; !ok {
		m.cities[city] = uint64(len(m.names))
		m.names = append(m.names, city)
	}
	m.doc, m.idx, m.len, m.city = append(m.doc, doc), append(m.idx, idx), append(m.len, l), append(m.city, city)
}

// encode writes the description: the city names, then per clause its
// document id, index, key length and city number, all varints.
func (m *merged) encode() []byte {
	out := binary.AppendUvarint(nil, uint64(len(m.names)))
	for _, c := range m.names {
		out = binary.AppendUvarint(out, uint64(len(c)))
		out = append(out, c...)
	}
	out = binary.AppendUvarint(out, uint64(len(m.doc)))
	for i := range m.doc {
		out = binary.AppendUvarint(out, uint64(m.doc[i]))
		out = binary.AppendUvarint(out, uint64(m.idx[i]))
		out = binary.AppendUvarint(out, uint64(m.len[i]))
		out = binary.AppendUvarint(out, m.cities[m.city[i]])
	}
	return out
}

var errCorrupt = errors.New("数据不完整")

// decodeSegment reads a description, giving its cities bank-wide ids.
func (b *StoredBank) decodeSegment(s StoredSegment) (*segment, error) {
	r := reader{data: s.Desc}
	names := make([]uint16, r.uvarint())
	for i := range names {
		n := int(r.uvarint())
		if r.err != nil || n > len(r.data) {
			return nil, errCorrupt
		}
		c := string(r.data[:n])
		r.data = r.data[n:]
		id, ok := b.cityIDs[c]
		if !ok {
			id = uint16(len(b.cityIDs))
			b.cityIDs[c] = id
		}
		names[i] = id
	}
	n := int(r.uvarint())
	if r.err != nil || n > len(s.Desc) {
		return nil, errCorrupt
	}
	seg := &segment{id: s.ID, doc: make([]int64, n), idx: make([]int32, n), len: make([]float32, n),
		city: make([]uint16, n), alive: make([]bool, n)}
	for i := range n {
		seg.doc[i] = int64(r.uvarint())
		seg.idx[i] = int32(r.uvarint())
		seg.len[i] = float32(r.uvarint())
		c := r.uvarint()
		if c >= uint64(len(names)) {
			return nil, errCorrupt
		}
		seg.city[i] = names[c]
	}
	return seg, r.err
}

type reader struct {
	data []byte
	err  error
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.err = errCorrupt
		return 0
	}
	r.data = r.data[n:]
	return v
}

// postingWriter encodes a posting list: a zero byte (lists written
// before this format began with their length, never 0), the number of
// postings, then per posting the gap from the previous clause number
// shifted left by one with the low bit set when tf is 1 and htf 0 (six
// postings in seven at 10,000 documents), else followed by tf and htf;
// all varints. The older format, read still, gave every posting its gap,
// tf and htf: 153 MB of lists at 10,000 documents against 73.
type postingWriter struct {
	n    int
	last uint32
	buf  []byte
}

func (w *postingWriter) add(p posting) {
	gap := uint64(p.doc-w.last) << 1
	if p.tf == 1 && p.htf == 0 {
		w.buf = binary.AppendUvarint(w.buf, gap|1)
	} else {
		w.buf = binary.AppendUvarint(w.buf, gap)
		w.buf = binary.AppendUvarint(w.buf, uint64(p.tf))
		w.buf = binary.AppendUvarint(w.buf, uint64(p.htf))
	}
	w.last = p.doc
	w.n++
}

func (w *postingWriter) bytes() []byte {
	return append(binary.AppendUvarint([]byte{0}, uint64(w.n)), w.buf...)
}

// postingHeader reads an encoded list's format and number of postings; a
// number the rest of the list cannot hold (a posting takes a byte at
// least) is an error.
func postingHeader(r *reader) (flagged bool, n uint64) {
	n = r.uvarint()
	if n == 0 && r.err == nil {
		flagged, n = true, r.uvarint()
	}
	if n > uint64(len(r.data)) {
		r.err = errCorrupt
	}
	return flagged, n
}

// postingCount is the number of postings in an encoded list.
func postingCount(data []byte) int {
	r := reader{data: data}
	_, n := postingHeader(&r)
	if r.err != nil {
		return 0
	}
	return int(n)
}

// decodePostings yields the postings of an encoded list (segment-local
// clause numbers), in either format; it stops at the first malformed
// byte.
func decodePostings(data []byte) func(func(posting) bool) {
	return func(yield func(posting) bool) {
		r := reader{data: data}
		flagged, n := postingHeader(&r)
		if r.err != nil {
			return
		}
		var doc uint32
		for range n {
			gap, tf, htf := r.uvarint(), uint64(1), uint64(0)
			if !flagged || gap&1 == 0 {
				tf, htf = r.uvarint(), r.uvarint()
			}
			if flagged {
				gap >>= 1
			}
			doc += uint32(gap)
			if r.err != nil || !yield(posting{doc, uint16(tf), uint16(htf)}) {
				return
			}
		}
	}
}

// Suggest returns the stored clauses most like the query, best first,
// scored as Bank.Suggest scores them.
func (b *StoredBank) Suggest(q Query) ([]Suggestion, error) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	key, _ := MatchKey(q.Text)
	if len(key) == 0 || b.live == 0 {
		return nil, nil
	}
	head, _ := norm.KeyRunes(queryHeading(q))
	var scratch []term
	t := tokenize(key, head, b.opts.UnigramWeight > 0 || len(key) == 1, &scratch)
	terms := make([]uint64, len(t.terms))
	for i, tm := range t.terms {
		terms[i] = uint64(tm)
	}
	bySeg := map[int64]*segment{}
	for _, s := range b.segs {
		bySeg[s.id] = s
	}
	type list struct {
		seg  *segment
		data []byte
	}
	lists := map[uint64][]list{}
	df := map[uint64]int32{}
	err := b.store.IndexPostings(terms, func(tm uint64, seg int64, data []byte) {
		if s := bySeg[seg]; s != nil {
			lists[tm] = append(lists[tm], list{s, data})
			df[tm] += int32(postingCount(data))
		}
	})
	if err != nil {
		return nil, err
	}
	x := index{opts: b.opts, live: b.live, total: b.total}
	qs, self := x.weigh(t, len(key), func(i int, tm term) (int32, int32, bool) {
		d, ok := df[uint64(tm)]
		return int32(i), d, ok
	})
	if len(qs) == 0 || self == 0 {
		return nil, nil
	}
	acc := make([]float32, b.clauses)
	var touched []uint32
	k1, hw := float32(b.opts.K1), float32(b.opts.HeadingWeight)
	for _, qt := range qs {
		wk := qt.w * (k1 + 1)
		for _, l := range lists[uint64(t.terms[qt.id])] {
			for p := range decodePostings(l.data) {
				if int(p.doc) >= len(l.seg.doc) || !l.seg.alive[p.doc] {
					continue
				}
				tf := float32(p.tf) + hw*float32(p.htf)
				g := l.seg.base + p.doc
				s := acc[g]
				if s == 0 {
					touched = append(touched, g)
				}
				acc[g] = s + wk*tf/(tf+l.seg.norm[p.doc])
			}
		}
	}
	return b.results(q, key, self, acc, touched)
}

// results keeps the best K touched clauses passing the filters and reads
// their text.
func (b *StoredBank) results(q Query, key []rune, self float64, acc []float32, touched []uint32) ([]Suggestion, error) {
	k := q.K
	if k <= 0 {
		k = 10
	}
	keep := b.keep(q)
	h := &hitHeap{}
	for _, d := range touched {
		s := acc[d]
		if !keep(d) {
			continue
		}
		if h.Len() < k {
			heap.Push(h, hit{d, float64(s)})
		} else if better(hit{d, float64(s)}, (*h)[0]) {
			(*h)[0] = hit{d, float64(s)}
			heap.Fix(h, 0)
		}
	}
	hits := make([]hit, h.Len())
	for i := len(hits) - 1; i >= 0; i-- {
		hits[i] = heap.Pop(h).(hit)
	}
	set := bigramSet(key)
	out := make([]Suggestion, len(hits))
	for i, hh := range hits {
		s, at := b.locate(hh.doc)
		c, err := b.store.IndexedClause(s.doc[at], int(s.idx[at]))
		if err != nil {
			return nil, err
		}
		c.City = cityKey(c.City)
		out[i] = Suggestion{Score: round3(hh.score / self), BankClause: c, Spans: sharedSpans(set, len(key), c.Text)}
		if q.AdaptTo != "" {
			a := Adapt(c.Text, c.City, q.AdaptTo)
			out[i].Adapted = &a
		}
	}
	return out, nil
}

// locate returns the segment of global clause number g and its place in
// it.
func (b *StoredBank) locate(g uint32) (*segment, int) {
	k, _ := slices.BinarySearchFunc(b.segs, g, func(s *segment, g uint32) int {
		switch {
		case g < s.base:
			return 1
		case g >= s.base+uint32(len(s.doc)):
			return -1
		}
		return 0
	})
	s := b.segs[min(k, len(b.segs)-1)]
	return s, int(g - s.base)
}

// keep returns whether a clause passes the query's filters.
func (b *StoredBank) keep(q Query) func(g uint32) bool {
	ids := func(cs []string, named bool) map[uint16]bool {
		m := map[uint16]bool{}
		for _, c := range cs {
			if id, ok := b.cityIDs[cityKey(c)]; ok && (!named || cityKey(c) != "") {
				m[id] = true
			}
		}
		return m
	}
	excluded, only := ids(q.ExcludeCities, true), ids(q.Cities, false)
	sources := map[int64]bool{}
	for _, s := range q.ExcludeSources {
		sources[s] = true
	}
	return func(g uint32) bool {
		s, i := b.locate(g)
		c := s.city[i]
		if excluded[c] || len(q.Cities) > 0 && !only[c] {
			return false
		}
		return !sources[s.doc[i]]
	}
}

// MemoryBytes estimates the memory a StoredBank holds between queries.
func (b *StoredBank) MemoryBytes() int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	n := 0
	for _, s := range b.segs {
		n += len(s.doc) * (8 + 4 + 4 + 2 + 1 + 4)
	}
	return n + int(math.Max(0, float64(len(b.cityIDs)*32)))
}
