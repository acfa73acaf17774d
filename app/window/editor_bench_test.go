package window

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// The editor's costs on Fyne's test driver with the example draft
// (泰安's 征求意见稿 and 印发稿): docs/BENCHMARKS.md, "Window: editor".
//
//	go test ./app/window/ -run '^$' -bench Editor -benchtime 20x

// BenchmarkEditorOpenDraft opens the example draft with the editor on
// screen: read, parse, outline, clause pane.
func BenchmarkEditorOpenDraft(b *testing.B) {
	s := editorShell(b)
	id := s.Session.DraftID
	b.ResetTimer()
	for b.Loop() {
		s.CloseDraft()
		if err := s.OpenDraft(id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEditorSwitchClause chooses another clause in the outline until
// the clause pane shows it.
func BenchmarkEditorSwitchClause(b *testing.B) {
	s := editorShell(b)
	tree := find[*outlineTree](b, s, "editor")
	entry := find[*clauseEntry](b, s, "editor")
	doc := s.Session.Doc
	uids := []string{pathUID(pathOf(doc, doc.ClauseByOrdinal(3))), pathUID(pathOf(doc, doc.ClauseByOrdinal(20)))}
	i := 0
	for b.Loop() {
		tree.Select(uids[i%2])
		i++
		if entry.Text == "" {
			b.Fatal("clause pane empty")
		}
	}
}

// BenchmarkEditorTypeChar types one character into clause 9.
func BenchmarkEditorTypeChar(b *testing.B) {
	s := editorShell(b)
	selectClause(b, s, 9)
	entry := find[*clauseEntry](b, s, "editor")
	for b.Loop() {
		test.Type(entry, "字")
	}
}

// BenchmarkEditorApplyEdit is the work after a pause in typing: the
// clause's text written into the working text, re-parsed, the outline and
// panels refreshed (it runs once per pause, not per keystroke).
func BenchmarkEditorApplyEdit(b *testing.B) {
	s := editorShell(b)
	selectClause(b, s, 9)
	entry := find[*clauseEntry](b, s, "editor")
	for b.Loop() {
		test.Type(entry, "字")
		s.FlushClauseEdit()
	}
}

// BenchmarkEditorInsertClause inserts a clause after clause 9 from the
// outline: structural edit, renumbering, re-parse, outline refresh.
func BenchmarkEditorInsertClause(b *testing.B) {
	s := editorShell(b)
	for b.Loop() {
		b.StopTimer()
		s.RestoreVersion(1)
		selectClause(b, s, 9)
		b.StartTimer()
		s.insertClause()
	}
}
