package drafts

import (
	"strings"
	"testing"
)

// Finding folds traditional and simplified characters: 科技创新 typed in
// simplified finds the 科技創新 of 济宁's traditional document.
func TestFindTraditionalFromSimplified(t *testing.T) {
	text := seedText(t, "001")
	hits := Find(text, "科技创新", FindOptions{})
	if len(hits) != 17 { // counted with a regex over 科技[创創]新
		t.Fatalf("%d hits, want 17", len(hits))
	}
	for _, h := range hits {
		if got := text[h.Start:h.End]; got != "科技創新" && got != "科技创新" {
			t.Errorf("hit %q", got)
		}
	}
	if n := len(Find(text, "科技创新", FindOptions{Exact: true})); n != 0 {
		t.Errorf("exact: %d hits of the simplified form in a traditional text, want 0", n)
	}
}

// Finding folds width: a full-width comma finds the half-width one 济宁's
// web text carries, and the hit spans the original bytes.
func TestFindFoldsWidth(t *testing.T) {
	text := seedText(t, "001")
	hits := Find(text, "人民政府，濟寧高新區", FindOptions{})
	if len(hits) != 1 || text[hits[0].Start:hits[0].End] != "人民政府,濟寧高新區" {
		t.Fatalf("hits %v", hits)
	}
	if got := Find("ＡＢＣ与abc", "Abc", FindOptions{}); len(got) != 2 {
		t.Errorf("letters: %v", got)
	}
}

// Whole words: 市科技局 as a unit of a list, not inside a longer run of
// Han characters; a figure not inside a longer figure.
func TestFindWholeWord(t *testing.T) {
	text := seedText(t, "000")
	if n := len(Find(text, "市科技局", FindOptions{})); n != 27 {
		t.Errorf("%d hits, want 27", n)
	}
	whole := Find(text, "市科技局", FindOptions{WholeWord: true})
	if len(whole) != 18 { // (?<!Han)市科技局(?!Han)
		t.Errorf("%d whole-word hits, want 18", len(whole))
	}
	for _, h := range whole {
		if after := text[h.End:]; strings.HasPrefix(after, "牵头") {
			t.Errorf("whole-word hit before 牵头 at %d", h.Start)
		}
	}
	issued := seedText(t, "002")
	if n := len(Find(issued, "5", FindOptions{WholeWord: true})); n != 4 {
		t.Errorf("5 as a whole figure: %d, want 4 (500万 and 15 are no hits)", n)
	}
}

func TestFindEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		text, query string
		want        int
	}{
		{"", "科技", 0},
		{"科技", "", 0},
		{"科技", "科技创新", 0},
		{"啊啊啊", "啊啊", 1}, // not overlapping
		{"1.5亿元和15亿元", "1.5", 1},
		{"市科技局、市科技局", "市科技局", 2},
	} {
		if got := Find(tc.text, tc.query, FindOptions{}); len(got) != tc.want {
			t.Errorf("Find(%q, %q) = %v, want %d hits", tc.text, tc.query, got, tc.want)
		}
	}
}

// Replacing all hits changes only them: the structure stays, the old
// name is gone, the length changes by the difference times the count.
func TestReplaceAll(t *testing.T) {
	text := seedText(t, "000")
	before := mustParse(t, text)
	out, n := ReplaceAll(text, "市科技局", "市科学技术局", FindOptions{})
	if n != 27 || strings.Contains(out, "市科技局") {
		t.Fatalf("%d replaced; left: %v", n, strings.Contains(out, "市科技局"))
	}
	if len(out)-len(text) != n*(len("市科学技术局")-len("市科技局")) {
		t.Errorf("length changed by %d", len(out)-len(text))
	}
	after := mustParse(t, out)
	if len(after.Clauses()) != len(before.Clauses()) || after.Title != before.Title {
		t.Errorf("structure changed: %d → %d clauses", len(before.Clauses()), len(after.Clauses()))
	}
	if same, n := ReplaceAll(text, "不存在的词", "x", FindOptions{}); n != 0 || same != text {
		t.Errorf("no hit changed the text")
	}
}

// HitsByNode counts each hit once, in the node whose own text holds it.
func TestHitsByNode(t *testing.T) {
	text := seedText(t, "000")
	d := mustParse(t, text)
	hits := Find(text, "市科技局", FindOptions{})
	byNode := HitsByNode(d, hits)
	total := 0
	for n, k := range byNode {
		total += k
		if got := strings.Count(d.Source[n.BodySpan.Start:n.BodySpan.End], "市科技局"); got != k {
			t.Errorf("%s%s: %d hits counted, text holds %d", n.Label, n.Heading, k, got)
		}
	}
	if total != len(hits) { // 000 names 市科技局 only in its clauses
		t.Errorf("%d hits in nodes, %d found", total, len(hits))
	}
}

// BenchmarkFind finds a word over a 2,000-clause draft (about 1.2 MB)
// the way the find bar does on each keystroke: fold the text, scan, and
// count the hits per node of the outline.
func BenchmarkFind(b *testing.B) {
	text, _ := syntheticPair(2000, 1)
	d := mustParse(b, text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		hits := NewFinder(text).Find("市科技局牵头", FindOptions{WholeWord: true})
		if len(hits) != 2000 {
			b.Fatalf("%d hits", len(hits))
		}
		HitsByNode(d, hits)
	}
}

// BenchmarkReplaceAll replaces a word in all 2,000 clauses.
func BenchmarkReplaceAll(b *testing.B) {
	text, _ := syntheticPair(2000, 1)
	for b.Loop() {
		ReplaceAll(text, "市科技局", "市科学技术局", FindOptions{})
	}
}
