package sqlite

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/mattn/go-sqlite3"

	"qicao/drafts"
)

// problem returns the Problem of an *OpenError, 0 for any other error.
func problem(err error) Problem {
	var oe *OpenError
	if errors.As(err, &oe) {
		return oe.Problem
	}
	return 0
}

// damagedDB makes a database with a few drafts, closes it, and overwrites
// one of its table pages with garbage, as a bad disk sector would.
func damagedDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "qicao.db")
	db := openAt(t, path)
	for i := 0; i < 20; i++ {
		mustDraft(t, db, "草稿", strings.Repeat("（一）推进科技创新。", 300))
	}
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	if fi.Size() < 8*4096 {
		t.Fatalf("database only %d bytes", fi.Size())
	}
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xA5}, 4096), 3*4096); err != nil {
		t.Fatal(err)
	}
	return path
}

// Issue 12, failure 2: a damaged database is refused at open with a
// Chinese message, nothing is written to it, it still opens read-only
// with every write refused, and the full check names the damage.
func TestDamagedDatabaseRefused(t *testing.T) {
	path := damagedDB(t)
	before, _ := os.ReadFile(path)
	_, err := Open(path)
	if problem(err) != Damaged || !strings.Contains(err.Error(), "已损坏") {
		t.Fatalf("Open damaged: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("Open wrote into the damaged file")
	}
	db, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly damaged: %v", err)
	}
	defer db.Close()
	if _, err := db.CreateDraft("新", "", "一、总体要求", ""); err == nil || !strings.Contains(err.Error(), "只读") {
		t.Errorf("write to read-only database: %v", err)
	}
	if err := db.SetWorking(1, "x"); err == nil || !strings.Contains(err.Error(), "只读") {
		t.Errorf("autosave to read-only database: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("read-only open wrote into the damaged file")
	}
	found, err := Check(path)
	if err != nil || len(found) == 0 {
		t.Errorf("Check damaged: %v, %v", found, err)
	}
}

// A database found damaged while in use takes no more writes.
func TestDamageNoticedInUseStopsWrites(t *testing.T) {
	db := openTest(t)
	d := mustDraft(t, db, "草稿", "第一版")
	db.noteDamage(sqlite3.Error{Code: sqlite3.ErrCorrupt})
	if _, err := db.SaveVersion(d.ID, "第二版", ""); err == nil || !strings.Contains(err.Error(), "已损坏") {
		t.Fatalf("save after damage: %v", err)
	}
	if err := db.SetWorking(d.ID, "x"); err == nil {
		t.Fatal("autosave after damage accepted")
	}
}

// Issue 12, failure 6: another program's SQLite file is refused, byte for
// byte untouched (no Qicao tables, no WAL), while a database of an older
// Qicao without application_id is adopted.
func TestForeignSQLiteRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "other.sqlite")
	other, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Exec(`CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('张三')`); err != nil {
		t.Fatal(err)
	}
	other.Close()
	before, _ := os.ReadFile(path)
	for _, open := range []func(string) (*DB, error){Open, OpenReadOnly} {
		if _, err := open(path); problem(err) != Foreign || !strings.Contains(err.Error(), "不是起草的数据库") {
			t.Fatalf("open foreign: %v", err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the foreign file changed")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Fatal("a WAL was made beside the foreign file")
	}
	// Another application_id, even with Qicao's tables, is not Qicao's.
	q := filepath.Join(dir, "q.db")
	db := openAt(t, q)
	db.sql.Exec(`PRAGMA application_id = 7`)
	db.Close()
	if _, err := Open(q); problem(err) != Foreign {
		t.Fatalf("open with application_id 7: %v", err)
	}
	// A database from before application_id: adopted and marked.
	db = openAt(t, filepath.Join(dir, "old.db"))
	mustDraft(t, db, "旧草稿", "第一版")
	db.sql.Exec(`PRAGMA application_id = 0`)
	db.Close()
	db = openAt(t, filepath.Join(dir, "old.db"))
	var id int64
	db.sql.QueryRow(`PRAGMA application_id`).Scan(&id)
	if id != applicationID || count(t, db, "drafts") != 1 {
		t.Fatalf("old database: application_id %#x, %d drafts", id, count(t, db, "drafts"))
	}
}

// Issue 12, failure 10: the database, its journal files and its backups
// are readable by their owner only.
func TestFilesOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "qicao.db")
	db := openAt(t, path)
	mustDraft(t, db, "草稿", "第一版")
	b, err := db.AutoBackup("manual")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", b, BackupDir(path)} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s: mode %v, want owner only", filepath.Base(p), fi.Mode().Perm())
		}
	}
}

