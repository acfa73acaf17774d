package templates

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"qicao/drafts"
	"reflect"
	"slices"
	"testing"
	"time"
)

// memStore is an IndexStore in memory, for tests.
type memStore struct {
	next  int64
	segs  map[int64][]byte
	post  map[int64]map[uint64][]byte
	docs  map[int64]drafts.CorpusDoc
	reads int // posting lists read by queries
}

func newMemStore() *memStore {
	return &memStore{segs: map[int64][]byte{}, post: map[int64]map[uint64][]byte{}, docs: map[int64]drafts.CorpusDoc{}}
}

func (m *memStore) IndexSegments() ([]StoredSegment, error) {
	var out []StoredSegment
	for _, id := range slices.Sorted(maps.Keys(m.segs)) {
		out = append(out, StoredSegment{id, m.segs[id]})
	}
	return out, nil
}

func (m *memStore) IndexPostings(terms []uint64, fn func(uint64, int64, []byte)) error {
	for _, t := range terms {
		for _, id := range slices.Sorted(maps.Keys(m.segs)) {
			if d, ok := m.post[id][t]; ok {
				m.reads++
				fn(t, id, d)
			}
		}
	}
	return nil
}

func (m *memStore) SegmentPostings(seg int64, fn func(uint64, []byte)) error {
	for t, d := range m.post[seg] {
		fn(t, d)
	}
	return nil
}

func (m *memStore) WriteIndexSegment(desc []byte, post map[uint64][]byte, drop []int64) (int64, error) {
	for _, d := range drop {
		delete(m.segs, d)
		delete(m.post, d)
	}
	m.next++
	m.segs[m.next], m.post[m.next] = desc, post
	return m.next, nil
}

func (m *memStore) LiveCorpusIDs() ([]int64, error) { return slices.Sorted(maps.Keys(m.docs)), nil }

func (m *memStore) IndexedClause(doc int64, idx int) (BankClause, error) {
	for _, c := range ClausesOf(m.docs[doc]) {
		if c.Index == idx {
			return c, nil
		}
	}
	return BankClause{}, fmt.Errorf("no clause %d of %d", idx, doc)
}

func (m *memStore) load(ids []int64) ([]drafts.CorpusDoc, error) {
	var out []drafts.CorpusDoc
	for _, id := range ids {
		out = append(out, m.docs[id])
	}
	return out, nil
}

// sameSuggestions checks that the stored bank answers every benchmark
// query as the in-memory bank does.
func sameSuggestions(t *testing.T, mem *Bank, st *StoredBank, qs []BenchQuery) {
	t.Helper()
	for _, q := range qs {
		query := Query{Text: q.Text, Heading: q.Heading, K: 10, ExcludeCities: []string{q.Exclude}}
		want := mem.Suggest(query)
		got, err := st.Suggest(query)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s %q:\n got %v\nwant %v", q.Kind, q.Text, brief(got), brief(want))
		}
	}
}

func brief(ss []Suggestion) []string {
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%s:%s %.3f", s.Source, s.Label, s.Score))
	}
	return out
}

