package templates

import (
	"fmt"
	"os"
	"runtime/pprof"
	"testing"
	"time"
)

// TestGapsScaleProfile times Gaps on 000, twice, against a synthetic bank of
// QICAO_GAPS_CLAUSES clauses (with the seeds) and writes a CPU profile to
// QICAO_GAPS_PROF if set. It does nothing unless asked.
func TestGapsScaleProfile(t *testing.T) {
	n := os.Getenv("QICAO_GAPS_CLAUSES")
	if n == "" {
		t.Skip("set QICAO_GAPS_CLAUSES")
	}
	var clauses int
	for _, c := range n {
		clauses = clauses*10 + int(c-'0')
	}
	b := NewBank(append(seeds(t), SynthSources(clauses, 1)...))
	if p := os.Getenv("QICAO_GAPS_PROF"); p != "" {
		f, _ := os.Create(p)
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	for _, call := range []string{"first (topics indexed)", "again"} {
		start := time.Now()
		groups := b.Gaps(seedSource(t, "000").Doc, GapOptions{})
		gaps := 0
		for _, g := range groups {
			gaps += len(g.Gaps)
		}
		t.Logf("%d clauses, %s: %d gaps in %d groups in %v", b.Len(), call, gaps, len(groups), time.Since(start))
	}
}

// BenchmarkGapsScale times Gaps of seed 000 (the bank already built, its
// topics indexed by a first call) against the synthetic banks of 1,000 and
// 10,000 documents of thirty clauses: near-linear means about ×10.
func BenchmarkGapsScale(b *testing.B) {
	for _, docs := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("docs=%d", docs), func(b *testing.B) {
			bank := NewBank(SynthSources(30*docs, 1))
			draft := seedSource(b, "000").Doc
			bank.Gaps(draft, GapOptions{})
			for b.Loop() {
				bank.Gaps(draft, GapOptions{})
			}
		})
	}
}
