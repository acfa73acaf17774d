package postgres

import (
	"qicao/drafts"
	"qicao/drafts/sqlite"
)

// The store's entity types are the domain's, its rows and error kinds the
// SQLite store's, so that both satisfy one contract.
type (
	Draft        = drafts.Draft
	Version      = drafts.Version
	CorpusDoc    = drafts.CorpusDoc
	CorpusClause = sqlite.CorpusClause
	TemplateRow  = sqlite.TemplateRow
	// ConflictError is a save refused because someone saved meanwhile.
	ConflictError = sqlite.ConflictError
)

var (
	// ErrNotFound: a missing draft, version, corpus document or template.
	ErrNotFound = sqlite.ErrNotFound
	// ErrExists: a corpus document name already taken.
	ErrExists = sqlite.ErrExists
	// ErrConflict: a save whose base is no longer the latest version.
	ErrConflict = sqlite.ErrConflict
)
