package workspace

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"qicao/assets"
	"qicao/drafts"
	"qicao/templates"
)

// DraftGaps, which works out only what changed since its last call, gives
// what Workspace.Gaps gives from nothing: for the 泰安 draft, for it with
// a clause deleted and a measure of another city typed in, and after a
// corpus document is removed.
func TestDraftGapsSameAsGaps(t *testing.T) {
	w, err := Open(filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	doc, err := drafts.Parse(string(assets.Corpus()[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	g := w.DraftGaps()
	same := func(step string, doc *drafts.Document) []templates.GapGroup {
		t.Helper()
		want, err := w.Gaps(context.Background(), doc, templates.GapOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := g.Gaps(context.Background(), doc, templates.GapOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: %d topics, want %d:\n got %+v\nwant %+v", step, len(got), len(want), got, want)
		}
		return want
	}
	first := same("draft", doc)
	cs := doc.Clauses()
	e, err := drafts.Delete(doc, cs[3].Node)
	if err != nil {
		t.Fatal(err)
	}
	doc, err = drafts.Parse(e.Text)
	if err != nil {
		t.Fatal(err)
	}
	same("deleted", doc)
	c := doc.Clauses()[4]
	doc, err = drafts.Parse(strings.Replace(doc.Source, c.Text, c.Text+"推进"+first[0].Topic+"。", 1))
	if err != nil {
		t.Fatal(err)
	}
	same("typed", doc)
	if err := w.RemoveCorpusDoc(first[0].Gaps[0].SourceID); err != nil {
		t.Fatal(err)
	}
	same("corpus document removed", doc)
}
