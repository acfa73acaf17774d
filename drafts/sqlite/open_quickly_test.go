package sqlite

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qicao/drafts"
)

// smashPage overwrites the root page of table's b-tree with garbage, as
// a bad sector would.
func smashPage(t *testing.T, path, table string) {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var page, size int64
	err = raw.QueryRow(`SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema WHERE name = ?`, table).Scan(&page, &size)
	raw.Close()
	if err != nil {
		t.Fatalf("the root page of %s: %v", table, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt([]byte(strings.Repeat("\xa5", int(size))), (page-1)*size); err != nil {
		t.Fatal(err)
	}
}

// corpusAndDrafts makes a database with drafts and enough corpus
// documents to fill pages of their own, and closes it.
func corpusAndDrafts(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "qicao.db")
	db := openAt(t, path)
	for range 5 {
		mustDraft(t, db, "草稿", strings.Repeat("（一）推进科技创新。", 300))
	}
	b, err := os.ReadFile("../../assets/corpus/000_821d8b4d3cdede77.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		text := strings.Replace(string(b), "科技", strings.Repeat("科", i+2), 1)
		doc, err := drafts.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddCorpusDoc("参考"+strings.Repeat("甲", i+1), text, doc, false); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	return path
}

// TestOpenQuicklyLeavesTheRestToCheckRest: damage to the corpus is not
// looked for by OpenQuickly (the window's first frame does not wait for a
// check of the whole file) but found by CheckRest, which makes no backup
// of the damaged file and leaves drafts to be saved; damage to the drafts is
// refused by OpenQuickly as by Open; a sound file is backed up by
// CheckRest, not before.
func TestOpenQuicklyLeavesTheRestToCheckRest(t *testing.T) {
	t.Run("corpus damaged", func(t *testing.T) {
		path := corpusAndDrafts(t)
		smashPage(t, path, "corpus_docs")
		if _, err := Open(path); problem(err) != Damaged {
			t.Fatalf("Open: %v, want Damaged", err)
		}
		db, err := OpenQuickly(path)
		if err != nil {
			t.Fatalf("OpenQuickly: %v", err)
		}
		defer db.Close()
		backups, _ := Backups(path)
		if err := db.CheckRest(); problem(err) != Damaged || !strings.Contains(err.Error(), "已损坏") {
			t.Fatalf("CheckRest: %v, want Damaged", err)
		}
		if after, _ := Backups(path); len(after) != len(backups) {
			t.Errorf("a backup of the damaged file was made: %d → %d", len(backups), len(after))
		}
		if _, err := db.CreateDraft("新", "", "一、总体要求", ""); err != nil {
			t.Errorf("a draft not saved after CheckRest found the corpus damaged: %v", err)
		}
	})
	t.Run("drafts damaged", func(t *testing.T) {
		path := corpusAndDrafts(t)
		smashPage(t, path, "versions")
		if _, err := OpenQuickly(path); problem(err) != Damaged {
			t.Fatalf("OpenQuickly: %v, want Damaged", err)
		}
	})
	t.Run("sound", func(t *testing.T) {
		path := corpusAndDrafts(t)
		for _, b := range mustBackups(t, path) {
			os.Remove(b.Path)
		}
		db, err := OpenQuickly(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if n := len(mustBackups(t, path)); n != 0 {
			t.Errorf("OpenQuickly made %d backups, want them left to CheckRest", n)
		}
		if err := db.CheckRest(); err != nil {
			t.Fatal(err)
		}
		if n := len(mustBackups(t, path)); n != 1 || db.BackupProblem() != nil {
			t.Errorf("after CheckRest: %d backups (%v), want the daily one", n, db.BackupProblem())
		}
	})
}

func mustBackups(t *testing.T, path string) []Backup {
	t.Helper()
	list, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	return list
}
