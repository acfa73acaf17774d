package sqlite

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"qicao/drafts"
)

// applicationID marks a file as Qicao's database (PRAGMA application_id,
// bytes 68–71 of the header): "QiCa".
const applicationID = 0x51694361

// Problem is what keeps a database from being opened for writing.
type Problem int

// The problems Open reports in an *OpenError.
const (
	Damaged  Problem = iota + 1 // the integrity check failed or pages cannot be read
	Newer                       // written by a newer Qicao, whose schema this one does not know
	Foreign                     // not a database, or another program's SQLite file
	ReadOnly                    // the file or its folder cannot be written
)

// OpenError is the error Open returns for a database it will not write
// to. The front ends offer the choices: open it read-only (not Foreign),
// restore a backup, move it aside and start a new one, or quit.
type OpenError struct {
	Problem Problem
	Path    string
	// Detail says more in Chinese: the integrity check's first findings,
	// the version numbers, what the file is.
	Detail string
	Err    error
}

// Error returns the Chinese account of the problem.
func (e *OpenError) Error() string {
	var msg string
	switch e.Problem {
	case Damaged:
		msg = "数据库「%s」已损坏"
	case Newer:
		msg = "数据库「%s」由更新版本的起草创建"
	case Foreign:
		msg = "「%s」不是起草的数据库，起草不会改动它"
	default:
		msg = "数据库「%s」无法写入"
	}
	msg = fmt.Sprintf(msg, e.Path)
	if e.Detail != "" {
		msg += "（" + e.Detail + "）"
	}
	return msg
}

// EnglishMessage returns the problem in English (the Chinese Detail is
// left out).
func (e *OpenError) EnglishMessage() string {
	switch e.Problem {
	case Damaged:
		return fmt.Sprintf("The database “%s” is damaged", e.Path)
	case Newer:
		return fmt.Sprintf("The database “%s” was made by a newer Qicao; please upgrade", e.Path)
	case Foreign:
		return fmt.Sprintf("“%s” is not a Qicao database; Qicao will not change it", e.Path)
	}
	return fmt.Sprintf("The database “%s” cannot be written (check the permissions of the file and its folder)", e.Path)
}

// ErrorCode is drafts.EDatabase.
func (e *OpenError) ErrorCode() drafts.Code { return drafts.EDatabase }

// Unwrap returns the underlying error, if any.
func (e *OpenError) Unwrap() error { return e.Err }

// CanReadOnly reports whether the database may still be opened
// read-only: every problem but a foreign file.
func (e *OpenError) CanReadOnly() bool { return e.Problem != Foreign }

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// fileState is what a look at an existing file, through a read-only
// connection that changes nothing, found.
type fileState struct {
	exists  bool
	appID   int64
	version int
	tables  map[string]bool
}

// inspect looks at the file at path without changing it: whether it is a
// database, whose, at what version, and whether it passes quick_check.
func inspect(path string) (fileState, error) { return inspectTables(path, nil) }

// ownTables hold what the officer wrote: the tables OpenQuickly checks
// before opening (with sqlite_schema, which says where they are).
var ownTables = []string{"sqlite_schema", "drafts", "versions", "templates"}

// inspectTables is inspect with quick_check limited to tables (of those
// the file has), or over the whole file when tables is nil.
func inspectTables(path string, tables []string) (fileState, error) {
	st := fileState{tables: map[string]bool{}}
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, &OpenError{Problem: ReadOnly, Path: path, Detail: "无法读取文件", Err: err}
	}
	st.exists = true
	if fi.IsDir() {
		return st, &OpenError{Problem: Foreign, Path: path, Detail: "这是一个文件夹"}
	}
	if fi.Size() > 0 && !hasMagic(path) {
		return st, &OpenError{Problem: Foreign, Path: path, Detail: "文件不是 SQLite 数据库"}
	}
	conn, err := probe(path, &st)
	if err != nil {
		return st, classify(path, err)
	}
	defer conn.Close()
	if err := st.judge(path); err != nil {
		return st, err
	}
	if bad := quickCheck(conn, st.present(tables)); bad != "" {
		return st, &OpenError{Problem: Damaged, Path: path, Detail: "完整性检查未通过",
			Err: errors.New(bad)}
	}
	return st, nil
}

// probe opens path read-only and fills st. A write-ahead log left by a
// process killed mid-write needs a writer to recover it: then, and when
// SQLite cannot open the file read-only, probe opens it for writing, but
// with no settings that would change the file.
func probe(path string, st *fileState) (*sql.DB, error) {
	var err error
	for _, dsn := range []string{roDSN(path, false), path + fmt.Sprintf("?_busy_timeout=%d", busyTimeout.Milliseconds())} {
		var conn *sql.DB
		if conn, err = sql.Open("sqlite3", dsn); err != nil {
			return nil, err
		}
		if err = st.read(conn); err == nil {
			return conn, nil
		}
		conn.Close()
		var se sqlite3.Error
		if !errors.As(err, &se) || (se.Code != sqlite3.ErrReadonly && se.Code != sqlite3.ErrCantOpen) {
			return nil, err
		}
	}
	return nil, err
}

// read fills st from the database's header and schema, in one read
// transaction: read one by one, a process creating the file meanwhile
// could be seen with its tables but not yet its application_id and
// version, and the file taken for another program's.
func (st *fileState) read(conn *sql.DB) error {
	tx, err := conn.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := tx.QueryRow(`PRAGMA application_id`).Scan(&st.appID); err != nil {
		return err
	}
	if err := tx.QueryRow(`PRAGMA user_version`).Scan(&st.version); err != nil {
		return err
	}
	rows, err := tx.Query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return err
		}
		st.tables[name] = true
	}
	return rows.Err()
}

