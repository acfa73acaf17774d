package proof

import (
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// documents returns every real document the checks are measured on: the
// built-in corpus and testdata.
func documents(t testing.TB) map[string]string {
	out := map[string]string{}
	for _, pat := range []string{"../../assets/corpus/*.txt", "testdata/*.txt"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			out[filepath.Base(f)] = parseFile(t, f).Source
		}
	}
	return out
}

// TestFixChangesOnlyItsSpan: on every real document, each fix names a
// span of whole characters holding the text it reports, applying it alone
// changes nothing outside that span, and the result parses to the same
// structure — or, for a fix that restores a mistyped article number
// (条五条 → 第五条), the same structure with that article.
func TestFixChangesOnlyItsSpan(t *testing.T) {
	for name, src := range documents(t) {
		doc := parseText(t, src)
		shape := Shape(doc)
		for _, it := range Check(doc, Options{Hints: true, Organs: seedOrgans(t)}) {
			for _, e := range it.Edits() {
				if e.Start < 0 || e.End > len(src) || e.Start > e.End ||
					!utf8.RuneStart(src[e.Start]) || e.End < len(src) && !utf8.RuneStart(src[e.End]) {
					t.Fatalf("%s: %s: span %d-%d not on character boundaries", name, it.ID, e.Start, e.End)
				}
				out, skipped := Apply(src, []Edit{e})
				if skipped != 0 {
					t.Fatalf("%s: %s: edit refused", name, it.ID)
				}
				if out[:e.Start] != src[:e.Start] || out[e.Start+len(e.Text):] != src[e.End:] {
					t.Errorf("%s: %s: text outside %d-%d changed", name, it.ID, e.Start, e.End)
				}
				if restoresLabel[it.ID] {
					if got, want := len(parseText(t, out).Clauses()), len(doc.Clauses())+1; got != want {
						t.Errorf("%s: %s %q→%q gives %d clauses, want %d (the article restored)", name, it.ID, src[e.Start:e.End], e.Text, got, want)
					}
					continue
				}
				if got := Shape(parseText(t, out)); got != shape {
					t.Errorf("%s: %s %q→%q changes the structure: %s → %s", name, it.ID, src[e.Start:e.End], e.Text, shape, got)
				}
			}
		}
	}
}

// TestFixSubsetsKeepStructure: any subset of the fixes, applied together,
// keeps the structure (a fix that restores a lost article number is meant
// to change it, and is tested above).
func TestFixSubsetsKeepStructure(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	for name, src := range documents(t) {
		doc := parseText(t, src)
		var items []Item
		for _, it := range Check(doc, Options{Organs: seedOrgans(t)}) {
			if !restoresLabel[it.ID] {
				items = append(items, it)
			}
		}
		edits := AllEdits(items)
		for round := 0; round < 20; round++ {
			var pick []Edit
			for _, e := range edits {
				if rng.Intn(2) == 0 {
					pick = append(pick, e)
				}
			}
			out, _ := Apply(src, pick)
			if got, want := Shape(parseText(t, out)), Shape(doc); got != want {
				t.Fatalf("%s: %d fixes change the structure %s → %s", name, len(pick), want, got)
			}
		}
	}
}

// TestApplyOverlap: of two overlapping edits the first is taken.
func TestApplyOverlap(t *testing.T) {
	out, skipped := Apply("领域领域，", []Edit{{0, 12, "领域"}, {6, 12, "x"}})
	if out != "领域，" || skipped != 1 {
		t.Errorf("got %q, skipped %d", out, skipped)
	}
	if !strings.HasPrefix(out, "领域") {
		t.Fail()
	}
}
