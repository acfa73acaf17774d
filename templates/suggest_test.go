package templates

import (
	"fmt"
	"os"
	"testing"
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
