package drafts

import (
	"os"
	"path/filepath"
	"testing"
)

// seed parses one of the built-in corpus documents by its number prefix.
func seed(t testing.TB, prefix string) *Document {
	t.Helper()
	return mustParse(t, seedText(t, prefix))
}

func seedText(t testing.TB, prefix string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "assets", "corpus", prefix+"_*.txt"))
	if err != nil || len(files) != 1 {
		t.Fatalf("seed %s: %v %v", prefix, files, err)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustParse(t testing.TB, text string) *Document {
	t.Helper()
	d, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// clausesAt returns the clauses numbered in the given label family.
func clausesAt(d *Document, f Family) []Clause {
	var out []Clause
	for _, c := range d.Clauses() {
		if c.Style.Family == f && c.Label != "" {
			out = append(out, c)
		}
	}
	return out
}
