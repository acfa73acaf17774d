package window

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Issue 12, failure 1, in the window: an export named like the open
// database is refused even when the officer confirmed replacing; another
// existing file is replaced only after the question.
func TestExportNeverClobbersDatabase(t *testing.T) {
	s, cv := openCompare(t)
	db := s.Session.WS.Path()
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	cv.writeFile(db, true, cv.ExportHTML)
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Fatal("the export overwrote the database")
	}
	other := filepath.Join(t.TempDir(), "比对报告.html")
	os.WriteFile(other, []byte("旧报告"), 0o644)
	cv.writeFile(other, false, cv.ExportHTML)
	if b, _ := os.ReadFile(other); string(b) != "旧报告" {
		t.Fatal("replaced without asking")
	}
	cv.writeFile(other, true, func(w io.Writer) error { return cv.ExportHTML(w) })
	if b, _ := os.ReadFile(other); !bytes.Contains(b, []byte("</html>")) {
		t.Fatal("not replaced once confirmed")
	}
}