// judge refuses a file that is not Qicao's or is newer than this Qicao. A
// file with no application_id is Qicao's if it is empty or has Qicao's
// tables (a database made before the id was set).
func (st *fileState) judge(path string) error {
	known := len(mustMigrations())
	switch {
	case st.appID == applicationID:
	case st.appID != 0:
		return &OpenError{Problem: Foreign, Path: path, Detail: fmt.Sprintf("文件属于另一个程序，application_id 为 %#x", st.appID)}
	case len(st.tables) > 0 && !(st.version >= 1 && st.tables["drafts"] && st.tables["versions"]):
		return &OpenError{Problem: Foreign, Path: path, Detail: "其中是另一个程序的数据表"}
	}
	if st.version > known {
		return &OpenError{Problem: Newer, Path: path,
			Detail: fmt.Sprintf("数据库版本 %d，本程序只支持到 %d；请升级起草", st.version, known)}
	}
	return nil
}

// mustMigrations returns the embedded migrations; their names are checked
// by a test, so an error here is a build mistake.
func mustMigrations() []string {
	names, err := migrations()
	if err != nil {
		panic(err)
	}
	return names
}

// hasMagic reports whether the file at path starts like an SQLite file.
func hasMagic(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, sqliteMagic)
}

// quickCheck runs PRAGMA quick_check, over the whole file or on tables
// (with their indexes) when tables is not nil, and returns "" for a sound
// database, else its first findings joined. At 10,000 corpus documents
// the whole file takes 110–160 ms, the officer's own tables 3.
func quickCheck(conn *sql.DB, tables []string) string {
	if tables == nil {
		return integrityFindings(conn, "quick_check(5)")
	}
	var found []string
	for _, t := range tables {
		if bad := integrityFindings(conn, "quick_check("+t+")"); bad != "" {
			found = append(found, bad)
		}
	}
	return strings.Join(found, "；")
}

// present returns those of tables the file has (sqlite_schema always),
// nil for nil.
func (st *fileState) present(tables []string) []string {
	if tables == nil {
		return nil
	}
	out := []string{}
	for _, t := range tables {
		if t == "sqlite_schema" || st.tables[t] {
			out = append(out, t)
		}
	}
	return out
}

// integrityFindings runs PRAGMA pragma (quick_check or integrity_check,
// with its argument) and returns its findings, "" when the database is sound.
func integrityFindings(conn *sql.DB, pragma string) string {
	rows, err := conn.Query(`PRAGMA ` + pragma)
	if err != nil {
		return err.Error()
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return err.Error()
		}
		if s != "ok" {
			found = append(found, s)
		}
	}
	if err := rows.Err(); err != nil {
		found = append(found, err.Error())
	}
	return strings.Join(found, "；")
}

// classify turns an SQLite error met while opening path into an
// *OpenError where it is one of the known problems.
func classify(path string, err error) error {
	var oe *OpenError
	if errors.As(err, &oe) {
		return err
	}
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case sqlite3.ErrNotADB:
		return &OpenError{Problem: Foreign, Path: path, Detail: "文件不是 SQLite 数据库", Err: err}
	case sqlite3.ErrCorrupt:
		return &OpenError{Problem: Damaged, Path: path, Detail: "数据页无法读取", Err: err}
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen, sqlite3.ErrAuth:
		return &OpenError{Problem: ReadOnly, Path: path, Detail: "请检查文件和所在文件夹的权限", Err: err}
	}
	return err
}

// roDSN is the read-only data source name for path. immutable tells
// SQLite that nothing changes the file, which lets it read a database in
// WAL mode from a folder it cannot write its -shm file into.
func roDSN(path string, immutable bool) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	dsn := "file:" + (&url.URL{Path: abs}).EscapedPath() + "?mode=ro"
	if immutable {
		dsn += "&immutable=1"
	}
	return dsn + fmt.Sprintf("&_foreign_keys=on&_busy_timeout=%d", busyTimeout.Milliseconds())
}

// create makes a new, empty database file readable by its owner only;
// SQLite gives its -wal and -shm files the same permissions.
func create(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil // another process created it first
	}
	if err != nil {
		return classify(path, &OpenError{Problem: ReadOnly, Path: path, Detail: "无法创建数据库文件", Err: err})
	}
	return f.Close()
}

// OpenReadOnly opens the database at path for reading only, whatever its
// state but foreign: a damaged one (what can be read is), a newer one, one
// on a read-only disk. Every write is refused.
func OpenReadOnly(path string) (*DB, error) {
	if _, err := inspect(path); err != nil {
		var oe *OpenError
		if !errors.As(err, &oe) || oe.Problem == Foreign {
			return nil, err
		}
	}
	for _, immutable := range []bool{false, true} {
		sdb, err := sql.Open("sqlite3", roDSN(path, immutable))
		if err != nil {
			return nil, err
		}
		var n int
		if err = sdb.QueryRow(`SELECT count(*) FROM sqlite_master`).Scan(&n); err == nil {
			return &DB{sql: sdb, path: path, now: time.Now, readOnly: true}, nil
		}
		sdb.Close()
		if immutable {
			return nil, classify(path, err)
		}
	}
	panic("unreachable")
}
