-- A clause's topics (templates.EncodeTopics: the heading phrases its body
-- takes up again), worked out once at import so that gaps read them back
-- instead of finding them in every clause on every run. Rows written
-- before this migration get theirs on the first read (IndexedClauses).
ALTER TABLE corpus_clauses ADD COLUMN topics TEXT;
