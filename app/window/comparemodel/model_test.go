package comparemodel

import (
	"testing"

	"qicao/drafts"
)

func TestDefaultPair(t *testing.T) {
	v := func(n int) Source { return Source{Kind: SourceVersion, N: n, Name: "v"} }
	w, c := Source{Kind: SourceWorking, Name: "工作稿"}, Source{Kind: SourceCorpus, ID: 7, Name: "泰安"}
	for _, tc := range []struct {
		name     string
		srcs     []Source
		old, new int
		dirty    bool
	}{
		{"the last two versions", []Source{v(1), v(2), v(3), w, c}, 1, 2, false},
		{"unsaved changes: the last version against the working text", []Source{v(1), v(2), v(3), w, c}, 2, 3, true},
		{"unsaved changes, no version yet", []Source{w, c}, 0, 1, true},
		{"one version against the working text", []Source{v(1), w, c}, 0, 1, false},
		{"no draft: the first two corpus documents", []Source{c, c}, 0, 1, false},
		{"one source", []Source{c}, -1, -1, false},
		{"none", nil, -1, -1, false},
	} {
		if o, n := DefaultPair(tc.srcs, tc.dirty); o != tc.old || n != tc.new {
			t.Errorf("%s: DefaultPair = %d, %d, want %d, %d", tc.name, o, n, tc.old, tc.new)
		}
	}
	if IndexOf([]Source{v(1), c}, Source{Kind: SourceCorpus, ID: 7, Name: "x"}) != 1 || IndexOf([]Source{c}, Source{Kind: SourceCorpus, ID: 7}) != -1 {
		t.Error("IndexOf: a source is found by kind, version and document, never without a name")
	}
}

func TestRememberedPair(t *testing.T) {
	v := func(n int) Source { return Source{Kind: SourceVersion, N: n, Name: "v"} }
	w, c := Source{Kind: SourceWorking, Name: "工作稿"}, Source{Kind: SourceCorpus, ID: 7, Name: "泰安"}
	srcs := []Source{v(1), v(2), v(3), w, c}
	for _, tc := range []struct {
		name     string
		key      string
		old, new int
		ok       bool
	}{
		{"version 1 against the working text", PairKey(v(1), w), 0, 3, true},
		{"a corpus document against version 3", PairKey(c, v(3)), 4, 2, true},
		{"a version since deleted", PairKey(v(9), w), -1, 3, false},
		{"nothing remembered", "", -1, -1, false},
	} {
		if o, n, ok := FindPair(srcs, tc.key); o != tc.old || n != tc.new || ok != tc.ok {
			t.Errorf("%s: FindPair = %d, %d, %v, want %d, %d, %v", tc.name, o, n, ok, tc.old, tc.new, tc.ok)
		}
	}
}

func TestStops(t *testing.T) {
	form := []drafts.Op{{Kind: '=', Text: "甲"}, {Kind: '~', Text: ",", New: "，"}}
	pairs := []drafts.Pair{
		{Kind: drafts.PairUnchanged, Ops: []drafts.Op{{Kind: '=', Text: "甲"}}},
		{Kind: drafts.PairUnchanged, Ops: form}, // only its punctuation changed
		{Kind: drafts.PairModified, Ops: form},  // the same, compared with Strict
		{Kind: drafts.PairAdded},
		{Kind: drafts.PairMoved},
	}
	for _, tc := range []struct {
		form bool
		want []int
	}{{false, []int{2, 3, 4}}, {true, []int{1, 2, 3, 4}}} {
		got := Stops(pairs, tc.form)
		if len(got) != len(tc.want) {
			t.Fatalf("Stops(form %v) = %v, want %v", tc.form, got, tc.want)
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Stops(form %v) = %v, want %v", tc.form, got, tc.want)
			}
		}
	}
}

