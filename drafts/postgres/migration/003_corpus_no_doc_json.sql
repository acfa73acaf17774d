-- A corpus document's structure is parsed from its text when read, as on
-- SQLite since its migration 004: the JSON copy kept no spans but
-- paragraph spans and no 责任单位, and a client that read it gave the corpus
-- view and `corpus:ID` a lossy document. Nothing writes the column now;
-- the copies written before go. (A Qicao older than this migration would
-- read a document added since as having no structure: it refuses the
-- schema instead.)
UPDATE qicao.corpus_docs SET doc_json = NULL;
