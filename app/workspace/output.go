package workspace

import (
	"qicao/drafts/safefile"
	"qicao/drafts/sqlite"
)

// ResolvePath returns the database file path stands for: path itself, or
// for "" the default ($QICAO_DB, else the user's config dir).
func ResolvePath(path string) (string, error) {
	if path != "" {
		return path, nil
	}
	return sqlite.DefaultPath()
}

// OutputGuard returns what a file written while the database at dbPath
// ("" for the default) is in use may not overwrite: the database, the
// inputs, any SQLite file, and, unless force, any existing file.
func OutputGuard(dbPath string, force bool, inputs ...string) safefile.Guard {
	db, err := ResolvePath(dbPath)
	if err != nil {
		db = "" // no database can be in use; SQLite files stay protected
	}
	return safefile.Guard{Database: db, Inputs: inputs, Force: force}
}
