package templates

import (
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
