// Package sqlite is Qicao's store: drafts and their immutable versions,
// the autosaved working text, the reference corpus and the templates, in
// one SQLite file. It is the only package that talks to SQLite.
//
// The promise it keeps is that an officer's text is never lost: every write
// is one transaction, the journal is a write-ahead log synced on every
// commit, and a saved version can never be changed afterwards.
package sqlite

import (
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/mattn/go-sqlite3"

	"qicao/drafts"
)

//go:embed migration/*.sql
var embeddedMigrations embed.FS

// migrationFS holds the migrations Open runs; tests add to them.
var migrationFS fs.FS = embeddedMigrations

// busyTimeout is how long a write waits for another connection or process
// to finish its transaction before giving up: long enough that two Qicao
// windows on one file never see "database is locked", short enough that a
// truly stuck writer is reported.
const busyTimeout = 5 * time.Second

// ErrNotFound is matched (errors.Is) by every error that reports a missing
// draft, version, corpus document or template. The error itself names
// what is missing, in Chinese ("草稿 12 不存在") and in English (its
// EnglishMessage: "There is no draft 12"), with code drafts.ENotFound.
var ErrNotFound error = drafts.Errorf(drafts.ENotFound, "记录不存在", "not found")

// ErrExists is matched by the error AddCorpusDoc returns when the name is
// already taken (code drafts.EInvalid).
var ErrExists error = drafts.Errorf(drafts.EInvalid, "记录已存在", "already exists")

// DB is an open Qicao database. It is safe for concurrent use, and several
// DBs, in one process or several, may have the same file open.
type DB struct {
	sql  *sql.DB
	path string
	// now gives the time recorded on writes; tests replace it to get fixed
	// timestamps.
	now func() time.Time
	// readOnly is set by OpenReadOnly; damaged once SQLite has reported a
	// damaged page. Either refuses every write.
	readOnly bool
	damaged  atomic.Bool
	// backupErr is why the automatic backup at open failed, if it did.
	backupErr error
	// existed is whether the file was there before Open (a new one is
	// not backed up).
	existed bool
}

// DefaultPath returns where Qicao keeps its database: $QICAO_DB if set,
// otherwise qicao/qicao.db under the user's configuration directory.
func DefaultPath() (string, error) {
	if p := os.Getenv("QICAO_DB"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", wrapf(err, "找不到用户配置目录，请设置 QICAO_DB 指定数据库位置", "No user configuration folder: set QICAO_DB to where the database is")
	}
	return filepath.Join(dir, "qicao", "qicao.db"), nil
}

// Open opens the database at path for reading and writing, creating it
// (readable by its owner only) and its directory if needed, backs it up
// once a day and before a migration, and brings its schema up to date.
// A damaged, newer, foreign or read-only database is refused with an
// *OpenError, before anything is written to it.
func Open(path string) (*DB, error) {
	db, err := open(path, nil)
	if err == nil && db.existed {
		db.backupErr = db.dailyBackup()
	}
	return db, err
}

// OpenQuickly opens the database at path as Open does, but checks only the
// officer's own tables (drafts, versions, templates) before opening: the
// whole file, with the corpus and its index (110–160 ms at 10,000
// documents, against 3), and the daily backup are left to CheckRest, which
// the window calls once it shows.
func OpenQuickly(path string) (*DB, error) {
	return open(path, ownTables)
}

// CheckRest runs the check of the whole file that OpenQuickly left out,
// on a connection of its own (the database is used meanwhile), then makes
// the daily backup of a sound file (BackupProblem says if it failed). A
// damaged file is an *OpenError (Damaged) and is not backed up: the
// backups kept are of sound files. Writes go on (the officer's own tables
// were checked sound; a statement that meets the damage is refused, as
// any is), so what is being typed is kept until the officer chooses how to
// recover. Read BackupProblem after CheckRest has returned.
func (db *DB) CheckRest() error {
	conn, err := sql.Open("sqlite3", roDSN(db.path, false))
	if err != nil {
		return err
	}
	bad := quickCheck(conn, nil)
	conn.Close()
	if bad != "" {
		return &OpenError{Problem: Damaged, Path: db.path, Detail: "完整性检查未通过", Err: errors.New(bad)}
	}
	if db.existed {
		db.backupErr = db.dailyBackup()
	}
	return nil
}

