package sqlite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestOpenCreatesDirectoriesAndSetsPragmas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "qicao.db")
	db := openAt(t, path)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not created: %v", err)
	}
	// Hold two connections at once so that the check covers more than the
	// connection Open happened to use.
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		conn, err := db.sql.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		for pragma, want := range map[string]string{
			"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "5000", "synchronous": "2",
		} {
			var got string
			if err := conn.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("connection %d: PRAGMA %s = %s, want %s", i, pragma, got, want)
			}
		}
	}
}

func TestOpenRefusesQuestionMark(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "a?b.db"))
	if err == nil || !strings.Contains(err.Error(), "不能含有") {
		t.Fatalf("err = %v, want refusal", err)
	}
}

func TestMigrationsIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "qicao.db")
	names, err := migrations()
	if err != nil || len(names) == 0 {
		t.Fatalf("migrations() = %v, %v", names, err)
	}
	db := openAt(t, path)
	d := mustDraft(t, db, "草稿", "第一版")
	if v, _ := db.UserVersion(); v != len(names) {
		t.Fatalf("user_version = %d, want %d", v, len(names))
	}
	// Running the migrations again must not re-run them: the first would
	// fail on CREATE TABLE drafts.
	if err := db.migrate(false); err != nil {
		t.Fatalf("second migrate: %v", err)
	}
	db.Close()

	for i := 0; i < 2; i++ {
		db = openAt(t, path)
		if v, _ := db.UserVersion(); v != len(names) {
			t.Fatalf("reopen %d: user_version = %d, want %d", i, v, len(names))
		}
		if got, err := db.Version(d.ID, 1); err != nil || got.Text != "第一版" {
			t.Fatalf("reopen %d: version 1 = %q, %v", i, got.Text, err)
		}
		db.Close()
	}
}

func TestOpenRefusesNewerDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "qicao.db")
	db := openAt(t, path)
	if _, err := db.sql.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	var oe *OpenError
	if _, err := Open(path); !errors.As(err, &oe) || oe.Problem != Newer || !strings.Contains(err.Error(), "更新版本") {
		t.Fatalf("Open newer database: err = %v, want refusal", err)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("QICAO_DB", "/srv/qicao/test.db")
	if p, err := DefaultPath(); err != nil || p != "/srv/qicao/test.db" {
		t.Fatalf("DefaultPath() = %q, %v; want $QICAO_DB", p, err)
	}
	if runtime.GOOS != "linux" {
		return
	}
	dir := t.TempDir()
	t.Setenv("QICAO_DB", "")
	t.Setenv("XDG_CONFIG_HOME", dir)
	want := filepath.Join(dir, "qicao", "qicao.db")
	if p, err := DefaultPath(); err != nil || p != want {
		t.Fatalf("DefaultPath() = %q, %v; want %q", p, err, want)
	}
}

func TestNotFoundErrorsReadInChinese(t *testing.T) {
	db := openTest(t)
	d := mustDraft(t, db, "草稿")
	checks := []struct {
		err  error
		want string
	}{
		{first(db.Draft(12)), "草稿 12 不存在"},
		{first(db.SaveVersion(12, "x", "")), "草稿 12 不存在"},
		{db.SetWorking(12, "x"), "草稿 12 不存在"},
		{db.RenameDraft(12, "x"), "草稿 12 不存在"},
		{db.DeleteDraft(12), "草稿 12 不存在"},
		{first(db.Version(d.ID, 0)), "还没有保存过版本"},
		{first(db.Version(d.ID, 7)), "没有第 7 版"},
		{first(db.CorpusDoc(5)), "参考文件 5 不存在"},
		{db.RemoveCorpusDoc(5), "参考文件 5 不存在"},
		{db.DeleteTemplate("无"), "模板“无”不存在"},
	}
	for i, c := range checks {
		if !errors.Is(c.err, ErrNotFound) || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("check %d: err = %v, want ErrNotFound saying %q", i, c.err, c.want)
		}
	}
}

// first returns the error of a (value, error) pair.
func first[T any](_ T, err error) error { return err }

func TestOpenExplainsBadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "qicao.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("这不是数据库。", 200)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "不是起草的数据库") {
		t.Fatalf("Open on a text file: err = %v, want an explanation in Chinese", err)
	}
}
