package templates

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"qicao/drafts"
	"qicao/drafts/norm"
)

// Coverage gaps: the measures other cities' documents have that a draft
// has no counterpart for.
//
// What a clause is about shows in its heading phrases that its body takes
// up again: 谋划布局重大科技基础设施 … 开展重大科技基础设施预研 … 重大科技基础设施
// 建设零的突破. A clause's coverage is the weighted share of those topic
// phrases that occur anywhere in the draft (matched on the normalised key,
// so traditional and simplified meet). Whole-clause similarity (BM25,
// Dice on bigrams) was measured first and could not tell 000's missing
// 重大科技基础设施 from its 实验室 clauses worded differently: generic
// vocabulary dominates it. It still picks the nearest clause to show.

// GapOptions tune Gaps.
type GapOptions struct {
	// ExcludeCities are left out of the comparison besides the draft's
	// own city.
	ExcludeCities []string
	// Threshold is the coverage below which a clause is a gap;
	// DefaultGapThreshold when 0.
	Threshold float64
	// Limit caps the number of topics reported, most common kept;
	// DefaultGapTopics when 0.
	Limit int
	// Examples is the number of example clauses shown per topic;
	// DefaultGapExamples when 0.
	Examples int
}

// DefaultGapThreshold was chosen on the seeds: against 000, the clauses
// on measures it plainly has (科技金融, 重点实验室, 应用导向的基础研究) are
// covered 0.67 or more, the measures it lacks (重大科技基础设施 0.18,
// 宽容失败 0) well below. See gaps_test.go.
const DefaultGapThreshold = 0.5

// Gap is a clause of another document with no counterpart in the draft.
type Gap struct {
	BankClause
	// Topics are the clause's topic phrases, simplified, those the
	// draft lacks first.
	Topics []string `json:"topics"`
	// Coverage is the weighted share of the topics found in the draft,
	// from 0 to 1.
	Coverage float64 `json:"coverage"`
	// Nearest is the draft's clause most like this one (BM25), if any.
	Nearest *Nearest `json:"nearest,omitempty"`
	// Also lists the other cities with a clause like this one: a measure
	// several cities have weighs more.
	Also []string `json:"also"`
	// Strength orders gaps: how uncovered the clause is, raised when other
	// cities have the measure too.
	Strength float64 `json:"strength"`
}

// Nearest is a clause of the draft.
type Nearest struct {
	Label   string `json:"label"`
	Heading string `json:"heading"`
	Index   int    `json:"index"`
	// Score is the BM25 score relative to the gap clause's own.
	Score float64 `json:"score"`
}

// GapGroup is one measure the draft lacks: a topic phrase of other
// cities' clauses, with some of those clauses as examples.
type GapGroup struct {
	// Topic is the phrase (simplified) the example clauses are about.
	Topic string `json:"topic"`
	// Cities have a clause on the topic the draft does not cover (the
	// draft's and excluded cities left out); Documents counts the
	// documents with one.
	Cities    []string `json:"cities"`
	Documents int      `json:"documents"`
	// Clauses counts the clauses on the topic the draft does not cover;
	// Gaps shows a few of them.
	Clauses int `json:"clauses"`
	// Strength orders groups: the number of cities, plus the share of
	// documents (below 1: the most common topic's documents count 1).
	Strength float64 `json:"strength"`
	// The first example's document and top-level section ("" for a
	// top-level clause).
	SourceID int64  `json:"source_id"`
	Source   string `json:"source"`
	City     string `json:"city"`
	Number   string `json:"number"`
	Title    string `json:"title"`
	Section  string `json:"section"`
	Gaps     []Gap  `json:"gaps"`
}

// draftIndex is a small inverted index of a draft's clauses scored with
// the bank's statistics.
type draftIndex struct {
	clauses []drafts.Clause
	post    map[int32][]dpost
	norm    []float64
}

type dpost struct {
	clause  int
	tf, htf uint16
}

