-- A corpus document's text is kept deflated (text_z, compress/flate; the
-- column text then ''): Chinese text in UTF-8 takes 0.4 of its size so,
-- and the documents were half of a database of 10,000 (210 of 425 MB).
-- Existing texts are deflated by Open after this migration, in Go
-- (drafts/sqlite/corpus_text.go), then the file is rewritten. Clause runs
-- (text_at, text_len; migration 007) keep their places: they are places in
-- the text, not in its stored form.
ALTER TABLE corpus_docs ADD COLUMN text_z BLOB;
