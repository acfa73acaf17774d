package postgres

import (
	"slices"
	"testing"

	"qicao/assets"
	"qicao/drafts"
	"qicao/templates"
)

// TestIndexedClausesAreTheDocumentsClauses: the clause rows a client builds
// its bank from on the server are the clauses of the stored documents, as
// parsing them again gives, in order.
func TestIndexedClausesAreTheDocumentsClauses(t *testing.T) {
	_, db := newDB(t)
	var want []templates.BankClause
	for _, f := range assets.Corpus() {
		doc, err := drafts.Parse(string(f.Data))
		if err != nil {
			t.Fatal(err)
		}
		d, err := db.AddCorpusDoc(f.Name, string(f.Data), doc, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range templates.ClausesOf(drafts.CorpusDoc{ID: d.ID, Name: d.Name, Doc: doc}) {
			c.City = doc.Meta.City // the bank folds the city; the row keeps it as written
			want = append(want, c)
		}
	}
	got, err := db.IndexedClauses()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(got) < 100 {
		t.Fatalf("%d clause rows, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.SourceID != w.SourceID || g.Source != w.Source || g.City != w.City || g.Number != w.Number ||
			g.Title != w.Title || g.Date != w.Date || g.Index != w.Index || g.Label != w.Label ||
			g.Ordinal != w.Ordinal || g.Heading != w.Heading || g.Text != w.Text || !slices.Equal(g.Path, w.Path) {
			t.Fatalf("row %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}
