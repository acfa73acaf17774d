package workspace

import (
	"path/filepath"
	"testing"
)

func TestFirstStartSeeds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.db")
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := w.DB.CorpusDocs()
	drafts, _ := w.DB.Drafts()
	ts, err := w.Templates()
	if err != nil || len(docs) != 5 || len(drafts) != 1 || drafts[0].Versions != 2 || len(ts) < 20 {
		t.Fatalf("seeded %d docs, %d drafts, %d templates (%v)", len(docs), len(drafts), len(ts), err)
	}
	rows, _ := w.DB.Templates()
	if len(rows) != len(ts) {
		t.Errorf("%d templates stored, %d listed", len(rows), len(ts))
	}
	// Reopening seeds nothing twice, even after the example draft is gone.
	w.DB.DeleteDraft(drafts[0].ID)
	w.Close()
	if w, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	docs, _ = w.DB.CorpusDocs()
	drafts, _ = w.DB.Drafts()
	if len(docs) != 5 || len(drafts) != 0 {
		t.Errorf("reopened: %d docs, %d drafts", len(docs), len(drafts))
	}
}