// open opens the database at path, checking tables (nil: the whole
// file) before. A start that finds the file locked while another start
// makes or migrates it looks again, a few times (1.6 s in all), at what
// the other has made: six first starts at once on one new file failed 1
// in 100 runs with "database is locked" from the open's first statements,
// the 5 s busy timeout notwithstanding (SQLite does not wait in every
// lock transition); 0 in 200 with the retry (TestSimultaneousFirstStarts).
func open(path string, tables []string) (*DB, error) {
	if strings.ContainsRune(path, '?') {
		// The driver would take everything after '?' for options.
		return nil, drafts.Errorf(drafts.EInvalid, fmt.Sprintf("数据库路径不能含有“?”: %s", path), fmt.Sprintf("A database path cannot contain “?”: %s", path))
	}
	for wait := 25 * time.Millisecond; ; wait *= 2 {
		db, err := openOnce(path, tables)
		var se sqlite3.Error
		if err == nil || wait > time.Second || !errors.As(err, &se) || (se.Code != sqlite3.ErrBusy && se.Code != sqlite3.ErrLocked) {
			return db, err
		}
		time.Sleep(wait)
	}
}

// openOnce is one attempt of open.
func openOnce(path string, tables []string) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, classify(path, fmt.Errorf("无法创建数据库目录: %w", err))
	}
	st, err := inspectTables(path, tables)
	if err != nil {
		return nil, err
	}
	if !st.exists {
		if err := create(path); err != nil {
			return nil, err
		}
	}
	sdb, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("无法打开数据库 %s: %w", path, err)
	}
	db := &DB{sql: sdb, path: path, now: time.Now, existed: st.exists}
	if err := db.upgrade(st); err != nil {
		sdb.Close()
		if err := classify(path, err); errors.As(err, new(*OpenError)) {
			return nil, err
		}
		return nil, wrapf(err, "无法打开数据库 %s", "Cannot open the database %s", path)
	}
	return db, nil
}

// vacuumAfter is the migration after which a migrated database is
// rewritten to give back the space it freed.
const vacuumAfter = 9

