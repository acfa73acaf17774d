package window

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestFileToRedlineParsesOnce: a file imported as a new draft and compared
// (version 1 against the working text, the pair a one-version draft opens
// with) is parsed once: the editor takes ImportDraft's parse, the compare
// view the editor's. Edited, the working text is parsed once more by the
// editor, and the compare view parses only the version.
func TestFileToRedlineParsesOnce(t *testing.T) {
	a := test.NewTempApp(t)
	if err := Setup(a, Options{Language: LangChinese}); err != nil {
		t.Fatal(err)
	}
	s := testShell(t, a, testWorkspace(t))
	text, err := os.ReadFile(filepath.Join("..", "..", "assets", "corpus", "000_821d8b4d3cdede77.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ImportDraft("000.txt", string(text), "导入"); err != nil {
		t.Fatal(err)
	}
	imported := s.Session.Doc
	if imported == nil || imported.Source != string(text) {
		t.Fatal("the editor has no parse of the imported text")
	}
	s.Window.Resize(fyne.NewSize(1200, 760))
	if !s.Show("compare") {
		t.Fatal("no compare view")
	}
	cv := s.Content("compare").(*CompareView)
	settle(cv)
	if cv.oldDoc != imported || cv.newDoc != imported {
		t.Errorf("the compare view parsed again: old %p, new %p, the editor's %p", cv.oldDoc, cv.newDoc, imported)
	}
	s.SetText(string(text) + "\n（此件公开发布）\n")
	edited := s.Session.Doc
	cv.Run()
	settle(cv)
	if cv.newDoc != edited || cv.oldDoc == edited || cv.oldDoc == imported {
		t.Errorf("after an edit: old %p, new %p; the editor's %p, the import's %p", cv.oldDoc, cv.newDoc, edited, imported)
	}
}
