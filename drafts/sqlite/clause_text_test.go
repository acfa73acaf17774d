package sqlite

import (
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"qicao/drafts"
)

// TestClauseTextAsRun: a corpus clause that is a run of its document's
// text is stored as the run's place, not a second copy (migration 007), and
// every read gives its text back; a clause that is no such run keeps its
// own. Rows written before the migration are turned into runs by it, to
// the same places.
func TestClauseTextAsRun(t *testing.T) {
	db := openTest(t)
	files, _ := filepath.Glob("../../assets/corpus/*.txt")
	if len(files) < 5 {
		t.Fatalf("seed files: %v", files)
	}
	type stored struct {
		own string
		at  int
	}
	rows := func(id int64) []stored {
		t.Helper()
		r, err := db.sql.Query(`SELECT text, text_at FROM corpus_clauses WHERE doc_id = ? ORDER BY idx`, id)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var out []stored
		for r.Next() {
			var s stored
			if err := r.Scan(&s.own, &s.at); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return out
	}
	check := func(id int64, doc *drafts.Document) {
		t.Helper()
		want := doc.Clauses()
		cs, err := db.CorpusClauses(id)
		if err != nil || len(cs) != len(want) {
			t.Fatalf("CorpusClauses: %d, %v; want %d", len(cs), err, len(want))
		}
		all, err := db.IndexedClauses()
		if err != nil {
			t.Fatal(err)
		}
		byIdx := map[int]string{}
		for _, c := range all {
			if c.SourceID == id {
				byIdx[c.Index] = c.Text
			}
		}
		for i, c := range want {
			k, err := db.IndexedClause(id, c.Index)
			if err != nil {
				t.Fatal(err)
			}
			if cs[i].Text != c.Text || k.Text != c.Text || byIdx[c.Index] != c.Text {
				t.Fatalf("clause %d %s%s read back as %q / %q / %q, want %q", c.Index, c.Label, c.Heading,
					cs[i].Text, k.Text, byIdx[c.Index], c.Text)
			}
		}
	}
	var ids []int64
	var docs []*drafts.Document
	var texts []string
	runs, total := 0, 0
	for _, f := range files[:5] {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := drafts.Parse(string(b))
		if err != nil {
			t.Fatal(err)
		}
		d, err := db.AddCorpusDoc(filepath.Base(f), string(b), doc, false)
		if err != nil {
			t.Fatal(err)
		}
		check(d.ID, doc)
		for _, s := range rows(d.ID) {
			total++
			if s.at > 0 && s.own == "" {
				runs++
			}
		}
		ids, docs, texts = append(ids, d.ID), append(docs, doc), append(texts, string(b))
	}
	// The seeds: 000's and 001's headings over lines of their own and
	// sentences re-joined are no runs; most clauses are.
	if runs < total*3/4 {
		t.Errorf("%d of %d clauses stored as runs of their document", runs, total)
	}
	t.Logf("%d of %d clauses stored as runs", runs, total)
	// Rows as an older Qicao wrote them (texts not deflated, clauses
	// copied), then the migration's updates.
	var before [][]stored
	for k, id := range ids {
		before = append(before, rows(id))
		if _, err := db.sql.Exec(`UPDATE corpus_docs SET text = ?, text_z = NULL WHERE id = ?`, texts[k], id); err != nil {
			t.Fatal(err)
		}
		for _, c := range docs[k].Clauses() {
			if _, err := db.sql.Exec(`UPDATE corpus_clauses SET text = ?, text_at = 0, text_len = 0 WHERE doc_id = ? AND idx = ?`,
				c.Text, id, c.Index); err != nil {
				t.Fatal(err)
			}
		}
	}
	body, err := fs.ReadFile(migrationFS, "migration/007_clause_text_spans.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range strings.Split(string(body), ";\n") {
		if i := strings.Index(stmt, "UPDATE"); i >= 0 {
			if _, err := db.sql.Exec(stmt[i:]); err != nil {
				t.Fatal(err)
			}
		}
	}
	for k, id := range ids {
		if got := rows(id); !reflect.DeepEqual(got, before[k]) {
			t.Errorf("document %d: migrated rows differ from rows written as runs", id)
		}
		check(id, docs[k])
	}
}

// TestMigrationsGiveSpaceBack: a database as migration 006 left it (each
// clause holding a copy of its text, every text as it is) is migrated on
// open to clause runs (007) and deflated texts (009) and rewritten, so the
// file shrinks by half at least; every clause and text reads as before.
func TestMigrationsGiveSpaceBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../assets/corpus/*.txt")
	want, texts := map[int64][]string{}, map[int64]string{}
	for i := range 40 {
		b, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Replace(string(b), "科技", "科学技术", i/len(files)+1) // another text each round
		doc, err := drafts.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		d, err := db.AddCorpusDoc(filepath.Base(files[i%len(files)])+strings.Repeat("_", i), text, doc, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range doc.Clauses() {
			want[d.ID] = append(want[d.ID], c.Text)
		}
		texts[d.ID] = text
	}
	db.Close()
	// The file as migration 006 left it.
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := raw.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for id, text := range texts {
		exec(`UPDATE corpus_docs SET text = ?, text_z = NULL WHERE id = ?`, text, id)
		for i, c := range want[id] {
			exec(`UPDATE corpus_clauses SET text = ? WHERE doc_id = ? AND idx = ?`, c, id, i)
		}
	}
	for _, q := range []string{
		`ALTER TABLE corpus_clauses DROP COLUMN text_at`,
		`ALTER TABLE corpus_clauses DROP COLUMN text_len`,
		`ALTER TABLE corpus_docs DROP COLUMN text_z`,
		`PRAGMA user_version = 6`,
		`VACUUM`,
	} {
		exec(q)
	}
	raw.Close()
	before := fileSize(t, path)
	if db, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	after := fileSize(t, path)
	t.Logf("file %d → %d bytes", before, after)
	if after > before/2 {
		t.Errorf("file %d → %d bytes after migrations 007–009, want half the size at most", before, after)
	}
	var plain int
	if err := db.sql.QueryRow(`SELECT COUNT(*) FROM corpus_docs WHERE text_z IS NULL`).Scan(&plain); err != nil || plain != 0 {
		t.Errorf("%d texts not deflated (%v)", plain, err)
	}
	for id, texts := range want {
		cs, err := db.CorpusClauses(id)
		if err != nil || len(cs) != len(texts) {
			t.Fatalf("document %d: %d clauses, %v", id, len(cs), err)
		}
		for i, c := range cs {
			if c.Text != texts[i] {
				t.Fatalf("document %d clause %d: %q, want %q", id, i, c.Text, texts[i])
			}
		}
	}
	for id, text := range texts {
		if d, err := db.CorpusDoc(id); err != nil || d.Text != text {
			t.Fatalf("document %d: text read back differs (%v)", id, err)
		}
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	for _, p := range []string{path + "-wal"} { // what a checkpoint has not moved in yet counts
		if fi, err := os.Stat(p); err == nil && fi.Size() > 0 {
			t.Logf("%s: %d bytes", filepath.Base(p), fi.Size())
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}
