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
	// written; an old article missing here is in deleted.
	paired  map[string]string
	added   []string // new articles with no old counterpart
	deleted []string // old articles the amendment struck out (删去第X条)
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
	{ // 2019 file → 2023: 无船承运 by 备案 instead of 提单登记 and 保证金, so the five articles on
		// the 保证金 struck out (第八、十六、二十、三十六、四十三条) and every article
		// after each one renumbered down; 国际客船、国际散装液体危险品船 singled out
		// in 第五、六、九、十、十八、三十五条; 第二十八、四十二条 changed only in
		// the article they cite (第二十一条 → 第十八条, itself renumbered); the
		// old text's 第四章 title runs onto a second line.
		old: "guowuyuan_2019_haiyun_tiaoli.txt",
		new: "guowuyuan_2023_haiyun_tiaoli.txt",
		paired: renumbered(renumbered(renumbered(renumbered(renumbered(renumbered(map[string]string{},
			1, 7, 0), 9, 15, -1), 17, 19, -2), 21, 35, -3), 37, 42, -4), 44, 53, -5),
		deleted: []string{"第八条", "第十六条", "第二十条", "第三十六条", "第四十三条"},
		changed: []string{"第四条", "第五条", "第六条", "第七条", "第九条", "第十条", "第十八条",
			"第二十八条", "第三十五条", "第三十九条", "第四十条", "第四十二条", "第四十五条", "第四十九条"},
		chapters: 7,
	},
}

// Two published versions of a regulation compare article by article:
// every renumbered article pairs with its new number, an inserted
// article is an insertion, a struck-out article is a deletion (and is
// paired with nothing, so not with the article that took its number),
// nothing is deleted that was kept, and the articles whose words changed
// are the ones a reader finds.
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
			if !slices.Equal(got.deleted, tc.deleted) {
				t.Errorf("deleted %v, want %v", got.deleted, tc.deleted)
			}
			if len(got.otherDeleted) != 0 {
				t.Errorf("deleted %v outside the struck-out articles, want nothing", got.otherDeleted)
			}
			for _, a := range got.articles { // each old article is kept or struck out, never both or neither
				_, kept := got.paired[a]
				if kept == slices.Contains(got.deleted, a) {
					t.Errorf("old %s: paired %v, deleted %v; want exactly one", a, kept, !kept)
				}
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
	otherDeleted             []string // deleted nodes not in a deleted article (items, chapters)
	articles                 []string // the old articles in order
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
	changed, deleted := map[string]bool{}, map[*Node]bool{}
	var gone []*Node
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
			if p.Old.Node.Style.Family == Article {
				r.deleted = append(r.deleted, p.Old.Label)
				deleted[p.Old.Node] = true
			} else {
				gone = append(gone, p.Old.Node)
			}
		default:
			if p.Old.Node.Style.Family == Article {
				r.paired[p.Old.Label] = p.New.Label
			}
			if a := article[p.Old.Node]; a != nil && p.Kind != PairUnchanged {
				changed[a.Label] = true
			}
		}
	}
	for _, n := range gone {
		if a := article[n]; a == nil || !deleted[a] {
			r.otherDeleted = append(r.otherDeleted, n.Label)
		}
	}
	old.Walk(func(n, _ *Node) {
		if n.Style.Family == Article {
			r.articles = append(r.articles, n.Label)
		}
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