// Open backs up an existing database once a day, keeps the newest few,
// and the backups are whole databases.
func TestDailyBackups(t *testing.T) {
	path := filepath.Join(t.TempDir(), "qicao.db")
	db := openAt(t, path)
	mustDraft(t, db, "草稿", "第一版")
	db.Close()
	day := time.Now().Add(25 * time.Hour)
	for i := 0; i < 9; i++ {
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		db.now = func() time.Time { return day }
		if err := db.dailyBackup(); err != nil {
			t.Fatal(err)
		}
		db.Close()
		day = day.Add(12 * time.Hour) // two starts a day: one backup
	}
	list, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	// The first Open (real time) made one, then 5 days of fixed time made
	// 5: 5 kept.
	if len(list) != keepBackups {
		t.Fatalf("%d backups kept, want %d: %v", len(list), keepBackups, list)
	}
	found, err := Check(list[0].Path)
	if err != nil || len(found) > 0 {
		t.Fatalf("backup check: %v %v", found, err)
	}
	bdb, err := OpenReadOnly(list[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	if v, err := bdb.Version(1, 1); err != nil || v.Text != "第一版" {
		t.Fatalf("backup holds %q, %v", v.Text, err)
	}
}

// A migration is preceded by a backup of the database as it was.
func TestBackupBeforeMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "qicao.db")
	db := openAt(t, path)
	mustDraft(t, db, "草稿", "第一版")
	db.Close()
	names := mustMigrations()
	next := fstest.MapFS{}
	for _, n := range names {
		body, _ := embeddedMigrations.ReadFile(n)
		next[n] = &fstest.MapFile{Data: body}
	}
	extra := fmt.Sprintf("migration/%03d_test.sql", len(names)+1)
	next[extra] = &fstest.MapFile{Data: []byte(`CREATE TABLE test_added (x INTEGER);`)}
	saved := migrationFS
	migrationFS = next
	defer func() { migrationFS = saved }()
	db = openAt(t, path)
	db.Close()
	list, _ := Backups(path)
	var before *Backup
	for i := range list {
		if list[i].Why == fmt.Sprintf("before-v%d", len(names)+1) {
			before = &list[i]
		}
	}
	if before == nil {
		t.Fatalf("no backup before the migration: %v", list)
	}
	old, err := sql.Open("sqlite3", roDSN(before.Path, false))
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	var v int
	old.QueryRow(`PRAGMA user_version`).Scan(&v)
	if v != len(names) {
		t.Fatalf("backup at user_version %d, want %d (before the migration)", v, len(names))
	}
}

// Restore puts a backup in place and keeps the damaged database aside.
func TestRestore(t *testing.T) {
	path := damagedDB(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	db := openAt(t, good)
	mustDraft(t, db, "备份里的草稿", "第一版")
	b := filepath.Join(dir, "b.db")
	if err := db.BackupTo(b); err != nil {
		t.Fatal(err)
	}
	if err := db.BackupTo(good); err == nil {
		t.Fatal("backed up onto itself")
	}
	db.Close()
	if _, err := Restore(path, path); err == nil {
		t.Fatal("restored from the damaged database itself")
	}
	aside, err := Restore(path, b)
	if err != nil {
		t.Fatal(err)
	}
	if found, _ := Check(aside); len(found) == 0 {
		t.Error("the damaged database was not kept aside")
	}
	db = openAt(t, path)
	if d, err := db.Draft(1); err != nil || d.Title != "备份里的草稿" {
		t.Fatalf("after restore: %v %v", d, err)
	}
}

// Issue 12, failure 10: a full disk is named as such.
func TestDiskFullNamed(t *testing.T) {
	if r, en := reason(sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.ENOSPC}); r != "磁盘空间不足" || en != "the disk is full" {
		t.Errorf("IOERR with ENOSPC: %q %q", r, en)
	}
	dir := smallDisk(t, "256k")
	db, err := Open(filepath.Join(dir, "qicao.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var last error
	for i := 0; i < 200 && last == nil; i++ {
		_, last = db.CreateDraft("草稿", "", strings.Repeat("推进科技创新。", 2000), "")
	}
	if last == nil || !strings.Contains(last.Error(), "磁盘空间不足") ||
		!strings.Contains(drafts.Message(last, true), "(the disk is full)") {
		t.Fatalf("filling the disk: %v / %s", last, drafts.Message(last, true))
	}
}

// smallDisk mounts a tmpfs of size on a new folder, for the root user;
// others skip.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// Issue 12, failure 2: a database on a read-only disk is refused for
// writing with a Chinese message and still opens read-only.
func TestReadOnlyDatabase(t *testing.T) {
	dir := smallDisk(t, "4m")
	path := filepath.Join(dir, "qicao.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustDraft(t, db, "草稿", "第一版")
	db.Close()
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	if _, err := Open(path); problem(err) != ReadOnly || !strings.Contains(err.Error(), "无法写入") {
		t.Fatalf("Open on a read-only disk: %v", err)
	}
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly: %v", err)
	}
	defer ro.Close()
	if v, err := ro.Version(1, 1); err != nil || v.Text != "第一版" {
		t.Fatalf("read-only read: %q %v", v.Text, err)
	}
}
