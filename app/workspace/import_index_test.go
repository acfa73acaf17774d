package workspace

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qicao/drafts"
	"qicao/drafts/sqlite"
	"qicao/templates"
)

// TestImportIndexes: a folder import stores the clause index with the
// documents, so the next process opens it and indexes nothing (the first
// suggestion after a 10,000-document import took 33 s when it did).
func TestImportIndexes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.db")
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := w.db.CorpusDocs()
	if err != nil {
		t.Fatal(err)
	}
	src, err := w.db.CorpusDoc(docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var files []string
	for i := range 3 {
		f := filepath.Join(dir, fmt.Sprintf("%d.txt", i))
		// Each a different text: the first clause's figure changed.
		text := strings.Replace(src.Text, "2026", fmt.Sprint(2030+i), 1)
		if err := os.WriteFile(f, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	p, err := w.ImportCorpus(context.Background(), files, func(string, error) {}, func(ImportProgress) {})
	if err != nil || p.Added != 3 {
		t.Fatalf("imported %+v: %v", p, err)
	}
	w.Close()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b, err := templates.OpenStoredBank(db, func(ids []int64) ([]drafts.CorpusDoc, error) {
		t.Errorf("documents %v not in the stored index after the import", ids)
		return nil, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, d := range docs {
		c, err := db.CorpusDoc(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		want += len(templates.ClausesOf(drafts.CorpusDoc{ID: c.ID, Doc: c.Doc}))
	}
	want += 3 * len(templates.ClausesOf(drafts.CorpusDoc{ID: src.ID, Doc: src.Doc}))
	if b.Len() != want {
		t.Errorf("stored index holds %d clauses, want %d", b.Len(), want)
	}
}