// TestStoredBankSameAsBank: the stored index, added one document at a
// time (so that segments merge) or all at once, ranks exactly as the
// in-memory bank, on the labelled set and on the benchmark queries; after
// a document is removed, as a bank without it.
func TestStoredBankSameAsBank(t *testing.T) {
	srcs := append(seeds(t), SynthSources(3000, 3)...)
	for i := range srcs {
		srcs[i].ID = int64(i + 1)
	}
	qs := BenchQueries(40, 5)
	for _, oneByOne := range []bool{false, true} {
		m := newMemStore()
		for _, s := range srcs {
			m.docs[s.ID] = s
		}
		st, err := OpenStoredBank(m, func(ids []int64) ([]drafts.CorpusDoc, error) {
			if !oneByOne {
				return m.load(ids)
			}
			return nil, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if oneByOne {
			for _, s := range srcs {
				if err := st.Add([]drafts.CorpusDoc{s}); err != nil {
					t.Fatal(err)
				}
			}
		}
		t.Logf("one by one %v: %d clauses in %d segments", oneByOne, st.Len(), st.Segments())
		if st.Segments() > 12 {
			t.Errorf("%d segments for %d documents", st.Segments(), len(srcs))
		}
		mem := NewBank(srcs)
		sameSuggestions(t, mem, st, qs)
		labelled, err := LoadLabelled()
		if err != nil {
			t.Fatal(err)
		}
		hit, _, _ := HitAt5(labelled, StoredRanker(st))
		if want, _, _ := HitAt5(labelled, BankRanker(mem)); hit < want {
			t.Errorf("hit@5 stored %.3f, in memory %.3f", hit, want)
		}
		// Reopened, it needs nothing read from the documents.
		again, err := OpenStoredBank(m, func(ids []int64) ([]drafts.CorpusDoc, error) {
			t.Fatalf("reopened index asks for %v", ids)
			return nil, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		sameSuggestions(t, mem, again, qs[:20])
	}
}

// TestStoredBankRemove: a removed document's clauses are never
// suggested, and once enough are removed the merge drops them.
func TestStoredBankRemove(t *testing.T) {
	m := newMemStore()
	srcs := seeds(t)
	for _, s := range srcs {
		m.docs[s.ID] = s
	}
	st, err := OpenStoredBank(m, m.load)
	if err != nil {
		t.Fatal(err)
	}
	delete(m.docs, srcs[2].ID)
	if err := st.Refresh(); err != nil {
		t.Fatal(err)
	}
	mem := NewBank(append(slices.Clone(srcs[:2]), srcs[3:]...))
	if st.Len() != mem.Len() {
		t.Fatalf("stored %d clauses, bank %d", st.Len(), mem.Len())
	}
	for _, q := range BenchQueries(30, 9) {
		got, _ := st.Suggest(Query{Text: q.Text, K: 10})
		for _, s := range got {
			if s.SourceID == srcs[2].ID {
				t.Fatalf("%q: removed document suggested", q.Text)
			}
		}
	}
}

// StoredRanker ranks with a stored bank.
func StoredRanker(b *StoredBank) Ranker {
	return func(l Labelled, k int) []string {
		ss, err := b.Suggest(Query{Text: l.Text, Heading: l.Heading, K: k, ExcludeCities: []string{l.City}})
		if err != nil {
			panic(err)
		}
		var out []string
		for _, s := range ss {
			out = append(out, s.Source+":"+s.Heading)
		}
		return out
	}
}

// gapSummary is what a gaps answer lists: topic, cities, documents,
// clauses and examples.
func gapSummary(groups []GapGroup) []string {
	var out []string
	for _, g := range groups {
		s := fmt.Sprintf("%s %v %d docs %d clauses %.3f:", g.Topic, g.Cities, g.Documents, g.Clauses, g.Strength)
		for _, x := range g.Gaps {
			s += fmt.Sprintf(" %s:%s %.3f %v %v", x.Source, x.Heading, x.Coverage, x.Topics, x.Also)
		}
		out = append(out, s)
	}
	return out
}

// TestStoredGapsSameAsBank: the stored index's topic tables, written with
// each segment and merged with them, give the gaps the in-memory bank
// gives; an index written before the tables existed is rewritten with
// them by the first gaps call; a removed document is never an example.
func TestStoredGapsSameAsBank(t *testing.T) {
	srcs := append(seeds(t), SynthSources(3000, 3)...)
	for i := range srcs {
		srcs[i].ID = int64(i + 1)
	}
	draft := seedSource(t, "000").Doc
	mem := NewBank(srcs)
	want := gapSummary(mem.Gaps(draft, GapOptions{}))
	for _, oneByOne := range []bool{false, true} {
		m := newMemStore()
		for _, s := range srcs {
			m.docs[s.ID] = s
		}
		st, err := OpenStoredBank(m, func(ids []int64) ([]drafts.CorpusDoc, error) {
			if !oneByOne {
				return m.load(ids)
			}
			return nil, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if oneByOne {
			for _, s := range srcs {
				if err := st.Add([]drafts.CorpusDoc{s}); err != nil {
					t.Fatal(err)
				}
			}
		}
		got, err := st.Gaps(context.Background(), draft, GapOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if g := gapSummary(got); !reflect.DeepEqual(g, want) {
			t.Fatalf("one by one %v:\n got %v\nwant %v", oneByOne, g, want)
		}
	}
	// An index without topic tables.
	m := newMemStore()
	for _, s := range srcs {
		m.docs[s.ID] = s
	}
	if _, err := OpenStoredBank(m, m.load); err != nil {
		t.Fatal(err)
	}
	for _, p := range m.post {
		delete(p, topicsTerm)
	}
	st, err := OpenStoredBank(m, m.load)
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Gaps(context.Background(), draft, GapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if g := gapSummary(got); !reflect.DeepEqual(g, want) {
		t.Fatalf("old index:\n got %v\nwant %v", g, want)
	}
	for id, p := range m.post {
		if p[topicsTerm] == nil {
			t.Errorf("segment %d still without topics", id)
		}
	}
	// Removed: the strongest example's document.
	gone := got[0].Gaps[0].SourceID
	delete(m.docs, gone)
	if err := st.Refresh(); err != nil {
		t.Fatal(err)
	}
	after, err := st.Gaps(context.Background(), draft, GapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range after {
		for _, x := range g.Gaps {
			if x.SourceID == gone {
				t.Fatalf("removed document %d listed: %s", gone, x.Heading)
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if g, err := st.Gaps(ctx, draft, GapOptions{}); err == nil || g != nil {
		t.Errorf("cancelled: %d groups, %v", len(g), err)
	}
}

// gatedStore holds every read of a segment's postings (which only merging
// does) until gate is closed, and says on entered that one is waiting.
type gatedStore struct {
	*memStore
	gate    chan struct{}
	entered chan struct{}
}

func (g *gatedStore) SegmentPostings(seg int64, fn func(uint64, []byte)) error {
	select {
	case g.entered <- struct{}{}:
	default:
	}
	<-g.gate
	return g.memStore.SegmentPostings(seg, fn)
}

// TestStoredGapsRewriteYields: the once-only rewrite of an index written
// without topic tables runs beside the bank, not inside its lock: while it
// works, suggestions are answered and a gaps call whose draft changed
// (context cancelled) returns at once; the next gaps call has the tables.
// Before, the first gaps call held the bank for writing throughout (21 s at
// 10,000 documents), and the window's suggestions waited.
func TestStoredGapsRewriteYields(t *testing.T) {
	srcs := append(seeds(t), SynthSources(600, 5)...)
	for i := range srcs {
		srcs[i].ID = int64(i + 1)
	}
	draft := seedSource(t, "000").Doc
	want := gapSummary(NewBank(srcs).Gaps(draft, GapOptions{}))
	oldIndex := func() *memStore {
		m := newMemStore()
		for _, s := range srcs {
			m.docs[s.ID] = s
		}
		if _, err := OpenStoredBank(m, m.load); err != nil {
			t.Fatal(err)
		}
		for _, p := range m.post {
			delete(p, topicsTerm)
		}
		return m
	}
	m := oldIndex()
	g := &gatedStore{memStore: m, gate: make(chan struct{}), entered: make(chan struct{}, 1)}
	st, err := OpenStoredBank(g, m.load)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	gapsErr := make(chan error, 1)
	go func() {
		_, err := st.Gaps(ctx, draft, GapOptions{})
		gapsErr <- err
	}()
	select {
	case <-g.entered:
	case <-time.After(10 * time.Second):
		t.Fatal("no rewrite started by the first gaps call")
	}
	suggested := make(chan int, 1)
	go func() {
		got, err := st.Suggest(Query{Text: srcs[0].Doc.Clauses()[3].Text, K: 5})
		if err != nil {
			t.Error(err)
		}
		suggested <- len(got)
	}()
	select {
	case n := <-suggested:
		if n == 0 {
			t.Error("no suggestions during the rewrite")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a suggestion waited for the rewrite of the index")
	}
	cancel()
	select {
	case err := <-gapsErr:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled gaps call: %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a cancelled gaps call waited for the rewrite")
	}
	close(g.gate)
	got, err := st.Gaps(context.Background(), draft, GapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if s := gapSummary(got); !reflect.DeepEqual(s, want) {
		t.Fatalf("after the rewrite:\n got %v\nwant %v", s, want)
	}
	for id, p := range m.post {
		if p[topicsTerm] == nil {
			t.Errorf("segment %d still without topics", id)
		}
	}
	if n := st.Segments(); n != 1 {
		t.Errorf("%d segments after the rewrite, want 1", n)
	}
	// Closed: no rewrite starts, the index is left as it was.
	m = oldIndex()
	st, err = OpenStoredBank(m, m.load)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := st.Gaps(context.Background(), draft, GapOptions{}); err == nil {
		t.Error("gaps of a closed bank with no topic tables: no error")
	}
	for _, p := range m.post {
		if p[topicsTerm] != nil {
			t.Error("a closed bank rewrote the index")
		}
	}
}