func (b *Bank) newDraftIndex(doc *drafts.Document) *draftIndex {
	x := b.idx
	avg := x.avgLen()
	d := &draftIndex{clauses: doc.Clauses(), post: map[int32][]dpost{}}
	var scratch []term
	for i, c := range d.clauses {
		t := clauseTokens(c.Text, c.Heading, b.opts.UnigramWeight > 0, &scratch)
		for j, tm := range t.terms {
			if id, ok := x.ids[tm]; ok {
				d.post[id] = append(d.post[id], dpost{i, t.tf[j], t.htf[j]})
			}
		}
		d.norm = append(d.norm, x.lengthNorm(float64(t.len), avg))
	}
	return d
}

// best returns the draft clause scoring highest for the query terms.
func (d *draftIndex) best(qs []qterm, opts Options, acc []float64) (int, float64) {
	clear(acc)
	for _, q := range qs {
		for _, p := range d.post[q.id] {
			tf := float64(p.tf) + opts.HeadingWeight*float64(p.htf)
			acc[p.clause] += float64(q.w) * (opts.K1 + 1) * tf / (tf + d.norm[p.clause])
		}
	}
	bi, bs := -1, 0.0
	for i, s := range acc {
		if s > bs {
			bi, bs = i, s
		}
	}
	return bi, bs
}

// Gaps lists the measures other cities' documents cover that the draft
// lacks, by topic: each group is a topic phrase (重大科技基础设施,
// 宽容失败) of the clauses of other cities the draft does not cover, with
// the cities and documents that have clauses on it, and a few of those
// clauses as examples, least covered first and one per city before a
// second of any. Groups come most common first (cities, then documents,
// then how little their clauses are covered); at most opts.Limit of them (DefaultGapTopics
// when 0). The draft's own city is left out, so a bank holding only that
// city's documents has no gaps to show. Clauses whose heading no phrase
// of the body takes up again (some 总体要求) cannot be judged and are not
// listed.
func (b *Bank) Gaps(draft *drafts.Document, opts GapOptions) []GapGroup {
	groups, _ := b.GapsContext(context.Background(), draft, opts)
	return groups
}

// GapsContext is Gaps, given up with ctx's error when ctx is done (the
// window cancels the gaps of a text that has since changed).
func (b *Bank) GapsContext(ctx context.Context, draft *drafts.Document, opts GapOptions) ([]GapGroup, error) {
	opts = opts.withDefaults()
	b.mu.RLock()
	defer b.mu.RUnlock()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	d := b.newDraftIndex(draft)
	part, phr := b.topicIndex()
	v := &gapView{parts: []*topicPart{part}, phrases: phr.list, threshold: opts.Threshold,
		skip: b.skipCities(append([]string{draft.City}, opts.ExcludeCities...))}
	v.holds = draftHolds(keyOf(d.clauses), phr)
	v.weight = make([]float64, len(phr.list))
	idf := func(t term) float64 {
		if id, ok := b.idx.ids[t]; ok && b.idx.df[id] > 0 {
			return b.idx.idf(b.idx.df[id])
		}
		return b.idx.idf(0)
	}
	for i, p := range phr.list {
		v.weight[i] = phraseWeight(p, idf)
	}
	groups, err := v.topicGaps(ctx, opts.Limit)
	if err != nil {
		return nil, err
	}
	acc := make([]float64, len(d.clauses))
	return v.gapGroups(groups, opts.Examples,
		func(h gapHit) (BankClause, error) { return b.clauses[h.g], nil },
		func(c BankClause) *Nearest {
			q, self := b.clauseQuery(c)
			return nearest(d, q, self, b.opts, acc)
		}, b.cityNames())
}

// withDefaults fills in the defaults of unset options.
func (o GapOptions) withDefaults() GapOptions {
	if o.Threshold == 0 {
		o.Threshold = DefaultGapThreshold
	}
	if o.Limit == 0 {
		o.Limit = DefaultGapTopics
	}
	if o.Examples == 0 {
		o.Examples = DefaultGapExamples
	}
	return o
}

// skipCities returns the bank's ids of the named cities.
func (b *Bank) skipCities(cities []string) map[uint16]bool {
	skip := map[uint16]bool{}
	for _, c := range cities {
		if id, ok := b.cityIDs[cityKey(c)]; ok && cityKey(c) != "" {
			skip[id] = true
		}
	}
	return skip
}

// cityNames returns the bank's city names by id.
func (b *Bank) cityNames() []string {
	names := make([]string, len(b.cityIDs))
	for name, id := range b.cityIDs {
		names[id] = name
	}
	return names
}

