package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// damage overwrites pages 2 to 9 of the closed database at path with
// garbage, as a bad disk would.
func damage(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(bytes.Repeat([]byte{0x5A}, 8*4096), 4096); err != nil {
		t.Fatal(err)
	}
}

// seededDB makes a database with the first-start content, closed.
func seededDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "qicao.db")
	if code, _, errOut := run(t, db, "draft", "list"); code != 0 {
		t.Fatal(errOut)
	}
	return db
}

// Issue 12, failures 2 and 7: on a damaged database every command says so
// in Chinese with the choices (no English from SQLite), and none writes
// to it; --read-only still reads; a save is refused.
func TestDamagedDatabaseCommands(t *testing.T) {
	db := seededDB(t)
	damage(t, db)
	before, _ := os.ReadFile(db)
	text := filepath.Join(t.TempDir(), "new.txt")
	os.WriteFile(text, []byte("关于推进科技创新的实施意见\n一、总体要求\n（一）指导思想。坚持创新驱动。\n"), 0o644)
	for _, args := range [][]string{
		{"corpus", "list"}, {"suggest", "--text", "科技创新"}, {"gaps", "draft:1"}, {"draft", "list"},
		{"draft", "save", "1", "--file", text}, {"draft", "new", "--title", "新", "--file", text}, {"corpus", "add", text},
	} {
		code, _, errOut := run(t, db, args...)
		if code == 0 || !strings.Contains(errOut, "已损坏") || !strings.Contains(errOut, "qicao db restore") ||
			!strings.Contains(errOut, "--read-only") || strings.Contains(errOut, "malformed") {
			t.Errorf("%v on a damaged database: exit %d, stderr %q", args, code, errOut)
		}
	}
	if code, _, errOut := run(t, db, "--read-only", "draft", "save", "1", "--file", text); code == 0 || !strings.Contains(errOut, "只读") {
		t.Errorf("read-only save: exit %d %q", code, errOut)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Fatal("a command wrote into the damaged database")
	}
	if code, out, _ := run(t, db, "db", "check"); code == 0 || !strings.Contains(out, "已损坏") {
		t.Errorf("db check on damaged: exit %d %q", code, out)
	}
}

// Backup, damage, restore: the backup's drafts come back and the damaged
// file is kept aside; db new starts afresh the same way.
func TestBackupRestoreNew(t *testing.T) {
	db := seededDB(t)
	code, out, errOut := run(t, db, "db", "backup")
	if code != 0 || !strings.Contains(out, "已备份到") {
		t.Fatalf("db backup: %d %s %s", code, out, errOut)
	}
	backup := strings.TrimSpace(strings.TrimPrefix(out, "已备份到"))
	if code, out, _ := run(t, db, "db", "check"); code != 0 || !strings.Contains(out, "完好") {
		t.Fatalf("db check: %d %s", code, out)
	}
	run(t, db, "draft", "new", "--title", "备份之后的草稿")
	damage(t, db)
	if _, out, _ := run(t, db, "db", "restore"); !strings.Contains(out, backup) {
		t.Errorf("db restore lists %q, want %s", out, backup)
	}
	code, out, errOut = run(t, db, "db", "restore", backup)
	if code != 0 || !strings.Contains(out, "已移到") {
		t.Fatalf("db restore: %d %s %s", code, out, errOut)
	}
	if _, out, _ := run(t, db, "draft", "list"); strings.Contains(out, "备份之后的草稿") || !strings.Contains(out, "示例") {
		t.Errorf("after restore: %s", out)
	}
	if code, _, errOut := run(t, db, "db", "new"); code == 0 || !strings.Contains(errOut, "--force") {
		t.Errorf("db new on a sound database: %d %s", code, errOut)
	}
	damage(t, db)
	if code, out, errOut := run(t, db, "db", "new"); code != 0 || !strings.Contains(out, "已新建") {
		t.Fatalf("db new: %d %s %s", code, out, errOut)
	}
	if aside, _ := filepath.Glob(db + ".damaged-*[0-9]"); len(aside) != 1 {
		t.Errorf("damaged database not kept aside: %v", aside)
	}
}

// Issue 12, failure 6: another program's SQLite file as --db is refused
// and left alone.
func TestForeignDatabaseRefused(t *testing.T) {
	other := filepath.Join(t.TempDir(), "notes.docx")
	os.WriteFile(other, []byte("PK\x03\x04 a Word file"), 0o644)
	code, _, errOut := run(t, other, "draft", "list")
	if code == 0 || !strings.Contains(errOut, "不是起草的数据库") || strings.Contains(errOut, "--read-only") {
		t.Errorf("a Word file as --db: %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(other); string(b) != "PK\x03\x04 a Word file" {
		t.Error("the Word file changed")
	}
}

// Issue 12, failure 10: a title typed in a GBK terminal is stored as the
// Chinese it is; in a UTF-8 locale the same bytes are refused and nothing
// is stored.
func TestLocaleArguments(t *testing.T) {
	db := seededDB(t)
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("经济发展规划纲要")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_CTYPE", "")
	t.Setenv("LANG", "C.UTF-8")
	if code, _, errOut := run(t, db, "draft", "new", "--title", gbk); code != 2 || !strings.Contains(errOut, "UTF-8") {
		t.Errorf("GBK bytes in a UTF-8 locale: exit %d %q", code, errOut)
	}
	t.Setenv("LANG", "zh_CN.GBK")
	if code, _, errOut := run(t, db, "draft", "new", "--title", gbk); code != 0 {
		t.Fatalf("GBK title in a GBK locale: %s", errOut)
	}
	_, out, _ := run(t, db, "draft", "list")
	if !strings.Contains(out, "经济发展规划纲要") || strings.Count(out, "经济发展规划纲要") != 1 {
		t.Errorf("draft list: %s", out)
	}
}
