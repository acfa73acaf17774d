package workspace

import (
	"path/filepath"
	"testing"
)

func TestParseRef(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Ref
	}{
		{"002.txt", Ref{Kind: RefFile, Path: "002.txt"}},
		{"/tmp/draft:1", Ref{Kind: RefFile, Path: "/tmp/draft:1"}},
		{"draft:3", Ref{Kind: RefDraft, ID: 3}},
		{"draft:3@2", Ref{Kind: RefVersion, ID: 3, N: 2}},
		{"corpus:5", Ref{Kind: RefCorpus, ID: 5}},
	} {
		got, err := ParseRef(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("%s: %+v %v, want %+v", tc.in, got, err, tc.want)
		}
		if got.String() != tc.in {
			t.Errorf("%s writes back as %s", tc.in, got)
		}
	}
	for _, bad := range []string{"draft:", "draft:0", "draft:x", "draft:1@", "draft:1@0", "draft:1@-1", "corpus:", "corpus:0", "corpus:1@2"} {
		if _, err := ParseRef(bad); err == nil {
			t.Errorf("%s: read", bad)
		}
	}
}

func TestReadRef(t *testing.T) {
	w, err := Open(filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	d, err := w.CreateDraft("t", "", "一、总则\n1.第一条。\n", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.SaveVersion(d.ID, -1, "一、总则\n1.第一条。\n2.第二条。\n", ""); err != nil {
		t.Fatal(err)
	}
	read := func(r Ref) Source {
		t.Helper()
		s, err := w.Read(r)
		if err != nil {
			t.Fatalf("%s: %v", r, err)
		}
		return s
	}
	if s := read(Ref{Kind: RefDraft, ID: d.ID}); s.Name() != s.Ref.String() || s.Ref.Kind != RefVersion || s.Ref.N != 2 {
		t.Errorf("draft:ID without a working text: %+v", s.Ref)
	}
	if s := read(Ref{Kind: RefVersion, ID: d.ID, N: 1}); s.Text != "一、总则\n1.第一条。\n" {
		t.Errorf("draft:ID@1: %q", s.Text)
	}
	if err := w.SetWorking(d.ID, "工作稿"); err != nil {
		t.Fatal(err)
	}
	if s := read(Ref{Kind: RefDraft, ID: d.ID}); s.Text != "工作稿" || s.Ref.Kind != RefDraft {
		t.Errorf("draft:ID with a working text: %+v %q", s.Ref, s.Text)
	}
	docs, err := w.CorpusDocs()
	if err != nil || len(docs) == 0 {
		t.Fatal(docs, err)
	}
	full, err := w.CorpusDoc(docs[0].ID)
	if s := read(Ref{Kind: RefCorpus, ID: docs[0].ID}); err != nil || s.Text == "" || s.Text != full.Text {
		t.Error("corpus:ID is not the document's text")
	}
}
