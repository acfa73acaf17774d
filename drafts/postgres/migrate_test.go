package postgres

import (
	"strings"
	"testing"

	"qicao/assets"
	"qicao/drafts"
)

// TestNewerSchemaRefused: a program meeting a schema newer than it knows
// refuses it with a message, and writes nothing.
func TestNewerSchemaRefused(t *testing.T) {
	name, owner := newDB(t)
	if err := owner.exec(nil, `UPDATE qicao.schema_version SET version = 99`); err != nil {
		t.Fatal(err)
	}
	_, err := Open(cluster.URL(name, admin))
	if err == nil || !strings.Contains(err.Error(), "数据库版本 99 高于本程序支持的版本") {
		t.Fatalf("Open on a newer schema: %v", err)
	}
}

// TestMigrationsRunOnce: opening again runs nothing twice, and the schema
// version is the number of migration files.
func TestMigrationsRunOnce(t *testing.T) {
	name, _ := newDB(t)
	again, err := Open(cluster.URL(name, admin))
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	names, _ := migrations()
	if v, err := again.SchemaVersion(); err != nil || v != len(names) || v < 1 {
		t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, len(names))
	}
}

// TestOfficerCannotMigrate: an officer meeting a database without the
// schema is told to have the administrator run db init.
func TestOfficerCannotMigrate(t *testing.T) {
	_, _ = newDB(t)
	empty := cluster.NewDatabase(t, admin)
	cluster.Role(t, "plain_"+empty, "LOGIN")
	_, err := Open(cluster.URL(empty, "plain_"+empty))
	if err == nil || !strings.Contains(err.Error(), "db init") {
		t.Fatalf("officer on an empty database: %v", err)
	}
}

// TestMigration003DropsDocJSON: the lossy copies of corpus documents'
// structure written before migration 003 go when the owner opens the
// database, and the document is read from its text.
func TestMigration003DropsDocJSON(t *testing.T) {
	name, owner := newDB(t)
	f := assets.Corpus()[0]
	doc, err := drafts.Parse(string(f.Data))
	if err != nil {
		t.Fatal(err)
	}
	d, err := owner.AddCorpusDoc(f.Name, string(f.Data), doc, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := owner.exec(nil, `UPDATE qicao.corpus_docs SET doc_json = '{"title":"旧的副本"}' WHERE id = $1`, d.ID); err != nil {
		t.Fatal(err)
	}
	if err := owner.exec(nil, `UPDATE qicao.schema_version SET version = 2`); err != nil {
		t.Fatal(err)
	}
	again, err := Open(cluster.URL(name, admin))
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	var left int
	if err := again.queryRow(`SELECT COUNT(*) FROM qicao.corpus_docs WHERE doc_json IS NOT NULL`, nil, &left); err != nil || left != 0 {
		t.Fatalf("%d doc_json left after migration 003 (%v)", left, err)
	}
	if v, err := again.SchemaVersion(); err != nil || v < 3 {
		t.Fatalf("SchemaVersion = %d, %v", v, err)
	}
	if got, err := again.CorpusDoc(d.ID); err != nil || got.Doc == nil || got.Doc.Meta.Title != doc.Meta.Title {
		t.Fatalf("after migration: %+v, %v", got.Doc, err)
	}
}
