package templates

import (
	"math"
	"slices"
	"sort"
	"sync"
)

// The suggestion index: an in-memory inverted index from character
// bigrams (and, optionally, single characters) of the normalised clause
// text to the clauses holding them, ranked with BM25. Chinese has no
// spaces to split words on, and a bigram index finds a two-character word
// (金融, 基金) wherever it stands, which the trigram tokenizer of SQLite's
// FTS5 cannot. The heading is a second field: its terms count again,
// weighted by Options.HeadingWeight (BM25F with a shared length).

// term is a bigram or a unigram of the normalised text, two runes packed:
// the first in the high bits, the second in the low 21 bits (0 for a
// unigram).
type term uint64

func bigram(a, b rune) term { return term(a)<<21 | term(b) }
func unigram(a rune) term   { return term(a) << 21 }

// posting is one clause holding a term: how often in the text (heading
// included) and how often in the heading alone.
type posting struct {
	doc uint32
	tf  uint16
	htf uint16
}

// Options tune the ranking. The zero value is not useful; start from
// DefaultOptions.
type Options struct {
	// K1 and B are BM25's term-frequency saturation and length
	// normalisation.
	K1, B float64
	// HeadingWeight is how much more a term counts in the heading than in
	// the body.
	HeadingWeight float64
	// UnigramWeight weighs single-character terms against bigrams; 0 does
	// not index them at all.
	UnigramWeight float64
	// MaxQueryTerms keeps only the most telling terms of a long query
	// (most weight first); 0 keeps them all.
	MaxQueryTerms int
}

// DefaultOptions are the options measured best on the labelled set (see
// docs/BENCHMARKS.md, section Suggest).
var DefaultOptions = Options{K1: 1.2, B: 0.75, HeadingWeight: 2, UnigramWeight: 0, MaxQueryTerms: 0}

// index is the inverted index. It is not safe for concurrent writes; Bank
// guards it.
type index struct {
	opts   Options
	ids    map[term]int32
	post   [][]posting
	df     []int32   // live clauses holding each term
	length []float32 // key length of each clause; 0 once removed
	norm   []float32 // K1*(1-B+B*len/avg), kept current by refresh
	live   int
	total  float64 // summed length of the live clauses
	dirty  bool    // norm is stale
}

func newIndex(opts Options) *index {
	return &index{opts: opts, ids: make(map[term]int32)}
}

// tokens are the terms of one clause with their counts.
type tokens struct {
	terms []term
	tf    []uint16
	htf   []uint16
	len   int
}

// tokenize counts the terms of a clause from the keys of its text and of
// its heading. scratch is reused between calls.
func tokenize(key, headKey []rune, unigrams bool, scratch *[]term) tokens {
	all := (*scratch)[:0]
	all = appendTerms(all, key, unigrams)
	nBody := len(all)
	all = appendTerms(all, headKey, unigrams)
	*scratch = all
	body, head := all[:nBody], all[nBody:]
	slices.Sort(body)
	slices.Sort(head)
	var t tokens
	t.len = len(key)
	j := 0
	for i := 0; i < len(body); {
		k := i
		for k < len(body) && body[k] == body[i] {
			k++
		}
		h := 0
		for j < len(head) && head[j] < body[i] {
			j++
		}
		for j < len(head) && head[j] == body[i] {
			h++
			j++
		}
		t.terms = append(t.terms, body[i])
		t.tf = append(t.tf, sat16(k-i))
		t.htf = append(t.htf, sat16(h))
		i = k
	}
	return t
}

func sat16(n int) uint16 {
	if n > math.MaxUint16 {
		return math.MaxUint16
	}
	return uint16(n)
}

// appendTerms appends the bigrams of key, and its unigrams if asked.
func appendTerms(dst []term, key []rune, unigrams bool) []term {
	for i := 0; i+1 < len(key); i++ {
		dst = append(dst, bigram(key[i], key[i+1]))
	}
	if unigrams || len(key) == 1 {
		for _, r := range key {
			dst = append(dst, unigram(r))
		}
	}
	return dst
}

// add indexes clause doc, which must be the next clause id.
func (x *index) add(doc uint32, t tokens) {
	for i, tm := range t.terms {
		id, ok := x.ids[tm]
		if !ok {
			id = int32(len(x.post))
			x.ids[tm] = id
			x.post = append(x.post, nil)
			x.df = append(x.df, 0)
		}
		x.post[id] = append(x.post[id], posting{doc, t.tf[i], t.htf[i]})
		x.df[id]++
	}
	x.length = append(x.length, float32(t.len))
	x.norm = append(x.norm, 0)
	x.live++
	x.total += float64(t.len)
	x.dirty = true
}

