package postgres

import (
	"errors"

	"qicao/drafts/sqlite"
)

// The store's entity types and error kinds are the SQLite store's, so that
// both satisfy one contract.
type (
	Draft        = sqlite.Draft
	Version      = sqlite.Version
	CorpusDoc    = sqlite.CorpusDoc
	CorpusClause = sqlite.CorpusClause
	TemplateRow  = sqlite.TemplateRow
)

var (
	// ErrNotFound: a missing draft, version, corpus document or template.
	ErrNotFound = sqlite.ErrNotFound
	// ErrExists: a corpus document name already taken.
	ErrExists = sqlite.ErrExists
	// ErrConflict: a save whose base is no longer the latest version.
	ErrConflict = errors.New("草稿已被他人保存了新版本")
)
