-- Qicao's first schema. Times are TEXT in UTC, 'YYYY-MM-DD HH:MM:SS.sss',
-- fixed width so that they sort as strings and read well in the sqlite3 shell.

-- AUTOINCREMENT so that the id of a deleted draft is never handed to a new
-- one: a window still showing the old draft must not write into a stranger's.
CREATE TABLE drafts (
	id                 INTEGER PRIMARY KEY AUTOINCREMENT,
	title              TEXT NOT NULL,
	city               TEXT NOT NULL DEFAULT '',
	created_at         TEXT NOT NULL,
	updated_at         TEXT NOT NULL,
	-- Autosaved text not yet saved as a version; NULL when there is none.
	working_text       TEXT,
	working_updated_at TEXT
);

CREATE INDEX drafts_by_updated ON drafts (updated_at);

-- A rowid table, not WITHOUT ROWID: version texts run to megabytes and
-- SQLite advises against large rows in WITHOUT ROWID tables.
CREATE TABLE versions (
	draft_id   INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
	n          INTEGER NOT NULL CHECK (n >= 1),
	text       TEXT NOT NULL,
	doc_json   TEXT,
	note       TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	PRIMARY KEY (draft_id, n)
);

-- A saved version is a record of what the officer had at that moment; it
-- must never change, whatever code or tool touches the file.
CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions
BEGIN
	SELECT RAISE(ABORT, '版本一经保存不可修改');
END;

-- The cascade from deleting a draft runs after the draft row is gone, so
-- it passes; any other delete finds the draft still there and is refused.
CREATE TRIGGER versions_deleted_with_draft_only BEFORE DELETE ON versions
WHEN EXISTS (SELECT 1 FROM drafts WHERE id = OLD.draft_id)
BEGIN
	SELECT RAISE(ABORT, '版本不可单独删除，只能随草稿一并删除');
END;

CREATE TABLE corpus_docs (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	name     TEXT NOT NULL UNIQUE,
	city     TEXT NOT NULL DEFAULT '',
	number   TEXT NOT NULL DEFAULT '',
	title    TEXT NOT NULL DEFAULT '',
	date     TEXT NOT NULL DEFAULT '',
	text     TEXT NOT NULL,
	doc_json TEXT,
	builtin  INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
	added_at TEXT NOT NULL
);

-- One row per clause of a corpus document, so that search can read clauses
-- without unmarshalling whole documents. units_json is kept here because
-- the Document's JSON leaves a node's units out.
CREATE TABLE corpus_clauses (
	doc_id     INTEGER NOT NULL REFERENCES corpus_docs (id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	label      TEXT NOT NULL DEFAULT '',
	ordinal    INTEGER NOT NULL DEFAULT 0,
	heading    TEXT NOT NULL DEFAULT '',
	text       TEXT NOT NULL,
	path_json  TEXT NOT NULL DEFAULT '[]',
	units_json TEXT NOT NULL DEFAULT '[]',
	PRIMARY KEY (doc_id, idx)
);

CREATE TABLE templates (
	name              TEXT PRIMARY KEY,
	category          TEXT NOT NULL DEFAULT '',
	body              TEXT NOT NULL,
	placeholders_json TEXT,
	provenance_json   TEXT,
	version           TEXT NOT NULL DEFAULT '',
	builtin           INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))
);
