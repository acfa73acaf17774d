package workspace

import (
	"qicao/drafts"
	"qicao/drafts/sqlite"
)

// Backup backs up a database file now: to dest, or among the automatic
// backups when dest is "". It returns where the backup went. A server
// database is backed up on the server (pg_dump), not here.
func (w *Workspace) Backup(dest string) (string, error) {
	db, ok := w.db.(*sqlite.DB)
	if !ok {
		return "", drafts.Errorf(drafts.EInvalid, "服务器上的数据库由服务器备份（pg_dump），起草不在本机备份它", "A database on the server is backed up on the server (pg_dump), not by Qicao on this computer")
	}
	if dest == "" {
		return db.AutoBackup("manual")
	}
	return dest, db.BackupTo(dest)
}