// upgrade backs up a database about to be migrated, migrates it and marks
// it as Qicao's, the mark in the migrations' transaction (another process
// that saw the tables without it would refuse the file as foreign), and
// rewrites it when the migration freed much space.
func (db *DB) upgrade(st fileState) error {
	if known := len(mustMigrations()); st.version > 0 && st.version < known {
		if _, err := db.autoBackup(fmt.Sprintf("before-v%d", st.version+1)); err != nil {
			return wrapf(err, "迁移前备份失败，数据库未改动", "The backup before upgrading the database failed; the database was not changed")
		}
	}
	if err := db.migrate(st.appID != applicationID); err != nil {
		return err
	}
	if st.version > 0 && st.version < vacuumAfter {
		// Migration 007 empties most clause rows, and 009 has the texts
		// deflated, which leaves their pages in the file: rewritten, a
		// file of 10,000 documents goes from 736 to 449 MB after 007 (2.6
		// s). Should either fail (no room), the database is as sound,
		// only larger: the texts not deflated are read as they are.
		if err := db.deflateStoredTexts(); err == nil {
			db.sql.Exec(`VACUUM`)
			db.sql.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`) // the file shrinks when the log is moved in
		}
	}
	return nil
}

// Damaged reports whether SQLite has reported a damaged page of this
// database (writes are refused from then on).
func (db *DB) Damaged() bool { return db.damaged.Load() }

// BackupProblem is why the automatic backup made at Open failed, or nil.
func (db *DB) BackupProblem() error { return db.backupErr }

// ReadOnly reports whether the database was opened read-only.
func (db *DB) ReadOnly() bool { return db.readOnly }

// writable refuses a write to a database opened read-only or found
// damaged.
func (db *DB) writable() error {
	switch {
	case db.readOnly:
		return drafts.Errorf(drafts.EDatabase, "数据库以只读方式打开，不能保存修改", "The database is open read-only: changes cannot be saved")
	case db.damaged.Load():
		return drafts.Errorf(drafts.EDatabase, "数据库已损坏，为免损坏扩大，不再写入；请运行 qicao db check 并从备份恢复",
			"The database is damaged: nothing more is written to it, so that the damage does not spread; run qicao db check and restore a backup")
	}
	return nil
}

// noteDamage remembers a damaged page reported by SQLite, so that no
// later write goes into the damaged file, and returns err.
func (db *DB) noteDamage(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		db.damaged.Store(true)
	}
	return err
}

// exec runs one write statement outside a transaction.
func (db *DB) exec(query string, args ...any) (sql.Result, error) {
	if err := db.writable(); err != nil {
		return nil, err
	}
	res, err := db.sql.Exec(query, args...)
	return res, db.noteDamage(err)
}

// dsn returns the driver's data source name for path. The settings go in
// the DSN rather than in PRAGMA statements because database/sql keeps a
// pool of connections and the driver applies DSN settings to each new one;
// a PRAGMA run through the pool would reach only one connection.
//
//   - journal_mode=WAL: a crash mid-write leaves the database as of the
//     last commit, and readers (the draft list) never block the writer.
//   - synchronous=FULL rather than NORMAL: in WAL mode NORMAL survives a
//     crash of the program but may drop the last commits on power loss or
//     an OS crash; a version the officer saw as saved must survive both.
//     Saves are made by hand or by autosave every few seconds, so the extra
//     fsync per commit costs nothing anyone notices.
//   - foreign_keys: SQLite leaves them off by default; without them deleting
//     a draft would leave its versions behind.
//   - busy_timeout: a second writer waits instead of failing.
//   - txlock=immediate: transactions take the write lock at BEGIN. A
//     deferred transaction that reads and then writes can fail at once
//     with "database is locked" when another writer got in between,
//     busy_timeout or not; taking the lock up front makes it wait instead.
func dsn(path string) string {
	return fmt.Sprintf("%s?_journal_mode=WAL&_synchronous=FULL&_foreign_keys=on&_busy_timeout=%d&_txlock=immediate",
		path, busyTimeout.Milliseconds())
}

// Close closes the database. SQLite checkpoints the write-ahead log into
// the main file when the last connection closes.
func (db *DB) Close() error {
	return db.sql.Close()
}

// Path returns the file the database was opened from.
func (db *DB) Path() string { return db.path }

// migrations returns the embedded migration files in order. File i (from
// 0) must be numbered i+1: that number is the user_version it leads to.
func migrations() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for i, name := range names {
		var n int
		if _, err := fmt.Sscanf(filepath.Base(name), "%d_", &n); err != nil || n != i+1 {
			return nil, fmt.Errorf("迁移文件 %s 应编号为 %03d", name, i+1)
		}
	}
	return names, nil
}

// migrate runs the migrations the database has not seen yet, all in one
// transaction: another process opening the file meanwhile sees it at the
// version before or after, never between (a new file seen half made was
// taken for an old one to back up before migrating, and two such backups
// at once failed both opens). user_version records how many have run; it
// lives in the file header, so it commits or rolls back with them. The
// version is read inside the transaction, so two processes opening a new
// file at once do not both run them.
func (db *DB) migrate(mark bool) error {
	names, err := migrations()
	if err != nil {
		return err
	}
	err = db.inTx(func(tx *sql.Tx) error {
		var current int
		if err := tx.QueryRow(`PRAGMA user_version`).Scan(&current); err != nil {
			return err
		}
		for i := current; i < len(names); i++ {
			body, err := fs.ReadFile(migrationFS, names[i])
			if err != nil {
				return err
			}
			if _, err := tx.Exec(string(body)); err != nil {
				return fmt.Errorf("%s: %w", names[i], err)
			}
		}
		if mark {
			if _, err := tx.Exec(fmt.Sprintf(`PRAGMA application_id = %d`, applicationID)); err != nil {
				return err
			}
		}
		if current >= len(names) {
			return nil
		}
		_, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, len(names)))
		return err
	})
	if err != nil {
		return err
	}
	return db.checkNotNewer(len(names))
}

// checkNotNewer refuses a database written by a newer Qicao, whose schema
// this one does not know and could damage.
func (db *DB) checkNotNewer(known int) error {
	v, err := db.UserVersion()
	if err != nil {
		return err
	}
	if v > known {
		return &OpenError{Problem: Newer, Path: db.path,
			Detail: fmt.Sprintf("数据库版本 %d，本程序只支持到 %d；请升级起草", v, known)}
	}
	return nil
}

// UserVersion returns the schema version recorded in the file: the number
// of migrations that have run on it.
func (db *DB) UserVersion() (int, error) {
	var v int
	err := db.sql.QueryRow(`PRAGMA user_version`).Scan(&v)
	return v, err
}

// inTx runs fn in a write transaction and commits it if fn succeeds.
func (db *DB) inTx(fn func(tx *sql.Tx) error) error {
	if err := db.writable(); err != nil {
		return err
	}
	tx, err := db.sql.Begin()
	if err != nil {
		return db.noteDamage(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return db.noteDamage(err)
	}
	return db.noteDamage(tx.Commit())
}

// timeLayout is how times are stored: UTC, fixed width so that string
// order is time order.
const timeLayout = "2006-01-02 15:04:05.000"

// stamp returns the current time as stored.
func (db *DB) stamp() string {
	return formatTime(db.now())
}

// formatTime returns t as stored.
func formatTime(t time.Time) string {
	return t.UTC().Format(timeLayout)
}

// parseTime reads a stored time; NULL or empty gives the zero time.
func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(timeLayout, s.String, time.UTC)
	if err != nil {
		return time.Time{}, fmt.Errorf("时间格式有误 %q: %w", s.String, err)
	}
	return t, nil
}

// kindError is an error whose message names the draft, version or
// document concerned, in Chinese and in English, and which matches its
// kind (ErrNotFound, ErrExists) under errors.Is and has its code.
type kindError struct {
	msg, english string
	kind         error
}

// Error returns the Chinese message.
func (e *kindError) Error() string { return e.msg }

// EnglishMessage returns the English message.
func (e *kindError) EnglishMessage() string { return e.english }

// ErrorCode is the code of the kind.
func (e *kindError) ErrorCode() drafts.Code { return drafts.ErrorCode(e.kind) }

// Is reports whether target is the error's kind.
func (e *kindError) Is(target error) bool { return target == e.kind }

// notFoundf returns an error matching ErrNotFound, its Chinese and
// English messages formatted with the same args.
func notFoundf(chinese, english string, args ...any) error {
	return &kindError{fmt.Sprintf(chinese, args...), fmt.Sprintf(english, args...), ErrNotFound}
}

// existsf returns an error matching ErrExists, its Chinese and English
// messages formatted with the same args.
func existsf(chinese, english string, args ...any) error {
	return &kindError{fmt.Sprintf(chinese, args...), fmt.Sprintf(english, args...), ErrExists}
}

// rowScanner is a *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(...any) error }

// failed says what failed, in Chinese and in English, for queryAll.
type failed struct{ chinese, english string }

// queryAll runs query and reads every row with scan; a failure to run the
// query or to read a row is reported after what.
func queryAll[T any](db *DB, what failed, scan func(rowScanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := db.sql.Query(query, args...)
	if err != nil {
		return nil, wrap(db.noteDamage(err), what.chinese, what.english)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, wrap(db.noteDamage(err), what.chinese, what.english)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(db.noteDamage(err), what.chinese, what.english)
	}
	return out, nil
}

// affectedOne reports a missing row as err when a write touched no row.
func affectedOne(res sql.Result, err error, missing error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return missing
	}
	return nil
}

// wrapf puts an account of what failed in front of err, in Chinese and
// in English, each formatted with args; see wrap.
func wrapf(err error, chinese, english string, args ...any) error {
	return wrap(err, fmt.Sprintf(chinese, args...), fmt.Sprintf(english, args...))
}

// wrap puts an account of what failed in front of err, in Chinese and in
// English, with a reason an officer can act on added to each. Errors that
// already say what is missing or taken are returned as they are.
func wrap(err error, chinese, english string) error {
	if errors.Is(err, ErrNotFound) || errors.Is(err, ErrExists) {
		return err
	}
	if why, whyEnglish := reason(err); why != "" {
		chinese += "（" + why + "）"
		english += " (" + whyEnglish + ")"
	}
	return &drafts.Failure{Chinese: chinese, English: english, Err: err}
}

// reason explains, in Chinese and in English, the SQLite failures an
// officer can do something about; it returns "" for the others.
func reason(err error) (chinese, english string) {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return "", ""
	}
	const (
		full, fullEnglish = "磁盘空间不足", "the disk is full"
	)
	if se.SystemErrno == syscall.ENOSPC || se.SystemErrno == syscall.EDQUOT {
		return full, fullEnglish
	}
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return "数据库正被另一个窗口或程序占用，请稍后再试", "the database is in use by another window or program; please try again shortly"
	case sqlite3.ErrFull:
		return full, fullEnglish
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen:
		return "数据库文件无法写入，请检查文件权限", "the database file cannot be written; please check its permissions"
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return "数据库文件已损坏或不是起草的数据库", "the database file is damaged or is not a Qicao database"
	case sqlite3.ErrIoErr:
		return "读写磁盘出错", "reading or writing the disk failed"
	}
	return "", ""
}
