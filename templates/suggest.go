package templates

import (
	"container/heap"
	"strings"

	"qicao/drafts/norm"
)

// Query asks the bank for clauses like the one being drafted.
type Query struct {
	// Text is a whole clause, a heading, or a few words (科技金融).
	Text string
	// Heading is the query clause's heading when known; its terms weigh
	// more. When empty and Text holds a heading sentence followed by more
	// (绘制产业链科技攻关路线图。明确…), that sentence is taken.
	Heading string
	// K is how many suggestions to return; 10 when 0.
	K int
	// ExcludeCities leaves out clauses of these cities, as the asking
	// draft's own city is left out.
	ExcludeCities []string
	// Cities, when not empty, keeps only clauses of these cities.
	Cities []string
	// ExcludeSources leaves out clauses of these documents.
	ExcludeSources []int64
	// AdaptTo, when set, adapts each suggestion for that city's draft.
	AdaptTo string
}

// Suggestion is a clause of the bank offered for the query.
type Suggestion struct {
	// Score is the BM25 score relative to the query's own: near 1 for a
	// clause saying what the query says, lower the less it shares.
	Score float64 `json:"score"`
	BankClause
	// Spans are the parts of Text shared with the query, as [start, end)
	// rune offsets into Text.
	Spans []RuneSpan `json:"spans"`
	// Adapted is the clause made ready for Query.AdaptTo's draft.
	Adapted *Adapted `json:"adapted,omitempty"`
}

// Suggest returns the bank's clauses most like the query, best first.
func (b *Bank) Suggest(q Query) []Suggestion {
	b.mu.RLock()
	defer b.mu.RUnlock()
	key, _ := MatchKey(q.Text)
	if len(key) == 0 {
		return nil
	}
	head, _ := norm.KeyRunes(queryHeading(q))
	qs, self := b.idx.query(key, head)
	if len(qs) == 0 || self == 0 {
		return nil
	}
	hits := b.top(qs, q)
	set := bigramSet(key)
	out := make([]Suggestion, len(hits))
	for i, h := range hits {
		c := b.clauses[h.doc]
		out[i] = Suggestion{Score: round3(h.score / self), BankClause: c,
			Spans: sharedSpans(set, len(key), c.Text)}
		if q.AdaptTo != "" {
			a := Adapt(c.Text, c.City, q.AdaptTo)
			out[i].Adapted = &a
		}
	}
	return out
}

// queryHeading is the heading to weigh in a query.
func queryHeading(q Query) string {
	if q.Heading != "" {
		return q.Heading
	}
	if h, rest, ok := strings.Cut(q.Text, "。"); ok && strings.TrimSpace(rest) != "" {
		return h
	}
	return ""
}

// hit is a scored clause.
type hit struct {
	doc   uint32
	score float64
}

// top scores the query terms over the index and keeps the best K clauses
// that pass the query's filters.
func (b *Bank) top(qs []qterm, q Query) []hit {
	k := q.K
	if k <= 0 {
		k = 10
	}
	a := accums.Get().(*accum)
	defer accums.Put(a)
	if cap(a.score) < len(b.clauses) {
		a.score = make([]float32, len(b.clauses))
	}
	a.score = a.score[:len(b.clauses)]
	a.touched = a.touched[:0]
	b.idx.score(qs, a)
	keep := b.filter(q)
	h := &hitHeap{}
	for _, d := range a.touched {
		s := a.score[d]
		a.score[d] = 0
		if !b.alive[d] || !keep(d) {
			continue
		}
		if h.Len() < k {
			heap.Push(h, hit{d, float64(s)})
		} else if better(hit{d, float64(s)}, (*h)[0]) {
			(*h)[0] = hit{d, float64(s)}
			heap.Fix(h, 0)
		}
	}
	out := make([]hit, h.Len())
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(h).(hit)
	}
	return out
}

// filter returns whether a clause passes the query's city and source
// filters.
func (b *Bank) filter(q Query) func(d uint32) bool {
	excluded := map[uint16]bool{}
	for _, c := range q.ExcludeCities {
		if id, ok := b.cityIDs[cityKey(c)]; ok && cityKey(c) != "" {
			excluded[id] = true
		}
	}
	var only map[uint16]bool
	if len(q.Cities) > 0 {
		only = map[uint16]bool{}
		for _, c := range q.Cities {
			if id, ok := b.cityIDs[cityKey(c)]; ok {
				only[id] = true
			}
		}
	}
	var sources map[int64]bool
	if len(q.ExcludeSources) > 0 {
		sources = map[int64]bool{}
		for _, s := range q.ExcludeSources {
			sources[s] = true
		}
	}
	return func(d uint32) bool {
		c := b.city[d]
		if excluded[c] || only != nil && !only[c] {
			return false
		}
		return sources == nil || !sources[b.clauses[d].SourceID]
	}
}

// better orders hits: higher score first, then earlier clause, so that
// ties come out the same way every time.
func better(x, y hit) bool {
	if x.score != y.score {
		return x.score > y.score
	}
	return x.doc < y.doc
}

// hitHeap is a min-heap of hits: the worst kept hit on top.
type hitHeap []hit

func (h hitHeap) Len() int           { return len(h) }
func (h hitHeap) Less(i, j int) bool { return better(h[j], h[i]) }
func (h hitHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *hitHeap) Push(x any)        { *h = append(*h, x.(hit)) }
func (h *hitHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func round3(x float64) float64 {
	return float64(int64(x*1000+0.5)) / 1000
}
