package templates

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"qicao/drafts/norm"
)

func TestLabelledHitAt5(t *testing.T) {
	qs, err := LoadLabelled()
	if err != nil {
		t.Fatal(err)
	}
	b := NewBank(seeds(t))
	hit, mrr, misses := HitAt5(qs, BankRanker(b))
	for _, m := range misses {
		t.Logf("miss: %s", m)
	}
	t.Logf("%d queries: hit@5 %.3f, MRR@10 %.3f", len(qs), hit, mrr)
	if hit < 0.9 {
		t.Errorf("hit@5 = %.3f, want at least 0.90", hit)
	}
}

// TestSweepOptions prints hit@5 and MRR for variations of the ranking
// options; run with QICAO_SWEEP=1 to choose DefaultOptions.
func TestSweepOptions(t *testing.T) {
	if os.Getenv("QICAO_SWEEP") == "" {
		t.Skip("set QICAO_SWEEP=1")
	}
	qs, err := LoadLabelled()
	if err != nil {
		t.Fatal(err)
	}
	vary := func(name string, f func(o *Options)) {
		o := DefaultOptions
		f(&o)
		hit, mrr, misses := HitAt5(qs, BankRanker(NewBankOptions(seeds(t), o)))
		t.Logf("%-28s hit@5 %.3f  MRR %.3f  misses %d", name, hit, mrr, len(misses))
	}
	vary("default", func(o *Options) {})
	for _, hw := range []float64{0, 1, 2, 4, 8} {
		vary(fmt.Sprintf("heading weight %g", hw), func(o *Options) { o.HeadingWeight = hw })
	}
	for _, uw := range []float64{0.1, 0.3, 1} {
		vary(fmt.Sprintf("unigrams %g", uw), func(o *Options) { o.UnigramWeight = uw })
	}
	for _, k1 := range []float64{0.6, 1.2, 2} {
		for _, b := range []float64{0.3, 0.75, 1} {
			vary(fmt.Sprintf("k1 %g b %g", k1, b), func(o *Options) { o.K1, o.B = k1, b })
		}
	}
	for _, m := range []int{16, 32, 64, 96, 0} {
		vary(fmt.Sprintf("max query terms %d", m), func(o *Options) { o.MaxQueryTerms = m })
	}
}

// top returns the suggestions as DOC:HEADING.
func top(ss []Suggestion) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Source+":"+s.Heading)
	}
	return out
}

func TestShortQueries(t *testing.T) {
	b := NewBank(seeds(t))
	for _, q := range []string{"金融", "基金", "人才", "孵化", "研发", "孵化器", "实验室", "揭榜挂帅", "海外人才"} {
		ss := b.Suggest(Query{Text: q, K: 5, ExcludeCities: []string{"泰安"}})
		if len(ss) == 0 {
			t.Errorf("%s: no suggestions", q)
			continue
		}
		t.Logf("%s: %v", q, top(ss))
		for _, s := range ss {
			if s.City == "泰安" {
				t.Errorf("%s: suggests 泰安's own %s", q, s.Heading)
			}
		}
		// The first three suggestions for a word the bank holds verbatim
		// contain it and highlight it.
		if q == "海外人才" {
			continue
		}
		for _, s := range ss[:3] {
			key, _ := MatchKey(s.Text)
			if !strings.Contains(string(key), q) {
				t.Errorf("%s: suggestion %s lacks it", q, s.Heading)
			}
			if len(s.Spans) == 0 {
				t.Errorf("%s: suggestion %s has no spans", q, s.Heading)
			}
		}
	}
	// The two-character word finds 济宁's traditional 研發.
	found := false
	for _, s := range b.Suggest(Query{Text: "研发", K: 10, Cities: []string{"济宁"}}) {
		found = found || strings.Contains(s.Text, "研發")
	}
	if !found {
		t.Error("研发 does not find 济宁's 研發")
	}
}

func TestTraditionalMeetsSimplified(t *testing.T) {
	b := NewBank(seeds(t))
	ss := b.Suggest(Query{Text: "激勵企業加大研發投入", K: 3, Cities: []string{"泰安"}})
	if len(ss) == 0 || ss[0].Heading != "鼓励企业加大研发投入" && ss[0].Heading != "鼓励企业持续加大研发投入" {
		t.Fatalf("激勵企業加大研發投入 → %v", top(ss))
	}
	// The span covers the shared words in the suggestion's own characters.
	s := ss[0]
	r := []rune(s.Text)
	var parts []string
	for _, sp := range s.Spans {
		parts = append(parts, string(r[sp[0]:sp[1]]))
	}
	if !strings.Contains(strings.Join(parts, "|"), "加大研发投入") {
		t.Errorf("spans %v do not cover 加大研发投入", parts)
	}
}

