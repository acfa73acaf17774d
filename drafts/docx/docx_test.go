package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qicao/drafts"
)

// seedDoc parses a document of the built-in corpus by its number prefix.
func seedDoc(t testing.TB, prefix string) *drafts.Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "assets", "corpus", prefix+"_*.txt"))
	if err != nil || len(files) != 1 {
		t.Fatalf("seed %s: %v %v", prefix, files, err)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	d, err := drafts.Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// draftDocx writes a seed as a draft .docx in memory.
func draftDocx(t testing.TB, prefix string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteDraft(&buf, seedDoc(t, prefix), Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestElementOrderTable(t *testing.T) {
	old, new := taianPair(t)
	var buf bytes.Buffer
	if err := WriteTable(&buf, drafts.Compare(old, new, drafts.CompareOptions{}), Options{}); err != nil {
		t.Fatal(err)
	}
	checkPackage(t, "table", buf.Bytes())
}

// TestTableRows checks the rows of the 泰安 table: one per change, a
// merger and a split each in one row, unchanged clauses left out.
func TestTableRows(t *testing.T) {
	old, new := taianPair(t)
	c := drafts.Compare(old, new, drafts.CompareOptions{})
	rows := tableRows(c, false)
	kinds := map[string]int{}
	for _, r := range rows {
		note := r.note.Paras[0].Runs[0].Text
		kind, _, _ := strings.Cut(note, "；")
		kinds[kind]++
	}
	s := c.Summary
	if kinds["新增"] != s.Added || kinds["删除"] != s.Deleted || kinds["修改"] != s.Modified {
		t.Errorf("rows by kind %v, summary %+v", kinds, s)
	}
	if kinds["合并"] == 0 || kinds["合并"] >= s.Merged || kinds["拆分"] == 0 || kinds["拆分"] >= s.Split {
		t.Errorf("mergers and splits not gathered into one row each: %v, summary %+v", kinds, s)
	}
}
