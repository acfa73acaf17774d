package workspace

import (
	"os"
	"path/filepath"
	"testing"

	"qicao/drafts"
)

// TestCleanWorking: the 泰安 issued text as saved from the web, pasted
// over a draft's working text, is kept as a version of its own and the
// working text becomes drafts.CleanText's; the same text already the
// latest version is not saved twice; a clean text changes nothing.
func TestCleanWorking(t *testing.T) {
	w, err := Open(filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	raw, err := os.ReadFile("../../assets/corpus/002_5544c373c39e6580.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, removed := drafts.CleanText(string(raw))
	if len(removed) < 5 {
		t.Fatalf("002 has %d lines of boilerplate", len(removed))
	}
	d, err := w.CreateDraft("泰安", "泰安", "一、总体要求\n坚持创新。\n", "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := w.CleanWorking(d.ID, 1, string(raw), "导入原文（清理前）")
	if err != nil || !c.Saved || c.Kept.N != 2 || c.Text != want || len(c.Removed) != len(removed) {
		t.Fatalf("cleaned: saved %v, kept %d, %d removed, err %v", c.Saved, c.Kept.N, len(c.Removed), err)
	}
	if v, _ := w.Version(d.ID, 2); v.Text != string(raw) || v.Note != "导入原文（清理前）" {
		t.Errorf("version 2 is %.40q, note %q", v.Text, v.Note)
	}
	if text, ok, _ := w.Working(d.ID); !ok || text != want {
		t.Errorf("working text %.40q, ok %v", text, ok)
	}

	again, err := w.CleanWorking(d.ID, 2, string(raw), "x")
	if err != nil || again.Saved || again.Kept.N != 2 {
		t.Errorf("the original saved twice: %+v, %v", again.Kept, err)
	}
	if c, err := w.CleanWorking(d.ID, 2, want, "x"); err != nil || len(c.Removed) != 0 || c.Saved {
		t.Errorf("a clean text: %d removed, saved %v, %v", len(c.Removed), c.Saved, err)
	}
	if vs, _ := w.Versions(d.ID); len(vs) != 2 {
		t.Errorf("%d versions", len(vs))
	}
	if _, err := w.CleanWorking(d.ID, 1, string(raw)+"。", "x"); err == nil {
		t.Error("a clean-up on a stale base was saved")
	}
}
