-- Who saved each version: the officer's name from the settings, or the
-- OS user. Versions saved before are by nobody known ('').
ALTER TABLE versions ADD COLUMN author TEXT NOT NULL DEFAULT '';
