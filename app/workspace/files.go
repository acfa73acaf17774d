package workspace

import (
	"qicao/drafts"
	"qicao/drafts/postgres"
	"qicao/drafts/sqlite"
)

// The front ends look after the database file through these names only,
// so that the workspace stays the one door to the store.

// OpenError is the error for a database file Open will not write to; its
// Problem says why, and the front ends offer the choices.
type OpenError = sqlite.OpenError

// Backup is one automatic backup of a database file.
type Backup = sqlite.Backup

// Damaged is the Problem of a database whose integrity check failed.
const Damaged = sqlite.Damaged

// Check runs the full integrity check of the database file at path and
// returns what it found (nothing when the file is sound).
func Check(path string) ([]string, error) { return sqlite.Check(path) }

// Backups lists the backups of the database file at path, newest first.
func Backups(path string) ([]Backup, error) { return sqlite.Backups(path) }

// BackupDir is the folder of the automatic backups of the file at path.
func BackupDir(path string) string { return sqlite.BackupDir(path) }

// Restore puts the backup from in place of the database at path, the
// file it replaces moved aside (returned), never deleted.
func Restore(path, from string) (aside string, err error) { return sqlite.Restore(path, from) }

// MoveAside moves the database file at path aside, named for why, and
// returns where it went ("" when there was no file).
func MoveAside(path, why string) (string, error) { return sqlite.MoveAside(path, why) }

// IsServerURL reports whether a database name is a bureau's server
// (postgres://…) rather than a file.
func IsServerURL(s string) bool { return postgres.IsURL(s) }

// Officer is a user of a bureau's server.
type Officer = postgres.Officer

// AddOfficer makes o a user of the server at url.
func AddOfficer(url string, o Officer) error {
	db, err := postgres.Open(url)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.AddOfficer(o)
}

// MigrateFile copies the database file at path to the server at url (see
// Migrate).
func MigrateFile(path, url string, progress func(kind string, done, total int)) (MoveReport, error) {
	src, err := sqlite.Open(path)
	if err != nil {
		return MoveReport{}, err
	}
	defer src.Close()
	dst, err := postgres.Open(url)
	if err != nil {
		return MoveReport{}, err
	}
	defer dst.Close()
	return Migrate(src, dst, progress)
}

// ShareDraft shares draft id with a team on the server.
func (w *Workspace) ShareDraft(id int64, team string) error {
	db, ok := w.db.(*postgres.DB)
	if !ok {
		return drafts.Errorf(drafts.EInvalid, "共享草稿要用共享服务器上的数据库（postgres://…）", "Sharing a draft needs the team’s server database (postgres://…)")
	}
	return db.ShareDraft(id, team)
}
