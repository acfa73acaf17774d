package sqlite

import (
	"os"
	"strings"
	"testing"

	"qicao/drafts"
)

// TestCorpusTextDeflated: a corpus document's text is stored deflated, in
// under half its size for a real document, and read back the same; a text
// deflate cannot shrink is stored as it is; a damaged deflated text is an
// error, never a text.
func TestCorpusTextDeflated(t *testing.T) {
	db := openTest(t)
	b, err := os.ReadFile("../../assets/corpus/000_821d8b4d3cdede77.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := drafts.Parse(string(b))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text string
		deflated   bool
	}{
		{"泰安", string(b), true},
		{"短", "一、总则", false},
	} {
		var d *drafts.Document
		if tc.deflated {
			d = doc
		}
		got, err := db.AddCorpusDoc(tc.name, tc.text, d, false)
		if err != nil {
			t.Fatal(err)
		}
		var plain string
		var z []byte
		if err := db.sql.QueryRow(`SELECT text, text_z FROM corpus_docs WHERE id = ?`, got.ID).Scan(&plain, &z); err != nil {
			t.Fatal(err)
		}
		if tc.deflated && (plain != "" || len(z) == 0 || len(z) > len(tc.text)/2) {
			t.Errorf("%s: stored %d bytes as they are and %d deflated, of %d", tc.name, len(plain), len(z), len(tc.text))
		}
		if !tc.deflated && (plain != tc.text || z != nil) {
			t.Errorf("%s: stored %q and %d deflated bytes", tc.name, plain, len(z))
		}
		back, err := db.CorpusDoc(got.ID)
		if err != nil || back.Text != tc.text {
			t.Errorf("%s: read back %d bytes (%v), want %d", tc.name, len(back.Text), err, len(tc.text))
		}
	}
	if _, err := inflateText([]byte("不是压缩数据")); err == nil {
		t.Error("damaged deflated text read without error")
	}
	if _, err := db.sql.Exec(`UPDATE corpus_docs SET text_z = substr(text_z, 1, 100) WHERE name = '泰安'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CorpusClauses(0); err == nil || !strings.Contains(err.Error(), "读取参考条款失败") {
		t.Errorf("clauses of a truncated text: %v, want 读取参考条款失败", err)
	}
}
