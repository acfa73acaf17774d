package window

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"qicao/drafts"
)

// writeFile writes text to name in a temporary folder and returns its path.
func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// shownPair is what the compare view's pickers show and its comparison.
func shownPair(cv *CompareView) (old, new string, c *drafts.Comparison) {
	return cv.oldSel.Selected, cv.newSel.Selected, cv.c
}

// wantComparison fails unless the view compared oldText with newText.
func wantComparison(t *testing.T, cv *CompareView, oldText, newText string) {
	t.Helper()
	_, _, want, err := CompareTexts(oldText, newText, false)
	if err != nil {
		t.Fatal(err)
	}
	if cv.c == nil || cv.c.Summary != want.Summary || len(cv.c.Pairs) != len(want.Pairs) {
		t.Fatalf("the view compared something else: %+v, want %+v", cv.c, want.Summary)
	}
	if cv.oldDoc.Source != oldText || cv.newDoc.Source != newText {
		t.Error("the view's documents are not the texts compared")
	}
}

// A file dropped on the editor is offered to compare with the working
// text; the compare view then shows the file against it.
func TestDropOneFileComparesWithWorkingText(t *testing.T) {
	s, cv := openCompare(t)
	v2, err := s.Session.WS.Version(1, 2)
	if err != nil {
		t.Fatal(err)
	}
	s.SetText(v2.Text + "\n四、附则\n本意见自印发之日起施行。\n")
	edited := strings.Replace(v2.Text, "1300家", "1500家", 1)
	path := writeFile(t, "泰安-修改.txt", edited)
	s.Show("editor")
	s.Dropped([]fyne.URI{storage.NewFileURI(path)})
	top := s.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("dropping a file asked nothing")
	}
	tapButton(t, top, "与工作稿比对")
	settle(cv)
	if s.Current() != "compare" {
		t.Fatalf("the window shows %q, not the compare view", s.Current())
	}
	if o, n, _ := shownPair(cv); o != "文件 · 泰安-修改.txt" || n != "工作稿" {
		t.Errorf("the pickers show %q against %q", o, n)
	}
	wantComparison(t, cv, edited, s.Session.Text)
	if len(cv.c.Figures) == 0 {
		t.Error("no changed figure between the file and the working text")
	}
	// The file stays a source: the officer may put it on the other side.
	if !strings.Contains(strings.Join(cv.oldSel.Options, "|"), "泰安-修改.txt") {
		t.Error("the file is not among the sources")
	}
}

// Two files dropped on the compare view are compared with each other at
// once, the first as the old side.
func TestDropTwoFilesOnCompareView(t *testing.T) {
	s, cv := openCompare(t)
	v1, _ := s.Session.WS.Version(1, 1)
	v2, _ := s.Session.WS.Version(1, 2)
	a, b := writeFile(t, "old.txt", v1.Text), writeFile(t, "new.txt", v2.Text)
	s.Dropped([]fyne.URI{storage.NewFileURI(a), storage.NewFileURI(b)})
	if s.Window.Canvas().Overlays().Top() != nil {
		t.Error("dropping on the compare view asked")
	}
	settle(cv)
	if o, n, _ := shownPair(cv); o != "文件 · old.txt" || n != "文件 · new.txt" {
		t.Errorf("the pickers show %q against %q", o, n)
	}
	wantComparison(t, cv, v1.Text, v2.Text)
	// Dropped again: listed once each.
	s.Dropped([]fyne.URI{storage.NewFileURI(b), storage.NewFileURI(a)})
	settle(cv)
	if o, n, _ := shownPair(cv); o != "文件 · new.txt" || n != "文件 · old.txt" {
		t.Errorf("dropped again the other way: %q against %q", o, n)
	}
	if got := strings.Count(strings.Join(cv.oldSel.Options, "|"), "old.txt"); got != 1 {
		t.Errorf("old.txt is listed %d times", got)
	}
}

// Dropped on the drafts view, a file is still imported as a new draft
// when the officer says so.
func TestDropFileImportsWhenAsked(t *testing.T) {
	s := editorShell(t)
	s.Show("drafts")
	before, err := s.Session.WS.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "新文件.txt", "关于推进科技创新的实施意见\n一、总体要求\n加快建设创新型城市。\n")
	s.Dropped([]fyne.URI{storage.NewFileURI(path)})
	tapButton(t, s.Window.Canvas().Overlays().Top(), "导入为新草稿")
	waitFor(t, func() bool {
		list, err := s.Session.WS.Drafts()
		return err == nil && len(list) == len(before)+1
	})
	if s.Session.Title != "关于推进科技创新的实施意见" {
		t.Errorf("the draft open is %q", s.Session.Title)
	}
}

// qicao FILE1 FILE2 (Options.Compare): the window opens comparing them,
// by paths relative to the working directory.
func TestCompareFilesFromCommandLine(t *testing.T) {
	s, cv := openCompare(t)
	v1, _ := s.Session.WS.Version(1, 1)
	v2, _ := s.Session.WS.Version(1, 2)
	a := writeFile(t, "v1.txt", v1.Text)
	t.Chdir(filepath.Dir(a))
	b := writeFile(t, "v2.txt", v2.Text)
	s.Show("drafts")
	s.CompareFiles([]string{"v1.txt", b})
	settle(cv)
	if o, n, _ := shownPair(cv); s.Current() != "compare" || o != "文件 · v1.txt" || n != "文件 · v2.txt" {
		t.Errorf("the window shows %q: %q against %q", s.Current(), o, n)
	}
	wantComparison(t, cv, v1.Text, v2.Text)
}
