-- A corpus clause's text is, but for a few (a sentence re-joined over a
-- page break, a heading set on a line of its own), a run of its document's
-- text: the clause keeps the run's place (text_at, 1-based, and text_len,
-- in bytes of corpus_docs.text) instead of a second copy of it, which held
-- 217 of the 736 MB of a database of 10,000 documents. text keeps the
-- clause only where it is no such run (text_at 0). Reads go through
-- clauseText (drafts/sqlite/corpus.go).
ALTER TABLE corpus_clauses ADD COLUMN text_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE corpus_clauses ADD COLUMN text_len INTEGER NOT NULL DEFAULT 0;
UPDATE corpus_clauses SET
	text_len = length(CAST(text AS BLOB)),
	text_at = COALESCE(instr((SELECT CAST(d.text AS BLOB) FROM corpus_docs d WHERE d.id = corpus_clauses.doc_id), CAST(text AS BLOB)), 0)
	WHERE text <> '';
UPDATE corpus_clauses SET text = '' WHERE text_at > 0;
