-- The clause index of the corpus (templates.StoredBank): segments, each the
-- clauses of the documents indexed together, with one encoded posting list
-- per term. Written when documents are added, so that no process rebuilds
-- the index from the documents. desc and data are encoded by templates.
CREATE TABLE index_segments (
	id   INTEGER PRIMARY KEY AUTOINCREMENT,
	desc BLOB NOT NULL
);

CREATE TABLE index_postings (
	term INTEGER NOT NULL,
	seg  INTEGER NOT NULL REFERENCES index_segments (id) ON DELETE CASCADE,
	data BLOB NOT NULL,
	PRIMARY KEY (term, seg)
) WITHOUT ROWID;

CREATE INDEX index_postings_seg ON index_postings (seg);
