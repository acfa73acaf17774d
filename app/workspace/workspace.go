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
)

// Workspace is an open database with its first-start content in place.
type Workspace struct {
	DB   Store
	bank bankState
}

// Open opens the database at path ("" for the default: $QICAO_DB, else
// the user's config dir) and seeds it if it is new. A postgres:// URL
// opens a bureau's server instead (see OpenServer).
func Open(path string) (*Workspace, error) {
	if postgres.IsURL(path) || (path == "" && postgres.IsURL(os.Getenv("QICAO_DB"))) {
		if path == "" {
			path = os.Getenv("QICAO_DB")
		}
		return OpenServer(path)
	}
	if path == "" {
		p, err := sqlite.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	db, err := sqlite.Open(path)
	if err != nil {
		return nil, err
	}
	w := &Workspace{DB: db}
	if err := w.seed(); err != nil {
		db.Close()
		return nil, err
	}
	return w, nil
}

// OpenServer opens a Qicao database on a PostgreSQL server. It seeds
// nothing: the corpus and templates are loaded once, by `qicao db init`,
// and each officer's drafts are their own.
func OpenServer(url string) (*Workspace, error) {
	db, err := postgres.Open(url)
	if err != nil {
		return nil, err
	}
	return &Workspace{DB: db}, nil
}

// Close closes the database.
func (w *Workspace) Close() error { return w.DB.Close() }

// The example draft: 泰安's draft for comments as version 1 and the issued
// text as version 2, so comparison and suggestions can be tried at once.
const (
	exampleDraft  = "000_821d8b4d3cdede77.txt"
	exampleIssued = "002_5544c373c39e6580.txt"
)

// seed loads the built-in corpus, the built-in templates and the example
// draft into a database that has neither corpus nor drafts: a new one.
func (w *Workspace) seed() error {
	empty, err := w.DB.CorpusEmpty()
	if err != nil || !empty {
		return err
	}
	list, err := w.DB.Drafts()
	if err != nil || len(list) > 0 {
		return err
	}
	files := map[string]seedFile{}
	for _, f := range assets.Corpus() {
		text := string(f.Data)
		doc, err := drafts.Parse(text)
		if err != nil {
			return fmt.Errorf("内置参考文件 %s：%w", f.Name, err)
		}
		if _, err := w.DB.AddCorpusDoc(f.Name, text, doc, true); err != nil {
			return err
		}
		files[f.Name] = seedFile{text, doc}
	}
	if err := w.seedTemplates(); err != nil {
		return err
	}
	return w.seedExample(files[exampleDraft], files[exampleIssued])
}

// seedFile is a built-in corpus file, parsed once for the corpus and the
// example draft.
type seedFile struct {
	text string
	doc  *drafts.Document
}

// seedExample makes the example draft from the two files cleaned: the
// officer first sees the document, not the web page it was copied from
// (the page stays as it was in the corpus).
func (w *Workspace) seedExample(draft, issued seedFile) error {
	if draft.doc == nil || issued.doc == nil {
		return drafts.ErrEmpty // a missing file, as parsing its empty text said
	}
	draftText, draftDoc, err := cleaned(draft.text)
	if err != nil {
		return err
	}
	issuedText, issuedDoc, err := cleaned(issued.text)
	if err != nil {
		return err
	}
	d, err := w.DB.CreateDraft(draftDoc.Title+"（示例）", draftDoc.City, draftText, "征求意见稿（示例）", draftDoc)
	if err != nil {
		return err
	}
	_, err = w.DB.SaveVersion(d.ID, issuedText, "印发稿 "+issuedDoc.Number+"（示例）", issuedDoc)
	return err
}

// cleaned returns text without the boilerplate the parser leaves out,
// parsed.
func cleaned(text string) (string, *drafts.Document, error) {
	clean, _ := drafts.CleanText(text)
	doc, err := drafts.Parse(clean)
	return clean, doc, err
}
