package templates

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"qicao/assets"
	"qicao/drafts"
)

// This file is compiled into the tests of package templates and of
// templates_test (the FTS5 comparison): its exported names are test
// helpers, not API.

var (
	seedOnce sync.Once
	seedSrcs []drafts.CorpusDoc
	seedErr  error
)

// SeedSources returns the built-in corpus parsed, with IDs 1… in file
// order and names the three-digit prefixes (000…004).
func SeedSources() ([]drafts.CorpusDoc, error) {
	seedOnce.Do(func() {
		for i, f := range assets.Corpus() {
			doc, err := drafts.Parse(string(f.Data))
			if err != nil {
				seedErr = fmt.Errorf("%s: %w", f.Name, err)
				return
			}
			seedSrcs = append(seedSrcs, drafts.CorpusDoc{ID: int64(i + 1), Name: f.Name[:3], Doc: doc})
		}
	})
	return seedSrcs, seedErr
}

func seeds(t testing.TB) []drafts.CorpusDoc {
	t.Helper()
	s, err := SeedSources()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// seedSource returns the seed with the given prefix (000…004).
func seedSource(t testing.TB, prefix string) drafts.CorpusDoc {
	for _, s := range seeds(t) {
		if s.Name == prefix {
			return s
		}
	}
	t.Fatalf("no seed %s", prefix)
	return drafts.CorpusDoc{}
}

// Labelled is one query of testdata/labelled.json made ready to run.
type Labelled struct {
	ID       string
	From     string // seed prefix the query comes from
	City     string // that seed's city, excluded from the answers
	Text     string
	Heading  string
	Relevant map[string]bool // DOC:HEADING
	Note     string
}

// LoadLabelled reads testdata/labelled.json and resolves each query's
// clause to its text.
func LoadLabelled() ([]Labelled, error) {
	data, err := os.ReadFile("testdata/labelled.json")
	if err != nil {
		return nil, err
	}
	var file struct {
		Queries []struct {
			From, Clause, Text, Note string
			Relevant                 []string
		}
	}
	if err := json.Unmarshal(data, &file); err != nil {
		return nil, err
	}
	srcs, err := SeedSources()
	if err != nil {
		return nil, err
	}
	byName := map[string]drafts.CorpusDoc{}
	for _, s := range srcs {
		byName[s.Name] = s
	}
	var out []Labelled
	for _, q := range file.Queries {
		src, ok := byName[q.From]
		if !ok {
			return nil, fmt.Errorf("labelled: no seed %q", q.From)
		}
		l := Labelled{From: q.From, City: src.Doc.City, Text: q.Text, Note: q.Note, Relevant: map[string]bool{}}
		if q.Clause != "" {
			c, err := clauseByHeading(src, q.Clause)
			if err != nil {
				return nil, err
			}
			l.ID, l.Text, l.Heading = q.From+":"+q.Clause, c.Text, c.Heading
		} else {
			l.ID = "「" + q.Text + "」"
		}
		for _, r := range q.Relevant {
			doc, head, _ := strings.Cut(r, ":")
			if _, err := clauseByHeading(byName[doc], head); err != nil {
				return nil, fmt.Errorf("labelled %s: relevant %s: %w", l.ID, r, err)
			}
			l.Relevant[r] = true
		}
		out = append(out, l)
	}
	return out, nil
}

func clauseByHeading(src drafts.CorpusDoc, heading string) (drafts.Clause, error) {
	if src.Doc == nil {
		return drafts.Clause{}, fmt.Errorf("no document")
	}
	for _, c := range src.Doc.Clauses() {
		if c.Heading == heading {
			return c, nil
		}
	}
	return drafts.Clause{}, fmt.Errorf("%s has no clause %q", src.Name, heading)
}

// Ranker answers a labelled query with DOC:HEADING keys, best first.
type Ranker func(l Labelled, k int) []string

// HitAt5 runs every labelled query through rank and returns hit@5 (share
// of queries with a relevant clause in the top five), MRR over the top
// ten, and a line for each miss.
func HitAt5(qs []Labelled, rank Ranker) (hit, mrr float64, misses []string) {
	hits := 0
	for _, q := range qs {
		got := rank(q, 10)
		first := 0
		for i, g := range got {
			if q.Relevant[g] {
				first = i + 1
				break
			}
		}
		if first > 0 {
			mrr += 1 / float64(first)
		}
		if first > 0 && first <= 5 {
			hits++
			continue
		}
		top := got
		if len(top) > 5 {
			top = top[:5]
		}
		misses = append(misses, fmt.Sprintf("%s (rank %d): top 5 %v", q.ID, first, top))
	}
	n := float64(len(qs))
	return float64(hits) / n, mrr / n, misses
}

// BankRanker ranks with a bank built from the seeds.
func BankRanker(b *Bank) Ranker {
	return func(l Labelled, k int) []string {
		var out []string
		for _, s := range b.Suggest(Query{Text: l.Text, Heading: l.Heading, K: k, ExcludeCities: []string{l.City}}) {
			out = append(out, s.Source+":"+s.Heading)
		}
		return out
	}
}