// remove takes clause doc out of the statistics; its postings stay until
// the bank compacts, and Bank skips them.
func (x *index) remove(doc uint32, t tokens) {
	for _, tm := range t.terms {
		if id, ok := x.ids[tm]; ok {
			x.df[id]--
		}
	}
	x.live--
	x.total -= float64(x.length[doc])
	x.length[doc] = 0
	x.dirty = true
}

// refresh recomputes the length norms after the average length changed.
func (x *index) refresh() {
	if !x.dirty {
		return
	}
	avg := x.avgLen()
	for i, l := range x.length {
		x.norm[i] = float32(x.lengthNorm(float64(l), avg))
	}
	x.dirty = false
}

// avgLen is the mean key length of the live clauses, 1 when there are
// none.
func (x *index) avgLen() float64 {
	if x.live > 0 && x.total > 0 {
		return x.total / float64(x.live)
	}
	return 1
}

// lengthNorm is BM25's K1*(1-B+B*len/avg) for a key of length l.
func (x *index) lengthNorm(l, avg float64) float64 {
	k1, b := x.opts.K1, x.opts.B
	return k1 * (1 - b + b*l/avg)
}

// idf is BM25's inverse document frequency, always positive.
func (x *index) idf(df int32) float64 {
	n := float64(x.live)
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// qterm is a query term with its weight (idf times the query's own term
// frequency factor).
type qterm struct {
	id int32
	w  float32
}

// query turns the key of a query (and of its heading, if known) into
// weighted terms, the most telling first, and its self score: what a
// clause identical to the query would score, for normalising.
func (x *index) query(key, headKey []rune) ([]qterm, float64) {
	var scratch []term
	t := tokenize(key, headKey, x.opts.UnigramWeight > 0 || len(key) == 1, &scratch)
	return x.weigh(t, len(key), func(_ int, tm term) (int32, int32, bool) {
		id, ok := x.ids[tm]
		if !ok {
			return 0, 0, false
		}
		return id, x.df[id], true
	})
}

// weigh gives the query's terms t their weights, the most telling first,
// and the query's self score; lookup returns a term's id in the postings
// and its document frequency (t's i-th term), ok false for a term the
// index does not have.
func (x *index) weigh(t tokens, keyLen int, lookup func(i int, tm term) (id, df int32, ok bool)) ([]qterm, float64) {
	k1, hw := x.opts.K1, x.opts.HeadingWeight
	qnorm := x.lengthNorm(float64(t.len), x.avgLen())
	var qs []qterm
	self := 0.0
	for i, tm := range t.terms {
		id, df, ok := lookup(i, tm)
		if !ok || df <= 0 {
			continue
		}
		w := x.idf(df)
		if tm&(1<<21-1) == 0 && keyLen > 1 {
			w *= x.opts.UnigramWeight
		}
		// A term the query repeats or heads with counts more, saturating.
		qtf := float64(t.tf[i]) + hw*float64(t.htf[i])
		w *= 2 * qtf / (qtf + 1)
		qs = append(qs, qterm{id, float32(w)})
		self += w * qtf * (k1 + 1) / (qtf + qnorm)
	}
	sort.Slice(qs, func(i, j int) bool { return qs[i].w > qs[j].w })
	if m := x.opts.MaxQueryTerms; m > 0 && len(qs) > m {
		qs = qs[:m]
	}
	return qs, self
}

// accum is the per-query scratch: a score per clause and the clauses
// touched.
type accum struct {
	score   []float32
	touched []uint32
}

var accums = sync.Pool{New: func() any { return new(accum) }}

// score adds up BM25 over the postings of the query terms into a, which
// must be zero and sized to the number of clauses.
func (x *index) score(qs []qterm, a *accum) {
	k1 := float32(x.opts.K1)
	hw := float32(x.opts.HeadingWeight)
	for _, q := range qs {
		wk := q.w * (k1 + 1)
		for _, p := range x.post[q.id] {
			n := x.norm[p.doc]
			tf := float32(p.tf) + hw*float32(p.htf)
			s := a.score[p.doc]
			if s == 0 {
				a.touched = append(a.touched, p.doc)
			}
			a.score[p.doc] = s + wk*tf/(tf+n)
		}
	}
}
