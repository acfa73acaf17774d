package workspace

import (
	"qicao/drafts"
	"qicao/drafts/sqlite"
)

// Store is the store contract: where a workspace keeps drafts, their
// immutable versions, working texts, the corpus and the templates. Two
// stores keep it, and one contract test suite (workspace/storetest) holds
// both to it: *sqlite.DB, the embedded default, and *postgres.DB, a
// bureau's shared server. Errors match sqlite.ErrNotFound and
// sqlite.ErrExists under errors.Is in both.
type Store interface {
	// Drafts and versions.
	CreateDraft(title, city, text, note string) (drafts.Draft, error)
	SaveVersion(draftID int64, text, note string) (drafts.Version, error)
	// SaveVersionOn saves text as version base+1 or, when someone saved
	// since base, writes nothing and returns a *sqlite.ConflictError.
	SaveVersionOn(draftID int64, base int, text, note string) (drafts.Version, error)
	Drafts() ([]drafts.Draft, error)
	Draft(id int64) (drafts.Draft, error)
	Versions(draftID int64) ([]drafts.Version, error)
	Version(draftID int64, n int) (drafts.Version, error)
	RenameDraft(id int64, title string) error
	DeleteDraft(id int64) error

	// The officer's autosaved text of a draft.
	SetWorking(draftID int64, text string) error
	ClearWorking(draftID int64) error
	Working(draftID int64) (text string, ok bool, err error)

	// The corpus.
	AddCorpusDoc(name, text string, doc *drafts.Document, builtin bool) (drafts.CorpusDoc, error)
	CorpusDocs() ([]drafts.CorpusDoc, error)
	CorpusDoc(id int64) (drafts.CorpusDoc, error)
	CorpusClauses(docID int64) ([]sqlite.CorpusClause, error)
	RemoveCorpusDoc(id int64) error
	CorpusEmpty() (bool, error)

	// Templates.
	SaveTemplate(t sqlite.TemplateRow) error
	Templates() ([]sqlite.TemplateRow, error)
	Template(name string) (sqlite.TemplateRow, error)
	DeleteTemplate(name string) error

	// Path names the database: a file path or a server URL.
	Path() string
	Close() error
}

var _ Store = (*sqlite.DB)(nil)
