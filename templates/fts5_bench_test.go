//go:build sqlite_fts5

package templates_test

// SQLite FTS5 with the trigram tokenizer over the same clause bank, for
// docs/BENCHMARKS.md: speed and answer quality beside the bigram index.
// Run with: go test -tags sqlite_fts5 ./templates/ -run FTS5 -v
// (QICAO_BENCH=100000 for the scale part).

import (
	"database/sql"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"qicao/drafts"
	"qicao/drafts/norm"
	"qicao/templates"
)

// ftsBank is the clause bank in an FTS5 table. Both columns hold the
// normalised key (traditional folded, punctuation and 责任单位 dropped), as
// the bigram index does, so that the comparison is of the rankers.
type ftsBank struct {
	db *sql.DB
}

func newFTSBank(t testing.TB, srcs []drafts.CorpusDoc) (*ftsBank, time.Duration) {
	db, err := sql.Open("sqlite3", "file:"+t.TempDir()+"/fts.db")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	start := time.Now()
	mustExec(t, db, `PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
		CREATE VIRTUAL TABLE clauses USING fts5(heading, body, city UNINDEXED, doc UNINDEXED, head UNINDEXED, tokenize='trigram')`)
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	ins, err := tx.Prepare(`INSERT INTO clauses (heading, body, city, doc, head) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		for _, c := range templates.ClausesOf(s) {
			key, _ := templates.MatchKey(c.Text)
			if _, err := ins.Exec(norm.Key(c.Heading), string(key), c.City, c.Source, c.Heading); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	mustExec(t, db, `INSERT INTO clauses(clauses) VALUES('optimize')`)
	return &ftsBank{db}, time.Since(start)
}

func mustExec(t testing.TB, db *sql.DB, q string) {
	if _, err := db.Exec(q); err != nil {
		t.Fatal(err)
	}
}

// ftsQuery is the MATCH expression for a query: its distinct trigrams,
// OR'd. Below three characters FTS5's trigram tokenizer matches nothing,
// and the caller falls back to LIKE.
func ftsQuery(text string) string {
	key, _ := templates.MatchKey(text)
	seen := map[string]bool{}
	var parts []string
	for i := 0; i+3 <= len(key); i++ {
		g := string(key[i : i+3])
		if !seen[g] {
			seen[g] = true
			parts = append(parts, `"`+strings.ReplaceAll(g, `"`, `""`)+`"`)
		}
	}
	return strings.Join(parts, " OR ")
}

// search returns the top k as DOC:HEADING, best first by bm25 with the
// heading column weighted 2 against the body's 1.
func (f *ftsBank) search(t testing.TB, text, exclude string, k int) []string {
	var rows *sql.Rows
	var err error
	if m := ftsQuery(text); m != "" {
		rows, err = f.db.Query(`SELECT doc, head FROM clauses WHERE clauses MATCH ? AND city != ?
			ORDER BY bm25(clauses, 2.0, 1.0) LIMIT ?`, m, exclude, k)
	} else {
		key, _ := templates.MatchKey(text)
		rows, err = f.db.Query(`SELECT doc, head FROM clauses WHERE body LIKE ? AND city != ? LIMIT ?`,
			"%"+string(key)+"%", exclude, k)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var doc, head string
		if err := rows.Scan(&doc, &head); err != nil {
			t.Fatal(err)
		}
		out = append(out, doc+":"+head)
	}
	return out
}

func TestFTS5Labelled(t *testing.T) {
	srcs, err := templates.SeedSources()
	if err != nil {
		t.Fatal(err)
	}
	qs, err := templates.LoadLabelled()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := newFTSBank(t, srcs)
	hit, mrr, misses := templates.HitAt5(qs, func(l templates.Labelled, k int) []string {
		return f.search(t, l.Text, l.City, k)
	})
	for _, m := range misses {
		t.Logf("FTS5 miss: %s", m)
	}
	t.Logf("FTS5 trigram bm25: hit@5 %.3f  MRR@10 %.3f  (%d queries)", hit, mrr, len(qs))
	hit, mrr, _ = templates.HitAt5(qs, templates.BankRanker(templates.NewBank(srcs)))
	t.Logf("bigram BM25 bank:  hit@5 %.3f  MRR@10 %.3f", hit, mrr)
}

func TestFTS5Scale(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("QICAO_BENCH"))
	if n == 0 {
		t.Skip("set QICAO_BENCH=100000")
	}
	srcs := templates.SynthSources(n, 1)
	f, build := newFTSBank(t, srcs)
	t.Logf("FTS5 table of %d clauses built in %v, peak RSS %.0f MB", n, build.Round(time.Millisecond), templates.PeakRSSMB())
	byKind := map[string][]time.Duration{}
	for _, q := range templates.BenchQueries(300, 2) {
		s := time.Now()
		f.search(t, q.Text, q.Exclude, 10)
		byKind[q.Kind] = append(byKind[q.Kind], time.Since(s))
	}
	for _, k := range []string{"words", "heading", "clause"} {
		p50, p95, p99 := templates.Percentiles(byKind[k])
		t.Logf("FTS5 top-10 %-8s p50 %.2fms  p95 %.2fms  p99 %.2fms", k,
			float64(p50)/1e6, float64(p95)/1e6, float64(p99)/1e6)
	}
}
