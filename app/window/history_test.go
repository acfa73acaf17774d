package window

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"qicao/drafts"
	"qicao/drafts/undo"
)

// TestUndoEveryEdit: Ctrl+Z undoes, in order, typing in two clauses, an
// inserted suggestion, a move, a renumber and a restored version, each
// putting the cursor back where it was; Ctrl+Y makes them again; saving a
// version ends the history.
func TestUndoEveryEdit(t *testing.T) {
	s := editorShell(t)
	entry := find[*clauseEntry](t, s, "editor")
	texts := []string{s.Session.Text}
	cursors := []int{}
	did := func(what string) {
		t.Helper()
		if s.Session.Text == texts[len(texts)-1] {
			t.Fatalf("%s changed nothing", what)
		}
		texts = append(texts, s.Session.Text)
	}

	c3 := selectClause(t, s, 3)
	cursors = append(cursors, c3.Span.Start)
	typeAtEnd(entry, "（甲）")
	s.FlushClauseEdit()
	did("typing in clause 3")

	c5 := selectClause(t, s, 5)
	cursors = append(cursors, c5.Span.Start)
	typeAtEnd(entry, "（乙）")
	s.FlushClauseEdit()
	did("typing in clause 5")

	cursors = append(cursors, s.SelectedNode().Span.Start)
	if _, err := s.InsertAfterSelected(undo.Suggestion, "加强科技金融服务。"); err != nil {
		t.Fatal(err)
	}
	did("inserting a suggestion")

	cursors = append(cursors, s.SelectedNode().Span.Start)
	s.structural(undo.Move, drafts.MoveUp)
	did("moving the new clause up")

	cursors = append(cursors, s.SelectedNode().Span.Start)
	text := strings.Replace(s.Session.Text, "\n7.", "\n17.", 1)
	s.record(undo.Typing, func() { s.SetText(text) })
	did("misnumbering")
	cursors = append(cursors, s.SelectedNode().Span.Start)
	s.renumberAll()
	did("renumbering")

	cursors = append(cursors, s.SelectedNode().Span.Start)
	if err := s.RestoreVersion(1); err != nil {
		t.Fatal(err)
	}
	did("restoring version 1")

	kinds := []undo.Kind{undo.Restore, undo.Renumber, undo.Typing, undo.Move, undo.Suggestion, undo.Typing, undo.Typing}
	for i, want := range kinds {
		if i == 0 {
			entry.TypedShortcut(&fyne.ShortcutUndo{}) // Ctrl+Z in the clause pane
		} else if got := s.Undo(); got != want {
			t.Fatalf("undo %d undid %q, want %q", i+1, got, want)
		}
		k := len(texts) - 2 - i
		if s.Session.Text != texts[k] {
			t.Fatalf("after undoing %s the text is not what it was", want)
		}
		if n := s.SelectedNode(); n == nil || n.Span.Start != cursors[k] {
			t.Errorf("after undoing %s the cursor is on %v, want the node at %d", want, n, cursors[k])
		}
	}
	if got := s.Undo(); got != "" {
		t.Errorf("undid %q past the opened text", got)
	}
	for i := range kinds {
		s.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(&fyne.ShortcutRedo{}) // Ctrl+Y, nothing focused
		if s.Session.Text != texts[i+1] {
			t.Fatalf("redo %d did not make the change again", i+1)
		}
	}

	if err := s.SaveVersion("测试"); err != nil {
		t.Fatal(err)
	}
	if got := s.Undo(); got != "" || s.Session.Text != texts[len(texts)-1] {
		t.Errorf("undid %q across a saved version", got)
	}
}

// TestUndoTypingIsOneStepPerClause: keystrokes written back in several
// pauses in one clause are one step; another clause starts another.
func TestUndoTypingIsOneStepPerClause(t *testing.T) {
	s := editorShell(t)
	entry := find[*clauseEntry](t, s, "editor")
	start := s.Session.Text
	selectClause(t, s, 2)
	for _, w := range []string{"一", "二", "三"} {
		typeAtEnd(entry, w)
		s.FlushClauseEdit()
	}
	if u, _ := s.Session.history.Len(); u != 1 {
		t.Fatalf("%d steps for typing in one clause", u)
	}
	s.Undo()
	if s.Session.Text != start {
		t.Error("undo did not take back the clause's typing")
	}
}

// typeAtEnd types text at the end of the entry's text.
func typeAtEnd(e *clauseEntry, text string) {
	e.CursorRow = strings.Count(e.Text, "\n")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(e, text)
}
