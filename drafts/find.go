package drafts

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"qicao/drafts/norm"
)

// FindOptions say how a query matches the text.
type FindOptions struct {
	// Exact matches the characters as typed. Without it, traditional and
	// simplified characters, full-width and half-width forms (，and , ０
	// and 0) and letter case are the same (drafts/norm's fold).
	Exact bool
	// WholeWord keeps only hits that do not cut a word: a run of letters
	// or digits (5 is not found in 15), and for Chinese, which has no
	// spaces, a run of Han characters — a hit stands between punctuation,
	// spaces or line ends, as 市科技局 does in （责任单位：市科技局、市财政局）
	// but not in 县市科技局.
	WholeWord bool
}

// Finder finds text in one document text; it folds the text once, so
// that finding again as the officer types the query costs only the scan.
type Finder struct {
	text   string
	folded []rune // folded[i] is the fold of the i-th rune of text
	exact  []rune // the runes of text
	offs   []int  // offs[i] is the byte offset of rune i; offs[len] = len(text)
}

// NewFinder prepares text for finding.
func NewFinder(text string) *Finder {
	n := utf8.RuneCountInString(text)
	f := &Finder{text: text, folded: make([]rune, 0, n), exact: make([]rune, 0, n), offs: make([]int, 0, n+1)}
	for i, r := range text {
		f.exact = append(f.exact, r)
		f.folded = append(f.folded, norm.FoldRune(r))
		f.offs = append(f.offs, i)
	}
	f.offs = append(f.offs, len(text))
	return f
}

// Text returns the text the finder searches.
func (f *Finder) Text() string { return f.text }

// Find returns the byte spans of every hit of query in the text, left to
// right, not overlapping; none for an empty query.
func (f *Finder) Find(query string, opt FindOptions) []Span {
	q := []rune(query)
	hay := f.folded
	if opt.Exact {
		hay = f.exact
	} else {
		for i, r := range q {
			q[i] = norm.FoldRune(r)
		}
	}
	if len(q) == 0 || len(q) > len(hay) {
		return nil
	}
	var out []Span
	for i := 0; i+len(q) <= len(hay); {
		if hay[i] != q[0] || !hasRunes(hay[i:i+len(q)], q) || opt.WholeWord && !f.whole(i, i+len(q)) {
			i++
			continue
		}
		out = append(out, Span{f.offs[i], f.offs[i+len(q)]})
		i += len(q)
	}
	return out
}

func hasRunes(a, b []rune) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// whole reports whether the runes [i, j) of the text are a whole word.
func (f *Finder) whole(i, j int) bool {
	if i > 0 && joins(f.folded[i-1], f.folded[i]) {
		return false
	}
	return j >= len(f.folded) || !joins(f.folded[j-1], f.folded[j])
}

// joins reports whether two neighbouring runes belong to one word: both
// letters or digits, or both Han.
func joins(a, b rune) bool {
	ha, hb := unicode.Is(unicode.Han, a), unicode.Is(unicode.Han, b)
	if ha || hb {
		return ha && hb
	}
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return word(a) && word(b)
}

// Find returns the spans of every hit of query in text (see Finder.Find).
func Find(text, query string, opt FindOptions) []Span {
	return NewFinder(text).Find(query, opt)
}

// ReplaceSpans returns text with every span replaced by repl; spans must be in order and not overlap, as Find returns them.
func ReplaceSpans(text string, spans []Span, repl string) string {
	var b strings.Builder
	b.Grow(len(text) + len(spans)*len(repl))
	last := 0
	for _, s := range spans {
		b.WriteString(text[last:s.Start])
		b.WriteString(repl)
		last = s.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// ReplaceAll replaces every hit of query in text by repl and returns the
// new text with the number of hits replaced.
func ReplaceAll(text, query, repl string, opt FindOptions) (string, int) {
	hits := Find(text, query, opt)
	if len(hits) == 0 {
		return text, 0
	}
	return ReplaceSpans(text, hits, repl), len(hits)
}

// HitsByNode counts the hits that fall in each node's own text (its
// paragraphs, children excluded), for an outline to mark the nodes that
// hold hits; hits in the title block or the closing count for no node.
func HitsByNode(d *Document, hits []Span) map[*Node]int {
	out := map[*Node]int{}
	if d == nil || len(hits) == 0 {
		return out
	}
	d.Walk(func(n, _ *Node) {
		k := hitsIn(hits, n.BodySpan)
		for _, c := range n.Children { // an article's BodySpan may hold its items
			if c.Span.Start < n.BodySpan.End {
				k -= hitsIn(hits, Span{c.Span.Start, min(c.Span.End, n.BodySpan.End)})
			}
		}
		if k > 0 {
			out[n] = k
		}
	})
	return out
}

// hitsIn counts the hits (sorted by start) that start inside sp.
func hitsIn(hits []Span, sp Span) int {
	from := sort.Search(len(hits), func(i int) bool { return hits[i].Start >= sp.Start })
	to := sort.Search(len(hits), func(i int) bool { return hits[i].Start >= sp.End })
	return max(to-from, 0)
}
