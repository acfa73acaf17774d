package templates

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

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
	// Limit caps the number of gaps reported, strongest kept; 0 keeps all.
	Limit int
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

// GapGroup holds the gaps of one section of one other document.
type GapGroup struct {
	SourceID int64   `json:"source_id"`
	Source   string  `json:"source"`
	City     string  `json:"city"`
	Number   string  `json:"number"`
	Title    string  `json:"title"`
	Section  string  `json:"section"` // the top-level heading, or "" for a top-level clause
	Strength float64 `json:"strength"`
	Gaps     []Gap   `json:"gaps"`
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

// Gaps lists the clauses of other cities' documents in the bank that the
// draft has no counterpart for, grouped by the other documents' top-level
// sections, strongest first. The draft's own city is left out, so a bank
// holding only that city's documents has no gaps to show. Clauses whose
// heading no phrase of the body takes up again (some 总体要求) cannot be
// judged and are not listed.
func (b *Bank) Gaps(draft *drafts.Document, opts GapOptions) []GapGroup {
	groups, _ := b.GapsContext(context.Background(), draft, opts)
	return groups
}

// GapsContext is Gaps, given up with ctx's error when ctx is done (the
// window cancels the gaps of a text that has since changed).
func (b *Bank) GapsContext(ctx context.Context, draft *drafts.Document, opts GapOptions) ([]GapGroup, error) {
	if opts.Threshold == 0 {
		opts.Threshold = DefaultGapThreshold
	}
	b.mu.RLock()
	defer b.mu.RUnlock()
	d := b.newDraftIndex(draft)
	draftKey := keyOf(d.clauses)
	excluded := append([]string{draft.City}, opts.ExcludeCities...)
	keep := b.filter(Query{ExcludeCities: excluded})
	acc := make([]float64, len(d.clauses))
	var gaps []Gap
	var asked []gapQuery // of each gap, for supportGaps
	topics := b.clauseTopics()
	ph := b.newPhrases(draftKey)
	for i, c := range b.clauses {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if !b.alive[i] || !keep(uint32(i)) || len(topics[i]) == 0 {
			continue // no topics: cannot be judged (coverage's !ok)
		}
		ts := ph.weigh(topics[i])
		cov, ok := ph.coverage(ts)
		if !ok || cov >= opts.Threshold {
			continue
		}
		g := Gap{BankClause: c, Coverage: round3(cov), Topics: ph.phrases(ts)}
		q, self := b.clauseQuery(c)
		g.Nearest = nearest(d, q, self, b.opts, acc)
		gaps = append(gaps, g)
		asked = append(asked, gapQuery{topics: ts})
	}
	if err := b.supportGaps(ctx, gaps, asked, excluded, opts.Threshold); err != nil {
		return nil, err
	}
	sort.SliceStable(gaps, func(i, j int) bool { return gaps[i].Strength > gaps[j].Strength })
	if opts.Limit > 0 && len(gaps) > opts.Limit {
		gaps = gaps[:opts.Limit]
	}
	return groupGaps(gaps), nil
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

// gapQuery is what Gaps works out for a gap clause once: its topics.
type gapQuery struct {
	topics []topic
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

// supportGaps finds, for each gap, the other cities whose clauses take up
// its topics, and sets its strength: a city supports a gap when the
// headings of its clauses hold phrases of the gap's topics weighing
// threshold or more. One pass over the bank's topics serves
// every gap (a BM25 search of the ten nearest clauses per gap, as before,
// was quadratic in the corpus). asked holds each gap's topics.
func (b *Bank) supportGaps(ctx context.Context, gaps []Gap, asked []gapQuery, excluded []string, threshold float64) error {
	cities := b.phraseCities(asked, excluded)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	names := make([]string, len(b.cityIDs))
	for name, id := range b.cityIDs {
		names[id] = name
	}
	for i := range gaps {
		g := &gaps[i]
		g.Also = []string{}
		have := map[uint16]float64{}
		all := 0.0
		for _, t := range asked[i].topics {
			all += t.weight
			for _, c := range cities[t.phrase] {
				have[c] += t.weight
			}
		}
		own := b.cityIDs[g.City]
		for c := range names {
			if w, ok := have[uint16(c)]; ok && uint16(c) != own && all > 0 && w/all >= threshold {
				g.Also = append(g.Also, names[c])
			}
		}
		g.Strength = round3((1 - g.Coverage) * (1 + 0.5*float64(len(g.Also))))
	}
	return nil
}

// phraseCities maps each phrase of the gaps' topics to the cities (not
// excluded) with a clause whose heading holds it, each city once, in
// city id order.
func (b *Bank) phraseCities(asked []gapQuery, excluded []string) map[string][]uint16 {
	want := map[string]bool{}
	for _, q := range asked {
		for _, t := range q.topics {
			want[t.phrase] = true
		}
	}
	skip := map[uint16]bool{}
	for _, c := range excluded {
		if id, ok := b.cityIDs[cityKey(c)]; ok && cityKey(c) != "" {
			skip[id] = true
		}
	}
	byPhrase := map[string]map[uint16]bool{} // heading key of the bank → its cities
	for i, c := range b.clauses {
		if !b.alive[i] || skip[b.city[i]] {
			continue
		}
		h := norm.Key(c.Heading)
		m := byPhrase[h]
		if m == nil {
			m = map[uint16]bool{}
			byPhrase[h] = m
		}
		m[b.city[i]] = true
	}
	sets := map[string]map[uint16]bool{}
	for p, cs := range byPhrase {
		r := []rune(p)
		for i := range r {
			for j := i + 2; j <= len(r) && j-i <= 12; j++ {
				if sub := string(r[i:j]); want[sub] {
					if sets[sub] == nil {
						sets[sub] = map[uint16]bool{}
					}
					for c := range cs {
						sets[sub][c] = true
					}
				}
			}
		}
	}
	out := make(map[string][]uint16, len(sets))
	for p, cs := range sets {
		for c := range cs {
			out[p] = append(out[p], c)
		}
		slices.Sort(out[p])
	}
	return out
}

// phrases lists the topics' phrases, those missing from the draft first,
// each once.
func (p *phrases) phrases(ts []topic) []string {
	out := []string{}
	for _, missing := range []bool{true, false} {
		for _, t := range ts {
			if p.holds(t.phrase) != missing {
				out = append(out, t.phrase)
			}
		}
	}
	return out
}

// groupGaps groups gaps, strongest first, by document and top-level
// section, keeping the order: a group ranks by its strongest gap.
func groupGaps(gaps []Gap) []GapGroup {
	type key struct {
		src     int64
		section string
	}
	at := map[key]int{}
	var groups []GapGroup
	for _, g := range gaps {
		k := key{g.SourceID, ""}
		if len(g.Path) > 0 {
			k.section = g.Path[0]
		}
		i, ok := at[k]
		if !ok {
			i = len(groups)
			at[k] = i
			groups = append(groups, GapGroup{SourceID: g.SourceID, Source: g.Source, City: g.City,
				Number: g.Number, Title: g.Title, Section: k.section, Strength: g.Strength})
		}
		groups[i].Gaps = append(groups[i].Gaps, g)
	}
	return groups
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

// weighTopics returns the topics with their weights from the bank's idf.
func (b *Bank) weighTopics(raw []topic) []topic {
	out := make([]topic, len(raw))
	for i, t := range raw {
		p := []rune(t.phrase)
		out[i] = topic{t.phrase, t.count, float64(len(p)) * float64(t.count) * b.meanIDF(p)}
	}
	return out
}

// clauseTopics returns the raw topics of every clause of the bank,
// indexed once: each clause's phrases are read from StoredTopics, or
// found, the first time Gaps needs them and kept until the bank is
// compacted.
func (b *Bank) clauseTopics() [][]topic {
	b.topicMu.Lock()
	defer b.topicMu.Unlock()
	for i := len(b.topicCache); i < len(b.clauses); i++ {
		var ts []topic
		if c := b.clauses[i]; b.alive[i] && c.StoredTopics != "" {
			ts = decodeTopics(c.StoredTopics)
		} else if b.alive[i] {
			ts = rawTopics(c.Text, c.Heading)
		}
		b.topicCache = append(b.topicCache, ts)
	}
	return b.topicCache[:len(b.clauses)]
}

// meanIDF is the mean idf of the bigrams of a phrase.
func (b *Bank) meanIDF(p []rune) float64 {
	s, n := 0.0, 0
	for i := 0; i+1 < len(p); i++ {
		if id, ok := b.idx.ids[bigram(p[i], p[i+1])]; ok && b.idx.df[id] > 0 {
			s += b.idx.idf(b.idx.df[id])
		} else {
			s += b.idx.idf(0)
		}
		n++
	}
	return s / float64(n)
}

// phrases memoises, for one Gaps call, each topic phrase's mean idf and
// whether the draft holds it: the bank's clauses share most phrases.
type phrases struct {
	b        *Bank
	draftKey string
	idf      map[string]float64
	in       map[string]bool
}

func (b *Bank) newPhrases(draftKey string) *phrases {
	return &phrases{b: b, draftKey: draftKey, idf: map[string]float64{}, in: map[string]bool{}}
}

// weigh is Bank.weighTopics with the phrases' idf memoised.
func (p *phrases) weigh(raw []topic) []topic {
	out := make([]topic, len(raw))
	for i, t := range raw {
		idf, ok := p.idf[t.phrase]
		if !ok {
			idf = p.b.meanIDF([]rune(t.phrase))
			p.idf[t.phrase] = idf
		}
		out[i] = topic{t.phrase, t.count, float64(utf8.RuneCountInString(t.phrase)) * float64(t.count) * idf}
	}
	return out
}

// coverage is topicCoverage with the draft's phrases memoised.
func (p *phrases) coverage(ts []topic) (float64, bool) {
	have, all := 0.0, 0.0
	for _, t := range ts {
		all += t.weight
		if p.holds(t.phrase) {
			have += t.weight
		}
	}
	if all == 0 {
		return 0, false
	}
	return have / all, true
}

// holds reports whether the draft holds a phrase.
func (p *phrases) holds(phrase string) bool {
	in, ok := p.in[phrase]
	if !ok {
		in = strings.Contains(p.draftKey, phrase)
		p.in[phrase] = in
	}
	return in
}