// keyOf joins the match keys of clauses, "|" between them (never in a
// key) so that no phrase spans two clauses.
func keyOf(cs []drafts.Clause) string {
	var sb strings.Builder
	for _, c := range cs {
		k, _ := MatchKey(c.Text)
		sb.WriteString(string(k))
		sb.WriteByte('|')
	}
	return sb.String()
}

// clauseQuery is a bank clause as a query: its terms and self score.
func (b *Bank) clauseQuery(c BankClause) ([]qterm, float64) {
	key, _ := MatchKey(c.Text)
	head, _ := norm.KeyRunes(c.Heading)
	return b.idx.query(key, head)
}

// nearest returns the draft clause most like the query by BM25, or nil.
func nearest(d *draftIndex, qs []qterm, self float64, opts Options, acc []float64) *Nearest {
	bi, bs := d.best(qs, opts, acc)
	if bi < 0 || self == 0 {
		return nil
	}
	dc := d.clauses[bi]
	return &Nearest{Label: dc.Label, Heading: dc.Heading, Index: dc.Index, Score: round3(bs / self)}
}

// topic is a phrase of a clause's heading that its body takes up again:
// what the clause is about (重大科技基础设施, 宽容失败, 实验室).
type topic struct {
	phrase string
	count  int // occurrences in the body
	weight float64
}

// rawTopics returns the closed heading phrases (two runes or more) that
// recur in the body, without their weights, which change with the bank: a
// phrase is kept unless a one-rune-longer heading phrase holding it occurs
// as often. Each weighs (weighTopics) its length times its count times
// its mean bigram idf.
func rawTopics(text, heading string) []topic {
	key, _ := MatchKey(text)
	head := []rune(norm.Key(heading))
	body := string(key)
	if k := string(head); strings.HasPrefix(body, k) {
		body = body[len(k):]
	}
	count := func(i, j int) int {
		if i < 0 || j > len(head) {
			return -1
		}
		return strings.Count(body, string(head[i:j]))
	}
	var out []topic
	for i := 0; i < len(head); i++ {
		for j := i + 2; j <= len(head) && j-i <= 12; j++ {
			n := count(i, j)
			if n == 0 {
				break // longer phrases from i cannot occur either
			}
			if count(i-1, j) == n || count(i, j+1) == n {
				continue
			}
			out = append(out, topic{phrase: string(head[i:j]), count: n})
		}
	}
	return out
}

// EncodeTopics returns a clause's topics as the store keeps them: "t",
// then phrase and count, tab-separated, a line each. It depends on the
// clause alone, so the store works it out once, at import.
func EncodeTopics(text, heading string) string {
	var sb strings.Builder
	sb.WriteByte('t')
	for _, t := range rawTopics(text, heading) {
		fmt.Fprintf(&sb, "%s\t%d\n", t.phrase, t.count)
	}
	return sb.String()
}

// decodeTopics reads EncodeTopics' form; a malformed line is skipped.
func decodeTopics(s string) []topic {
	var out []topic
	for _, line := range strings.Split(strings.TrimPrefix(s, "t"), "\n") {
		phrase, n, ok := strings.Cut(line, "\t")
		if count, err := strconv.Atoi(n); ok && err == nil {
			out = append(out, topic{phrase: phrase, count: count})
		}
	}
	return out
}

// topicIndex returns the bank's topic index, brought up to date: each
// new clause's phrases are read from StoredTopics, or found, once, and
// kept until the bank is compacted.
func (b *Bank) topicIndex() (*topicPart, *phraseTable) {
	b.topicMu.Lock()
	defer b.topicMu.Unlock()
	p := &b.topics
	for i := p.len(); i < len(b.clauses); i++ {
		var ts []topic
		if c := b.clauses[i]; b.alive[i] && c.StoredTopics != "" {
			ts = decodeTopics(c.StoredTopics)
		} else if b.alive[i] {
			ts = rawTopics(c.Text, c.Heading)
		}
		p.append(b.clauses[i].SourceID, b.city[i], ts, &b.phrases)
	}
	part := *p
	part.alive = b.alive[:len(b.clauses)]
	return &part, &b.phrases
}
