package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"qicao/drafts"
)

func TestWriteCompareDocx(t *testing.T) {
	load := func(name string) *loadedDoc {
		env := &Env{}
		ld, err := loadDocument(env, filepath.Join("..", "..", "assets", "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		return ld
	}
	old, new := load("000_821d8b4d3cdede77.txt"), load("002_5544c373c39e6580.txt")
	c := drafts.Compare(old.Doc, new.Doc, drafts.CompareOptions{})
	dir := t.TempDir()
	var out bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &out}
	tracked, table := filepath.Join(dir, "修订.docx"), filepath.Join(dir, "对照表.docx")
	if err := writeCompareDocx(env, &outputs{}, c, old, new, tracked, table, false); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{tracked, table} {
		if b, err := os.ReadFile(p); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
			t.Errorf("%s: not written as a zip (%v)", p, err)
		}
	}
}

func TestExportDocx(t *testing.T) {
	out := filepath.Join(t.TempDir(), "draft.docx")
	var stdout, stderr bytes.Buffer
	src := filepath.Join("..", "..", "assets", "corpus", "002_5544c373c39e6580.txt")
	if code := Main([]string{"export", "docx", src, "-o", out}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("export wrote no .docx: %v", err)
	}
	if code := Main([]string{"export", "docx", src}, nil, &stdout, &stderr); code != 2 {
		t.Errorf("export without -o: exit %d, want 2", code)
	}
}
