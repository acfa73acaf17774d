package drafts

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// repetitivePair returns an old and a new version of n clauses that read
// alike, as a regulation's 法律责任 articles do: every clause is one
// sentence pattern with a few words and figures changed, so that no bigram
// is rare and each clause has hundreds of near-identical candidates. The
// new version drops `changes` clauses, inserts `changes` new ones and
// edits a figure in 2% of the rest.
func repetitivePair(n, changes int, seed uint64) (old, new string) {
	r := rand.New(rand.NewPCG(seed, 11))
	clauses := make([]string, n)
	for i := range clauses {
		clauses[i] = repetitiveClause(r)
	}
	next := slices.Clone(clauses)
	for i := range next {
		if r.IntN(50) == 0 {
			next[i] = next[i] + fmt.Sprintf("情节严重的，处%d万元罚款。", 1+r.IntN(9))
		}
	}
	for range changes {
		k := r.IntN(len(next))
		next = slices.Delete(next, k, k+1)
	}
	for range changes {
		k := r.IntN(len(next) + 1)
		next = slices.Insert(next, k, repetitiveClause(r))
	}
	return syntheticDoc(clauses), syntheticDoc(next)
}

func repetitiveClause(r *rand.Rand) string {
	actors := []string{"生产经营单位", "建设单位", "施工单位", "监理单位", "物业服务企业", "供水单位", "排水单位", "经营者"}
	acts := []string{"未按照规定设置安全警示标志", "未按照规定办理登记手续", "擅自改变用途", "未按照规定报送资料",
		"拒绝、阻碍监督检查", "未按照规定进行维护保养", "擅自拆除设施", "未按照规定公示信息", "超出许可范围经营"}
	depts := []string{"市住房城乡建设部门", "市城市管理部门", "市市场监管部门", "市应急管理部门", "市水务部门"}
	fines := [][2]int{{1000, 5000}, {2000, 10000}, {5000, 20000}, {10000, 50000}, {20000, 100000}}
	f := fines[r.IntN(len(fines))]
	return fmt.Sprintf("违反本办法第%d条第%d款规定，%s%s的，由%s责令限期改正，给予警告；逾期不改正的，处%d元以上%d元以下罚款。",
		1+r.IntN(80), 1+r.IntN(3), actors[r.IntN(len(actors))], acts[r.IntN(len(acts))], depts[r.IntN(len(depts))], f[0], f[1])
}

// TestCompareRepetitive: on texts whose clauses all read alike, injected
// deletions and insertions are shown as just that (a few more allowed for
// an inserted clause that happens to match a deleted one's neighbour).
func TestCompareRepetitive(t *testing.T) {
	for _, tc := range []struct{ n, changes int }{{2000, 20}, {10000, 100}} {
		if (testing.Short() || alignRace) && tc.n > 2000 {
			continue
		}
		old, new := repetitivePair(tc.n, tc.changes, 1)
		o, n := mustParse(t, old), mustParse(t, new)
		start := time.Now()
		s := Compare(o, n, CompareOptions{}).Summary
		t.Logf("%d clauses, %d/%d injected: %+v in %v", tc.n, tc.changes, tc.changes, s, time.Since(start))
		limit := tc.changes + tc.changes/10
		if s.Deleted > limit || s.Added > limit {
			t.Errorf("%d clauses: %d deleted, %d added; want at most %d each", tc.n, s.Deleted, s.Added, limit)
		}
	}
}

// BenchmarkCompareRepetitive compares the 10,000-clause repetitive pair
// (Compare alone; target under 2 s).
func BenchmarkCompareRepetitive(b *testing.B) {
	old, new := repetitivePair(10000, 100, 1)
	o, n := mustParse(b, old), mustParse(b, new)
	for b.Loop() {
		Compare(o, n, CompareOptions{})
	}
}
