package workspace

import (
	"path/filepath"
	"strings"
	"testing"

	"qicao/drafts"
)

func TestFirstStartSeeds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.db")
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := w.db.CorpusDocs()
	drafts, _ := w.db.Drafts()
	ts, err := w.Templates()
	if err != nil || len(docs) != 5 || len(drafts) != 1 || drafts[0].Versions != 2 || len(ts) < 20 {
		t.Fatalf("seeded %d docs, %d drafts, %d templates (%v)", len(docs), len(drafts), len(ts), err)
	}
	rows, _ := w.db.Templates()
	if len(rows) != len(ts) {
		t.Errorf("%d templates stored, %d listed", len(rows), len(ts))
	}
	// Reopening seeds nothing twice, even after the example draft is gone.
	w.db.DeleteDraft(drafts[0].ID)
	w.Close()
	if w, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	docs, _ = w.db.CorpusDocs()
	drafts, _ = w.db.Drafts()
	if len(docs) != 5 || len(drafts) != 0 {
		t.Errorf("reopened: %d docs, %d drafts", len(docs), len(drafts))
	}
}

// A corpus document added or removed before the bank is first built, or
// after, is in the bank or not as the database says.
func TestBankFollowsCorpus(t *testing.T) {
	w, err := Open(filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	docs, err := w.db.CorpusDocs()
	if err != nil || len(docs) < 2 {
		t.Fatalf("seeded %d docs (%v)", len(docs), err)
	}
	src, err := w.db.CorpusDoc(docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	change := func(remove int64, add string) int64 {
		if err := w.RemoveCorpusDoc(remove); err != nil {
			t.Fatal(err)
		}
		d, err := w.AddCorpusDoc(add, src.Text, src.Doc)
		if err != nil {
			t.Fatal(err)
		}
		return d.ID
	}
	sources := func() map[int64]bool {
		b, err := w.Bank()
		if err != nil {
			t.Fatal(err)
		}
		out := map[int64]bool{}
		for _, c := range b.Clauses() {
			out[c.SourceID] = true
		}
		return out
	}
	added := change(docs[0].ID, "before.txt") // the bank is not built yet
	if s := sources(); s[docs[0].ID] || !s[added] || len(s) != len(docs) {
		t.Errorf("bank built after the changes holds %v", s)
	}
	added = change(docs[1].ID, "after.txt")
	if s := sources(); s[docs[1].ID] || !s[added] || len(s) != len(docs) {
		t.Errorf("bank after the changes holds %v", s)
	}
}

// The example draft is seeded clean: its issued version opens on the
// 文号 and title, not on the web page it was copied from, which the corpus
// keeps as it was.
func TestExampleSeededClean(t *testing.T) {
	w, err := Open(filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	list, _ := w.db.Drafts()
	if len(list) != 1 {
		t.Fatalf("%d drafts", len(list))
	}
	v, err := w.db.Version(list[0].ID, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(v.Text, "泰政发〔2024〕5号\n泰安市人民政府关于") || strings.Contains(v.Text, "今天是") ||
		strings.Contains(v.Text, "分享到") || len(drafts.Boilerplate(v.Text)) != 0 {
		t.Errorf("version 2 starts %.60q", v.Text)
	}
	if doc, err := drafts.Parse(v.Text); err != nil || doc.Number != "泰政发〔2024〕5号" || len(doc.Clauses()) < 25 {
		t.Errorf("version 2 parsed as %+v, %v", doc, err)
	}
	docs, _ := w.db.CorpusDocs()
	raw := false
	for _, d := range docs {
		if full, err := w.db.CorpusDoc(d.ID); err == nil && strings.HasPrefix(full.Text, "今天是20241221星期六") {
			raw = true
		}
	}
	if !raw {
		t.Error("the raw web page is not in the corpus")
	}
}
