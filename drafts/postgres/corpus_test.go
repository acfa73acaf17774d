package postgres

import (
	"context"
	"reflect"
	"testing"

	"qicao/assets"
	"qicao/drafts"
)

// TestCorpusDocParsedFromText: the server keeps no copy of a corpus
// document's structure (doc_json is NULL, as on SQLite since its migration
// 004: the copy lost every span but paragraph spans, and the 责任单位); a
// document read back is its text parsed, spans and all, whether it was
// added or imported by qicao migrate.
func TestCorpusDocParsedFromText(t *testing.T) {
	_, db := newDB(t)
	f := assets.Corpus()[0]
	text := string(f.Data)
	doc, err := drafts.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	added, err := db.AddCorpusDoc(f.Name, text, doc, true)
	if err != nil {
		t.Fatal(err)
	}
	imported := drafts.CorpusDoc{Name: "迁移来的.txt", Text: text, Doc: doc, City: doc.Meta.City, Title: doc.Meta.Title}
	clauses, err := db.CorpusClauses(added.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ok, _, err := db.ImportCorpusDoc(imported, clauses); err != nil || !ok {
		t.Fatalf("import: %v %v", ok, err)
	}
	for _, name := range []string{f.Name, imported.Name} {
		var stored *string
		if err := db.pool.QueryRow(context.Background(), `SELECT doc_json FROM qicao.corpus_docs WHERE name = $1`, name).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		if stored != nil {
			t.Errorf("%s: doc_json written (%d bytes)", name, len(*stored))
		}
		d, err := db.CorpusDocByName(name)
		if err != nil {
			t.Fatal(err)
		}
		if d.Text != text || !reflect.DeepEqual(d.Doc, doc) {
			t.Errorf("%s: the document read back is not its text parsed", name)
		}
	}
	if d, err := db.CorpusDoc(added.ID); err != nil || !reflect.DeepEqual(d.Doc, doc) {
		t.Errorf("CorpusDoc(%d): not its text parsed (%v)", added.ID, err)
	}
}
