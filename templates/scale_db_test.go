package templates_test

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"time"

	"qicao/drafts"
	"qicao/drafts/sqlite"
	"qicao/templates"
)

// TestBuildScaleDB adds QICAO_SCALE_DOCS synthetic documents of thirty
// clauses (templates.SynthSources: the seeds' clauses recombined across
// the sixteen cities of 山东) to the database at QICAO_SCALE_DB, with
// their clause index, for the cold-process figures of docs/BENCHMARKS.md
// (make bench-scale). It does nothing unless both are set.
func TestBuildScaleDB(t *testing.T) {
	path, n := os.Getenv("QICAO_SCALE_DB"), os.Getenv("QICAO_SCALE_DOCS")
	if path == "" || n == "" {
		t.Skip("set QICAO_SCALE_DB and QICAO_SCALE_DOCS")
	}
	docs, err := strconv.Atoi(n)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	srcs := templates.SynthSources(30*docs, 1)
	byID := map[int64]drafts.CorpusDoc{}
	load := func(ids []int64) ([]drafts.CorpusDoc, error) {
		var out []drafts.CorpusDoc
		for _, id := range ids {
			if d, ok := byID[id]; ok {
				out = append(out, d)
				continue
			}
			d, err := db.CorpusDoc(id)
			if err != nil {
				return nil, err
			}
			out = append(out, drafts.CorpusDoc{ID: d.ID, Name: d.Name, Doc: d.Doc})
		}
		return out, nil
	}
	bank, err := templates.OpenStoredBank(db, load)
	if err != nil {
		t.Fatal(err)
	}
	const batch = 500
	for i := 0; i < len(srcs); i += batch {
		var added []drafts.CorpusDoc
		for _, s := range srcs[i:min(i+batch, len(srcs))] {
			d, err := db.AddCorpusDoc(s.Name, docText(s.Doc), s.Doc, false)
			if err != nil {
				t.Fatal(err)
			}
			added = append(added, drafts.CorpusDoc{ID: d.ID, Name: d.Name, Doc: s.Doc})
		}
		if err := bank.Add(added); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d documents, %d clauses, %d segments in %v; index in memory ~%.1f MB",
		len(srcs), bank.Len(), bank.Segments(), time.Since(start).Round(time.Millisecond), float64(bank.MemoryBytes())/1e6)
}

// docText writes a synthetic document as the text it would be read from.
func docText(d *drafts.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n\n", d.Title, d.Number)
	for _, s := range d.Nodes {
		fmt.Fprintf(&b, "%s%s\n", s.Label, s.Heading)
		for _, c := range s.Children {
			fmt.Fprintf(&b, "%s%s\n", c.Label, c.Text)
		}
	}
	fmt.Fprintf(&b, "\n%s市人民政府\n%s\n", d.City, d.Date)
	return b.String()
}

