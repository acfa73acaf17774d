// Package workspace is what Qicao's two front ends, the window and the
// command line, share: it opens the officer's database and, on first
// start, fills it with the built-in corpus and an example draft.
package workspace

import (
	"fmt"
	"os"

	"qicao/assets"
	"qicao/drafts"
	"qicao/drafts/postgres"
	"qicao/drafts/sqlite"
	"qicao/templates"
)

// Workspace is an open database with its first-start content in place.
type Workspace struct {
	db     Store // the store; reached only through the workspace (StoreOf in tests)
	bank   bankState
	index  indexState
	outbox outbox
	quick  bool // opened by OpenQuickly: CheckRest has a check to make
}

// Open opens the database at path ("" for the default: $QICAO_DB, else
// the user's config dir) and seeds it if it is new. A postgres:// URL
// opens a bureau's server instead (see OpenServer).
func Open(path string) (*Workspace, error) { return open(path, false) }

// OpenQuickly opens as Open does, but a database file is checked before
// opening only in the officer's own tables (drafts, versions, templates):
// the window calls CheckRest once it shows, for the rest of the file and
// the daily backup. A server opens as with Open.
func OpenQuickly(path string) (*Workspace, error) { return open(path, true) }

// CheckRest checks what OpenQuickly left unchecked and then makes the
// daily backup (see sqlite.DB.CheckRest): a damaged file is an
// *OpenError. Nothing for a server, or a workspace opened otherwise
// (checked already).
func (w *Workspace) CheckRest() error {
	if db, ok := w.db.(*sqlite.DB); ok && w.quick {
		return db.CheckRest()
	}
	return nil
}

// Damaged reports whether the database file has been found damaged while
// in use (never for a server).
func (w *Workspace) Damaged() bool {
	db, ok := w.db.(*sqlite.DB)
	return ok && db.Damaged()
}

// BackupProblem is why the day's automatic backup failed, or nil (always
// for a server, which the bureau backs up).
func (w *Workspace) BackupProblem() error {
	if db, ok := w.db.(*sqlite.DB); ok {
		return db.BackupProblem()
	}
	return nil
}

// open opens a workspace, a database file with sqlite.OpenQuickly if
// quick, else with sqlite.Open.
func open(path string, quick bool) (*Workspace, error) {
	if postgres.IsURL(path) || (path == "" && postgres.IsURL(os.Getenv("QICAO_DB"))) {
		if path == "" {
			path = os.Getenv("QICAO_DB")
		}
		return OpenServer(path)
	}
	path, err := ResolvePath(path)
	if err != nil {
		return nil, err
	}
	openFile := sqlite.Open
	if quick {
		openFile = sqlite.OpenQuickly
	}
	db, err := openFile(path)
	if err != nil {
		return nil, err
	}
	if err := seed(db); err != nil {
		db.Close()
		return nil, err
	}
	return &Workspace{db: db, quick: quick}, nil
}

// OpenServer opens a Qicao database on a PostgreSQL server. It seeds
// nothing: the corpus and templates are loaded once, by `qicao db init`,
// and each officer's drafts are their own. Versions kept on the
// officer's disk while the server could not be reached are saved now
// (see SaveVersion).
func OpenServer(url string) (*Workspace, error) {
	dir, err := outboxDir(url)
	if err != nil {
		return nil, err
	}
	db, err := postgres.Open(url)
	if err != nil {
		return nil, err
	}
	w := &Workspace{db: db}
	w.outbox.dir = dir
	w.FlushOutbox() // what it cannot save yet stays, for the next save
	return w, nil
}

// OpenReadOnly opens the database file at path ("" for the default) for
// reading only, for a database Open refused as damaged, newer or
// read-only: the officer can still read and export every draft. Nothing
// is seeded and every write is refused.
func OpenReadOnly(path string) (*Workspace, error) {
	path, err := ResolvePath(path)
	if err != nil {
		return nil, err
	}
	db, err := sqlite.OpenReadOnly(path)
	if err != nil {
		return nil, err
	}
	return &Workspace{db: db}, nil
}

// Close closes the database.
func (w *Workspace) Close() error {
	w.index.mu.Lock()
	if w.index.index != nil {
		w.index.index.Close() // stops a rewrite of the index that is running
	}
	w.index.mu.Unlock()
	return w.db.Close()
}

// The example draft: 泰安's draft for comments as version 1 and the issued
// text as version 2, so comparison and suggestions can be tried at once.
const (
	exampleDraft  = "000_821d8b4d3cdede77.txt"
	exampleIssued = "002_5544c373c39e6580.txt"
)

// seed fills a new database with the built-in corpus, the built-in
// templates and the example draft, in one transaction: a start killed
// half-way leaves nothing, and of several first starts at once exactly
// one seeds.
func seed(db *sqlite.DB) error {
	fresh, err := db.Fresh()
	if err != nil || !fresh {
		return err
	}
	s, err := builtinSeed()
	if err != nil {
		return err
	}
	_, err = db.SeedOnce(s)
	return err
}

// builtinSeed parses the built-in corpus and templates into a seed. The
// example draft's versions are the two files cleaned: the officer first
// sees the document, not the web page it was copied from (the page stays
// as it was in the corpus).
func builtinSeed() (sqlite.Seed, error) {
	var s sqlite.Seed
	files := map[string]sqlite.SeedDoc{}
	for _, f := range assets.Corpus() {
		text := string(f.Data)
		doc, err := drafts.Parse(text)
		if err != nil {
			return s, fmt.Errorf("内置参考文件 %s：%w", f.Name, err)
		}
		d := sqlite.SeedDoc{Name: f.Name, Text: text, Doc: doc}
		s.Corpus = append(s.Corpus, d)
		files[f.Name] = d
	}
	builtin, err := templates.Builtin()
	if err != nil {
		return s, err
	}
	for _, t := range builtin {
		row, err := templateRow(t, true)
		if err != nil {
			return s, err
		}
		s.Templates = append(s.Templates, row)
	}
	draft, err := exampleVersion(files[exampleDraft], "征求意见稿（示例）")
	if err != nil {
		return s, err
	}
	issued, err := exampleVersion(files[exampleIssued], "")
	if err != nil {
		return s, err
	}
	issued.Note = "印发稿 " + issued.Doc.Number + "（示例）"
	s.Drafts = []sqlite.SeedDraft{{Title: draft.Doc.Title + "（示例）", City: draft.Doc.City,
		Versions: []sqlite.SeedVersion{draft, issued}}}
	return s, nil
}

// exampleVersion is a version of the example draft: the file cleaned.
func exampleVersion(f sqlite.SeedDoc, note string) (sqlite.SeedVersion, error) {
	if f.Doc == nil {
		return sqlite.SeedVersion{}, drafts.ErrEmpty // a missing file, as parsing its empty text said
	}
	text, doc, err := cleaned(f.Text)
	if err != nil {
		return sqlite.SeedVersion{}, err
	}
	return sqlite.SeedVersion{Text: text, Note: note, Doc: doc}, nil
}

// cleaned returns text without the boilerplate the parser leaves out,
// parsed.
func cleaned(text string) (string, *drafts.Document, error) {
	clean, _ := drafts.CleanText(text)
	doc, err := drafts.Parse(clean)
	return clean, doc, err
}
