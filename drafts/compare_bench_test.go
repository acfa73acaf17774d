package drafts

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkCompareTaianPair is the 泰安 pair end to end: parse both, then
// compare.
func BenchmarkCompareTaianPair(b *testing.B) {
	old, new := seedText(b, "000"), seedText(b, "002")
	for b.Loop() {
		o, _ := Parse(old)
		n, _ := Parse(new)
		Compare(o, n, CompareOptions{})
	}
}

// BenchmarkCompareSynthetic compares synthetic pairs of 500, 1,000 and
// 2,000 clauses (~200 characters each) where the new version edits 10% of
// the clauses and moves, merges, drops and adds some.
func BenchmarkCompareSynthetic(b *testing.B) {
	for _, n := range []int{500, 1000, 2000} {
		old, new := syntheticPair(n, 1)
		o, n2 := mustParse(b, old), mustParse(b, new)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Compare(o, n2, CompareOptions{})
			}
		})
	}
}

// TestCompareSyntheticScales checks the growth from 500 to 2,000 clauses
// (no worse than n log n, with room for noise) and the alignment of the
// synthetic pair: every untouched clause is paired with itself.
func TestCompareSyntheticScales(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	timeOf := func(n int) (time.Duration, *Comparison) {
		old, new := syntheticPair(n, 1)
		o, n2 := mustParse(t, old), mustParse(t, new)
		best := time.Hour
		var c *Comparison
		for range 3 {
			start := time.Now()
			c = Compare(o, n2, CompareOptions{})
			best = min(best, time.Since(start))
		}
		return best, c
	}
	small, _ := timeOf(500)
	large, c := timeOf(2000)
	t.Logf("500 clauses %v, 2,000 clauses %v: ×%.1f", small, large, float64(large)/float64(small))
	// Bounds on time are checked only when asked for (QICAO_TIMING=1, as
	// docs/BENCHMARKS.md does): under the race detector or on a shared CI
	// machine they would measure the neighbours, not the code.
	if os.Getenv("QICAO_TIMING") != "" {
		// n log n from 500 to 2,000 is ×4.9; allow ×7 for a shared machine.
		if ratio := float64(large) / float64(small); ratio > 7 {
			t.Errorf("500 clauses %v, 2,000 clauses %v: ×%.1f", small, large, ratio)
		}
		if large > 1500*time.Millisecond {
			t.Errorf("2,000 clauses took %v", large)
		}
	}
	s := c.Summary
	if s.Unchanged < 1600 || s.Deleted > 40 || s.Added > 40 {
		t.Errorf("synthetic 2,000: %+v", s)
	}
}

// syntheticPair returns an old and a new version of a document of n
// clauses in sections of 50, about 200 characters each of random words.
// The new version edits 10% of the clauses, moves 2%, merges 1% into
// their neighbour, drops 1% and adds 1%, and changes some commas' width.
func syntheticPair(n int, seed uint64) (old, new string) {
	r := rand.New(rand.NewPCG(seed, 7))
	words := syntheticWords(r, 6000)
	clauses := make([]string, n)
	for i := range clauses {
		clauses[i] = syntheticClause(r, words)
	}
	next := slices.Clone(clauses)
	for i := range next {
		switch x := r.IntN(100); {
		case x < 10:
			next[i] = editClause(r, words, next[i])
		case x < 13:
			next[i] = strings.ReplaceAll(next[i], "，", ",")
		}
	}
	for range n / 100 { // drop and add
		k := r.IntN(len(next))
		next = slices.Delete(next, k, k+1)
		k = r.IntN(len(next))
		next = slices.Insert(next, k, syntheticClause(r, words))
	}
	for range n / 100 { // merge with the next clause
		k := r.IntN(len(next) - 1)
		next[k] = strings.TrimSuffix(next[k], "（市科技局牵头）") + next[k+1]
		next = slices.Delete(next, k+1, k+2)
	}
	for range n / 50 { // move
		k := r.IntN(len(next))
		c := next[k]
		next = slices.Delete(next, k, k+1)
		next = slices.Insert(next, r.IntN(len(next)), c)
	}
	return syntheticDoc(clauses), syntheticDoc(next)
}

func syntheticWords(r *rand.Rand, n int) []string {
	words := make([]string, n)
	for i := range words {
		w := make([]rune, 2+r.IntN(3))
		for k := range w {
			w[k] = rune(0x4E00 + r.IntN(3000))
		}
		words[i] = string(w)
	}
	return words
}

func syntheticClause(r *rand.Rand, words []string) string {
	var b strings.Builder
	for k := 0; k < 4; k++ {
		b.WriteString(words[r.IntN(len(words))])
	}
	b.WriteString("。")
	for b.Len() < 600 {
		b.WriteString(words[r.IntN(len(words))])
		if r.IntN(5) == 0 {
			b.WriteString("，")
		}
		if r.IntN(20) == 0 {
			fmt.Fprintf(&b, "%d家", 10+r.IntN(900))
		}
	}
	b.WriteString("。（市科技局牵头）")
	return b.String()
}

// editClause replaces, inserts and deletes a few words.
func editClause(r *rand.Rand, words []string, c string) string {
	rs := []rune(c)
	for range 3 {
		at := 8 + r.IntN(len(rs)-20)
		rs = slices.Replace(rs, at, at+r.IntN(4), []rune(words[r.IntN(len(words))])...)
	}
	return string(rs)
}

func syntheticDoc(clauses []string) string {
	var b strings.Builder
	b.WriteString("关于合成测试的实施意见\n\n一、重点任务\n")
	for i, c := range clauses {
		if i%50 == 0 {
			fmt.Fprintf(&b, "（%s）第%s组任务\n", HanNumeral(i/50+1), HanNumeral(i/50+1))
		}
		fmt.Fprintf(&b, "%d.%s\n", i%50+1, c) // numbered within the section: 1000. is no label
	}
	return b.String()
}