func TestFigures(t *testing.T) {
	old := &drafts.Side{Label: "3.", Heading: "培育企业", Node: &drafts.Node{}}
	new := &drafts.Side{Label: "2.", Heading: "培育企业", Node: &drafts.Node{}}
	c := &drafts.Comparison{Pairs: []drafts.Pair{{Kind: drafts.PairAdded, New: &drafts.Side{Label: "1.", Heading: "总体", Node: &drafts.Node{}}},
		{Kind: drafts.PairModified, Old: old, New: new}}}
	for _, tc := range []struct {
		f    drafts.Figure
		line string
		pair int
	}{
		{drafts.Figure{Subject: "高新技术企业", Old: "1200家", New: "1300家", OldClause: old.Name(), NewClause: new.Name()},
			"高新技术企业：1200家 → 1300家（" + old.Name() + " → " + new.Name() + "）", 1},
		{drafts.Figure{Subject: "研发投入强度", New: "2.8%", NewClause: new.Name()}, "研发投入强度：— → 2.8%（" + new.Name() + "）", 1},
		{drafts.Figure{Subject: "人才", Old: "300名", OldClause: old.Name()}, "人才：300名 → —（" + old.Name() + "）", 1},
		{drafts.Figure{Subject: "无", New: "1", NewClause: "9.别处"}, "无：— → 1（9.别处）", -1},
	} {
		if got := FigureLine(tc.f); got != tc.line {
			t.Errorf("FigureLine = %q, want %q", got, tc.line)
		}
		if got := FigurePair(c, tc.f); got != tc.pair {
			t.Errorf("FigurePair(%s) = %d, want %d", tc.f.Subject, got, tc.pair)
		}
	}
}

func TestSimilarityLevel(t *testing.T) {
	for _, c := range []struct {
		s    float64
		want Level
	}{{1, High}, {0.926, High}, {0.7, High}, {0.69, Medium}, {0.4, Medium}, {0.399, Low}, {0, Low}} {
		if got := SimilarityLevel(c.s); got != c.want {
			t.Errorf("SimilarityLevel(%v) = %s, want %s", c.s, got, c.want)
		}
	}
}

func TestFilesPair(t *testing.T) {
	v := func(n int) Source { return Source{Kind: SourceVersion, N: n, Name: "v"} }
	f := func(p string) Source { return Source{Kind: SourceFile, Path: p, Name: "文件 · " + p} }
	w, c := Source{Kind: SourceWorking, Name: "工作稿"}, Source{Kind: SourceCorpus, ID: 7, Name: "泰安"}
	for _, tc := range []struct {
		name     string
		srcs     []Source
		paths    []string
		old, new int
	}{
		{"one file against the working text", []Source{v(1), v(2), w, c, f("/a.txt")}, []string{"/a.txt"}, 4, 2},
		{"one file against the latest version, no working text", []Source{v(1), v(2), c, f("/a.txt")}, []string{"/a.txt"}, 3, 1},
		{"one file, no draft: the first other source", []Source{c, f("/a.txt")}, []string{"/a.txt"}, 1, 0},
		{"two files against each other, the first old", []Source{v(1), w, f("/b.txt"), f("/a.txt")}, []string{"/a.txt", "/b.txt"}, 3, 2},
		{"a file alone", []Source{f("/a.txt")}, []string{"/a.txt"}, 0, -1},
		{"a file not listed", []Source{v(1), w}, []string{"/a.txt"}, -1, -1},
		{"no file", []Source{v(1), w}, nil, -1, -1},
	} {
		if o, n := FilesPair(tc.srcs, tc.paths); o != tc.old || n != tc.new {
			t.Errorf("%s: FilesPair = %d, %d, want %d, %d", tc.name, o, n, tc.old, tc.new)
		}
	}
	a, b := f("/x|y.txt"), f("/x")
	if o, n, ok := FindPair([]Source{b, a}, PairKey(a, b)); !ok || o != 1 || n != 0 {
		t.Errorf("a remembered pair of files: FindPair = %d, %d, %v", o, n, ok)
	}
	if IndexOf([]Source{a, b}, f("/x")) != 1 {
		t.Error("IndexOf tells files apart by path")
	}
}