func TestSpansAreRuneOffsets(t *testing.T) {
	set := bigramSet([]rune(norm.Key("科技金融服务")))
	text := "（一）创新科技、金融服务。市财政局负责（市科技局牵头）"
	spans := sharedSpans(set, 6, text)
	r := []rune(text)
	if len(spans) != 1 || string(r[spans[0][0]:spans[0][1]]) != "科技、金融服务" {
		t.Fatalf("spans %v", spans)
	}
	// 责任单位 are not matched.
	if got := sharedSpans(bigramSet([]rune("市科技局牵头")), 6, "加强合作（市科技局牵头）"); len(got) != 0 {
		t.Errorf("spans in 责任单位: %v", got)
	}
}

func TestCityFilters(t *testing.T) {
	b := NewBank(seeds(t))
	for _, s := range b.Suggest(Query{Text: "科技金融", K: 20, Cities: []string{"濟寧", "烟台市"}}) {
		if s.City != "济宁" && s.City != "烟台" {
			t.Errorf("--city 济宁 烟台 gave %s", s.City)
		}
	}
	for _, s := range b.Suggest(Query{Text: "科技金融", K: 20, ExcludeCities: []string{"泰安", "淄博"}}) {
		if s.City == "泰安" || s.City == "淄博" {
			t.Errorf("excluded city %s", s.City)
		}
	}
}

func TestAddRemove(t *testing.T) {
	srcs := seeds(t)
	b := NewBank(srcs[:4])
	if got := b.Suggest(Query{Text: "重大科技基础设施", Cities: []string{"烟台"}}); len(got) != 0 {
		t.Fatalf("烟台 not added yet: %v", top(got))
	}
	b.Add(srcs[4])
	got := b.Suggest(Query{Text: "重大科技基础设施", K: 1})
	if len(got) != 1 || got[0].Heading != "谋划布局重大科技基础设施" {
		t.Fatalf("after Add: %v", top(got))
	}
	n := b.Len()
	b.Add(srcs[4]) // again: replaces
	if b.Len() != n {
		t.Errorf("adding again: %d clauses, want %d", b.Len(), n)
	}
	if !b.Remove(srcs[4].ID) || b.Remove(srcs[4].ID) {
		t.Error("Remove should report true once")
	}
	if got := b.Suggest(Query{Text: "重大科技基础设施", Cities: []string{"烟台"}}); len(got) != 0 {
		t.Errorf("after Remove: %v", top(got))
	}
	// The statistics match a bank built without it.
	fresh := NewBank(srcs[:4])
	a, c := b.Suggest(Query{Text: "科技金融", K: 5}), fresh.Suggest(Query{Text: "科技金融", K: 5})
	for i := range a {
		if a[i].Score != c[i].Score || a[i].Heading != c[i].Heading {
			t.Errorf("after Remove #%d: %s %.3f, fresh %s %.3f", i, a[i].Heading, a[i].Score, c[i].Heading, c[i].Score)
		}
	}
}

func TestCompactKeepsAnswers(t *testing.T) {
	srcs := SynthSources(3000, 9)
	b := NewBank(srcs)
	for _, s := range srcs[:60] { // 1800 clauses: past the compaction point
		b.Remove(s.ID)
	}
	fresh := NewBank(srcs[60:])
	q := Query{Text: "创新科技金融服务模式", K: 5}
	a, c := b.Suggest(q), fresh.Suggest(q)
	if len(a) != len(c) {
		t.Fatalf("%d vs %d", len(a), len(c))
	}
	for i := range a {
		if a[i].Score != c[i].Score || a[i].Source != c[i].Source {
			t.Errorf("#%d: %s %.3f vs fresh %s %.3f", i, a[i].Source, a[i].Score, c[i].Source, c[i].Score)
		}
	}
}

func TestConcurrentSuggestAndAdd(t *testing.T) {
	srcs := seeds(t)
	b := NewBank(srcs[:2])
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 50; i++ {
				b.Suggest(Query{Text: "科技金融", K: 3})
				b.Gaps(srcs[0].Doc, GapOptions{})
			}
			done <- true
		}()
	}
	for i := 0; i < 20; i++ {
		b.Add(srcs[2+i%3])
		b.Remove(srcs[2+(i+1)%3].ID)
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}
