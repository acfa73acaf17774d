package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"qicao/drafts"
	"qicao/drafts/safefile"
)

// keepBackups is how many automatic backups are kept; older ones are
// removed after each new one.
const keepBackups = 5

// backupEvery is how old the newest automatic backup may be before Open
// makes another.
const backupEvery = 24 * time.Hour

// backupStamp names a backup by when it was made, in UTC, so that name
// order is time order.
const backupStamp = "20060102-150405"

// BackupDir returns the folder of the automatic backups of the database
// at path: beside it, named after it.
func BackupDir(path string) string {
	return path + ".backups"
}

// Backup is one automatic backup of a database.
type Backup struct {
	Path string
	Made time.Time
	// Why is "daily", "manual" or "before-vN" (before migrating to
	// schema version N).
	Why  string
	Size int64
}

// Backups lists the backups of the database at path, newest first.
func Backups(path string) ([]Backup, error) {
	files, err := filepath.Glob(filepath.Join(BackupDir(path), "*.db"))
	if err != nil {
		return nil, err
	}
	var out []Backup
	for _, f := range files {
		stamp, why, ok := strings.Cut(strings.TrimSuffix(filepath.Base(f), ".db"), "_")
		t, err := time.ParseInLocation(backupStamp, stamp, time.UTC)
		fi, statErr := os.Stat(f)
		if !ok || err != nil || statErr != nil {
			continue // not one of ours
		}
		out = append(out, Backup{Path: f, Made: t, Why: why, Size: fi.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path > out[j].Path })
	return out, nil
}

// dailyBackup makes an automatic backup unless one was made less than
// backupEvery ago.
func (db *DB) dailyBackup() error {
	list, err := Backups(db.path)
	if err != nil {
		return err
	}
	if len(list) > 0 && db.now().Sub(list[0].Made) < backupEvery {
		return nil
	}
	_, err = db.autoBackup("daily")
	return err
}

// AutoBackup makes a backup among the automatic ones, keeping the newest
// few, and returns its path. why says what it was made for.
func (db *DB) AutoBackup(why string) (string, error) { return db.autoBackup(why) }

func (db *DB) autoBackup(why string) (string, error) {
	dir := BackupDir(db.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", backupFailed(err)
	}
	name := db.now().UTC().Format(backupStamp) + "_" + why + ".db"
	dest := filepath.Join(dir, name)
	if err := db.BackupTo(dest); err != nil {
		return "", err
	}
	list, err := Backups(db.path)
	if err != nil {
		return dest, nil
	}
	for i := keepBackups; i < len(list); i++ {
		os.Remove(list[i].Path)
	}
	return dest, nil
}

// BackupTo copies the database as it is now to a new file at dest,
// through SQLite's online backup API: other connections may go on reading
// and writing meanwhile, and the copy is one consistent moment. The copy
// is written beside dest and renamed into place, readable by its owner
// only. dest must not exist, be the database or be any SQLite file.
func (db *DB) BackupTo(dest string) error {
	if err := (safefile.Guard{Database: db.path}).Check(dest); err != nil {
		return err
	}
	tmp := filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".tmp")
	os.Remove(tmp)
	if err := create(tmp); err != nil {
		return backupFailed(err)
	}
	if err := db.copyTo(tmp); err != nil {
		os.Remove(tmp)
		return backupFailed(err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return backupFailed(err)
	}
	return nil
}

// backupFailed says in Chinese that a backup could not be made.
func backupFailed(err error) error {
	var oe *OpenError
	if errors.As(err, &oe) || strings.HasPrefix(err.Error(), "备份") {
		return err
	}
	return wrapf(err, "备份数据库失败", "Backing up the database failed")
}

// copyTo copies every page of the database into the empty database file
// at dest and syncs it.
func (db *DB) copyTo(dest string) error {
	ctx := context.Background()
	src, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer src.Close()
	out, err := sql.Open("sqlite3", dest+"?_synchronous=FULL")
	if err != nil {
		return err
	}
	defer out.Close()
	dst, err := out.Conn(ctx)
	if err != nil {
		return err
	}
	defer dst.Close()
	return dst.Raw(func(d any) error {
		return src.Raw(func(s any) error {
			b, err := d.(*sqlite3.SQLiteConn).Backup("main", s.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			for {
				done, err := b.Step(-1)
				if err != nil {
					b.Finish()
					return err
				}
				if done {
					return b.Finish()
				}
			}
		})
	})
}

// Check runs SQLite's full integrity check on the database at path,
// through a read-only connection, and returns its findings: none for a
// sound database. A file that is not Qicao's database is an *OpenError.
func Check(path string) ([]string, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, wrapf(err, "找不到数据库「%s」", "No database at “%s”", path)
	}
	st, err := inspect(path)
	var oe *OpenError
	if err != nil && (!errors.As(err, &oe) || oe.Problem != Damaged) {
		return nil, err
	}
	_ = st
	conn, err := sql.Open("sqlite3", roDSN(path, false))
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	found := integrityFindings(conn, "integrity_check(5)")
	if found == "" {
		if oe != nil {
			return []string{oe.Detail}, nil
		}
		return nil, nil
	}
	return strings.Split(found, "；"), nil
}

// Restore replaces the database at path with the backup at from, after
// checking that the backup is a sound Qicao database. The database it
// replaces (with its -wal and -shm files) is moved aside, never deleted;
// Restore returns where. No process may have the database open.
func Restore(path, from string) (aside string, err error) {
	if found, err := Check(from); err != nil || len(found) > 0 {
		if err == nil {
			err = drafts.Errorf(drafts.EDatabase, fmt.Sprintf("备份「%s」本身已损坏（%s），未恢复", from, strings.Join(found, "；")),
				fmt.Sprintf("The backup “%s” is damaged itself (%s): nothing restored", from, strings.Join(found, "; ")))
		}
		return "", err
	}
	if safefile.Same(path, from) {
		return "", drafts.Errorf(drafts.EInvalid, fmt.Sprintf("「%s」就是当前数据库，不能用它恢复自己", from), fmt.Sprintf("“%s” is the database itself: it cannot be restored from itself", from))
	}
	tmp := path + ".restoring"
	os.Remove(tmp)
	if err := copyFile(from, tmp); err != nil {
		os.Remove(tmp)
		return "", wrapf(err, "恢复失败，数据库未改动", "Restoring failed; the database was not changed")
	}
	if aside, err = MoveAside(path, "replaced"); err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		return aside, wrapf(err, "恢复失败：原数据库已移到「%s」", "Restoring failed: the database was moved to “%s”", aside)
	}
	return aside, nil
}

// MoveAside renames the database at path, with its -wal and -shm files,
// to a name beside it that says why and when (qicao.db.damaged-20240301-093015),
// so that the next Open starts a new database. It returns the new name;
// "" when there was no database.
func MoveAside(path, why string) (string, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	aside := path + "." + why + "-" + time.Now().UTC().Format(backupStamp)
	for _, suffix := range []string{"-wal", "-shm", ""} { // the main file last: it decides
		if err := os.Rename(path+suffix, aside+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", wrapf(err, "无法把数据库移到「%s」", "Cannot move the database to “%s”", aside)
		}
	}
	return aside, nil
}

// copyFile copies a closed database file to a new file at to, readable by
// its owner only, synced.
func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return safefile.Write(to, data, 0o600, safefile.Guard{})
}
