package window

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"qicao/app/window/outlinemodel"
	"qicao/drafts"
	"qicao/drafts/undo"
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
	uids := []string{pathUID(outlinemodel.PathOf(doc, doc.ClauseByOrdinal(3))), pathUID(outlinemodel.PathOf(doc, doc.ClauseByOrdinal(20)))}
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

// bigWorkingText makes the open draft's working text n numbered clauses
// long: the example's own 1. clauses again and again, 50 to a section.
func bigWorkingText(b *testing.B, s *Shell, n int) {
	var bodies []string
	for _, c := range s.Session.Doc.Clauses() {
		if c.Style.Family == 3 && c.Label != "" {
			bodies = append(bodies, strings.TrimSpace(c.Text))
		}
	}
	var t strings.Builder
	t.WriteString("泰安市人民政府关于以科技创新引领现代化产业体系建设的实施意见\n\n一、重点任务\n\n")
	for i := range n {
		if i%50 == 0 {
			fmt.Fprintf(&t, "（%s）第%d批行动\n\n", drafts.HanNumeral(i/50+1), i/50+1)
		}
		fmt.Fprintf(&t, "%d.%s\n", i%50+1, bodies[i%len(bodies)])
	}
	s.SetText(t.String())
	if got := len(s.Session.Doc.Clauses()); got < n {
		b.Fatalf("%d clauses, want %d", got, n)
	}
}

// BenchmarkEditorFind2000 types a query into the find bar over a
// 2,000-clause draft until the hits are counted, the outline marked and
// the status shown; the text is folded again each time, as after an edit.
func BenchmarkEditorFind2000(b *testing.B) {
	s := editorShell(b)
	bigWorkingText(b, s, 2000)
	s.openFind(false)
	bar := s.Session.find.bar
	queries := []string{"市科技局", "科技創新"}
	i := 0
	for b.Loop() {
		bar.finder = nil
		bar.query.SetText(queries[i%2])
		i++
		if len(s.Session.find.hits) < 100 {
			b.Fatalf("%d hits", len(s.Session.find.hits))
		}
	}
}

// BenchmarkEditorUndoInsert undoes a clause inserted after clause 9:
// the text back, re-parsed, the outline and the clause pane redrawn.
func BenchmarkEditorUndoInsert(b *testing.B) {
	s := editorShell(b)
	for b.Loop() {
		b.StopTimer()
		selectClause(b, s, 9)
		s.insertClause()
		b.StartTimer()
		if s.Undo() != undo.Insert {
			b.Fatal("nothing undone")
		}
	}
}

// BenchmarkEditorReplaceAll2000 replaces every 市科技局 of a 2,000-clause
// draft (one undo step, the text re-parsed, outline and hits redrawn);
// the undo that restores the text is not timed.
func BenchmarkEditorReplaceAll2000(b *testing.B) {
	s := editorShell(b)
	bigWorkingText(b, s, 2000)
	s.openFind(true)
	bar := s.Session.find.bar
	bar.with.SetText("市科学技术局")
	for b.Loop() {
		b.StopTimer()
		bar.query.SetText("市科技局")
		n := len(s.Session.find.hits)
		b.StartTimer()
		bar.replaceAll()
		b.StopTimer()
		if n < 100 || len(s.Session.find.hits) != 0 {
			b.Fatalf("%d hits, %d left", n, len(s.Session.find.hits))
		}
		s.Undo()
		b.StartTimer()
	}
}

// BenchmarkEditorCleanUp is 清除 on the 泰安 web page pasted as the
// working text: 18 lines out, the original kept (the first time), one
// undo step, re-parse, outline.
func BenchmarkEditorCleanUp(b *testing.B) {
	s := editorShell(b)
	raw, err := os.ReadFile("../../assets/corpus/002_5544c373c39e6580.txt")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		s.SetText(string(raw))
		b.StartTimer()
		if note, err := s.CleanUp(); err != nil || note == "" {
			b.Fatalf("nothing cleaned: %v", err)
		}
	}
}

// BenchmarkEditorNewDraft opens a new 管理办法 draft on its skeleton, as
// 新建草稿 → 确定 does: the draft made, its text written, opened in the
// editor.
func BenchmarkEditorNewDraft(b *testing.B) {
	s := editorShell(b)
	p := newDraftsPage(s)
	for b.Loop() {
		p.create("", "管理办法", "泰安市")
	}
	if !strings.Contains(s.Session.Text, "第一条") {
		b.Fatal("no skeleton")
	}
}
