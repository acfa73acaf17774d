package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The database, its journal, an input, any SQLite file and a folder are
// refused, Force or not, and left as they were.
func TestProtectedNeverOverwritten(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "qicao.db")
	in := filepath.Join(dir, "in.txt")
	other := filepath.Join(dir, "other.sqlite")
	write(t, db, "SQLite format 3\x00 the officer's drafts")
	write(t, db+"-wal", "wal")
	write(t, in, "一、总体要求")
	write(t, other, "SQLite format 3\x00 someone else's")
	link := filepath.Join(dir, "link.docx")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.txt")
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	g := Guard{Database: db, Inputs: []string{in}, Force: true}
	for _, p := range []string{db, db + "-wal", filepath.Join(dir, ".", "qicao.db"), link, in, hard, other, dir} {
		err := Write(p, []byte("PK word file"), 0o644, g)
		if !errors.Is(err, ErrProtected) {
			t.Errorf("%s: %v, want refused", p, err)
		}
	}
	if read(t, db) != "SQLite format 3\x00 the officer's drafts" || read(t, in) != "一、总体要求" ||
		read(t, other) != "SQLite format 3\x00 someone else's" || read(t, db+"-wal") != "wal" {
		t.Fatal("a protected file changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 6 {
		t.Errorf("%d entries left in the folder, want the 6 made here", len(entries))
	}
}

// Another existing file needs Force; a new file does not.
func TestExistingNeedsForce(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "修订稿.docx")
	if err := Write(out, []byte("first"), 0o644, Guard{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, []byte("second"), 0o644, Guard{}); !errors.Is(err, ErrExists) {
		t.Fatalf("overwrite without Force: %v", err)
	}
	if read(t, out) != "first" {
		t.Fatal("overwritten without Force")
	}
	os.Chmod(out, 0o600)
	if err := Write(out, []byte("second"), 0o644, Guard{Force: true}); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(out)
	if read(t, out) != "second" || fi.Mode().Perm() != 0o600 {
		t.Fatalf("after Force: %q, mode %v", read(t, out), fi.Mode())
	}
}

// A writer that fails leaves the old file whole and no temporary behind.
func TestFailedWriteLeavesOld(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.html")
	write(t, out, "old report")
	err := WriteFunc(out, 0o644, Guard{Force: true}, func(w io.Writer) error {
		w.Write([]byte("half a rep"))
		return errors.New("生成失败")
	})
	if err == nil || read(t, out) != "old report" {
		t.Fatalf("%v; file now %q", err, read(t, out))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries left, want only the report", len(entries))
	}
}
