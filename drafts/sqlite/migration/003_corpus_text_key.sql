-- The hash of a corpus document's normalised text (norm.Key: 繁简, widths,
-- punctuation and spaces folded), so that importing the same document
-- twice is noticed without reading every text. Rows written before this
-- migration get theirs on the first lookup (CorpusDocByText).
ALTER TABLE corpus_docs ADD COLUMN text_key TEXT;
CREATE INDEX corpus_docs_text_key ON corpus_docs (text_key);
