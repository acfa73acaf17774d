-- The clause index's posting lists are written in a denser format (one
-- byte for most postings, templates/stored.go postingWriter: 153 → 73 MB
-- of lists at 10,000 documents); lists written before are read as they
-- are. No table changes: the number keeps a Qicao from before the format,
-- which would read the new lists as empty and, merging segments, store
-- them so, from opening the file (it asks for an upgrade instead).
SELECT 1;