// TestGapsScaleDB times, in the phases a cold `qicao gaps` goes through,
// Gaps of seed 000 against the database at QICAO_SCALE_DB (built by
// TestBuildScaleDB): the stored index opened, its topic tables read (and,
// for an index written before them, written once), the gaps; then again
// with the tables read. It writes a CPU profile to QICAO_GAPS_PROF if set,
// and does nothing unless asked.
func TestGapsScaleDB(t *testing.T) {
	path := os.Getenv("QICAO_SCALE_DB")
	if path == "" {
		t.Skip("set QICAO_SCALE_DB")
	}
	if p := os.Getenv("QICAO_GAPS_PROF"); p != "" {
		f, _ := os.Create(p)
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	b := openScaleBank(t, path)
	opened := time.Since(start)
	srcs, err := templates.SeedSources()
	if err != nil {
		t.Fatal(err)
	}
	for _, call := range []string{"first", "again"} {
		at := time.Now()
		groups, err := b.Gaps(context.Background(), srcs[0].Doc, templates.GapOptions{})
		if err != nil {
			t.Fatal(err)
		}
		gaps := 0
		for _, g := range groups {
			gaps += len(g.Gaps)
		}
		t.Logf("%d clauses: index opened in %v; %s call: %d examples in %d topics in %v",
			b.Len(), opened.Round(time.Millisecond), call, gaps, len(groups), time.Since(at).Round(time.Millisecond))
	}
}

// TestSuggestScaleDB times the stored index of the database at
// QICAO_SCALE_DB (built by TestBuildScaleDB) on the queries TestFTS5Scale
// asks FTS5 (BenchQueries(300, 2)): the same clauses when QICAO_BENCH is
// 30 times the database's documents, so the two are compared query for
// query. It does nothing unless asked.
func TestSuggestScaleDB(t *testing.T) {
	path := os.Getenv("QICAO_SCALE_DB")
	if path == "" {
		t.Skip("set QICAO_SCALE_DB")
	}
	start := time.Now()
	b := openScaleBank(t, path)
	t.Logf("%d clauses: index opened in %v", b.Len(), time.Since(start).Round(time.Millisecond))
	byKind := map[string][]time.Duration{}
	for _, q := range templates.BenchQueries(300, 2) {
		s := time.Now()
		if _, err := b.Suggest(templates.Query{Text: q.Text, Heading: q.Heading, K: 10, ExcludeCities: []string{q.Exclude}}); err != nil {
			t.Fatal(err)
		}
		byKind[q.Kind] = append(byKind[q.Kind], time.Since(s))
	}
	for _, k := range []string{"words", "heading", "clause"} {
		p50, p95, p99 := templates.Percentiles(byKind[k])
		t.Logf("stored top-10 %-8s p50 %.2fms  p95 %.2fms  p99 %.2fms", k,
			float64(p50)/1e6, float64(p95)/1e6, float64(p99)/1e6)
	}
}

// BenchmarkGapsEditScaleDB times the gaps of seed 000 against the database
// at QICAO_SCALE_DB (built by TestBuildScaleDB; a copy: opening it writes
// a backup beside it and may migrate it) after an edit of one clause, each
// iteration the other of two texts: full, StoredBank.Gaps from nothing, as
// the window did; edit, a GapTracker from what changed. "sentence" adds to
// one clause a sentence on a measure the draft lacks (topics gained, gaps
// gone), "word" deletes four characters of a clause. It does nothing
// unless asked.
func BenchmarkGapsEditScaleDB(b *testing.B) {
	path := os.Getenv("QICAO_SCALE_DB")
	if path == "" {
		b.Skip("set QICAO_SCALE_DB")
	}
	st := openScaleBank(b, path)
	srcs, err := templates.SeedSources()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	doc := srcs[0].Doc
	first, err := st.Gaps(ctx, doc, templates.GapOptions{})
	if err != nil {
		b.Fatal(err)
	}
	c := doc.Clauses()[5]
	r := []rune(c.Text)
	edits := map[string]string{
		"sentence": strings.Replace(doc.Source, c.Text, c.Text+"谋划布局"+first[0].Topic+"。", 1),
		"word":     strings.Replace(doc.Source, c.Text, string(r[:10])+string(r[14:]), 1),
	}
	for _, name := range []string{"sentence", "word"} {
		edited, err := drafts.Parse(edits[name])
		if err != nil {
			b.Fatal(err)
		}
		texts := []*drafts.Document{edited, doc}
		b.Run("full/"+name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, err := st.Gaps(ctx, texts[i%2], templates.GapOptions{}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
		b.Run("edit/"+name, func(b *testing.B) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			tr := st.NewGapTracker()
			start := time.Now()
			if _, err := tr.Gaps(ctx, doc, templates.GapOptions{}); err != nil {
				b.Fatal(err)
			}
			took := time.Since(start)
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.Logf("first call of a tracker: %v; it keeps %.1f MB", took.Round(time.Millisecond),
				float64(after.HeapAlloc-before.HeapAlloc)/1e6)
			for _, d := range append(texts, texts...) {
				got, err := tr.Gaps(ctx, d, templates.GapOptions{})
				if err != nil {
					b.Fatal(err)
				}
				want, err := st.Gaps(ctx, d, templates.GapOptions{})
				if err != nil {
					b.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					b.Fatalf("tracker and full differ:\n got %+v\nwant %+v", got, want)
				}
			}
			b.Logf("an edit: %s", tr.LastWork())
			i := 0
			for b.Loop() {
				if _, err := tr.Gaps(ctx, texts[i%2], templates.GapOptions{}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// openScaleBank opens the stored index of the scale database at path
// (every document indexed by TestBuildScaleDB), closed when the test ends.
func openScaleBank(t testing.TB, path string) *templates.StoredBank {
	t.Helper()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	b, err := templates.OpenStoredBank(db, func([]int64) ([]drafts.CorpusDoc, error) { return nil, nil })
	if err != nil {
		t.Fatal(err)
	}
	return b
}
