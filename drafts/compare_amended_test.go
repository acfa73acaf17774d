package drafts

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// amendedPair is a regulation in two published versions (testdata/real,
// sources in SOURCES.md) with what a reader finds by reading both texts
// article by article.
type amendedPair struct {
	old, new string
	// paired maps every old article to the new one it became, labels as
	// written; an old article missing here must be a deletion.
	paired map[string]string
	added  []string // new articles with no old counterpart
	// changed lists the old articles whose words changed (in the article
	// or its items); every other pair is unchanged but for renumbering or
	// punctuation width.
	changed  []string
	chapters int // chapters, each paired with itself (titles spaced out or not)
}

// renumbered pairs old articles first..last with the same count shifted
// by shift (第三十二条 → 第三十三条 for shift 1).
func renumbered(m map[string]string, first, last, shift int) map[string]string {
	for i := first; i <= last; i++ {
		m[articleLabel(i)] = articleLabel(i + shift)
	}
	return m
}

func articleLabel(n int) string { return "第" + HanNumeral(n) + "条" }

var amendedPairs = []amendedPair{
	{ // 2022: a new 第三十二条 (公安机关实地检查), the six after it renumbered, 第十一条 rewritten (承诺制)
		old:      "guowuyuan_2019_wangba_tiaoli.txt",
		new:      "guowuyuan_2022_wangba_tiaoli.txt",
		paired:   renumbered(renumbered(map[string]string{}, 1, 31, 0), 32, 37, 1),
		added:    []string{"第三十二条"},
		changed:  []string{"第十一条"},
		chapters: 5,
	},
	{ // 2023: a new 第三条 (坚持党的领导), every article after it renumbered, 收养法 → 民法典
		old:     "minzhengbu_2019_shouyang_banfa.txt",
		new:     "minzhengbu_2023_shouyang_banfa.txt",
		paired:  renumbered(renumbered(map[string]string{}, 1, 2, 0), 3, 15, 1),
		added:   []string{"第三条"},
		changed: []string{"第一条", "第五条", "第六条", "第七条", "第十条"},
	},
}

// Two published versions of a regulation compare article by article:
// every renumbered article pairs with its new number, the inserted
// article is an insertion, nothing is deleted that was kept, and the
// articles whose words changed are the ones a reader finds.
func TestCompareRealAmendedRegulations(t *testing.T) {
	for _, tc := range amendedPairs {
		t.Run(tc.old, func(t *testing.T) {
			old, new := realDoc(t, tc.old), realDoc(t, tc.new)
			got := articlePairs(Compare(old, new, CompareOptions{}), old)
			if !maps.Equal(got.paired, tc.paired) {
				t.Errorf("pairs differ from the reading:\n%s", pairDiff(got.paired, tc.paired))
			}
			slices.Sort(got.added)
			if !slices.Equal(got.added, tc.added) {
				t.Errorf("added %v, want %v", got.added, tc.added)
			}
			if len(got.deleted) != 0 {
				t.Errorf("deleted %v, want none: every old article is kept", got.deleted)
			}
			if !slices.Equal(got.changed, tc.changed) {
				t.Errorf("changed %v, want %v", got.changed, tc.changed)
			}
			if got.chapters != tc.chapters || got.chapterChanges != 0 {
				t.Errorf("%d chapters paired, %d changed; want %d, none changed", got.chapters, got.chapterChanges, tc.chapters)
			}
		})
	}
}

// articleReading is what a comparison says of the articles of a
// regulation.
type articleReading struct {
	paired                   map[string]string
	added, deleted, changed  []string
	chapters, chapterChanges int
}

// articlePairs reads a comparison at the level of articles: an article
// counts as changed when it or one of its items is not unchanged.
func articlePairs(c *Comparison, old *Document) articleReading {
	r := articleReading{paired: map[string]string{}}
	article := map[*Node]*Node{} // old node → its article
	old.Walk(func(n, parent *Node) {
		switch {
		case n.Style.Family == Article:
			article[n] = n
		case parent != nil:
			article[n] = article[parent]
		}
	})
	changed := map[string]bool{}
	for _, p := range c.Pairs {
		switch {
		case p.Section:
			r.chapters += count(p.Old != nil && p.New != nil)
			r.chapterChanges += count(p.Kind != PairUnchanged)
		case p.Old == nil:
			if p.New.Node.Style.Family == Article {
				r.added = append(r.added, p.New.Label)
			}
		case p.New == nil:
			r.deleted = append(r.deleted, p.Old.Label)
		default:
			if p.Old.Node.Style.Family == Article {
				r.paired[p.Old.Label] = p.New.Label
			}
			if a := article[p.Old.Node]; a != nil && p.Kind != PairUnchanged {
				changed[a.Label] = true
			}
		}
	}
	old.Walk(func(n, _ *Node) {
		if changed[n.Label] && n.Style.Family == Article {
			r.changed = append(r.changed, n.Label)
		}
	})
	return r
}

func count(b bool) int {
	if b {
		return 1
	}
	return 0
}

// pairDiff lists the old articles paired otherwise than expected.
func pairDiff(got, want map[string]string) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if got[k] != want[k] {
			b.WriteString(k + " → " + got[k] + ", want " + want[k] + "\n")
		}
	}
	for _, k := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[k]; !ok {
			b.WriteString(k + " → " + got[k] + ", want deleted\n")
		}
	}
	return b.String()
}
